/**
 * Loading and persisting a process instance aggregate: the instance row (locked FOR UPDATE, so commands on
 * one instance are serialised), its active element instances and its variables. Changes are written with
 * one upsert per table.
 */
import type pg from 'pg';
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

/** Loads and locks an instance; undefined when the key is unknown. */
export async function loadInstance(client: pg.PoolClient, key: string): Promise<InstanceState | undefined> {
  const found = await client.query<InstanceRowDb>('SELECT * FROM engine.process_instance WHERE key = $1 FOR UPDATE', [
    key,
  ]);
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
  if (r.state !== 'ACTIVE') return state;
  const elements = await client.query<{
    key: string;
    element_id: string;
    element_type: string;
    flow_scope_key: string | null;
    state: ElementState;
    data: ElementData;
    created_at: string;
  }>(
    `SELECT key, element_id, element_type, flow_scope_key, state, data, created_at FROM engine.element_instance
     WHERE process_instance_key = $1 AND state NOT IN ('COMPLETED', 'TERMINATED') ORDER BY key`,
    [key],
  );
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
  const variables = await client.query<{ scope_key: string; name: string; value: unknown }>(
    'SELECT scope_key, name, value FROM engine.variable WHERE process_instance_key = $1',
    [key],
  );
  for (const v of variables.rows) {
    let scope = state.variables.get(v.scope_key);
    if (!scope) state.variables.set(v.scope_key, (scope = new Map()));
    scope.set(v.name, v.value);
  }
  return state;
}

/** Writes the changes of one instance. */
export async function persistInstance(client: pg.PoolClient, s: InstanceState, now: number): Promise<void> {
  const r = s.row;
  if (s.isNew) {
    await client.query(
      `INSERT INTO engine.process_instance (key, process_definition_key, bpmn_process_id, version, state,
         parent_process_instance_key, parent_element_instance_key, root_process_instance_key, start_message_name,
         start_correlation_key, created_at, ended_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
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
    await client.query('UPDATE engine.process_instance SET state = $2, ended_at = $3 WHERE key = $1', [
      r.key,
      r.state,
      r.endedAt ?? null,
    ]);
  }
  s.instanceDirty = false;
  await persistElements(client, s);
  await persistVariables(client, s, now);
}

async function persistElements(client: pg.PoolClient, s: InstanceState): Promise<void> {
  const changed: ElementInstanceState[] = [];
  for (const [key, e] of s.elements) {
    if (e.isNew || e.dirty) changed.push(e);
    if (e.state === 'COMPLETED' || e.state === 'TERMINATED') s.elements.delete(key);
  }
  if (changed.length === 0) return;
  await client.query(
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

async function persistVariables(client: pg.PoolClient, s: InstanceState, now: number): Promise<void> {
  if (s.removedScopes.size > 0) {
    await client.query('DELETE FROM engine.variable WHERE scope_key = ANY($1::bigint[])', [[...s.removedScopes]]);
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
  await client.query(
    `INSERT INTO engine.variable (key, process_instance_key, scope_key, name, value, updated_at)
     SELECT nextval('engine.key_seq'), $1, * FROM unnest($2::bigint[], $3::text[], $4::jsonb[], $5::bigint[])
     ON CONFLICT (scope_key, name) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`,
    [s.key, scopes, names, values, scopes.map(() => now)],
  );
}
