/** Password hashing (argon2id, OWASP parameters) and the password policy shown to users. */
import { hash, verify } from '@node-rs/argon2';
import { ProblemError } from '../../plugins/errors.js';

// OWASP Password Storage Cheat Sheet: argon2id, m=19 MiB, t=2, p=1. Algorithm 2 is Argon2id (a const enum
// in the package's types, which isolatedModules cannot import).
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password into a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$...`). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verifying against this when the username is unknown keeps the answer time the same, so response times do
// not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;

/** True when `password` matches `passwordHash`; with no hash, spends the same time and answers false. */
export async function verifyPassword(
  passwordHash: string | null | undefined,
  password: string,
): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hashPassword('motcua-dummy-password');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

/** Minimum rules: long enough, not the username, not only one kind of character. */
export function assertPasswordPolicy(password: string, username: string): void {
  const problems: [string, string][] = [];
  if (password.length < 8) problems.push(['ít nhất 8 ký tự', 'at least 8 characters']);
  if (password.length > 128) problems.push(['không quá 128 ký tự', 'at most 128 characters']);
  if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password)) {
    problems.push(['có cả chữ và số', 'both letters and digits']);
  }
  if (password.toLowerCase() === username.toLowerCase()) {
    problems.push(['khác tên đăng nhập', 'different from the username']);
  }
  if (problems.length > 0) {
    throw new ProblemError(
      400,
      `Mật khẩu phải ${problems.map((p) => p[0]).join(', ')}.`,
      `The password must have ${problems.map((p) => p[1]).join(', ')}.`,
      { code: 'WEAK_PASSWORD' },
    );
  }
}
