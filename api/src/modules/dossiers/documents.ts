/**
 * Issued documents of a dossier (Mẫu 01-04, results, payment requests, waybills ...): a numbered row in
 * `dossier_document`, with its PDF in the file storage when there is one. Idempotent per engine job.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { dueDate } from '../../domain/deadlines.js';
import type {
  FormHeader,
  ReceiptData,
  TrackingLogData,
  TrackingLogRow,
} from '../../domain/forms-pdf/index.js';
import { formatVnDate } from '../../domain/vn-format.js';
import { ProblemError } from '../../plugins/errors.js';
import { calendarAt } from './calendar.js';
import { nextDocumentNumber, type DossierRow } from './repository.js';
import { dossierFileKey, type FileStorage } from './storage.js';

/** A document to issue. */
export interface IssueRequest {
  dossier: DossierRow;
  kind: string;
  /** Series suffix of the number, e.g. `TNHS` gives `12/2026/TNHS`. */
  series: string;
  at: number;
  jobKey?: string;
  data?: Record<string, unknown>;
  /** Renders the PDF once the number is known. */
  render?: (number: string) => Promise<Buffer>;
}

/** An issued document. */
export interface IssuedDocument {
  id: string;
  number: string;
  storageKey: string | null;
}

/** The agency's names for a form header. */
export async function agencyHeader(
  pool: pg.Pool,
  agencyCode: string,
  number: string | undefined,
  at: number,
): Promise<FormHeader> {
  const r = await pool.query<{ name: string; parent: string | null }>(
    `SELECT a.name, p.name AS parent FROM agency a LEFT JOIN agency p ON p.code = a.parent_code WHERE a.code = $1 ORDER BY a.valid_from DESC LIMIT 1`,
    [agencyCode],
  );
  const row = r.rows[0];
  return {
    parentAgency: (row?.parent ?? 'Ủy ban nhân dân tỉnh Tiền Giang').toUpperCase(),
    agency: (row?.name ?? 'Bộ phận tiếp nhận và trả kết quả').toUpperCase(),
    number: number ? `Số: ${number}` : undefined,
    place: 'Tiền Giang',
    date: at,
  };
}

/** Issues (or, for a re-delivered job, finds) a document. */
export async function issueDocument(
  pool: pg.Pool,
  storage: FileStorage,
  req: IssueRequest,
): Promise<IssuedDocument> {
  if (req.jobKey) {
    const done = await pool.query<{ id: string; number: string; storage_key: string | null }>(
      `SELECT id, number, storage_key FROM dossier_document WHERE job_key = $1`,
      [req.jobKey],
    );
    const row = done.rows[0];
    if (row) return { id: row.id, number: row.number, storageKey: row.storage_key };
  }
  const year = new Date(req.at + 7 * 3_600_000).getUTCFullYear();
  const seq = await nextDocumentNumber(pool, `${req.dossier.agency_code}:${req.series}`, year);
  const number = `${seq}/${year}/${req.series}`;
  const id = randomUUID();
  let storageKey: string | null = null;
  if (req.render) {
    storageKey = dossierFileKey(req.dossier.code, `${req.kind}-${id}.pdf`);
    await storage.put(storageKey, await req.render(number));
  }
  await pool.query(
    `INSERT INTO dossier_document (id, dossier_code, kind, number, storage_key, data, job_key, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (job_key) DO NOTHING`,
    [
      id,
      req.dossier.code,
      req.kind,
      number,
      storageKey,
      JSON.stringify(req.data ?? {}),
      req.jobKey ?? null,
      new Date(req.at),
    ],
  );
  return { id, number, storageKey };
}

/** An entry of the processing history that records an event without a status change (e.g. Mẫu 04 issued). */
export interface HistoryNote {
  dossierCode: string;
  at: number;
  note: string;
  elementId?: string | null;
  /** Makes the entry idempotent for a re-delivered job. */
  jobKey?: string | null;
  actor?: string | null;
}

/**
 * Adds a history entry at the dossier's current status (status unchanged, read in the same statement so that a
 * concurrent transition is not undone). The DVCQG status follows `toDvcqgStatus` (5, 6, 8 are pushed as 9).
 */
