/**
 * Process instances: create (also with result: `awaitCompletion`), get, search, cancellation, the sequence
 * flows taken (for highlighting the path) and the instance's incidents.
 */
import type { FastifyInstance } from 'fastify';
import { getRow, searchRows, type ProcessInstanceRow } from '../../read/queries.js';
import type { Variables } from '../../client/port.js';
import {
  checkTenant,
  keyParamsSchema,
  operationBodySchema,
  operationReferenceSchema,
  tenantIdSchema,
  variablesSchema,
  type KeyParams,
} from './common.js';
import { invalidArgument } from './errors.js';
import { incidentFields, toIncidentResult } from './incidents.js';
import type { GatewayDeps } from './index.js';
import {
  DEFAULT_TENANT,
  isoDate,
  keySchema,
  searchBodySchema,
  searchResponse,
  toSearchQuery,
  type FieldMap,
  type SearchBody,
} from './search.js';

interface CreateBody {
  processDefinitionId?: string;
  processDefinitionKey?: string;
  processDefinitionVersion?: number;
  variables?: Variables;
  tenantId?: string;
  operationReference?: number;
  startInstructions?: unknown[];
  runtimeInstructions?: unknown[];
  tags?: string[];
  awaitCompletion?: boolean;
  fetchVariables?: string[];
  requestTimeout?: number;
}

const unsupported = { type: 'array', maxItems: 0 } as const;

const createSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    processDefinitionId: { type: 'string', minLength: 1 },
    processDefinitionKey: keySchema,
    processDefinitionVersion: { type: 'integer', minimum: -1 },
    variables: variablesSchema,
    tenantId: tenantIdSchema,
    operationReference: operationReferenceSchema,
    startInstructions: unsupported,
    runtimeInstructions: unsupported,
    tags: unsupported,
    awaitCompletion: { type: 'boolean' },
    fetchVariables: { type: 'array', items: { type: 'string' } },
    requestTimeout: { type: 'integer', minimum: 0 },
  },
} as const;

const fields: FieldMap = {
  processInstanceKey: { column: 'key', kind: 'key' },
  processDefinitionId: { column: 'bpmn_process_id', kind: 'string' },
  processDefinitionName: { column: 'bpmn_process_id', kind: 'string' },
  processDefinitionVersion: { column: 'version', kind: 'integer' },
  processDefinitionVersionTag: { column: 'version_tag', kind: 'string' },
  processDefinitionKey: { column: 'process_definition_key', kind: 'key' },
  parentProcessInstanceKey: { column: 'parent_process_instance_key', kind: 'key' },
  parentElementInstanceKey: { column: 'parent_element_instance_key', kind: 'key' },
  parentFlowNodeInstanceKey: { column: 'parent_element_instance_key', kind: 'key', noSort: true },
  state: { column: 'state', kind: 'string', values: ['ACTIVE', 'COMPLETED', 'TERMINATED'] },
  startDate: { column: 'created_at', kind: 'date' },
  endDate: { column: 'ended_at', kind: 'date' },
  hasIncident: { column: 'has_incident', kind: 'boolean' },
  tenantId: { column: 'key', kind: 'tenant' },
};

function toResult(p: ProcessInstanceRow) {
  return {
    processDefinitionId: p.bpmn_process_id,
    processDefinitionName: p.bpmn_process_id,
    processDefinitionVersion: p.version,
    processDefinitionVersionTag: p.version_tag ?? undefined,
    startDate: isoDate(p.created_at),
    endDate: isoDate(p.ended_at),
    state: p.state,
    hasIncident: p.has_incident,
    tenantId: DEFAULT_TENANT,
    processInstanceKey: p.key,
    processDefinitionKey: p.process_definition_key,
    parentProcessInstanceKey: p.parent_process_instance_key ?? undefined,
    parentElementInstanceKey: p.parent_element_instance_key ?? undefined,
  };
}

/** Registers the process instance routes. */
export function processInstanceRoutes(app: FastifyInstance, { engine }: GatewayDeps): void {
  app.post<{ Body: CreateBody }>(
    '/process-instances',
    { schema: { body: createSchema } },
    async (request) => {
      const b = request.body;
      checkTenant(b.tenantId);
      if ((b.processDefinitionId === undefined) === (b.processDefinitionKey === undefined)) {
        throw invalidArgument(
          'Expected either processDefinitionId or processDefinitionKey, but ' +
            (b.processDefinitionId === undefined ? 'neither was given' : 'both were given'),
        );
      }
      let bpmnProcessId = b.processDefinitionId;
      let version = b.processDefinitionVersion ?? -1;
      if (b.processDefinitionKey !== undefined) {
        const definition = await getRow(
          engine.pool,
          'process_definition',
          b.processDefinitionKey,
          'process definition',
        );
        bpmnProcessId = definition.bpmn_process_id;
        version = definition.version;
      }
      const create = { bpmnProcessId: bpmnProcessId!, version, variables: b.variables };
      const r = b.awaitCompletion
        ? await engine.createProcessInstanceWithResult({
            ...create,
            requestTimeoutMs: b.requestTimeout || undefined,
            fetchVariables: b.fetchVariables,
          })
        : { ...(await engine.createProcessInstance(create)), variables: {} };
      return {
        processDefinitionId: r.bpmnProcessId,
        processDefinitionVersion: r.version,
        tenantId: DEFAULT_TENANT,
        variables: r.variables,
        processDefinitionKey: r.processDefinitionKey,
        processInstanceKey: r.processInstanceKey,
      };
    },
  );

  app.get<{ Params: KeyParams }>(
    '/process-instances/:key',
    { schema: { params: keyParamsSchema } },
    async (request) =>
      toResult(await getRow(engine.pool, 'process_instance', request.params.key, 'process instance')),
  );

  app.post<{ Body: SearchBody }>(
    '/process-instances/search',
    { schema: { body: searchBodySchema(fields) } },
    async (request) => {
      const query = toSearchQuery(request.body, fields);
      const { rows, total } = await searchRows(engine.pool, 'process_instance', query);
      return searchResponse(rows.map(toResult), total, query);
    },
  );

  app.post<{ Params: KeyParams }>(
    '/process-instances/:key/cancellation',
    { schema: { params: keyParamsSchema, body: operationBodySchema } },
    async (request, reply) => {
      await engine.cancelProcessInstance(request.params.key);
      return reply.code(204).send();
    },
  );

  app.get<{ Params: KeyParams }>(
    '/process-instances/:key/sequence-flows',
    { schema: { params: keyParamsSchema } },
    async (request) => {
      const p = await getRow(engine.pool, 'process_instance', request.params.key, 'process instance');
      const flows = await engine.getTakenSequenceFlows(p.key);
      return {
        items: flows.map((id) => ({
          processInstanceKey: p.key,
          sequenceFlowId: id,
          processDefinitionKey: p.process_definition_key,
          processDefinitionId: p.bpmn_process_id,
          elementId: id,
          tenantId: DEFAULT_TENANT,
        })),
      };
    },
  );

  app.post<{ Params: KeyParams; Body: SearchBody }>(
    '/process-instances/:key/incidents/search',
    { schema: { params: keyParamsSchema, body: searchBodySchema(incidentFields) } },
    async (request) => {
      const p = await getRow(engine.pool, 'process_instance', request.params.key, 'process instance');
      const query = toSearchQuery(request.body, incidentFields, [
        { column: 'process_instance_key', op: 'eq', value: p.key },
      ]);
      const { rows, total } = await searchRows(engine.pool, 'incident', query);
      return searchResponse(rows.map(toIncidentResult), total, query);
    },
  );
}
