/**
 * Status transitions (architecture decision 4): the model says when, this writes the national status and a
 * history entry in one transaction. Idempotent per engine job (a re-delivered job writes nothing twice).
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

/** Records a transition; false when this job's transition was already recorded. */
export async function recordStatus(pool: pg.Pool, change: StatusChange): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const cur = await client.query<{ status: number | null; due_at: Date | null }>(`SELECT status, due_at FROM dossier WHERE code = $1 FOR UPDATE`, [change.dossierCode]);
    const row = cur.rows[0];
    if (!row) throw new DossierMissing(`No dossier ${change.dossierCode}`);
    const inserted = await client.query(
      `INSERT INTO dossier_history (dossier_code, status, from_status, element_id, job_key, actor, at, due_at, note, dvcqg_status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (job_key) DO NOTHING RETURNING id`,
      [
        change.dossierCode, change.status, row.status, change.elementId ?? null, change.jobKey ?? null, change.actor ?? null,
        change.at, change.dueAt ?? row.due_at, change.note ?? null, toDvcqgStatus(change.status),
      ],
    );
    if (inserted.rowCount === 0) {
      await client.query('ROLLBACK');
      return false;
    }
    await client.query(
      `UPDATE dossier SET status = $2::int, current_element = COALESCE($3::text, current_element),
              lifecycle = CASE WHEN $4::boolean THEN 'closed' ELSE lifecycle END,
              finished_at = CASE WHEN $2::int = 9 AND finished_at IS NULL THEN $5::timestamptz ELSE finished_at END,
              returned_at = CASE WHEN $2::int = 10 THEN $5::timestamptz ELSE returned_at END,
              updated_at = now()
        WHERE code = $1`,
      [change.dossierCode, change.status, change.elementId ?? null, CLOSING.includes(change.status), change.at],
    );
    await client.query('COMMIT');
    return true;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

/** The status code in a job type `dossier.status.<n>`, or undefined. */
export function statusOfJobType(type: string): DossierStatusCode | undefined {
  const n = Number(type.slice('dossier.status.'.length));
  return type.startsWith('dossier.status.') && isDossierStatusCode(n) ? n : undefined;
}