export async function recordHistoryNote(pool: pg.Pool, n: HistoryNote): Promise<void> {
  await pool.query(
    `INSERT INTO dossier_history (dossier_code, status, from_status, element_id, job_key, actor, at, due_at, note, dvcqg_status)
     SELECT code, status, status, $2, $3, $4, $5, due_at, $6, CASE WHEN status IN (5, 6, 8) THEN 9 ELSE status END
       FROM dossier WHERE code = $1 AND status IS NOT NULL
     ON CONFLICT (job_key) DO NOTHING`,
    [n.dossierCode, n.elementId ?? null, n.jobKey ?? null, n.actor ?? null, new Date(n.at), n.note],
  );
}

/**
 * Largest period of one register (Mẫu 06), in local days, and most rows in one PDF: pdfkit draws on the event loop,
 * about 0.85 ms a row (2,000 rows: ~1.7 s, ~280 A4 pages); a longer register is asked for in shorter periods.
 */
export const REGISTER_MAX_DAYS = 366;
export const REGISTER_MAX_ROWS = 2000;

const DAY_MS = 86_400_000;
const VN_MS = 7 * 3_600_000;

/** A period of local days, both ends included. */
export interface RegisterPeriod {
  fromDay: string;
  toDay: string;
  /** UTC instants of local midnight starting `fromDay` and ending `toDay` (exclusive). */
  from: number;
  to: number;
}

const badDate = (value: string) =>
  new ProblemError(
    400,
    `Ngày "${value}" không hợp lệ: hãy nhập theo dạng YYYY-MM-DD, ví dụ 2026-03-31.`,
    `Invalid date "${value}" (expected YYYY-MM-DD).`,
    { code: 'BAD_DATE' },
  );

/** Local midnight (UTC+7) of a real calendar day `YYYY-MM-DD`; 400 otherwise (2026-02-30 is refused). */
function startOfLocalDay(value: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) throw badDate(value);
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(utc).toISOString().slice(0, 10) !== value) throw badDate(value);
  return utc - VN_MS;
}

const localDay = (t: number): string => new Date(t + VN_MS).toISOString().slice(0, 10);
const monthBounds = (day: string): [string, string] => {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return [`${day.slice(0, 7)}-01`, new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)];
};

/**
 * The register's period from the query: both days given, or one day (the other end is that day's month), or
 * none (the current month). 400 with a Vietnamese message for a bad date, `from` after `to`, or more than
 * {@link REGISTER_MAX_DAYS} days.
 */
export function registerPeriod(
  fromQuery: string | undefined,
  toQuery: string | undefined,
  now: number,
): RegisterPeriod {
  const anchor = fromQuery ?? toQuery ?? localDay(now);
  startOfLocalDay(anchor);
  const [monthStart, monthEnd] = monthBounds(anchor);
  const fromDay = fromQuery ?? monthStart;
  const toDay = toQuery ?? monthEnd;
  const from = startOfLocalDay(fromDay);
  const to = startOfLocalDay(toDay) + DAY_MS;
  if (from >= to)
    throw new ProblemError(
      400,
      'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.',
      '`from` must not be after `to`.',
      { code: 'BAD_PERIOD' },
    );
  if ((to - from) / DAY_MS > REGISTER_MAX_DAYS) {
    throw new ProblemError(
      400,
      `Mỗi lần chỉ in được sổ theo dõi hồ sơ của tối đa ${REGISTER_MAX_DAYS} ngày; hãy chọn khoảng thời gian ngắn hơn.`,
      `The period may not exceed ${REGISTER_MAX_DAYS} days.`,
      { code: 'PERIOD_TOO_LONG', maxDays: REGISTER_MAX_DAYS },
    );
  }
  return { fromDay, toDay, from, to };
}

/** "Tháng 3 năm 2026" for a whole month, else "Từ ngày 01/03/2026 đến ngày 15/03/2026". */
export function periodLabel(p: RegisterPeriod): string {
  const [monthStart, monthEnd] = monthBounds(p.fromDay);
  if (p.fromDay === monthStart && p.toDay === monthEnd)
    return `Tháng ${Number(p.fromDay.slice(5, 7))} năm ${p.fromDay.slice(0, 4)}`;
  return `Từ ngày ${formatVnDate(p.from)} đến ngày ${formatVnDate(p.to - DAY_MS)}`;
}

interface RegisterRow {
  code: string;
  procedure_name: string;
  status: number | null;
  applicant_name: string;
  applicant_address: string | null;
  applicant_phone: string | null;
  received_at: Date;
  due_at: Date | null;
  appointment_at: Date | null;
  transferred_at: Date | null;
  finished_at: Date | null;
  returned_at: Date | null;
  apologised: boolean;
  result_refused: boolean;
}

