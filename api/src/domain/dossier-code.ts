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
  if (!isAgencyId(id)) throw new RangeError(`Expected an agency electronic id like 000.00.06.H56 but got "${value}"`);
  return id;
}

/** Local date `YYYY-MM-DD` in Vietnam of an instant: the receipt day that numbers the dossier. */
export function vnLocalDate(at: Date): string {
  return new Date(at.getTime() + VN_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

function checkDate(date: string): string {
  const parsed = Date.parse(`${date}T00:00:00Z`);
  const ok = /^20\d{2}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(parsed) && new Date(parsed).toISOString().startsWith(date);
  if (!ok) throw new RangeError(`Expected a date between 2000-01-01 and 2099-12-31 but got "${date}"`);
  return date;
}

/** Builds a dossier code; `date` is a local date `YYYY-MM-DD` or an instant (its Vietnam date is used). */
export function formatDossierCode(agencyId: string, date: string | Date, sequence: number): string {
  const id = normalizeAgencyId(agencyId);
  const day = checkDate(typeof date === 'string' ? date : vnLocalDate(date));
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`Sequence must be a positive integer, got ${sequence}`);
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
 * transaction (`begin: true` opens it): the upsert locks the counter row until commit, so concurrent
 * submissions are numbered one after another, and a rollback returns the number (no gap, no duplicate).
 */
export async function nextDossierCode(client: Queryable, agencyId: string, date: Date, options: { begin?: boolean } = {}): Promise<string> {
  const id = normalizeAgencyId(agencyId);
  const day = vnLocalDate(date);
  const upsert = `INSERT INTO dossier_code_sequence (agency_id, day, last) VALUES ($1, $2::date, 1)
     ON CONFLICT (agency_id, day) DO UPDATE SET last = dossier_code_sequence.last + 1
     RETURNING last`;
  let last: number | undefined;
  if (options.begin) {
    // Opens the caller's transaction in the same round trip: the simple protocol takes several statements but no
    // parameters, so the two values go in as literals (safe: both were just checked against strict patterns).
    const results = (await client.query(`BEGIN; ${upsert.replace('$1', `'${id}'`).replace('$2', `'${day}'`)}`)) as unknown as pg.QueryResult<{ last: number }>[];
    last = results[1]?.rows[0]?.last;
  } else {
    last = (await client.query<{ last: number }>(upsert, [id, day])).rows[0]?.last;
  }
  if (last === undefined) throw new Error('dossier_code_sequence upsert returned no row');
  return formatDossierCode(id, day, last);
}
