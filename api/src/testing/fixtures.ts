/** Data helpers for the api's tests: accounts and agencies created straight through the services. */
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { createAccount } from '../modules/identity/accounts.js';
import type { AccountRole, Membership } from '../modules/identity/roles.js';

/** The password of test accounts. */
export const TEST_PASSWORD = 'Secret-pass-2026';

/** Creates an account with a unique username (tests share a database per worker). */
export async function givenAccount(
  app: FastifyInstance,
  options: { roles?: AccountRole[]; memberships?: Membership[]; prefix?: string } = {},
) {
  const username = `${options.prefix ?? 'user'}-${randomUUID().slice(0, 8)}`;
  const account = await createAccount(app.orm.em.fork(), {
    username,
    fullName: `Người dùng ${username}`,
    password: TEST_PASSWORD,
    roles: options.roles ?? ['citizen'],
    memberships: options.memberships ?? [],
  });
  return { username, id: account.id, password: TEST_PASSWORD };
}
