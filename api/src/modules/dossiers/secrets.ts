/**
 * Tracking-secret hashing for the public look-up: HMAC-SHA256 with a server-side key (a "pepper" kept in
 * app_meta, never in the dossier row). A slow hash (scrypt, domain/tracking-secret.ts) would cost ~40 ms per
 * look-up and break the 10 ms p99 target; with the key outside the table, a leaked dossier table alone does not
 * reveal secrets, and the route is rate-limited against online guessing. Stored as `hmac2$<salt>$<mac>` with a
 * random per-dossier salt (so the hash is computed before the dossier code exists, and the code can be allocated
 * in the very statement that inserts the dossier); `hmac1$<mac>` (bound to the code instead of a salt) and
 * `scrypt$` hashes (domain/tracking-secret.ts) written by earlier versions are still verified.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type pg from 'pg';
import { normalizeTrackingSecret, verifyTrackingSecret } from '../../domain/tracking-secret.js';

const peppers = new WeakMap<pg.Pool, Promise<Buffer>>();

/** The HMAC key of this installation, created once in app_meta. */
export function trackingPepper(pool: pg.Pool): Promise<Buffer> {
  let p = peppers.get(pool);
  if (!p) {
    p = (async () => {
      await pool.query(
        `INSERT INTO app_meta (name, value) VALUES ('tracking.pepper', to_jsonb($1::text)) ON CONFLICT (name) DO NOTHING`,
        [randomBytes(32).toString('base64')],
      );
      const r = await pool.query<{ value: string }>(
        `SELECT value #>> '{}' AS value FROM app_meta WHERE name = 'tracking.pepper'`,
      );
      return Buffer.from(r.rows[0]?.value ?? '', 'base64');
    })();
    p.catch(() => peppers.delete(pool));
    peppers.set(pool, p);
  }
  return p;
}

/** HMAC of the secret with what ties it to one dossier: its salt (hmac2) or its code (hmac1). */
function mac(pepper: Buffer, binding: string, secret: string): Buffer {
  return createHmac('sha256', pepper).update(`${binding}\n${secret}`).digest();
}

/** The stored form of a dossier's secret. */
export function hashSecret(pepper: Buffer, secret: string): string {
  const salt = randomBytes(16).toString('base64url');
  return `hmac2$${salt}$${mac(pepper, salt, secret).toString('base64')}`;
}

/** Constant-time check of what a citizen typed against the stored hash. */
export async function checkSecret(
  pepper: Buffer,
  code: string,
  typed: string,
  stored: string,
): Promise<boolean> {
  if (stored.startsWith('scrypt$')) return verifyTrackingSecret(typed, stored);
  const secret = normalizeTrackingSecret(typed) ?? '';
  const [scheme = '', a = '', b = ''] = stored.split('$');
  const [binding, expectedMac] = scheme === 'hmac2' ? [a, b] : [code, a];
  const expected = Buffer.from(expectedMac, 'base64');
  const actual = mac(pepper, binding, secret);
  return expected.length === actual.length && timingSafeEqual(expected, actual) && secret !== '';
}
