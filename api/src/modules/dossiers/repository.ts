/** SQL access to dossiers, shared by the routes and the workers (plain pg: transactions span several tables). */
import type { Queryable } from '../../domain/dossier-code.js';
import { ProblemError } from '../../plugins/errors.js';
import type { Principal } from '../identity/principal.js';

/** A dossier row as the code uses it. */
export interface DossierRow {
  code: string;
  agency_code: string;
  procedure_id: string;
  procedure_code: string;
  procedure_name: string;
  variant_key: string;
  bpmn_process_id: string;
  process_instance_key: string | null;
  process_version: number | null;
  lifecycle: 'starting' | 'active' | 'start-failed' | 'closed';
  status: number | null;
  channel: 'direct' | 'online' | 'post';
  delivery_method: 'in-person' | 'post' | 'online';
  applicant_account_id: string | null;
  applicant_type: string;
  applicant_name: string;
  applicant_id_number: string | null;
  applicant_email: string | null;
  applicant_phone: string | null;
  applicant_address: string | null;
  form_data: Record<string, unknown>;
  tracking_hash: string;
  idempotency_key: string | null;
  request_hash: string | null;
  submitted_at: Date;
  received_at: Date | null;
  clock_started_at: Date | null;
  appointment_at: Date | null;
  due_at: Date | null;
  paused_at: Date | null;
  pauses: { from: number; to: number }[];
  finished_at: Date | null;
  returned_at: Date | null;
  current_element: string | null;
  stop_reason: string | null;
}

/** The dossier `code`, or undefined. */
export async function findDossier(
  db: Queryable,
  code: string,
  lock = false,
): Promise<DossierRow | undefined> {
  const r = await db.query<DossierRow>(`SELECT * FROM dossier WHERE code = $1${lock ? ' FOR UPDATE' : ''}`, [
    code,
  ]);
  return r.rows[0];
}

/** 404 in both languages; also used when the caller may not see the dossier (no existence leak). */
export function dossierNotFound(code: string): ProblemError {
  return new ProblemError(404, `Không tìm thấy hồ sơ ${code}.`, `No dossier ${code}.`, {
    code: 'DOSSIER_NOT_FOUND',
  });
}

/** Whether the principal filed the dossier. */
export function isOwner(principal: Principal, d: Pick<DossierRow, 'applicant_account_id'>): boolean {
  return d.applicant_account_id !== null && d.applicant_account_id === principal.accountId;
}

/** Whether the principal is an officer (any role) of the dossier's agency. */
export function isAgencyOfficer(principal: Principal, d: Pick<DossierRow, 'agency_code'>): boolean {
  return principal.memberships.some((m) => m.agencyCode === d.agency_code);
}

/** Loads a dossier the principal may read (owner, officer of its agency, manager, admin), else 404. */
export async function readableDossier(
  db: Queryable,
  principal: Principal | null,
  code: string,
): Promise<DossierRow> {
  const d = await findDossier(db, code);
  const ok =
    d !== undefined &&
    principal !== null &&
    d.lifecycle !== 'start-failed' &&
    (isOwner(principal, d) ||
      isAgencyOfficer(principal, d) ||
      principal.roles.includes('manager') ||
      principal.roles.includes('admin'));
  if (!ok || !d) throw dossierNotFound(code);
  return d;
}

/** Next number of a document series in a year, e.g. receipts: allocated in the caller's transaction. */
export async function nextDocumentNumber(db: Queryable, kind: string, year: number): Promise<number> {
  const r = await db.query<{ last: number }>(
    `INSERT INTO document_number_sequence (kind, year, last) VALUES ($1, $2, 1)
     ON CONFLICT (kind, year) DO UPDATE SET last = document_number_sequence.last + 1 RETURNING last`,
    [kind, year],
  );
  return r.rows[0]?.last ?? 1;
}

/** One history entry as the API shows it. */
export interface HistoryEntry {
  status: number;
  fromStatus: number | null;
  elementId: string | null;
  actor: string | null;
  at: string;
  dueAt: string | null;
  note: string | null;
}

/** The status history of a dossier, oldest first. */
export async function dossierHistory(db: Queryable, code: string): Promise<HistoryEntry[]> {
  const r = await db.query<{
    status: number;
    from_status: number | null;
    element_id: string | null;
    actor: string | null;
    at: Date;
    due_at: Date | null;
    note: string | null;
  }>(
    `SELECT status, from_status, element_id, actor, at, due_at, note FROM dossier_history WHERE dossier_code = $1 ORDER BY at, id`,
    [code],
  );
  return r.rows.map((h) => ({
    status: h.status,
    fromStatus: h.from_status,
    elementId: h.element_id,
    actor: h.actor,
    at: h.at.toISOString(),
    dueAt: h.due_at?.toISOString() ?? null,
    note: h.note,
  }));
}

/** The officer who received a paper dossier at the desk (channel `direct`), or null (online, post, or unknown). */
export async function dossierReceiver(
  db: Queryable,
  code: string,
): Promise<{ username: string; fullName: string } | null> {
  const r = await db.query<{ username: string; full_name: string }>(
    `SELECT a.username, a.full_name FROM dossier d JOIN account a ON a.id = d.received_by WHERE d.code = $1 AND d.channel = 'direct'`,
    [code],
  );
  const row = r.rows[0];
  return row ? { username: row.username, fullName: row.full_name } : null;
}
