/** The read side: plain queries over the state tables and the record log (no locks, no commands). */
import type pg from 'pg';
import { EngineError } from '../client/port.js';
import type {
  ElementInstance,
  EngineRecord,
  Incident,
  IncidentFilter,
  Page,
  ProcessDefinition,
  ProcessInstance,
  UserTask,
  UserTaskFilter,
  VariableValue,
} from '../client/port.js';

const num = (v: string | null | undefined) => (v === null || v === undefined ? undefined : Number(v));
const str = (v: string | null | undefined) => (v === null || v === undefined ? undefined : v);

export async function getProcessInstance(pool: pg.Pool, key: string): Promise<ProcessInstance> {
  const r = await pool.query(
    `SELECT p.*, EXISTS (SELECT 1 FROM engine.incident i WHERE i.process_instance_key = p.key AND i.state = 'ACTIVE') AS has_incident
     FROM engine.process_instance p WHERE p.key = $1`,
    [key],
  );
  const p = r.rows[0];
  if (!p) throw new EngineError('NOT_FOUND', `Process instance with key '${key}' not found`);
  return {
    processInstanceKey: p.key,
    processDefinitionKey: p.process_definition_key,
    bpmnProcessId: p.bpmn_process_id,
    version: p.version,
    state: p.state,
    parentProcessInstanceKey: str(p.parent_process_instance_key),
    hasIncident: p.has_incident,
    startDate: Number(p.created_at),
    endDate: num(p.ended_at),
  };
}

export async function searchElementInstances(
  pool: pg.Pool,
  processInstanceKey: string,
): Promise<ElementInstance[]> {
  const r = await pool.query(
    'SELECT * FROM engine.element_instance WHERE process_instance_key = $1 ORDER BY key',
    [processInstanceKey],
  );
  return r.rows.map((e) => ({
    elementInstanceKey: e.key,
    processInstanceKey: e.process_instance_key,
    elementId: e.element_id,
    elementType: e.element_type,
    flowScopeKey: str(e.flow_scope_key),
    state: e.state,
    startDate: Number(e.created_at),
    endDate: num(e.ended_at),
  }));
}

export async function getVariables(
  pool: pg.Pool,
  processInstanceKey: string,
  scopeKey?: string,
): Promise<VariableValue[]> {
  const r = await pool.query(
    scopeKey
      ? 'SELECT scope_key, name, value FROM engine.variable WHERE process_instance_key = $1 AND scope_key = $2 ORDER BY name'
      : 'SELECT scope_key, name, value FROM engine.variable WHERE process_instance_key = $1 ORDER BY scope_key, name',
    scopeKey ? [processInstanceKey, scopeKey] : [processInstanceKey],
  );
  return r.rows.map((v) => ({ scopeKey: v.scope_key, name: v.name, value: v.value }));
}

export async function getTakenSequenceFlows(pool: pg.Pool, processInstanceKey: string): Promise<string[]> {
  const r = await pool.query<{ element_id: string }>(
    `SELECT DISTINCT element_id FROM engine.record WHERE process_instance_key = $1 AND intent = 'SEQUENCE_FLOW_TAKEN'`,
    [processInstanceKey],
  );
  return r.rows.map((x) => x.element_id).sort();
}

export async function getRecords(pool: pg.Pool, processInstanceKey: string): Promise<EngineRecord[]> {
  const r = await pool.query(
    'SELECT * FROM engine.record WHERE process_instance_key = $1 ORDER BY position',
    [processInstanceKey],
  );
  return r.rows.map((x) => ({
    position: x.position,
    key: x.key,
    valueType: x.value_type,
    intent: x.intent,
    processInstanceKey: str(x.process_instance_key),
    elementId: str(x.element_id),
    elementType: str(x.element_type),
    value: x.value,
    timestamp: Number(x.timestamp),
  }));
}

/** Rows of `engine.user_task`. */
interface UserTaskRow {
  key: string;
  state: string;
  element_id: string;
  name: string | null;
  element_instance_key: string;
  process_instance_key: string;
  process_definition_key: string;
  bpmn_process_id: string;
  assignee: string | null;
  candidate_groups: string[];
  candidate_users: string[];
  due_date: string | null;
  follow_up_date: string | null;
  priority: number;
  form_key: string | null;
  form_id: string | null;
  external_form_reference: string | null;
  custom_headers: Record<string, string>;
  /** Element instance keys from the task's element up to the process instance. */
  scope_path: string[];
  created_at: string;
  completed_at: string | null;
}

