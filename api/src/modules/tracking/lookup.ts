/**
 * The public look-up by dossier code and secret, shared by the tracking routes: constant-time secret check and
 * the same work and the same 404 whether the dossier is unknown or the secret is wrong.
 */
import type pg from 'pg';
import { isDossierCode } from '../../domain/dossier-code.js';
import { ProblemError } from '../../plugins/errors.js';
import type { DossierRow } from '../dossiers/repository.js';
import { checkSecret, hashSecret, trackingPepper } from '../dossiers/secrets.js';

const dummy = hashSecret(Buffer.alloc(32), 'AAAAAAAA');

/** The one answer for "no such dossier" and "wrong secret". */
export const trackingNotFound = () =>
  new ProblemError(
    404,
    'Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu đã nhập.',
    'No dossier matches this code and secret.',
    { code: 'TRACKING_NOT_FOUND' },
  );

/** The dossier `code` when `secret` matches, else the tracking 404. */
export async function trackedDossier(pool: pg.Pool, code: string, secret: string): Promise<DossierRow> {
  const pepper = await trackingPepper(pool);
  const r = isDossierCode(code)
    ? await pool.query<DossierRow>(
        `SELECT code, procedure_name, status, submitted_at, appointment_at, current_element, tracking_hash, lifecycle, process_instance_key FROM dossier WHERE code = $1`,
        [code],
      )
    : { rows: [] as DossierRow[] };
  const d = r.rows[0];
  // Same work whether the dossier exists or not: the answer time tells nothing.
  const ok = await checkSecret(pepper, code, secret, d?.tracking_hash ?? dummy);
  if (!d || !ok || d.lifecycle === 'start-failed') throw trackingNotFound();
  return d;
}