const CLOSED_NOTE: Record<number, string> = {
  3: 'Không được tiếp nhận',
  7: 'Công dân đã rút hồ sơ',
  8: 'Dừng xử lý',
};

/** The "Ghi chú" of a row: refused, withdrawn, stopped, late (§4.2: against the legal due date), apology. */
function noteOf(r: RegisterRow, now: number): string {
  const notes: string[] = [];
  const closed = r.status !== null ? CLOSED_NOTE[r.status] : undefined;
  if (closed) notes.push(closed);
  if (r.result_refused) notes.push('Từ chối giải quyết (có văn bản trả lời)');
  const done = r.finished_at ?? r.returned_at;
  const due = r.due_at?.getTime();
  if (due !== undefined && done && done.getTime() > due) notes.push('Trễ hạn');
  else if (due !== undefined && !done && !closed && now > due) notes.push('Quá hạn');
  if (r.apologised && r.appointment_at) notes.push(`Đã xin lỗi, hẹn lại ${formatVnDate(r.appointment_at)}`);
  return notes.join('; ');
}

/**
 * Rows of Mẫu 06 for one agency: dossiers received in [from, to) (time of receipt; for a dossier refused at the
 * desk, which has none, the time of submission), oldest first. Undefined when there are more than `maxRows`.
 */
export async function registerRows(
  pool: pg.Pool,
  agencyCode: string,
  agencyName: string,
  period: RegisterPeriod,
  now: number,
  maxRows = REGISTER_MAX_ROWS,
): Promise<TrackingLogRow[] | undefined> {
  const r = await pool.query<RegisterRow>(
    `SELECT d.code, d.procedure_name, d.status, d.applicant_name, d.applicant_address, d.applicant_phone,
            COALESCE(d.received_at, d.submitted_at) AS received_at, d.due_at, d.appointment_at, d.finished_at, d.returned_at,
            (SELECT min(h.at) FROM dossier_history h WHERE h.dossier_code = d.code AND h.status = 4) AS transferred_at,
            EXISTS (SELECT 1 FROM dossier_document x WHERE x.dossier_code = d.code AND x.kind = 'apology') AS apologised,
            EXISTS (SELECT 1 FROM dossier_document x WHERE x.dossier_code = d.code AND x.kind = 'result' AND x.data->>'refused' = 'true') AS result_refused
       FROM dossier d
      WHERE d.agency_code = $1 AND d.lifecycle <> 'start-failed'
        AND ((d.received_at >= $2 AND d.received_at < $3) OR (d.received_at IS NULL AND d.status = 3 AND d.submitted_at >= $2 AND d.submitted_at < $3))
      ORDER BY COALESCE(d.received_at, d.submitted_at), d.code
      LIMIT $4`,
    [agencyCode, new Date(period.from), new Date(period.to), maxRows + 1],
  );
  if (r.rows.length > maxRows) return undefined;
  return r.rows.map((x) => ({
    dossierCode: x.code,
    procedureName: x.procedure_name,
    setCount: 1,
    applicant: {
      name: x.applicant_name,
      address: x.applicant_address ?? undefined,
      phone: x.applicant_phone ?? undefined,
    },
    leadAgency: agencyName,
    receivedAt: x.received_at.getTime(),
    dueAt: x.due_at?.getTime(),
    transferredAt: x.transferred_at?.getTime(),
    resultReceivedAt: x.finished_at?.getTime(),
    returnedAt: x.returned_at?.getTime(),
    note: noteOf(x, now),
  }));
}

/** Everything Mẫu 06 needs for one agency and period; 400 when the period holds too many dossiers. */
export async function registerData(
  pool: pg.Pool,
  agencyCode: string,
  period: RegisterPeriod,
  now: number,
  maxRows = REGISTER_MAX_ROWS,
): Promise<TrackingLogData> {
  const header = await agencyHeader(pool, agencyCode, undefined, now);
  const name = await pool.query<{ name: string }>(
    `SELECT name FROM agency WHERE code = $1 ORDER BY valid_from DESC LIMIT 1`,
    [agencyCode],
  );
  const rows = await registerRows(pool, agencyCode, name.rows[0]?.name ?? agencyCode, period, now, maxRows);
  if (!rows) {
    throw new ProblemError(
      400,
      `Khoảng thời gian đã chọn có hơn ${maxRows.toLocaleString('vi-VN')} hồ sơ; hãy chọn khoảng thời gian ngắn hơn.`,
      `More than ${maxRows} dossiers in the period: choose a shorter one.`,
      { code: 'TOO_MANY_ROWS', maxRows },
    );
  }
  return { header, period: periodLabel(period), rows };
}

