/**
 * User tasks: search, get, assignment, unassignment (DELETE .../assignee), completion, the linked form, and
 * the variables visible to the task.
 */
import type { FastifyInstance } from 'fastify';
import type { Variables } from '../../client/port.js';
import { getFormByKey, getRow, searchRows, type UserTaskSearchRow } from '../../read/queries.js';
import { keyParamsSchema, variablesSchema, type KeyParams } from './common.js';
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
import { toVariableResult } from './variables.js';

const states = [
  'CREATING',
  'CREATED',
  'ASSIGNING',
  'UPDATING',
  'COMPLETING',
  'COMPLETED',
  'CANCELING',
  'CANCELED',
  'FAILED',
] as const;

const fields: FieldMap = {
  userTaskKey: { column: 'key', kind: 'key' },
  state: { column: 'state', kind: 'string', values: states },
  assignee: { column: 'assignee', kind: 'string' },
  priority: { column: 'priority', kind: 'integer' },
  elementId: { column: 'element_id', kind: 'string' },
  name: { column: 'name', kind: 'string' },
  candidateGroup: { column: 'candidate_groups', kind: 'array', noSort: true },
  candidateUser: { column: 'candidate_users', kind: 'array', noSort: true },
  processDefinitionKey: { column: 'process_definition_key', kind: 'key' },
  processInstanceKey: { column: 'process_instance_key', kind: 'key' },
  processDefinitionId: { column: 'bpmn_process_id', kind: 'string' },
  elementInstanceKey: { column: 'element_instance_key', kind: 'key' },
  creationDate: { column: 'created_at', kind: 'date' },
  completionDate: { column: 'completed_at', kind: 'date' },
  followUpDate: { column: 'follow_up_date', kind: 'isoText' },
  followupDate: { column: 'follow_up_date', kind: 'isoText', noSort: true },
  dueDate: { column: 'due_date', kind: 'isoText' },
  tenantId: { column: 'key', kind: 'tenant' },
};

const variableFields: FieldMap = {
  name: { column: 'name', kind: 'string' },
  value: { column: 'value', kind: 'json', noSort: true },
  variableKey: { column: 'key', kind: 'key' },
  scopeKey: { column: 'scope_key', kind: 'key' },
  processInstanceKey: { column: 'process_instance_key', kind: 'key' },
  tenantId: { column: 'key', kind: 'tenant' },
};

function toResult(t: UserTaskSearchRow) {
  return {
    name: t.name ?? t.element_id,
    state: t.state,
    assignee: t.assignee ?? undefined,
    elementId: t.element_id,
    candidateGroups: t.candidate_groups,
    candidateUsers: t.candidate_users,
    processDefinitionId: t.bpmn_process_id,
    creationDate: isoDate(t.created_at),
    completionDate: isoDate(t.completed_at),
    followUpDate: t.follow_up_date ?? undefined,
    dueDate: t.due_date ?? undefined,
    tenantId: DEFAULT_TENANT,
    externalFormReference: t.external_form_reference ?? undefined,
    processDefinitionVersion: t.process_definition_version,
    customHeaders: t.custom_headers,
    priority: t.priority,
    userTaskKey: t.key,
    elementInstanceKey: t.element_instance_key,
    processName: t.bpmn_process_id,
    processDefinitionKey: t.process_definition_key,
    processInstanceKey: t.process_instance_key,
    formKey: t.form_key ?? undefined,
  };
}

interface AssignBody {
  assignee: string;
  allowOverride?: boolean;
  action?: string;
}

interface CompleteBody {
  variables?: Variables;
  action?: string;
}

/** Registers the user task routes. */
export function userTaskRoutes(app: FastifyInstance, { engine }: GatewayDeps): void {
  const params = keyParamsSchema;
  const task = (key: string) => getRow(engine.pool, 'user_task', key, 'user task');

  app.post<{ Body: SearchBody }>(
    '/user-tasks/search',
    { schema: { body: searchBodySchema(fields) } },
    async (request) => {
      const query = toSearchQuery(request.body, fields);
      const { rows, total } = await searchRows(engine.pool, 'user_task', query);
      return searchResponse(rows.map(toResult), total, query);
    },
  );

  app.get<{ Params: KeyParams }>('/user-tasks/:key', { schema: { params } }, async (request) =>
    toResult(await task(request.params.key)),
  );

  app.get<{ Params: KeyParams }>('/user-tasks/:key/form', { schema: { params } }, async (request, reply) => {
    const t = await task(request.params.key);
    if (!t.form_key) return reply.code(204).send();
    const form = await getFormByKey(engine.pool, t.form_key);
    return {
      formKey: form.formKey,
      formId: form.formId,
      version: form.version,
      schema: JSON.stringify(form.schema),
      tenantId: DEFAULT_TENANT,
    };
  });

  app.post<{ Params: KeyParams; Body: AssignBody }>(
    '/user-tasks/:key/assignment',
    {
      schema: {
        params,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['assignee'],
          properties: {
            assignee: { type: 'string', minLength: 1 },
            allowOverride: { type: 'boolean' },
            action: { type: 'string' },
          },
        },
      },
    },
    async (request, reply) => {
      const { assignee, allowOverride } = request.body;
      await engine.assignUserTask({
        userTaskKey: request.params.key,
        assignee,
        allowOverride: allowOverride ?? true,
      });
      return reply.code(204).send();
    },
  );

  app.delete<{ Params: KeyParams }>(
    '/user-tasks/:key/assignee',
    {
      schema: {
        params,
        body: { type: 'object', additionalProperties: false, properties: { action: { type: 'string' } } },
      },
    },
    async (request, reply) => {
      await engine.unassignUserTask(request.params.key);
      return reply.code(204).send();
    },
  );

  app.post<{ Params: KeyParams; Body: CompleteBody }>(
    '/user-tasks/:key/completion',
    {
      schema: {
        params,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { variables: variablesSchema, action: { type: 'string' } },
        },
      },
    },
    async (request, reply) => {
      const { variables, action } = request.body;
      await engine.completeUserTask({ userTaskKey: request.params.key, variables, action });
      return reply.code(204).send();
    },
  );

  app.post<{ Params: KeyParams; Body: SearchBody }>(
    '/user-tasks/:key/variables/search',
    { schema: { params, body: searchBodySchema(variableFields) } },
    async (request) => {
      const t = await task(request.params.key);
      const query = toSearchQuery(request.body, variableFields, [
        { column: 'scope_key', op: 'in', value: t.scope_path },
      ]);
      const { rows, total } = await searchRows(engine.pool, 'variable', query);
      return searchResponse(rows.map(toVariableResult), total, query);
    },
  );
}
