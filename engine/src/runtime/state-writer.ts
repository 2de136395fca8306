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

interface ElementRowDb {
  key: string;
  element_id: string;
  element_type: string;
  flow_scope_key: string | null;
  state: ElementState;
  data: ElementData;
  created_at: string;
}

interface VariableRowDb {
  scope_key: string;
  name: string;
  value: unknown;
}

/**
 * The lock, the active element instances and the variables, in one round trip: three statements of one
 * simple query. Each statement takes its own snapshot, so the two reads run after the lock is granted and see
 * what the previous holder committed (one statement with sub-selects would read a snapshot older than the lock).
 * Keys are digits only, so they are inlined; anything else goes through the parameterised lock query.
 */
async function queryInstance(
  client: pg.PoolClient,
  key: string,
): Promise<[pg.QueryResult<InstanceRowDb>, pg.QueryResult<ElementRowDb>, pg.QueryResult<VariableRowDb>] | pg.QueryResult<InstanceRowDb>> {
  if (!/^\d{1,19}$/.test(key)) {
    return client.query<InstanceRowDb>('SELECT * FROM engine.process_instance WHERE key = $1 FOR UPDATE', [key]);
  }
  const results: unknown = await client.query(
    `SELECT * FROM engine.process_instance WHERE key = ${key} FOR UPDATE;
     SELECT key, element_id, element_type, flow_scope_key, state, data, created_at FROM engine.element_instance
       WHERE process_instance_key = ${key} AND state NOT IN ('COMPLETED', 'TERMINATED') ORDER BY key;
     SELECT scope_key, name, value FROM engine.variable WHERE process_instance_key = ${key}`,
  );
  return results as [pg.QueryResult<InstanceRowDb>, pg.QueryResult<ElementRowDb>, pg.QueryResult<VariableRowDb>];
}

/** Loads and locks an instance; undefined when the key is unknown. */
export async function loadInstance(client: pg.PoolClient, key: string): Promise<InstanceState | undefined> {
  const queried = await queryInstance(client, key);
  const [found, elements, variables] = Array.isArray(queried) ? queried : [queried, undefined, undefined];
  const r = found.rows[0];
  if (!r) return undefined;
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
  if (r.state !== 'ACTIVE' || !elements || !variables) return state;
  for (const e of elements.rows) {
    state.elements.set(e.key, {
      key: e.key,
      elementId: e.element_id,
      elementType: e.element_type as ElementType,
      flowScopeKey: e.flow_scope_key ?? undefined,
      state: e.state,
      data: e.data,
      createdAt: Number(e.created_at),
      isNew: false,
      dirty: false,
    });
  }
  for (const v of variables.rows) {
    let scope = state.variables.get(v.scope_key);
    if (!scope) state.variables.set(v.scope_key, (scope = new Map()));
    scope.set(v.name, v.value);
  }
  return state;
}

/**
 * Adds the changes of one instance to the command's write batch (one statement with the records). Deleting
 * the variables of scopes that ended runs first, on its own, only when a variable of such a scope was set
 * again after it ended (a delete and an upsert of one row cannot share a statement).
 */
export async function persistInstance(client: pg.PoolClient, batch: WriteBatch, s: InstanceState, now: number): Promise<void> {
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
    batch.add('UPDATE engine.process_instance SET state = $2::text, ended_at = $3::bigint WHERE key = $1::bigint', [
      r.key,
      r.state,
      r.endedAt ?? null,
    ]);
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

async function persistVariables(client: pg.PoolClient, batch: WriteBatch, s: InstanceState, now: number): Promise<void> {
  if (s.removedScopes.size > 0) {
    const removed = [...s.removedScopes];
    const overlaps = removed.some((scope) => s.changedVariables.has(scope));
    if (overlaps) await client.query('DELETE FROM engine.variable WHERE scope_key = ANY($1::bigint[])', [removed]);
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
