/** Account administration: create, update, list. Used by the admin routes and by the demo seed. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { ProblemError } from '../../plugins/errors.js';
import { AccountSchema, type Account } from './entities.js';
import { assertPasswordPolicy, hashPassword } from './password.js';
import type { AccountRole, Membership } from './roles.js';
import { closeOtherSessions } from './sessions.js';
import type { AccountCreate, AccountUpdate } from './schemas.js';

function conflict(what: string, en: string): ProblemError {
  return new ProblemError(
    409,
    `${what} đã được sử dụng cho tài khoản khác.`,
    `${en} is already used by another account.`,
    {
      code: 'ACCOUNT_CONFLICT',
    },
  );
}

async function assertUnique(
  em: EntityManager,
  input: { username?: string; citizenId?: string | null },
  selfId?: string,
) {
  const conn = em.getConnection();
  if (input.username) {
    const rows = await conn.execute<{ id: string }[]>(
      'SELECT id FROM account WHERE lower(username) = lower(?)',
      [input.username],
    );
    if (rows.some((r) => r.id !== selfId)) throw conflict('Tên đăng nhập', 'The username');
  }
  if (input.citizenId) {
    const rows = await conn.execute<{ id: string }[]>('SELECT id FROM account WHERE citizen_id = ?', [
      input.citizenId,
    ]);
    if (rows.some((r) => r.id !== selfId)) throw conflict('Số căn cước', 'The citizen ID');
  }
}

function dedupe(memberships: Membership[]): Membership[] {
  const seen = new Map(memberships.map((m) => [`${m.agencyCode}:${m.role}`, m]));
  return [...seen.values()];
}

/** Creates an account with a hashed password; enforces the password policy and unique username/CCCD. */
export async function createAccount(
  em: EntityManager,
  input: AccountCreate,
  options: { skipPolicy?: boolean } = {},
) {
  if (!options.skipPolicy) assertPasswordPolicy(input.password, input.username);
  await assertUnique(em, input);
  const account = em.create(AccountSchema, {
    username: input.username,
    fullName: input.fullName,
    email: input.email ?? null,
    phone: input.phone ?? null,
    citizenId: input.citizenId ?? null,
    passwordHash: await hashPassword(input.password),
    roles: [...new Set<AccountRole>(input.roles ?? ['citizen'])],
    memberships: dedupe(input.memberships ?? []),
    passwordChangedAt: new Date(),
  });
  await em.flush();
  return account;
}

/** Applies an admin's changes; disabling or resetting the password ends the account's sessions. */
export async function updateAccount(
  em: EntityManager,
  account: Account,
  input: AccountUpdate,
): Promise<Account> {
  await assertUnique(em, { citizenId: input.citizenId }, account.id);
  if (input.fullName !== undefined) account.fullName = input.fullName;
  if (input.email !== undefined) account.email = input.email;
  if (input.phone !== undefined) account.phone = input.phone;
  if (input.citizenId !== undefined) account.citizenId = input.citizenId;
  if (input.roles !== undefined) account.roles = [...new Set(input.roles)];
  if (input.memberships !== undefined) account.memberships = dedupe(input.memberships);
  if (input.disabled !== undefined) account.disabled = input.disabled;
  if (input.unlock) {
    account.lockedUntil = null;
    account.failedAttempts = 0;
  }
  if (input.password !== undefined) {
    assertPasswordPolicy(input.password, account.username);
    account.passwordHash = await hashPassword(input.password);
    account.passwordChangedAt = new Date();
  }
  await em.flush();
  if (input.disabled || input.password !== undefined) await closeOtherSessions(em, account.id);
  return account;
}

/** The admin view of an account (never the hash). */
export function accountView(a: Account) {
  return {
    id: a.id,
    username: a.username,
    fullName: a.fullName,
    email: a.email ?? null,
    phone: a.phone ?? null,
    citizenId: a.citizenId ?? null,
    roles: a.roles,
    memberships: a.memberships,
    disabled: a.disabled,
    lockedUntil: a.lockedUntil ? a.lockedUntil.toISOString() : null,
    failedAttempts: a.failedAttempts,
    lastLoginAt: a.lastLoginAt ? a.lastLoginAt.toISOString() : null,
    createdAt: a.createdAt.toISOString(),
  };
}

/** Accounts matching a text (username, name, e-mail), a role or an agency, newest first. */
export async function listAccounts(
  em: EntityManager,
  query: { q?: string; role?: string; agency?: string; page: number; pageSize: number },
): Promise<{ items: Account[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.q) {
    where.push('(username ILIKE ? OR full_name ILIKE ? OR email ILIKE ?)');
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.push(like, like, like);
  }
  if (query.role) {
    where.push(`(? = ANY(roles) OR memberships @> ?::jsonb)`);
    params.push(query.role, JSON.stringify([{ role: query.role }]));
  }
  if (query.agency) {
    where.push('memberships @> ?::jsonb');
    params.push(JSON.stringify([{ agencyCode: query.agency }]));
  }
  const sql = `SELECT id, count(*) OVER () AS total FROM account ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY created_at DESC, username LIMIT ? OFFSET ?`;
  const rows = await em
    .getConnection()
    .execute<{ id: string; total: string }[]>(sql, [
      ...params,
      query.pageSize,
      (query.page - 1) * query.pageSize,
    ]);
  const items = await em.find(
    AccountSchema,
    { id: { $in: rows.map((r) => r.id) } },
    { orderBy: { createdAt: 'desc', username: 'asc' } },
  );
  return { items, total: Number(rows[0]?.total ?? 0) };
}
