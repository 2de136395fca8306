/** GET /v2/topology (and GET /v2/status): one broker, one partition, the engine's health. */
import type { FastifyInstance } from 'fastify';
import type { GatewayDeps } from './index.js';

/** The Camunda version whose API this gateway speaks. */
export const GATEWAY_VERSION = '8.8.0';

/** Registers the cluster routes. */
export function topologyRoutes(app: FastifyInstance, { engine }: GatewayDeps): void {
  app.get('/topology', async () => {
    const health = await engine.health();
    return {
      brokers: [
        {
          nodeId: 0,
          host: 'localhost',
          port: 26501,
          partitions: [{ partitionId: 1, role: 'leader', health: health.ok ? 'healthy' : 'unhealthy' }],
          version: GATEWAY_VERSION,
        },
      ],
      clusterSize: 1,
      partitionsCount: 1,
      replicationFactor: 1,
      gatewayVersion: GATEWAY_VERSION,
      lastCompletedChangeId: '-1',
    };
  });
  app.get('/status', async (_request, reply) => {
    const health = await engine.health();
    return reply.code(health.ok ? 204 : 503).send();
  });
}
