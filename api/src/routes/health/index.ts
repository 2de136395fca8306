/** GET /api/health: 200 when the database and the engine answer, 503 (with which one) when not. */
import type { FastifyPluginAsync } from 'fastify';

const component = {
  type: 'object',
  properties: { ok: { type: 'boolean' }, detail: { type: 'string' } },
  required: ['ok', 'detail'],
} as const;

export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/health',
    {
      config: { access: ['public'] },
      schema: {
        tags: ['system'],
        summary: 'State of the database and the workflow engine',
        response: {
          200: {
            type: 'object',
            properties: { status: { type: 'string' }, database: component, engine: component },
          },
          503: {
            type: 'object',
            properties: { status: { type: 'string' }, database: component, engine: component },
          },
        },
      },
    },
    async (_request, reply) => {
      const database = await app.pg
        .query('SELECT 1')
        .then(() => ({ ok: true, detail: 'PostgreSQL reachable' }))
        .catch((e: Error) => ({ ok: false, detail: `PostgreSQL unreachable: ${e.message}` }));
      const engine = await app.engine
        .health()
        .then((h) => ({ ok: h.ok, detail: `${h.engine}: ${h.detail}` }))
        .catch((e: Error) => ({ ok: false, detail: `engine unreachable: ${e.message}` }));
      const ok = database.ok && engine.ok;
      return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database, engine });
    },
  );
};