function toUserTask(t: UserTaskRow): UserTask {
  return {
    userTaskKey: t.key,
    state: t.state === 'COMPLETING' || t.state === 'CREATING' ? 'CREATED' : (t.state as UserTask['state']),
    elementId: t.element_id,
    name: str(t.name),
    elementInstanceKey: t.element_instance_key,
    processInstanceKey: t.process_instance_key,
    processDefinitionKey: t.process_definition_key,
    bpmnProcessId: t.bpmn_process_id,
    assignee: str(t.assignee),
    candidateGroups: t.candidate_groups,
    candidateUsers: t.candidate_users,
    dueDate: str(t.due_date),
    followUpDate: str(t.follow_up_date),
    priority: t.priority,
    formKey: str(t.form_key),
    externalFormReference: str(t.external_form_reference),
    customHeaders: t.custom_headers,
    creationDate: Number(t.created_at),
    completionDate: num(t.completed_at),
  };
}

/** Largest exact total of a user-task search; beyond it the page says `hasMoreTotalItems` (as Camunda 8.8). */
export const USER_TASK_TOTAL_CAP = 10_000;

export async function searchUserTasks(pool: pg.Pool, f: UserTaskFilter): Promise<Page<UserTask>> {
  const where: string[] = ["state <> 'CREATING'"];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.state) add('state = ?', f.state);
  if (f.assignee) add('assignee = ?', f.assignee);
  if (f.candidateGroups?.length) add('candidate_groups && ?::text[]', f.candidateGroups);
  if (f.candidateUser) add('? = ANY(candidate_users)', f.candidateUser);
  if (f.processInstanceKey) add('process_instance_key = ?', f.processInstanceKey);
  if (f.bpmnProcessId) add('bpmn_process_id = ?', f.bpmnProcessId);
  if (f.elementId) add('element_id = ?', f.elementId);
  if (f.dueBefore) add('due_date < ?', f.dueBefore);
  if (f.dueAfter) add('due_date > ?', f.dueAfter);
  const column = { creationDate: 'created_at', dueDate: 'due_date', priority: 'priority' }[
    f.sort?.field ?? 'creationDate'
  ];
  const order = f.sort?.order === 'DESC' ? 'DESC' : 'ASC';
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 1000);
  const offset = Math.max(f.offset ?? 0, 0);
  const conditions = where.join(' AND ');
  const pageSql = `SELECT * FROM engine.user_task WHERE ${conditions} ORDER BY ${column} ${order} NULLS LAST, key LIMIT ${limit} OFFSET ${offset}`;
  // The total is counted apart and capped (as Camunda's search does): a window count(*) OVER () would read every
  // matching row before the page could be cut. A short first page is its own total.
  const countSql = `SELECT count(*) AS n FROM (SELECT 1 FROM engine.user_task WHERE ${conditions} LIMIT ${USER_TASK_TOTAL_CAP + 1}) t`;
  const page = await pool.query<UserTaskRow>(pageSql, params);
  if (offset === 0 && page.rows.length < limit)
    return { items: page.rows.map(toUserTask), total: page.rows.length };
  const counted = Number((await pool.query<{ n: string }>(countSql, params)).rows[0]?.n ?? 0);
  const total = Math.min(counted, USER_TASK_TOTAL_CAP);
  return {
    items: page.rows.map(toUserTask),
    total,
    ...(counted > USER_TASK_TOTAL_CAP ? { hasMoreTotalItems: true } : {}),
  };
}

export async function getUserTask(pool: pg.Pool, key: string): Promise<UserTask> {
  if (!/^\d+$/.test(key))
    throw new EngineError('INVALID_ARGUMENT', `Expected a user task key (a number), but got '${key}'`);
  const r = await pool.query<UserTaskRow>('SELECT * FROM engine.user_task WHERE key = $1', [key]);
  if (!r.rows[0]) throw new EngineError('NOT_FOUND', `User task with key '${key}' not found`);
  return toUserTask(r.rows[0]);
}

