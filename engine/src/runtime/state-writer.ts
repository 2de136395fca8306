/**
 * Loading and persisting a process instance aggregate: the instance row (locked FOR UPDATE, so commands on
 * one instance are serialised), its active element instances and its variables. Changes are written with
 * one upsert per table.
 */
import type pg from 'pg';
import type { WriteBatch } from './write-batch.js';
import type { ElementType } from '../model/types.js';
import {
  InstanceState,
  type ElementData,
  type ElementInstanceState,
  type ElementState,
  type InstanceStatus,
} from './instance-state.js';

interface InstanceRowDb {
  key: string;
  process_definition_key: string;
  bpmn_process_id: string;
  version: number;
  state: InstanceStatus;
  parent_process_instance_key: string | null;
  parent_element_instance_key: string | null;
  root_process_instance_key: string;
  start_message_name: string | null;
  start_correlation_key: string | null;
  created_at: string;
  ended_at: string | null;
}

/** What an instance is loaded by: its key, or the key of one of its jobs or user tasks (read with it). */
export type InstanceRef = { key: string } | { jobKey: string } | { userTaskKey: string };

/**
 * Named (prepared) statements: PostgreSQL parses and plans each once per connection. The lock runs on its
 * own statement so that the read after it takes a snapshot in which the previous lock holder's commit is
 * visible (one statement with sub-selects would read a snapshot older than the lock).
 */
const LOCK = {
  key: {
    name: 'motcua_lock_instance',
    text: 'SELECT * FROM engine.process_instance WHERE key = $1 FOR UPDATE',
  },
  jobKey: {
    name: 'motcua_lock_instance_by_job',
    text: 'SELECT * FROM engine.process_instance WHERE key = (SELECT process_instance_key FROM engine.job WHERE key = $1) FOR UPDATE',
  },
  userTaskKey: {
    name: 'motcua_lock_instance_by_user_task',
    text: 'SELECT * FROM engine.process_instance WHERE key = (SELECT process_instance_key FROM engine.user_task WHERE key = $1) FOR UPDATE',
  },
} as const;

/**
 * The active element instances (in key order), the variables, and the job ($2, locked: workers activate jobs
 * without the instance lock) or user task ($3) the command is about, as JSON (bigints as text).
 */
const READ_INSTANCE = {
  name: 'motcua_read_instance',
  text: `WITH j AS MATERIALIZED (SELECT * FROM engine.job WHERE key = $2::bigint FOR UPDATE)
  SELECT
    (SELECT coalesce(json_agg(json_build_array(key::text, element_id, element_type, flow_scope_key::text, state, data,
        created_at::text) ORDER BY key), '[]') FROM engine.element_instance
      WHERE process_instance_key = $1::bigint AND state NOT IN ('COMPLETED', 'TERMINATED')) AS elements,
    (SELECT coalesce(json_agg(json_build_array(scope_key::text, name, value)), '[]') FROM engine.variable
      WHERE process_instance_key = $1::bigint) AS variables,
    (SELECT json_build_object('key', key::text, 'type', type, 'state', state, 'kind', kind,
        'listener_event_type', listener_event_type, 'process_instance_key', process_instance_key::text,
        'element_instance_key', element_instance_key::text, 'element_id', element_id, 'bpmn_process_id', bpmn_process_id,
        'process_definition_key', process_definition_key::text, 'process_definition_version', process_definition_version,
        'retries', retries, 'deadline', deadline::text, 'worker', worker, 'custom_headers', custom_headers,
        'scope_path', scope_path::text[], 'error_message', error_message) FROM j) AS job,
    (SELECT json_build_object('process_instance_key', process_instance_key::text,
        'element_instance_key', element_instance_key::text, 'state', state, 'assignee', assignee)
      FROM engine.user_task WHERE key = $3::bigint) AS user_task`,
};

interface ReadInstanceDb {
  elements: [string, string, string, string | null, ElementState, ElementData, string][];
  variables: [string, string, unknown][];
  job: Record<string, unknown> | null;
  user_task: Record<string, unknown> | null;
}

/** An instance with the job or user task row it was loaded by (undefined when not found). */
export interface LoadedInstance {
  state?: InstanceState;
  job?: Record<string, unknown>;
  userTask?: Record<string, unknown>;
}

/**
 * Locks an instance (by its key, or by a job's or user task's), then reads its element instances, variables
 * and the referring row in a second statement. Two prepared statements, two round trips.
 */
