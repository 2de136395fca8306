/** Incidents: POST /v2/incidents/search, GET /v2/incidents/{key}, POST /v2/incidents/{key}/resolution. */
import type { FastifyInstance } from 'fastify';
import { getRow, searchRows, type IncidentRow } from '../../read/queries.js';
import { keyParamsSchema, operationBodySchema, type KeyParams } from './common.js';
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

const errorTypes = [
  'UNSPECIFIED',
  'UNKNOWN',
  'IO_MAPPING_ERROR',
  'JOB_NO_RETRIES',
  'EXECUTION_LISTENER_NO_RETRIES',
  'TASK_LISTENER_NO_RETRIES',
  'CONDITION_ERROR',
  'EXTRACT_VALUE_ERROR',
  'CALLED_ELEMENT_ERROR',
  'UNHANDLED_ERROR_EVENT',
  'MESSAGE_SIZE_EXCEEDED',
  'CALLED_DECISION_ERROR',
  'DECISION_EVALUATION_ERROR',
  'FORM_NOT_FOUND',
  'RESOURCE_NOT_FOUND',
] as const;

/** Filterable and sortable fields of incidents. */
export const incidentFields: FieldMap = {
  incidentKey: { column: 'key', kind: 'key' },
  processDefinitionKey: { column: 'process_definition_key', kind: 'key' },
  processDefinitionId: { column: 'bpmn_process_id', kind: 'string' },
  processInstanceKey: { column: 'process_instance_key', kind: 'key' },
  errorType: { column: 'error_type', kind: 'string', values: errorTypes },
  errorMessage: { column: 'error_message', kind: 'string' },
  elementId: { column: 'element_id', kind: 'string' },
  elementInstanceKey: { column: 'element_instance_key', kind: 'key' },
  creationTime: { column: 'created_at', kind: 'date' },
  state: { column: 'state', kind: 'string', values: ['ACTIVE', 'MIGRATED', 'RESOLVED', 'PENDING'] },
  jobKey: { column: 'job_key', kind: 'key' },
  tenantId: { column: 'key', kind: 'tenant' },
};

/** An incident in Camunda's shape. */
export function toIncidentResult(i: IncidentRow) {
  return {
    processDefinitionId: i.bpmn_process_id,
    errorType: i.error_type,
    errorMessage: i.error_message,
    elementId: i.element_id,
    creationTime: isoDate(i.created_at),
    state: i.state,
    tenantId: DEFAULT_TENANT,
    incidentKey: i.key,
    processDefinitionKey: i.process_definition_key,
    processInstanceKey: i.process_instance_key,
    elementInstanceKey: i.element_instance_key,
    jobKey: i.job_key ?? undefined,
  };
}

/** Registers the incident routes. */
export function incidentRoutes(app: FastifyInstance, { engine }: GatewayDeps): void {
  app.post<{ Body: SearchBody }>(
    '/incidents/search',
    { schema: { body: searchBodySchema(incidentFields) } },
    async (request) => {
      const query = toSearchQuery(request.body, incidentFields);
      const { rows, total } = await searchRows(engine.pool, 'incident', query);
      return searchResponse(rows.map(toIncidentResult), total, query);
    },
  );
  app.get<{ Params: KeyParams }>(
    '/incidents/:key',
    { schema: { params: keyParamsSchema } },
    async (request) =>
      toIncidentResult(await getRow(engine.pool, 'incident', request.params.key, 'incident')),
  );
  app.post<{ Params: KeyParams }>(
    '/incidents/:key/resolution',
    { schema: { params: keyParamsSchema, body: operationBodySchema } },
    async (request, reply) => {
      await engine.resolveIncident(request.params.key);
      return reply.code(204).send();
    },
  );
}