export async function searchIncidents(pool: pg.Pool, f: IncidentFilter): Promise<Page<Incident>> {
  const where: string[] = ['true'];
  const params: unknown[] = [];
  if (f.processInstanceKey) where.push(`process_instance_key = $${params.push(f.processInstanceKey)}`);
  if (f.state) where.push(`state = $${params.push(f.state)}`);
  if (f.bpmnProcessId) where.push(`bpmn_process_id = $${params.push(f.bpmnProcessId)}`);
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 1000);
  const r = await pool.query(
    `SELECT *, count(*) OVER () AS total FROM engine.incident WHERE ${where.join(' AND ')} ORDER BY key LIMIT ${limit} OFFSET ${Math.max(f.offset ?? 0, 0)}`,
    params,
  );
  return {
    total: Number(r.rows[0]?.total ?? 0),
    items: r.rows.map((i) => ({
      incidentKey: i.key,
      state: i.state,
      errorType: i.error_type,
      errorMessage: i.error_message,
      processInstanceKey: i.process_instance_key,
      elementInstanceKey: i.element_instance_key,
      elementId: i.element_id,
      bpmnProcessId: i.bpmn_process_id,
      processDefinitionKey: i.process_definition_key,
      jobKey: str(i.job_key),
      creationTime: Number(i.created_at),
    })),
  };
}

export async function listProcessDefinitions(
  pool: pg.Pool,
  bpmnProcessId?: string,
): Promise<ProcessDefinition[]> {
  const r = await pool.query(
    `SELECT key, bpmn_process_id, version, version_tag, resource_name, deployment_key, created_at FROM engine.process_definition
     ${bpmnProcessId ? 'WHERE bpmn_process_id = $1' : ''} ORDER BY bpmn_process_id, version`,
    bpmnProcessId ? [bpmnProcessId] : [],
  );
  return r.rows.map((d) => ({
    processDefinitionKey: d.key,
    bpmnProcessId: d.bpmn_process_id,
    version: d.version,
    versionTag: str(d.version_tag),
    resourceName: d.resource_name,
    deploymentKey: d.deployment_key,
    createdAt: Number(d.created_at),
  }));
}

// ---------------------------------------------------------------------------------------------------------
// Filtered searches (used by the REST gateway, engine/src/gateway/rest). Callers name columns of a fixed view;
// every column is checked against the view's whitelist, values always travel as parameters.

/** Comparison of one column with a value. `has`/`hasAny` test array columns (one element / overlap). */
export type SearchOperator =
  | 'eq'
  | 'neq'
  | 'in'
  | 'notIn'
  | 'exists'
  | 'notExists'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'like'
  | 'has'
  | 'hasAny';

/** One condition of a search; conditions are combined with AND. */
export interface SearchCondition {
  column: string;
  op: SearchOperator;
  value?: unknown;
}

/** A filtered, sorted page of one view. */
export interface SearchQuery {
  conditions: SearchCondition[];
  sort: { column: string; desc: boolean }[];
  limit: number;
  offset: number;
}

/** Rows of the `process_instance` search view. */
export interface ProcessInstanceRow {
  key: string;
  process_definition_key: string;
  bpmn_process_id: string;
  version: number;
  version_tag: string | null;
  state: string;
  parent_process_instance_key: string | null;
  parent_element_instance_key: string | null;
  has_incident: boolean;
  created_at: string;
  ended_at: string | null;
}

/** Rows of the `element_instance` search view (the process element itself excluded). */
export interface ElementInstanceRow {
  key: string;
  process_instance_key: string;
  process_definition_key: string;
  bpmn_process_id: string;
  element_id: string;
  /** Camunda's element type name, e.g. SERVICE_TASK. */
  type: string;
  /** ACTIVE, COMPLETED or TERMINATED. */
  state: string;
  flow_scope_key: string | null;
  incident_key: string | null;
  has_incident: boolean;
  created_at: string;
  ended_at: string | null;
}

/** Rows of the `variable` search view. */
export interface VariableRow {
  key: string;
  process_instance_key: string;
  scope_key: string;
  name: string;
  value: unknown;
  bpmn_process_id: string;
  process_definition_key: string;
}

/** Rows of the `incident` search view. */
export interface IncidentRow {
  key: string;
  state: string;
  error_type: string;
  error_message: string;
  process_instance_key: string;
  element_instance_key: string;
  element_id: string;
  bpmn_process_id: string;
  process_definition_key: string;
  job_key: string | null;
  created_at: string;
}

/** Rows of the `user_task` search view. */
export interface UserTaskSearchRow extends UserTaskRow {
  process_definition_version: number;
}

/** Rows of the `process_definition` search view. */
export interface ProcessDefinitionRow {
  key: string;
  bpmn_process_id: string;
  version: number;
  version_tag: string | null;
  resource_name: string;
  deployment_key: string;
  created_at: string;
}