export async function loadInstanceBy(client: pg.PoolClient, ref: InstanceRef): Promise<LoadedInstance> {
  const [lock, refKey] =
    'jobKey' in ref
      ? [LOCK.jobKey, ref.jobKey]
      : 'userTaskKey' in ref
        ? [LOCK.userTaskKey, ref.userTaskKey]
        : [LOCK.key, ref.key];
  const found = await client.query<InstanceRowDb>({ ...lock, values: [refKey] });
  const r = found.rows[0];
  if (!r) return {};
  const state = new InstanceState(
    {
      key: r.key,
      processDefinitionKey: r.process_definition_key,
      bpmnProcessId: r.bpmn_process_id,
      version: r.version,
      state: r.state,
      parentProcessInstanceKey: r.parent_process_instance_key ?? undefined,
      parentElementInstanceKey: r.parent_element_instance_key ?? undefined,
      rootProcessInstanceKey: r.root_process_instance_key,
      startMessageName: r.start_message_name ?? undefined,
      startCorrelationKey: r.start_correlation_key ?? undefined,
      createdAt: Number(r.created_at),
      endedAt: r.ended_at === null ? undefined : Number(r.ended_at),
    },
    false,
  );
  const byRef = !('key' in ref);
  if (r.state !== 'ACTIVE' && !byRef) return { state };
  const read = await client.query<ReadInstanceDb>({
    ...READ_INSTANCE,
    values: [r.key, 'jobKey' in ref ? ref.jobKey : null, 'userTaskKey' in ref ? ref.userTaskKey : null],
  });
  const row = read.rows[0]!;
  const loaded: LoadedInstance = { state, job: row.job ?? undefined, userTask: row.user_task ?? undefined };
  if (r.state !== 'ACTIVE') return loaded;
  for (const [key, elementId, elementType, flowScopeKey, elementState, data, createdAt] of row.elements) {
    state.elements.set(key, {
      key,
      elementId,
      elementType: elementType as ElementType,
      flowScopeKey: flowScopeKey ?? undefined,
      state: elementState,
      data,
      createdAt: Number(createdAt),
      isNew: false,
      dirty: false,
    });
  }
  for (const [scopeKey, name, value] of row.variables) {
    let scope = state.variables.get(scopeKey);
    if (!scope) state.variables.set(scopeKey, (scope = new Map()));
    scope.set(name, value);
  }
  return loaded;
}

/**
 * Adds the changes of one instance to the command's write batch (one statement with the records). Deleting
 * the variables of scopes that ended runs first, on its own, only when a variable of such a scope was set
 * again after it ended (a delete and an upsert of one row cannot share a statement).
 */
export async function persistInstance(
  client: pg.PoolClient,
  batch: WriteBatch,
  s: InstanceState,
  now: number,
): Promise<void> {
  const r = s.row;
  if (s.isNew) {
    batch.add(
      `INSERT INTO engine.process_instance (key, process_definition_key, bpmn_process_id, version, state,
         parent_process_instance_key, parent_element_instance_key, root_process_instance_key, start_message_name,
         start_correlation_key, created_at, ended_at)
       VALUES ($1::bigint,$2::bigint,$3::text,$4::int,$5::text,$6::bigint,$7::bigint,$8::bigint,$9::text,$10::text,$11::bigint,$12::bigint)`,
      [
        r.key,
        r.processDefinitionKey,
        r.bpmnProcessId,
        r.version,
        r.state,
        r.parentProcessInstanceKey ?? null,
        r.parentElementInstanceKey ?? null,
        r.rootProcessInstanceKey,
        r.startMessageName ?? null,
        r.startCorrelationKey ?? null,
        r.createdAt,
        r.endedAt ?? null,
      ],
    );
  } else if (s.instanceDirty) {
    batch.add(
      'UPDATE engine.process_instance SET state = $2::text, ended_at = $3::bigint WHERE key = $1::bigint',
      [r.key, r.state, r.endedAt ?? null],
    );
  }
  s.instanceDirty = false;
  persistElements(batch, s);
  await persistVariables(client, batch, s, now);
}

function persistElements(batch: WriteBatch, s: InstanceState): void {
  const changed: ElementInstanceState[] = [];
  for (const [key, e] of s.elements) {
    if (e.isNew || e.dirty) changed.push(e);
    if (e.state === 'COMPLETED' || e.state === 'TERMINATED') s.elements.delete(key);
  }
  if (changed.length === 0) return;
  batch.add(
    `INSERT INTO engine.element_instance (key, process_instance_key, element_id, element_type, flow_scope_key, state,
       data, created_at, ended_at)
     SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::jsonb[],
       $8::bigint[], $9::bigint[])
     ON CONFLICT (key) DO UPDATE SET state = EXCLUDED.state, data = EXCLUDED.data, ended_at = EXCLUDED.ended_at`,
    [
      changed.map((e) => e.key),
      changed.map(() => s.key),
      changed.map((e) => e.elementId),
      changed.map((e) => e.elementType),
      changed.map((e) => e.flowScopeKey ?? null),
      changed.map((e) => e.state),
      changed.map((e) => JSON.stringify(e.data)),
      changed.map((e) => e.createdAt),
      changed.map((e) => e.endedAt ?? null),
    ],
  );
  for (const e of changed) {
    e.isNew = false;
    e.dirty = false;
  }
}

async function persistVariables(
  client: pg.PoolClient,
  batch: WriteBatch,
  s: InstanceState,
  now: number,
): Promise<void> {
  if (s.removedScopes.size > 0) {
    const removed = [...s.removedScopes];
    const overlaps = removed.some((scope) => s.changedVariables.has(scope));
    if (overlaps)
      await client.query('DELETE FROM engine.variable WHERE scope_key = ANY($1::bigint[])', [removed]);
    else batch.add('DELETE FROM engine.variable WHERE scope_key = ANY($1::bigint[])', [removed]);
    s.removedScopes.clear();
  }
  const scopes: string[] = [];
  const names: string[] = [];
  const values: string[] = [];
  for (const [scopeKey, changed] of s.changedVariables) {
    for (const name of changed) {
      scopes.push(scopeKey);
      names.push(name);
      values.push(JSON.stringify(s.variables.get(scopeKey)?.get(name) ?? null));
    }
  }
  s.changedVariables.clear();
  if (scopes.length === 0) return;
  batch.add(
    `INSERT INTO engine.variable (key, process_instance_key, scope_key, name, value, updated_at)
     SELECT nextval('engine.key_seq'), $1::bigint, * FROM unnest($2::bigint[], $3::text[], $4::jsonb[], $5::bigint[])
     ON CONFLICT (scope_key, name) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`,
    [s.key, scopes, names, values, scopes.map(() => now)],
  );
}
