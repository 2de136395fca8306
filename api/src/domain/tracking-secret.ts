/**
 * Tracking secret printed on the receipt (Mẫu 01) next to the dossier code: with both, a citizen can look
 * up a dossier without an account. Only a salted scrypt hash is stored, compared in constant time; the
 * look-up route must still rate-limit, since 8 characters (~40 bits) resist guessing only when throttled.
 */
import {
  randomBytes,
  randomInt,
  scrypt,
  timingSafeEqual,
  type BinaryLike,
  type ScryptOptions,
} from 'node:crypto';

/**
 * Upper-case letters and digits without look-alikes: no O/0, I/L/1, and S, B are left out for 5, 8
 * (29 symbols): easy to read aloud over the phone and to type.
 */
export const TRACKING_ALPHABET = 'ACDEFGHJKMNPQRTUVWXYZ23456789';
/** Characters in a secret. */
export const TRACKING_SECRET_LENGTH = 8;

const SCRYPT = { N: 16_384, r: 8, p: 1, keylen: 32 };

function scryptAsync(
  secret: BinaryLike,
  salt: Buffer,
  keylen: number,
  options: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** A new random secret, e.g. `K7QMXR3D` (uniform over the alphabet: randomInt has no modulo bias). */
export function generateTrackingSecret(): string {
  let out = '';
  for (let i = 0; i < TRACKING_SECRET_LENGTH; i++)
    out += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return out;
}

/** The secret grouped for printing, e.g. `K7QM-XR3D`. */
export function formatTrackingSecret(secret: string): string {
  return `${secret.slice(0, 4)}-${secret.slice(4)}`;
}

/**
 * What a citizen typed, normalized: case, spaces and dashes ignored, S and B read as 5 and 8; `null` when
 * it cannot be a secret (so the look-up can answer without hashing).
 */
export function normalizeTrackingSecret(input: string): string | null {
  const value = input.toUpperCase().replace(/[\s-]/g, '').replace(/S/g, '5').replace(/B/g, '8');
  if (value.length !== TRACKING_SECRET_LENGTH) return null;
  return [...value].every((ch) => TRACKING_ALPHABET.includes(ch)) ? value : null;
}

/** Salted hash to store: `scrypt$N$r$p$<salt b64>$<hash b64>`. */
export async function hashTrackingSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(secret, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Whether `input` (as typed) matches the stored hash; constant-time on the hash, false on a malformed hash. */
export async function verifyTrackingSecret(input: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  const secret = normalizeTrackingSecret(input);
  if (scheme !== 'scrypt' || !salt || !hash || secret === null) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(secret, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return expected.length > 0 && timingSafeEqual(actual, expected);
}