interface SearchRowTypes {
  process_instance: ProcessInstanceRow;
  element_instance: ElementInstanceRow;
  variable: VariableRow;
  incident: IncidentRow;
  user_task: UserTaskSearchRow;
  process_definition: ProcessDefinitionRow;
}

/** The views that can be searched. */
export type SearchView = keyof SearchRowTypes;

const searchViews: Record<
  SearchView,
  { sql: string; columns: readonly string[]; casts?: Record<string, string> }
> = {
  process_instance: {
    sql: `SELECT p.key, p.process_definition_key, p.bpmn_process_id, p.version, d.version_tag, p.state,
            p.parent_process_instance_key, p.parent_element_instance_key, p.created_at, p.ended_at,
            EXISTS (SELECT 1 FROM engine.incident i WHERE i.process_instance_key = p.key AND i.state = 'ACTIVE') AS has_incident
          FROM engine.process_instance p JOIN engine.process_definition d ON d.key = p.process_definition_key`,
    columns: [
      'key',
      'process_definition_key',
      'bpmn_process_id',
      'version',
      'version_tag',
      'state',
      'parent_process_instance_key',
      'parent_element_instance_key',
      'created_at',
      'ended_at',
      'has_incident',
    ],
  },
  element_instance: {
    sql: `SELECT x.*, x.incident_key IS NOT NULL AS has_incident FROM (
            SELECT e.key, e.process_instance_key, p.process_definition_key, p.bpmn_process_id, e.element_id,
              upper(regexp_replace(e.element_type, '([A-Z])', '_\\1', 'g')) AS type,
              CASE WHEN e.state IN ('COMPLETED', 'TERMINATED') THEN e.state ELSE 'ACTIVE' END AS state,
              e.flow_scope_key, e.created_at, e.ended_at,
              (SELECT min(i.key) FROM engine.incident i WHERE i.element_instance_key = e.key AND i.state = 'ACTIVE') AS incident_key
            FROM engine.element_instance e JOIN engine.process_instance p ON p.key = e.process_instance_key
            WHERE e.element_type <> 'process') x`,
    columns: [
      'key',
      'process_instance_key',
      'process_definition_key',
      'bpmn_process_id',
      'element_id',
      'type',
      'state',
      'flow_scope_key',
      'created_at',
      'ended_at',
      'incident_key',
      'has_incident',
    ],
  },
  variable: {
    sql: `SELECT v.key, v.process_instance_key, v.scope_key, v.name, v.value, p.bpmn_process_id, p.process_definition_key
          FROM engine.variable v JOIN engine.process_instance p ON p.key = v.process_instance_key`,
    columns: [
      'key',
      'process_instance_key',
      'scope_key',
      'name',
      'value',
      'bpmn_process_id',
      'process_definition_key',
    ],
    casts: { value: '::jsonb' },
  },
  incident: {
    sql: `SELECT key, state, error_type, error_message, process_instance_key, element_instance_key, element_id, bpmn_process_id,
            process_definition_key, job_key, created_at FROM engine.incident`,
    columns: [
      'key',
      'state',
      'error_type',
      'error_message',
      'process_instance_key',
      'element_instance_key',
      'element_id',
      'bpmn_process_id',
      'process_definition_key',
      'job_key',
      'created_at',
    ],
  },
  user_task: {
    sql: `SELECT t.*, d.version AS process_definition_version FROM engine.user_task t
          JOIN engine.process_definition d ON d.key = t.process_definition_key`,
    columns: [
      'key',
      'state',
      'element_instance_key',
      'process_instance_key',
      'process_definition_key',
      'bpmn_process_id',
      'element_id',
      'name',
      'assignee',
      'candidate_groups',
      'candidate_users',
      'due_date',
      'follow_up_date',
      'priority',
      'form_key',
      'created_at',
      'completed_at',
      'process_definition_version',
    ],
  },
  process_definition: {
    sql: `SELECT key, bpmn_process_id, version, version_tag, resource_name, deployment_key, created_at FROM engine.process_definition`,
    columns: [
      'key',
      'bpmn_process_id',
      'version',
      'version_tag',
      'resource_name',
      'deployment_key',
      'created_at',
    ],
  },
};

