/**
 * Status transitions (architecture decision 4): the model says when, this writes the national status and a
 * history entry in one statement. Idempotent per engine job (a re-delivered job writes nothing twice).
 */
import type pg from 'pg';
import { isDossierStatusCode, toDvcqgStatus, type DossierStatusCode } from '../../domain/statuses.js';

/** One transition to record. */
export interface StatusChange {
  dossierCode: string;
  status: DossierStatusCode;
  at: Date;
  elementId?: string | null;
  jobKey?: string | null;
  actor?: string | null;
  note?: string | null;
  dueAt?: Date | null;
}

/** Thrown when the dossier is not (yet) in the table, e.g. a job that runs before the submit committed. */
export class DossierMissing extends Error {}

const CLOSING: readonly number[] = [3, 7, 8, 10];

/**
 * One statement (atomic without an explicit transaction): lock the dossier row, append the history entry unless
 * this job already did, and move the dossier only when the entry was appended. `$11` asks for the actor to be
 * the officer who completed the dossier's last step (the workers' case: the model's transition follows a task).
 */
const RECORD = {
  name: 'motcua_record_status',
  text: `WITH cur AS MATERIALIZED (SELECT status, due_at FROM dossier WHERE code = $1 FOR UPDATE),
  ins AS (
    INSERT INTO dossier_history (dossier_code, status, from_status, element_id, job_key, actor, at, due_at, note, dvcqg_status)
    SELECT $1, $2, cur.status, $3, $4,
           CASE WHEN $11::boolean THEN (SELECT completed_by FROM dossier_step WHERE dossier_code = $1 AND completed_at IS NOT NULL
                                        ORDER BY completed_at DESC LIMIT 1) ELSE $5 END,
           $6, COALESCE($7, cur.due_at), $8, $9
      FROM cur
    ON CONFLICT (job_key) DO NOTHING RETURNING id),
  upd AS (
    UPDATE dossier SET status = $2::int, current_element = COALESCE($3::text, current_element),
           lifecycle = CASE WHEN $10::boolean THEN 'closed' ELSE lifecycle END,
           finished_at = CASE WHEN $2::int = 9 AND finished_at IS NULL THEN $6::timestamptz ELSE finished_at END,
           returned_at = CASE WHEN $2::int = 10 THEN $6::timestamptz ELSE returned_at END,
           updated_at = now()
     WHERE code = $1 AND EXISTS (SELECT 1 FROM ins))
  SELECT EXISTS (SELECT 1 FROM cur) AS found, EXISTS (SELECT 1 FROM ins) AS recorded`,
};

/** Records a transition; false when this job's transition was already recorded. */
export async function recordStatus(
  pool: pg.Pool,
  change: StatusChange & { actorFromLastStep?: boolean },
): Promise<boolean> {
  const r = await pool.query<{ found: boolean; recorded: boolean }>({
    ...RECORD,
    values: [
      change.dossierCode,
      change.status,
      change.elementId ?? null,
      change.jobKey ?? null,
      change.actor ?? null,
      change.at,
      change.dueAt ?? null,
      change.note ?? null,
      toDvcqgStatus(change.status),
      CLOSING.includes(change.status),
      change.actorFromLastStep === true,
    ],
  });
  const row = r.rows[0];
  if (!row?.found) throw new DossierMissing(`No dossier ${change.dossierCode}`);
  return row.recorded;
}

/** The status code in a job type `dossier.status.<n>`, or undefined. */
export function statusOfJobType(type: string): DossierStatusCode | undefined {
  const n = Number(type.slice('dossier.status.'.length));
  return type.startsWith('dossier.status.') && isDossierStatusCode(n) ? n : undefined;
}
