/**
 * Jobs: activation (long polling for `requestTimeout` ms; 0 or absent = 10 s as Camunda's default, negative =
 * answer at once), completion, failure, BPMN error, and PATCH of retries / timeout.
 */
import type { FastifyInstance } from 'fastify';
import type { ActivatedJob, Variables } from '../../client/port.js';
import {
  checkTenants,
  keyParamsSchema,
  operationReferenceSchema,
  variablesSchema,
  type KeyParams,
} from './common.js';
import { invalidArgument } from './errors.js';
import type { GatewayDeps } from './index.js';
import { DEFAULT_TENANT } from './search.js';

/** Long-polling time when the request gives none, as Camunda's gateway default. */
const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

interface ActivateBody {
  type: string;
  worker?: string;
  timeout: number;
  maxJobsToActivate: number;
  fetchVariable?: string[];
  requestTimeout?: number;
  tenantIds?: string[];
}

interface FailBody {
  retries?: number;
  errorMessage?: string;
  retryBackOff?: number;
  variables?: Variables;
}

interface ErrorBody {
  errorCode: string;
  errorMessage?: string;
  variables?: Variables;
}

interface PatchBody {
  changeset: { retries?: number; timeout?: number };
  operationReference?: number;
}

const activateSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'timeout', 'maxJobsToActivate'],
  properties: {
    type: { type: 'string', minLength: 1 },
    worker: { type: 'string' },
    timeout: { type: 'integer', minimum: 1 },
    maxJobsToActivate: { type: 'integer', minimum: 1 },
    fetchVariable: { type: 'array', items: { type: 'string' } },
    requestTimeout: { type: 'integer' },
    tenantIds: { type: 'array', items: { type: 'string' } },
  },
} as const;

/** An activated job in Camunda's REST shape. */
function toJobResult(j: ActivatedJob) {
  return {
    type: j.type,
    processDefinitionId: j.bpmnProcessId,
    processDefinitionVersion: j.processDefinitionVersion,
    elementId: j.elementId,
    customHeaders: j.customHeaders,
    worker: j.worker,
    retries: j.retries,
    deadline: j.deadline,
    variables: j.variables,
    tenantId: DEFAULT_TENANT,
    jobKey: j.key,
    processInstanceKey: j.processInstanceKey,
    processDefinitionKey: j.processDefinitionKey,
    elementInstanceKey: j.elementInstanceKey,
    kind: j.kind,
    listenerEventType: j.listenerEventType.toUpperCase(),
  };
}

/** Registers the job routes. */
export function jobRoutes(app: FastifyInstance, { engine }: GatewayDeps): void {
  const params = keyParamsSchema;

  app.post<{ Body: ActivateBody }>(
    '/jobs/activation',
    { schema: { body: activateSchema } },
    async (request) => {
      const b = request.body;
      checkTenants(b.tenantIds);
      const requestTimeoutMs = !b.requestTimeout ? DEFAULT_REQUEST_TIMEOUT_MS : Math.max(0, b.requestTimeout);
      const jobs = await engine.activateJobs({
        type: b.type,
        worker: b.worker ?? '',
        timeoutMs: b.timeout,
        maxJobsToActivate: b.maxJobsToActivate,
        fetchVariables: b.fetchVariable,
        requestTimeoutMs,
      });
      return { jobs: jobs.map(toJobResult) };
    },
  );

  app.post<{ Params: KeyParams; Body: { variables?: Variables } }>(
    '/jobs/:key/completion',
    {
      schema: {
        params,
        body: { type: 'object', additionalProperties: false, properties: { variables: variablesSchema } },
      },
    },
    async (request, reply) => {
      await engine.completeJob({ jobKey: request.params.key, variables: request.body.variables });
      return reply.code(204).send();
    },
  );

  app.post<{ Params: KeyParams; Body: FailBody }>(
    '/jobs/:key/failure',
    {
      schema: {
        params,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            retries: { type: 'integer', minimum: 0 },
            errorMessage: { type: 'string' },
            retryBackOff: { type: 'integer', minimum: 0 },
            variables: variablesSchema,
          },
        },
      },
    },
    async (request, reply) => {
      const b = request.body;
      await engine.failJob({
        jobKey: request.params.key,
        retries: b.retries ?? 0,
        errorMessage: b.errorMessage,
        retryBackOffMs: b.retryBackOff,
        variables: b.variables,
      });
      return reply.code(204).send();
    },
  );

  app.post<{ Params: KeyParams; Body: ErrorBody }>(
    '/jobs/:key/error',
    {
      schema: {
        params,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['errorCode'],
          properties: {
            errorCode: { type: 'string', minLength: 1 },
            errorMessage: { type: 'string' },
            variables: variablesSchema,
          },
        },
      },
    },
    async (request, reply) => {
      const b = request.body;
      await engine.throwError({
        jobKey: request.params.key,
        errorCode: b.errorCode,
        errorMessage: b.errorMessage,
        variables: b.variables,
      });
      return reply.code(204).send();
    },
  );

  app.patch<{ Params: KeyParams; Body: PatchBody }>(
    '/jobs/:key',
    {
      schema: {
        params,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['changeset'],
          properties: {
            changeset: {
              type: 'object',
              additionalProperties: false,
              properties: {
                retries: { type: 'integer', minimum: 1 },
                timeout: { type: 'integer', minimum: 0 },
              },
            },
            operationReference: operationReferenceSchema,
          },
        },
      },
    },
    async (request, reply) => {
      const { retries, timeout } = request.body.changeset;
      if (retries === undefined && timeout === undefined)
        throw invalidArgument('changeset: expected retries or timeout, but both are missing');
      if (retries !== undefined) await engine.updateJobRetries({ jobKey: request.params.key, retries });
      if (timeout !== undefined)
        await engine.updateJobTimeout({ jobKey: request.params.key, timeoutMs: timeout });
      return reply.code(204).send();
    },
  );
}
