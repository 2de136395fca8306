/**
 * Dossier code (mã hồ sơ, domain.md §3.2): `<agency electronic id>-<yyMMdd>-<daily sequence, 4 digits>`,
 * e.g. `000.00.06.H56-231027-0361`. The sequence restarts every local day (Asia/Ho_Chi_Minh) per receiving
 * agency and is allocated inside the submitting transaction, so a rolled-back submission leaves no gap.
 */
import type pg from 'pg';
import { VN_UTC_OFFSET_MINUTES } from './working-calendar.js';

/**
 * Agency electronic id (Decision 20/2020/QĐ-TTg, §3.1): four groups read right to left, province or ministry
 * code (letter + 2 digits, e.g. H56) then 2, 2 and 3 digits: `000.00.06.H56`.
 */
const AGENCY_ID_RE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
/** A sequence above 9999 keeps all its digits rather than refusing the 10,000th dossier of a day. */
const DOSSIER_CODE_RE = /^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})-(\d{2})(\d{2})(\d{2})-(\d{4,})$/;

/** The parts of a dossier code. */
export interface DossierCodeParts {
  agencyId: string;
  /** Local receipt date `YYYY-MM-DD` (years 2000-2099, as yy allows). */
  date: string;
  sequence: number;
}

/** Whether a string is an agency electronic id in canonical dotted form. */
export function isAgencyId(value: string): boolean {
  return AGENCY_ID_RE.test(value);
}

/** Canonical form of an agency id: dashes (`000-00-23-H56`, seen in real data) become dots, letters upper case. */
export function normalizeAgencyId(value: string): string {
  const id = value.trim().replace(/-/g, '.').toUpperCase();
  if (!isAgencyId(id))
    throw new RangeError(`Expected an agency electronic id like 000.00.06.H56 but got "${value}"`);
  return id;
}

/** Local date `YYYY-MM-DD` in Vietnam of an instant: the receipt day that numbers the dossier. */
export function vnLocalDate(at: Date): string {
  return new Date(at.getTime() + VN_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

function checkDate(date: string): string {
  const parsed = Date.parse(`${date}T00:00:00Z`);
  const ok =
    /^20\d{2}-\d{2}-\d{2}$/.test(date) &&
    !Number.isNaN(parsed) &&
    new Date(parsed).toISOString().startsWith(date);
  if (!ok) throw new RangeError(`Expected a date between 2000-01-01 and 2099-12-31 but got "${date}"`);
  return date;
}

/** Builds a dossier code; `date` is a local date `YYYY-MM-DD` or an instant (its Vietnam date is used). */
export function formatDossierCode(agencyId: string, date: string | Date, sequence: number): string {
  const id = normalizeAgencyId(agencyId);
  const day = checkDate(typeof date === 'string' ? date : vnLocalDate(date));
  if (!Number.isSafeInteger(sequence) || sequence < 1)
    throw new RangeError(`Sequence must be a positive integer, got ${sequence}`);
  const yymmdd = day.slice(2).replace(/-/g, '');
  return `${id}-${yymmdd}-${String(sequence).padStart(4, '0')}`;
}

/** Parses a dossier code; `null` when it is not one (wrong shape, impossible date, sequence 0). */
export function parseDossierCode(code: string): DossierCodeParts | null {
  const m = DOSSIER_CODE_RE.exec(code.trim());
  if (!m) return null;
  const [, agencyId = '', yy, mm, dd, seq = ''] = m;
  const date = `20${yy}-${mm}-${dd}`;
  const sequence = Number(seq);
  try {
    checkDate(date);
  } catch {
    return null;
  }
  return sequence >= 1 && Number.isSafeInteger(sequence) ? { agencyId, date, sequence } : null;
}

/** Whether a string is a well-formed dossier code (for validating look-up input before querying). */
export function isDossierCode(code: string): boolean {
  return parseDossierCode(code) !== null;
}

/** A connection (pg.PoolClient or pg.Client) inside the caller's open transaction. */
export type Queryable = Pick<pg.ClientBase, 'query'>;

/**
 * Allocates the next dossier code of `agencyId` for the local day of `date`. Must run inside the caller's
 * transaction: the upsert locks the counter row until commit, so concurrent submissions are numbered one
 * after another, and a rollback returns the number (no gap, no duplicate).
 */
export async function nextDossierCode(client: Queryable, agencyId: string, date: Date): Promise<string> {
  const id = normalizeAgencyId(agencyId);
  const day = vnLocalDate(date);
  const result = await client.query<{ last: number }>(
    `INSERT INTO dossier_code_sequence (agency_id, day, last) VALUES ($1, $2::date, 1)
     ON CONFLICT (agency_id, day) DO UPDATE SET last = dossier_code_sequence.last + 1
     RETURNING last`,
    [id, day],
  );
  const last = result.rows[0]?.last;
  if (last === undefined) throw new Error('dossier_code_sequence upsert returned no row');
  return formatDossierCode(id, day, last);
}

/**
 * The code allocation of {@link nextDossierCode} as SQL to embed in the statement that inserts the dossier:
 * `cte` (a WITH item named `code_seq`) and `code` (an expression over it), numbering parameters $1-$3 (`values`).
 * Allocation and insert are then one statement: the counter row stays locked only while that statement and
 * its commit run (not across client round trips), and a failed insert gives the number back (no gap).
 */
export function codeAllocationSql(
  agencyId: string,
  date: Date,
): { cte: string; code: string; values: [string, string, string] } {
  const id = normalizeAgencyId(agencyId);
  const day = vnLocalDate(date);
  return {
    cte: `code_seq AS (INSERT INTO dossier_code_sequence (agency_id, day, last) VALUES ($1, $2::date, 1)
            ON CONFLICT (agency_id, day) DO UPDATE SET last = dossier_code_sequence.last + 1 RETURNING last)`,
    // As formatDossierCode: at least four digits, all of them past 9999.
    code: `$1 || '-' || $3 || '-' || CASE WHEN code_seq.last < 10000 THEN lpad(code_seq.last::text, 4, '0') ELSE code_seq.last::text END`,
    values: [id, day, day.slice(2).replace(/-/g, '')],
  };
}
