/** Admin routes for accounts: /api/admin/users. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ProblemError } from '../../plugins/errors.js';
import { accountView, createAccount, listAccounts, updateAccount } from './accounts.js';
import { AccountSchema } from './entities.js';
import {
  AccountCreateBody,
  AccountQuery,
  AccountUpdateBody,
  AccountView,
  IdParams,
  Problem,
} from './schemas.js';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

/** Registers the account administration routes (role admin). */
export async function userAdminRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const admin = { access: ['admin'] as const };
  const tags = ['admin'];

  const load = async (em: Parameters<typeof updateAccount>[0], id: string) => {
    const account = await em.findOne(AccountSchema, { id });
    if (!account) throw new ProblemError(404, 'Không tìm thấy tài khoản.', `No account ${id}.`);
    return account;
  };

  app.get(
    '/admin/users',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Search accounts',
        querystring: AccountQuery,
        response: { 200: Type.Object({ items: Type.Array(AccountView), total: Type.Integer() }), ...errors },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...rest } = request.query;
      const { items, total } = await listAccounts(request.em, { ...rest, page, pageSize });
      return { items: items.map(accountView), total };
    },
  );

  app.post(
    '/admin/users',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Create an account',
        body: AccountCreateBody,
        response: { 201: AccountView, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(accountView(await createAccount(request.em, request.body))),
  );

  app.get(
    '/admin/users/:id',
    {
      config: admin,
      schema: { tags, summary: 'One account', params: IdParams, response: { 200: AccountView, ...errors } },
    },
    async (request) => accountView(await load(request.em, request.params.id)),
  );

  app.patch(
    '/admin/users/:id',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Change an account: roles, agency memberships, unlock, disable, reset password',
        params: IdParams,
        body: AccountUpdateBody,
        response: { 200: AccountView, ...errors },
      },
    },
    async (request) => {
      const account = await load(request.em, request.params.id);
      return accountView(await updateAccount(request.em, account, request.body));
    },
  );

  app.delete(
    '/admin/users/:id',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Disable an account (accounts are never deleted: dossiers refer to them)',
        params: IdParams,
        response: { 200: AccountView, ...errors },
      },
    },
    async (request) => {
      const account = await load(request.em, request.params.id);
      if (account.id === request.principal?.accountId) {
        throw new ProblemError(
          409,
          'Không thể tự vô hiệu hóa tài khoản của chính mình.',
          'You cannot disable your own account.',
        );
      }
      return accountView(await updateAccount(request.em, account, { disabled: true }));
    },
  );
}
