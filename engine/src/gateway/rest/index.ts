/**
 * The REST gateway: the subset of Camunda 8.8's Orchestration Cluster REST API (v2) that the application and
 * Camunda clients (@camunda8/sdk's CamundaRestClient) use, served by Fastify on the embedded engine. Shapes
 * follow Camunda: camelCase fields, keys as strings, `{ items, page }` for searches, problem details for errors.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import type { EmbeddedEngine } from '../../client/embedded.js';
import type { ControlledClock } from '../../runtime/clock.js';
import { formatValidationErrors, installErrorHandling, invalidArgument } from './errors.js';
import { topologyRoutes } from './topology.js';
import { deploymentRoutes } from './deployments.js';
import { processInstanceRoutes } from './process-instances.js';
import { elementInstanceRoutes } from './element-instances.js';
import { variableRoutes } from './variables.js';
import { userTaskRoutes } from './user-tasks.js';
import { incidentRoutes } from './incidents.js';
import { messageRoutes } from './messages.js';
import { jobRoutes } from './jobs.js';
import { clockRoutes } from './clock.js';
import { processDefinitionRoutes } from './process-definitions.js';

/** What every route module gets. */
export interface GatewayDeps {
  engine: EmbeddedEngine;
  clock: ControlledClock;
}

/** Options of the REST gateway. */
export interface RestGatewayOptions {
  /** Log requests with Fastify's logger (pino); off by default. */
  logger?: boolean;
}

/** Largest request body (JSON or one deployed resource), as Camunda's default max message size. */
const BODY_LIMIT = 4 * 1024 * 1024;

/**
 * Creates the REST gateway on `engine`; `clock` is the engine's clock, pinned and reset by `/v2/clock`.
 * Call `listen` (the engine's standalone main does, on ENGINE_REST_PORT) or `inject` (tests) on the result.
 */
export async function createRestGateway(
  engine: EmbeddedEngine,
  clock: ControlledClock,
  options: RestGatewayOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    // Commands reject unknown fields (a typo must not be dropped silently); Camunda's shapes are strict too.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
    schemaErrorFormatter: formatValidationErrors,
  });
  installErrorHandling(app);

  // Camunda clients POST without a body but with `content-type: application/json` (e.g. incident resolution):
  // an empty body is an empty object here, not an error.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch (e) {
      done(invalidArgument(`Request body is not valid JSON: ${(e as Error).message}`), undefined);
    }
  });
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined && request.method !== 'GET' && request.method !== 'HEAD')
      request.body = {};
  });
  await app.register(multipart, { limits: { fileSize: BODY_LIMIT, files: 100, fields: 10 } });

  const deps: GatewayDeps = { engine, clock };
  await app.register(
    async (v2) => {
      topologyRoutes(v2, deps);
      deploymentRoutes(v2, deps);
      processDefinitionRoutes(v2, deps);
      processInstanceRoutes(v2, deps);
      elementInstanceRoutes(v2, deps);
      variableRoutes(v2, deps);
      userTaskRoutes(v2, deps);
      incidentRoutes(v2, deps);
      messageRoutes(v2, deps);
      jobRoutes(v2, deps);
      clockRoutes(v2, deps);
    },
    { prefix: '/v2' },
  );
  return app;
}
