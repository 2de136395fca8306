/** Messages (publication, correlation) and signals (broadcast). */
import type { FastifyInstance } from 'fastify';
import type { Variables } from '../../client/port.js';
import { checkTenant, tenantIdSchema, variablesSchema } from './common.js';
import type { GatewayDeps } from './index.js';
import { DEFAULT_TENANT } from './search.js';

interface PublishBody {
  name: string;
  correlationKey?: string;
  timeToLive?: number;
  messageId?: string;
  variables?: Variables;
  tenantId?: string;
}

interface CorrelateBody {
  name: string;
  correlationKey?: string;
  variables?: Variables;
  tenantId?: string;
}

interface SignalBody {
  signalName: string;
  variables?: Variables;
  tenantId?: string;
}

const messageProperties = {
  name: { type: 'string', minLength: 1 },
  correlationKey: { type: 'string' },
  variables: variablesSchema,
  tenantId: tenantIdSchema,
} as const;

/** Registers the message and signal routes. */
export function messageRoutes(app: FastifyInstance, { engine }: GatewayDeps): void {
  app.post<{ Body: PublishBody }>(
    '/messages/publication',
    {
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['name'],
          properties: {
            ...messageProperties,
            timeToLive: { type: 'integer', minimum: 0 },
            messageId: { type: 'string' },
          },
        },
      },
    },
    async (request) => {
      const b = request.body;
      checkTenant(b.tenantId);
      const r = await engine.publishMessage({
        name: b.name,
        correlationKey: b.correlationKey ?? '',
        timeToLiveMs: b.timeToLive ?? 0,
        messageId: b.messageId || undefined,
        variables: b.variables,
      });
      return { messageKey: r.messageKey, tenantId: DEFAULT_TENANT };
    },
  );

  app.post<{ Body: CorrelateBody }>(
    '/messages/correlation',
    {
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['name'],
          properties: messageProperties,
        },
      },
    },
    async (request) => {
      const b = request.body;
      checkTenant(b.tenantId);
      const r = await engine.correlateMessage({
        name: b.name,
        correlationKey: b.correlationKey ?? '',
        variables: b.variables,
      });
      return { messageKey: r.messageKey, tenantId: DEFAULT_TENANT, processInstanceKey: r.processInstanceKey };
    },
  );

  app.post<{ Body: SignalBody }>(
    '/signals/broadcast',
    {
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['signalName'],
          properties: {
            signalName: { type: 'string', minLength: 1 },
            variables: variablesSchema,
            tenantId: tenantIdSchema,
          },
        },
      },
    },
    async (request) => {
      checkTenant(request.body.tenantId);
      const r = await engine.broadcastSignal({
        signalName: request.body.signalName,
        variables: request.body.variables,
      });
      return { signalKey: r.signalKey, tenantId: DEFAULT_TENANT };
    },
  );
}
