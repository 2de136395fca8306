/** Variables: POST /v2/variables/search and GET /v2/variables/{key}; values are JSON strings, as in Camunda. */
import type { FastifyInstance } from 'fastify';
import { getRow, searchRows, type VariableRow } from '../../read/queries.js';
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
  variableKey: { column: 'key', kind: 'key' },
  name: { column: 'name', kind: 'string' },
  value: { column: 'value', kind: 'json', noSort: true },
  scopeKey: { column: 'scope_key', kind: 'key' },
  processInstanceKey: { column: 'process_instance_key', kind: 'key' },
  processDefinitionKey: { column: 'process_definition_key', kind: 'key', noSort: true },
  processDefinitionId: { column: 'bpmn_process_id', kind: 'string', noSort: true },
  isTruncated: { column: 'key', kind: 'boolean', noSort: true },
  tenantId: { column: 'key', kind: 'tenant' },
};

/** A variable in Camunda's shape: the value as its JSON text, never truncated here. */
export function toVariableResult(v: VariableRow) {
  return {
    variableKey: v.key,
    name: v.name,
    value: JSON.stringify(v.value ?? null),
    isTruncated: false,
    tenantId: DEFAULT_TENANT,
    scopeKey: v.scope_key,
    processInstanceKey: v.process_instance_key,
  };
}

/** Registers the variable routes. */
export function variableRoutes(app: FastifyInstance, { engine }: GatewayDeps): void {
  app.post<{ Body: SearchBody }>(
    '/variables/search',
    { schema: { body: searchBodySchema(fields) } },
    async (request) => {
      const { isTruncated, ...filter } = request.body.filter ?? {};
      // Values are never truncated: isTruncated=true matches nothing.
      const fixed = isTruncated === true ? [{ column: 'key', op: 'notExists' as const }] : [];
      const query = toSearchQuery({ ...request.body, filter }, fields, fixed);
      const { rows, total } = await searchRows(engine.pool, 'variable', query);
      return { ...searchResponse(rows.map(toVariableResult), total, query) };
    },
  );
  app.get<{ Params: KeyParams }>(
    '/variables/:key',
    { schema: { params: keyParamsSchema } },
    async (request) =>
      toVariableResult(await getRow(engine.pool, 'variable', request.params.key, 'variable')),
  );
}