/** Where the result is returned (Mẫu 01, line 6), by delivery method. */
export const RESULT_DELIVERY: Record<string, string> = {
  'in-person': 'Bộ phận tiếp nhận và trả kết quả',
  post: 'Qua dịch vụ bưu chính công ích',
  online: 'Trực tuyến trên Cổng dịch vụ công',
};

/**
 * Mẫu 01 of a dossier with its tracking secret printed ("Mã tra cứu"), rendered on demand: the stored Mẫu 01
 * cannot carry the secret, of which only a hash is kept. The number is that of the issued receipt when there is
 * one; before the completeness check sets the appointment, the date is estimated from the procedure's limit for
 * the dossier's channel (noted "dự kiến"), or left blank for a procedure without an appointment date.
 */
export async function receiptSlipData(
  pool: pg.Pool,
  d: DossierRow,
  trackingSecret: string,
  now: number,
): Promise<ReceiptData> {
  const p = (
    await pool.query<{
      day_kind: 'working' | 'calendar' | null;
      days_online: string | null;
      days_paper: string | null;
      documents: { name: string }[] | null;
      variants: { id: string; noAppointmentDate?: boolean }[] | null;
    }>(`SELECT day_kind, days_online, days_paper, documents, variants FROM procedure WHERE id = $1`, [
      d.procedure_id,
    ])
  ).rows[0];
  const rawDays = Number((d.channel === 'online' ? p?.days_online : p?.days_paper) ?? p?.days_paper ?? 5);
  const days = Number.isFinite(rawDays) && rawDays > 0 ? rawDays : 5;
  const dayKind = p?.day_kind ?? 'working';
  const noAppointment = p?.variants?.find((v) => v.id === d.variant_key)?.noAppointmentDate === true;
  const receipt = await pool.query<{ number: string }>(
    `SELECT number FROM dossier_document WHERE dossier_code = $1 AND kind = 'receipt' ORDER BY created_at LIMIT 1`,
    [d.code],
  );
  const receiver = await pool.query<{ name: string | null }>(
    `SELECT COALESCE(
       (SELECT a.full_name FROM dossier x JOIN account a ON a.id = x.received_by WHERE x.code = $1),
       (SELECT h.actor FROM dossier_history h WHERE h.dossier_code = $1 AND h.status = 2 AND h.actor IS NOT NULL ORDER BY h.at LIMIT 1)
     ) AS name`,
    [d.code],
  );
  const receivedAt = d.received_at?.getTime() ?? d.submitted_at.getTime();
  let dueAt = d.appointment_at?.getTime() ?? d.due_at?.getTime();
  let dueNote: string | undefined;
  if (dueAt === undefined && !noAppointment && d.status !== 3 && d.status !== 7 && d.status !== 8) {
    const start = Math.max(receivedAt, now);
    dueAt = dueDate(
      start,
      dayKind === 'calendar'
        ? { unit: 'calendar-days', amount: days }
        : { unit: 'working-days', amount: days },
      calendarAt(start),
    );
    dueNote = '(dự kiến, tính từ khi hồ sơ được tiếp nhận)';
  }
  return {
    header: await agencyHeader(pool, d.agency_code, receipt.rows[0]?.number, now),
    dossierCode: d.code,
    trackingSecret,
    applicant: {
      name: d.applicant_name,
      address: d.applicant_address ?? undefined,
      phone: d.applicant_phone ?? undefined,
      email: d.applicant_email ?? undefined,
    },
    procedureName: d.procedure_name,
    documents: (p?.documents ?? []).map((x) => ({ name: x.name })),
    setCount: 1,
    limitText: `${String(days).padStart(2, '0')} ${dayKind === 'calendar' ? 'ngày' : 'ngày làm việc'}`,
    receivedAt,
    dueAt,
    dueNote,
    resultDelivery: RESULT_DELIVERY[d.delivery_method] ?? RESULT_DELIVERY['in-person']!,
    receiverName: receiver.rows[0]?.name ?? 'Cán bộ một cửa',
  };
}
