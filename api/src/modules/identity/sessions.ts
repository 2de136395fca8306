/**
 * Server-side sessions. The browser holds a random 256-bit token; the table holds only its SHA-256, so a
 * copy of the database cannot be replayed as live sessions. Sessions end after an idle period and after an
 * absolute lifetime, whichever comes first.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { SessionSchema, type Account, type Session } from './entities.js';
import type { SessionAccount } from './principal.js';
import type { AccountRole, Membership } from './roles.js';

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

interface SessionAccountRow {
  token_hash: string;
  account_id: string;
  csrf_token: string;
  identity_provider: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  username: string | null;
  full_name: string;
  citizen_id: string | null;
  roles: AccountRole[];
  memberships: Membership[] | null;
  disabled: boolean | null;
}

/**
 * The session and its account in one query (this runs on every request, so it goes around the ORM): an
 * expired or idle session is deleted in the same statement and comes back with `expired`.
 */
const RESUME = {
  name: 'motcua_resume_session',
  text: `WITH s AS (SELECT * FROM session WHERE token_hash = $1),
  gone AS (DELETE FROM session WHERE token_hash = $1 AND (expires_at <= $2 OR last_seen_at + make_interval(mins => $3) <= $2) RETURNING 1)
  SELECT s.*, a.username, a.full_name, a.citizen_id, a.roles, a.memberships, a.disabled, EXISTS (SELECT 1 FROM gone) AS expired
    FROM s LEFT JOIN account a ON a.id = s.account_id`,
};

/** The live session and its account for a cookie token, or null (expired, idle, unknown, disabled). */
export async function resumeSession(
  pool: pg.Pool,
  token: string,
  now: Date,
  policy: SessionPolicy,
): Promise<{ session: Session; account: SessionAccount } | null> {
  const r = await pool.query<SessionAccountRow & { expired: boolean }>({
    ...RESUME,
    values: [hashToken(token), now, policy.idleMinutes],
  });
  const row = r.rows[0];
  if (!row || row.expired || row.username === null || row.disabled) return null;
  const session = {
    tokenHash: row.token_hash,
    accountId: row.account_id,
    csrfToken: row.csrf_token,
    identityProvider: row.identity_provider,
    ip: row.ip,
    userAgent: row.user_agent,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  } as Session;
  // Writing on every request would turn each read into a write; a minute of precision is enough for idling.
  if (now.getTime() - row.last_seen_at.getTime() > 60_000) {
    await pool.query({
      name: 'motcua_touch_session',
      text: 'UPDATE session SET last_seen_at = $2 WHERE token_hash = $1',
      values: [row.token_hash, now],
    });
  }
  const account = {
    id: row.account_id,
    username: row.username,
    fullName: row.full_name,
    citizenId: row.citizen_id,
    roles: row.roles,
    memberships: row.memberships ?? [],
  };
  return { session, account };
}

/** Ends one session. */
export async function closeSession(em: EntityManager, session: Session): Promise<void> {
  await em.nativeDelete(SessionSchema, { tokenHash: session.tokenHash });
}

/** Ends every session of an account except `keep` (after a password change, a lock or a disable). */
export async function closeOtherSessions(
  em: EntityManager,
  accountId: string,
  keep?: Session,
): Promise<number> {
  const where = keep ? { accountId, tokenHash: { $ne: keep.tokenHash } } : { accountId };
  return em.nativeDelete(SessionSchema, where);
}

/** Deletes expired sessions; called opportunistically at login. */
export async function purgeExpiredSessions(em: EntityManager, now: Date): Promise<number> {
  return em.nativeDelete(SessionSchema, { expiresAt: { $lte: now } });
}
