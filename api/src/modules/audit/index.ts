/**
 * Audit log: every state-changing /api request that succeeded (POST/PUT/PATCH/DELETE with a 2xx/3xx answer) is
 * recorded with who, when, what (route, URL, the target the handler names) and from which address, by one
 * onResponse hook, so no command handler can forget it. Refused attempts on protected routes (401/403) are
 * recorded too. `GET /api/audit` lists the log (admin).
 */
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { isUnsafeMethod } from '../identity/access.js';
import { Problem } from '../identity/schemas.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** What the command changed, e.g. a dossier code or a task key; goes to audit_log.target. */
    auditTarget?: string;
  }
}

const AuditEntry = Type.Object({
  id: Type.String(),
  at: Type.String(),
  username: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  method: Type.String(),
  route: Type.String(),
  url: Type.String(),
  status: Type.Integer(),
  target: Type.Union([Type.String(), Type.Null()]),
});

async function audit(fastify: FastifyInstance): Promise<void> {
  fastify.decorateRequest('auditTarget', undefined);
  fastify.addHook('onResponse', async (request, reply) => {
    if (!request.url.startsWith('/api') || !isUnsafeMethod(request.method)) return;
    const status = reply.statusCode;
    if (status >= 400 && status !== 401 && status !== 403) return;
    const params = (request.params ?? {}) as Record<string, unknown>;
    const target =
      request.auditTarget ??
      (typeof params.code === 'string' ? params.code : typeof params.key === 'string' ? params.key : null);
    await fastify.pg
      .query(
        `INSERT INTO audit_log (account_id, username, ip, method, route, url, status, target) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          request.principal?.accountId ?? null,
          request.principal?.username ?? null,
          request.ip,
          request.method,
          request.routeOptions.url ?? request.url,
          request.url.slice(0, 500),
          status,
          target,
        ],
      )
      .catch((e: Error) => request.log.error({ err: e }, 'audit write failed'));
  });

  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/audit',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['audit'],
        summary: 'Audit log, newest first',
        querystring: Type.Object(
          {
            target: Type.Optional(Type.String()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(AuditEntry), 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const r = await app.pg.query<{
        id: string;
        at: Date;
        username: string | null;
        ip: string | null;
        method: string;
        route: string;
        url: string;
        status: number;
        target: string | null;
      }>(
        `SELECT id, at, username, ip, method, route, url, status, target FROM audit_log WHERE $1::text IS NULL OR target = $1 ORDER BY at DESC, id DESC LIMIT $2`,
        [request.query.target ?? null, request.query.limit ?? 100],
      );
      return r.rows.map((a) => ({ ...a, id: String(a.id), at: a.at.toISOString() }));
    },
  );
}

/** The audit hook and route (not encapsulated: the hook must see every route). */
export const auditPlugin = fp(audit, { name: 'audit', dependencies: ['auth'] });
