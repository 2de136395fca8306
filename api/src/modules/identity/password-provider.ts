/** Sign-in with username (or 12-digit citizen ID) and password, with lockout after repeated failures. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { AccountSchema, type Account } from './entities.js';
import type { CredentialIdentityProvider, SignInResult } from './identity-provider.js';
import { verifyPassword } from './password.js';

/** Lockout rule: after `maxFailures` wrong passwords in a row, the account waits `lockMinutes`. */
export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}

/** Finds an account by username (any case) or, for 12 digits, by citizen ID. */
export async function findAccountByLogin(em: EntityManager, login: string): Promise<Account | null> {
  const trimmed = login.trim();
  if (/^[0-9]{12}$/.test(trimmed)) {
    const byCitizenId = await em.findOne(AccountSchema, { citizenId: trimmed });
    if (byCitizenId) return byCitizenId;
  }
  const rows = await em
    .getConnection()
    .execute<{ id: string }[]>('SELECT id FROM account WHERE lower(username) = lower(?)', [trimmed]);
  const id = rows[0]?.id;
  return id ? em.findOne(AccountSchema, { id }) : null;
}

/** The password identity provider. */
export class PasswordIdentityProvider implements CredentialIdentityProvider {
  readonly id = 'password';

  constructor(private readonly lockout: LockoutPolicy) {}

  async signIn(
    em: EntityManager,
    credentials: { username: string; password: string },
    now: Date,
  ): Promise<SignInResult> {
    const account = await findAccountByLogin(em, credentials.username);
    if (!account) {
      await verifyPassword(null, credentials.password);
      return { ok: false, reason: 'invalid' };
    }
    if (account.lockedUntil && account.lockedUntil > now)
      return { ok: false, reason: 'locked', until: account.lockedUntil };
    const matches = await verifyPassword(account.passwordHash, credentials.password);
    if (!matches) return this.recordFailure(em, account, now);
    if (account.disabled) return { ok: false, reason: 'disabled' };
    account.failedAttempts = 0;
    account.lockedUntil = null;
    account.lastLoginAt = now;
    await em.flush();
    return { ok: true, account };
  }

  // One atomic UPDATE, so parallel wrong guesses cannot slip past the limit by racing.
  private async recordFailure(em: EntityManager, account: Account, now: Date): Promise<SignInResult> {
    const until = new Date(now.getTime() + this.lockout.lockMinutes * 60_000);
    const rows = await em.getConnection().execute<{ locked_until: Date | null }[]>(
      `UPDATE account
          SET failed_attempts = CASE WHEN failed_attempts + 1 >= ? THEN 0 ELSE failed_attempts + 1 END,
              locked_until = CASE WHEN failed_attempts + 1 >= ? THEN ?::timestamptz ELSE locked_until END,
              updated_at = now()
        WHERE id = ?
        RETURNING locked_until`,
      [this.lockout.maxFailures, this.lockout.maxFailures, until.toISOString(), account.id],
    );
    const lockedUntil = rows[0]?.locked_until;
    if (lockedUntil && new Date(lockedUntil) > now)
      return { ok: false, reason: 'locked', until: new Date(lockedUntil) };
    return { ok: false, reason: 'invalid' };
  }
}