function conditionSql(
  c: SearchCondition,
  column: string,
  param: (v: unknown) => string,
  arrayParam: (v: unknown) => string,
): string {
  switch (c.op) {
    case 'eq':
      return c.value === null ? `${column} IS NULL` : `${column} = ${param(c.value)}`;
    case 'neq':
      return `${column} IS DISTINCT FROM ${param(c.value)}`;
    case 'in':
      return `${column} = ANY(${arrayParam(c.value)})`;
    case 'notIn':
      return `NOT (${column} = ANY(${arrayParam(c.value)}))`;
    case 'exists':
      return `${column} IS NOT NULL`;
    case 'notExists':
      return `${column} IS NULL`;
    case 'gt':
      return `${column} > ${param(c.value)}`;
    case 'gte':
      return `${column} >= ${param(c.value)}`;
    case 'lt':
      return `${column} < ${param(c.value)}`;
    case 'lte':
      return `${column} <= ${param(c.value)}`;
    case 'like':
      return `${column}::text LIKE ${param(c.value)}`;
    case 'has':
      return `${param(c.value)} = ANY(${column})`;
    case 'hasAny':
      return `${column} && ${param(c.value)}::text[]`;
  }
}

/** One page of a view with the total count of matching rows. Unknown columns are a programming error. */
export async function searchRows<V extends SearchView>(
  pool: pg.Pool,
  view: V,
  q: SearchQuery,
): Promise<{ rows: SearchRowTypes[V][]; total: number }> {
  const spec = searchViews[view];
  const known = (column: string) => {
    if (!spec.columns.includes(column))
      throw new Error(`Unknown column '${column}' of search view '${view}'`);
    return `s.${column}`;
  };
  const params: unknown[] = [];
  const where = q.conditions.map((c) => {
    const cast = spec.casts?.[c.column] ?? '';
    const castValue = (v: unknown) =>
      cast === '::jsonb' ? (Array.isArray(v) ? v.map((x) => JSON.stringify(x)) : JSON.stringify(v)) : v;
    return conditionSql(
      c,
      known(c.column),
      (v) => `$${params.push(castValue(v))}${cast}`,
      (v) => `$${params.push(castValue(v))}${cast ? `${cast}[]` : ''}`,
    );
  });
  const order = [
    ...q.sort.map((s) => `${known(s.column)} ${s.desc ? 'DESC' : 'ASC'} NULLS LAST`),
    's.key',
  ].join(', ');
  const limit = Math.min(Math.max(Math.trunc(q.limit), 0), 10_000);
  const offset = Math.max(Math.trunc(q.offset), 0);
  const sql = `SELECT s.*, count(*) OVER () AS search_total FROM (${spec.sql}) s
               ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`;
  const r = await pool.query<SearchRowTypes[V] & { search_total: string }>(sql, params);
  let total = Number(r.rows[0]?.search_total ?? 0);
  if (r.rows.length === 0 && offset > 0) {
    const c = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM (${spec.sql}) s ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
      params,
    );
    total = Number(c.rows[0]?.n ?? 0);
  }
  const rows = r.rows.map((row) => {
    const { search_total: _total, ...rest } = row;
    return rest as unknown as SearchRowTypes[V];
  });
  return { rows, total };
}

/** One row of a view by key, or NOT_FOUND naming `what`. */
export async function getRow<V extends SearchView>(
  pool: pg.Pool,
  view: V,
  key: string,
  what: string,
): Promise<SearchRowTypes[V]> {
  if (!/^\d{1,19}$/.test(key))
    throw new EngineError('INVALID_ARGUMENT', `Expected a ${what} key (a number), but got '${key}'`);
  const { rows } = await searchRows(pool, view, {
    conditions: [{ column: 'key', op: 'eq', value: key }],
    sort: [],
    limit: 1,
    offset: 0,
  });
  if (!rows[0])
    throw new EngineError(
      'NOT_FOUND',
      `${what[0]!.toUpperCase()}${what.slice(1)} with key '${key}' not found`,
    );
  return rows[0];
}

/** A deployed form by key: its id, version and schema. */
export async function getFormByKey(
  pool: pg.Pool,
  formKey: string,
): Promise<{ formKey: string; formId: string; version: number; schema: Record<string, unknown> }> {
  const r = await pool.query<{
    key: string;
    form_id: string;
    version: number;
    schema: Record<string, unknown>;
  }>('SELECT key, form_id, version, schema FROM engine.form WHERE key = $1', [formKey]);
  const f = r.rows[0];
  if (!f) throw new EngineError('NOT_FOUND', `Form with key '${formKey}' not found`);
  return { formKey: f.key, formId: f.form_id, version: f.version, schema: f.schema };
}
