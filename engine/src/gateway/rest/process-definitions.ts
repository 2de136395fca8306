/** Process definitions: POST /v2/process-definitions/search, GET /v2/process-definitions/{key} and its /xml. */
import type { FastifyInstance } from 'fastify';
import { getRow, searchRows, type ProcessDefinitionRow } from '../../read/queries.js';
import { keyParamsSchema, type KeyParams } from './common.js';
import type { GatewayDeps } from './index.js';
import {
  DEFAULT_TENANT,
  searchBodySchema,
  searchResponse,
  toSearchQuery,
  type FieldMap,
  type SearchBody,
} from './search.js';

const fields: FieldMap = {
  processDefinitionKey: { column: 'key', kind: 'key' },
  processDefinitionId: { column: 'bpmn_process_id', kind: 'string' },
  version: { column: 'version', kind: 'integer' },
  versionTag: { column: 'version_tag', kind: 'string' },
  resourceName: { column: 'resource_name', kind: 'string' },
  tenantId: { column: 'key', kind: 'tenant' },
};

function toResult(d: ProcessDefinitionRow) {
  return {
    name: d.bpmn_process_id,
    resourceName: d.resource_name,
    version: d.version,
    versionTag: d.version_tag ?? undefined,
    processDefinitionId: d.bpmn_process_id,
    tenantId: DEFAULT_TENANT,
    processDefinitionKey: d.key,
    hasStartForm: false,
  };
}

/** Registers the process definition routes. */
export function processDefinitionRoutes(app: FastifyInstance, { engine }: GatewayDeps): void {
  app.post<{ Body: SearchBody }>(
    '/process-definitions/search',
    { schema: { body: searchBodySchema(fields) } },
    async (request) => {
      const query = toSearchQuery(request.body, fields);
      const { rows, total } = await searchRows(engine.pool, 'process_definition', query);
      return searchResponse(rows.map(toResult), total, query);
    },
  );
  app.get<{ Params: KeyParams }>(
    '/process-definitions/:key',
    { schema: { params: keyParamsSchema } },
    async (request) =>
      toResult(await getRow(engine.pool, 'process_definition', request.params.key, 'process definition')),
  );
  app.get<{ Params: KeyParams }>(
    '/process-definitions/:key/xml',
    { schema: { params: keyParamsSchema } },
    async (request, reply) => {
      const xml = await engine.getProcessDefinitionXml(request.params.key);
      return reply.type('text/xml; charset=utf-8').send(xml);
    },
  );
}
