/**
 * Server-side sessions. The browser holds a random 256-bit token; the table holds only its SHA-256, so a
 * copy of the database cannot be replayed as live sessions. Sessions end after an idle period and after an
 * absolute lifetime, whichever comes first.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AccountSchema, SessionSchema, type Account, type Session } from './entities.js';

/** Lifetimes of a session. */
export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

/** A fresh random token, URL-safe. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a session for `account`; returns the token to put in the cookie. */
export async function openSession(
  em: EntityManager,
  account: Account,
  context: { provider: string; ip?: string; userAgent?: string; now: Date; policy: SessionPolicy },
): Promise<{ token: string; session: Session }> {
  const token = randomToken();
  const session = em.create(SessionSchema, {
    tokenHash: hashToken(token),
    accountId: account.id,
    csrfToken: randomToken(),
    identityProvider: context.provider,
    ip: context.ip ?? null,
    userAgent: context.userAgent?.slice(0, 300) ?? null,
    createdAt: context.now,
    lastSeenAt: context.now,
    expiresAt: new Date(context.now.getTime() + context.policy.absoluteHours * 3_600_000),
  });
  await em.flush();
  return { token, session };
}

/** The live session and its account for a cookie token, or null (expired, idle, unknown, disabled). */
export async function resumeSession(
  em: EntityManager,
  token: string,
  now: Date,
  policy: SessionPolicy,
): Promise<{ session: Session; account: Account } | null> {
  const session = await em.findOne(SessionSchema, { tokenHash: hashToken(token) });
  if (!session) return null;
  const idleLimit = new Date(session.lastSeenAt.getTime() + policy.idleMinutes * 60_000);
  if (session.expiresAt <= now || idleLimit <= now) {
    await em.nativeDelete(SessionSchema, { tokenHash: session.tokenHash });
    return null;
  }
  const account = await em.findOne(AccountSchema, { id: session.accountId });
  if (!account || account.disabled) return null;
  // Writing on every request would turn each read into a write; a minute of precision is enough for idling.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await em.nativeUpdate(SessionSchema, { tokenHash: session.tokenHash }, { lastSeenAt: now });
  }
  return { session, account };
}

/** Ends one session. */
export async function closeSession(em: EntityManager, session: Session): Promise<void> {
  await em.nativeDelete(SessionSchema, { tokenHash: session.tokenHash });
}

/** Ends every session of an account except `keep` (after a password change, a lock or a disable). */
export async function closeOtherSessions(em: EntityManager, accountId: string, keep?: Session): Promise<number> {
  const where = keep ? { accountId, tokenHash: { $ne: keep.tokenHash } } : { accountId };
  return em.nativeDelete(SessionSchema, where);
}

/** Deletes expired sessions; called opportunistically at login. */
export async function purgeExpiredSessions(em: EntityManager, now: Date): Promise<number> {
  return em.nativeDelete(SessionSchema, { expiresAt: { $lte: now } });
}
