/**
 * Camunda's clock endpoint, the way Camunda tests timers: PUT /v2/clock pins the engine clock at `timestamp`
 * (epoch ms) and POST /v2/clock/reset lets it follow wall time again. After either, everything that became due
 * fires (timers, job timeouts, message expiry) before the answer, so a test sees the effect at once.
 */
import type { FastifyInstance } from 'fastify';
import type { GatewayDeps } from './index.js';

interface PinBody {
  timestamp: number;
}

/** Registers the clock routes. */
export function clockRoutes(app: FastifyInstance, { engine, clock }: GatewayDeps): void {
  app.put<{ Body: PinBody }>(
    '/clock',
    {
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['timestamp'],
          properties: { timestamp: { type: 'integer', minimum: 0 } },
        },
      },
    },
    async (request, reply) => {
      clock.pin(request.body.timestamp);
      await engine.tick();
      return reply.code(204).send();
    },
  );
  app.post(
    '/clock/reset',
    { schema: { body: { type: 'object', additionalProperties: false } } },
    async (_request, reply) => {
      clock.reset();
      await engine.tick();
      return reply.code(204).send();
    },
  );
}
