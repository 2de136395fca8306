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

export async function searchElementInstances(pool: pg.Pool, processInstanceKey: string): Promise<ElementInstance[]> {
  const r = await pool.query('SELECT * FROM engine.element_instance WHERE process_instance_key = $1 ORDER BY key', [processInstanceKey]);
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

export async function getVariables(pool: pg.Pool, processInstanceKey: string, scopeKey?: string): Promise<VariableValue[]> {
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
  const r = await pool.query('SELECT * FROM engine.record WHERE process_instance_key = $1 ORDER BY position', [processInstanceKey]);
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
  external_form_reference: string | null;
  custom_headers: Record<string, string>;
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
  const column = { creationDate: 'created_at', dueDate: 'due_date', priority: 'priority' }[f.sort?.field ?? 'creationDate'];
  const order = f.sort?.order === 'DESC' ? 'DESC' : 'ASC';
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 1000);
  const offset = Math.max(f.offset ?? 0, 0);
  const sql = `SELECT *, count(*) OVER () AS total FROM engine.user_task WHERE ${where.join(' AND ')}
               ORDER BY ${column} ${order} NULLS LAST, key LIMIT ${limit} OFFSET ${offset}`;
  const r = await pool.query<UserTaskRow & { total: string }>(sql, params);
  return { items: r.rows.map(toUserTask), total: Number(r.rows[0]?.total ?? 0) };
}

export async function getUserTask(pool: pg.Pool, key: string): Promise<UserTask> {
  if (!/^\d+$/.test(key)) throw new EngineError('INVALID_ARGUMENT', `Expected a user task key (a number), but got '${key}'`);
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

export async function listProcessDefinitions(pool: pg.Pool, bpmnProcessId?: string): Promise<ProcessDefinition[]> {
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
