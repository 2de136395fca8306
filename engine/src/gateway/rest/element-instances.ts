/**
 * Element instances: POST /v2/element-instances/search, GET /v2/element-instances/{key}, and
 * PUT /v2/element-instances/{key}/variables (set variables on a scope, as Zeebe's SetVariables).
 */
import type { FastifyInstance } from 'fastify';
import type { Variables } from '../../client/port.js';
import { getRow, searchRows, type ElementInstanceRow } from '../../read/queries.js';
import { keyParamsSchema, operationReferenceSchema, variablesSchema, type KeyParams } from './common.js';
import type { GatewayDeps } from './index.js';
import {
  DEFAULT_TENANT,
  isoDate,
  searchBodySchema,
  searchResponse,
  toSearchQuery,
  type FieldMap,
  type SearchBody,
} from './search.js';

const types = [
  'UNSPECIFIED',
  'PROCESS',
  'SUB_PROCESS',
  'EVENT_SUB_PROCESS',
  'AD_HOC_SUB_PROCESS',
  'START_EVENT',
  'INTERMEDIATE_CATCH_EVENT',
  'INTERMEDIATE_THROW_EVENT',
  'BOUNDARY_EVENT',
  'END_EVENT',
  'SERVICE_TASK',
  'RECEIVE_TASK',
  'USER_TASK',
  'MANUAL_TASK',
  'TASK',
  'EXCLUSIVE_GATEWAY',
  'INCLUSIVE_GATEWAY',
  'PARALLEL_GATEWAY',
  'EVENT_BASED_GATEWAY',
  'SEQUENCE_FLOW',
  'MULTI_INSTANCE_BODY',
  'CALL_ACTIVITY',
  'BUSINESS_RULE_TASK',
  'SCRIPT_TASK',
  'SEND_TASK',
  'UNKNOWN',
] as const;

const fields: FieldMap = {
  elementInstanceKey: { column: 'key', kind: 'key' },
  processInstanceKey: { column: 'process_instance_key', kind: 'key' },
  processDefinitionKey: { column: 'process_definition_key', kind: 'key' },
  processDefinitionId: { column: 'bpmn_process_id', kind: 'string' },
  elementId: { column: 'element_id', kind: 'string' },
  elementName: { column: 'element_id', kind: 'string', noSort: true },
  type: { column: 'type', kind: 'string', values: types },
  state: { column: 'state', kind: 'string', values: ['ACTIVE', 'COMPLETED', 'TERMINATED'] },
  startDate: { column: 'created_at', kind: 'date' },
  endDate: { column: 'ended_at', kind: 'date' },
  hasIncident: { column: 'has_incident', kind: 'boolean' },
  incidentKey: { column: 'incident_key', kind: 'key' },
  flowScopeKey: { column: 'flow_scope_key', kind: 'key' },
  tenantId: { column: 'key', kind: 'tenant' },
};

function toResult(e: ElementInstanceRow) {
  return {
    processDefinitionId: e.bpmn_process_id,
    startDate: isoDate(e.created_at),
    endDate: isoDate(e.ended_at),
    elementId: e.element_id,
    elementName: e.element_id,
    type: (types as readonly string[]).includes(e.type) ? e.type : 'UNKNOWN',
    state: e.state,
    hasIncident: e.has_incident,
    tenantId: DEFAULT_TENANT,
    elementInstanceKey: e.key,
    processInstanceKey: e.process_instance_key,
    processDefinitionKey: e.process_definition_key,
    incidentKey: e.incident_key ?? undefined,
  };
}

interface SetVariablesBody {
  variables: Variables;
  local?: boolean;
  operationReference?: number;
}

/** Registers the element instance routes. */
export function elementInstanceRoutes(app: FastifyInstance, { engine }: GatewayDeps): void {
  app.post<{ Body: SearchBody }>(
    '/element-instances/search',
    { schema: { body: searchBodySchema(fields) } },
    async (request) => {
      const query = toSearchQuery(request.body, fields);
      const { rows, total } = await searchRows(engine.pool, 'element_instance', query);
      return searchResponse(rows.map(toResult), total, query);
    },
  );
  app.get<{ Params: KeyParams }>(
    '/element-instances/:key',
    { schema: { params: keyParamsSchema } },
    async (request) =>
      toResult(await getRow(engine.pool, 'element_instance', request.params.key, 'element instance')),
  );
  app.put<{ Params: KeyParams; Body: SetVariablesBody }>(
    '/element-instances/:key/variables',
    {
      schema: {
        params: keyParamsSchema,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['variables'],
          properties: {
            variables: variablesSchema,
            local: { type: 'boolean' },
            operationReference: operationReferenceSchema,
          },
        },
      },
    },
    async (request, reply) => {
      const { variables, local } = request.body;
      await engine.setVariables({ elementInstanceKey: request.params.key, variables, local });
      return reply.code(204).send();
    },
  );
}
