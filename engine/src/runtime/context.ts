/**
 * The context of one command: its transaction, the instances it loaded, and the records it appends.
 * Processors and behaviors only change state through this object; `commit` persists everything in the same
 * transaction, so a command is all or nothing.
 */
import type pg from 'pg';
import type { ExecutableProcess } from '../model/types.js';
import type { Clock } from './clock.js';
import type { KeyGenerator } from './keys.js';
import { InstanceState, type ProcessInstanceRow } from './instance-state.js';
import { loadInstanceBy, persistInstance, type InstanceRef, type LoadedInstance } from './state-writer.js';
import { WriteBatch } from './write-batch.js';

/** One record of the log (see docs/engine.md for the value types and intents). */
export interface PendingRecord {
  key: string;
  valueType: string;
  intent: string;
  processInstanceKey?: string;
  elementId?: string;
  elementType?: string;
  value: Record<string, unknown>;
}

/** Loads executable process definitions by key (cached by the engine). */
export interface DefinitionSource {
  byKey(
    client: pg.PoolClient,
    key: string,
  ): Promise<{ key: string; version: number; process: ExecutableProcess }>;
  latest(
    client: pg.PoolClient,
    bpmnProcessId: string,
  ): Promise<{ key: string; version: number; process: ExecutableProcess } | undefined>;
  /** Key of the latest version of a form. */
  latestForm(client: pg.PoolClient, formId: string): Promise<string | undefined>;
}

/** A job created by the command, inserted with the write batch. */
export interface NewJob {
  key: string;
  type: string;
  kind: string;
  listenerEventType: string;
  processInstanceKey: string;
  elementInstanceKey: string;
  elementId: string;
  bpmnProcessId: string;
  processDefinitionKey: string;
  processDefinitionVersion: number;
  retries: number;
  customHeaders: Record<string, string>;
  scopePath: string[];
}

/** Work to do after the transaction committed (wake workers, waiters). */
export interface AfterCommit {
  jobTypes: Set<string>;
  timersChanged: boolean;
  completedInstances: Set<string>;
}

export class CommandContext {
  readonly instances = new Map<string, InstanceState>();
  readonly records: PendingRecord[] = [];
  readonly after: AfterCommit = { jobTypes: new Set(), timersChanged: false, completedInstances: new Set() };
  /** Jobs created by this command, not yet written (see flush). */
  readonly newJobs = new Map<string, NewJob>();
  /** Stored jobs this command deletes (with the write batch); statements before it must skip them. */
  readonly deletedJobs = new Set<string>();
  /**
   * Single-row writes deferred to the write batch, by row ("table:key"); a statement that touches such a row
   * before the flush runs the deferred write first (`writeNow`).
   */
  private readonly deferredWrites = new Map<string, { sql: string; values: unknown[] }>();
  readonly now: number;

  constructor(
    readonly client: pg.PoolClient,
    readonly clock: Clock,
    readonly keys: KeyGenerator,
    readonly definitions: DefinitionSource,
  ) {
    this.now = clock.now();
  }

  nextKey(): Promise<string> {
    return this.keys.nextKey(this.client);
  }

  record(record: PendingRecord): void {
    this.records.push(record);
  }

  /** Loads (and locks, once per command) an active or ended instance. */
  async instance(key: string): Promise<InstanceState | undefined> {
    const loaded = this.instances.get(key);
    if (loaded) return loaded;
    return (await this.instanceBy({ key })).state;
  }

  /**
   * Loads and locks the instance of a job or user task with that row (the job row locked), in the same two
   * statements as an instance; an instance this command loaded already is kept as it is.
   */
  async instanceBy(ref: InstanceRef): Promise<LoadedInstance> {
    const loaded = await loadInstanceBy(this.client, ref);
    if (!loaded.state) return loaded;
    const known = this.instances.get(loaded.state.key);
    if (known) return { ...loaded, state: known };
    this.instances.set(loaded.state.key, loaded.state);
    return loaded;
  }

  /** Defers a write of one row to the write batch (at most one per row: a second one runs the first now). */
  async defer(row: string, sql: string, values: unknown[]): Promise<void> {
    await this.writeNow(row);
    this.deferredWrites.set(row, { sql, values });
  }

  /** Runs the deferred write of a row now, if any (before a statement that reads or changes the row). */
  async writeNow(row: string): Promise<void> {
    const w = this.deferredWrites.get(row);
    if (!w) return;
    this.deferredWrites.delete(row);
    await this.client.query(w.sql, w.values);
  }

  /** Deletes a stored job with the write batch; a job created by this command is dropped instead. */
  deleteJob(key: string): void {
    if (!this.newJobs.delete(key)) this.deletedJobs.add(key);
  }

  /** Registers a new instance created by this command. */
  newInstance(row: ProcessInstanceRow): InstanceState {
    const state = new InstanceState(row, true);
    this.instances.set(row.key, state);
    return state;
  }

  /** Executable model of an instance. */
  async processOf(instance: InstanceState): Promise<ExecutableProcess> {
    return (await this.definitions.byKey(this.client, instance.row.processDefinitionKey)).process;
  }

  /**
   * Persists all loaded instances, the records and the job notifications in one statement (see write-batch.ts);
   * the caller commits.
   */
  async flush(): Promise<void> {
    await (await this.collect()).run(this.client);
  }

  /**
   * The write batch of `flush`, with every statement it depends on already run: the caller sends it and may queue
   * the COMMIT right behind it (one round trip less when the connection pipelines).
   */
  async collect(): Promise<WriteBatch> {
    const batch = new WriteBatch();
    for (const instance of this.instances.values())
      await persistInstance(this.client, batch, instance, this.now);
    for (const w of this.deferredWrites.values()) batch.add(w.sql, w.values);
    this.deferredWrites.clear();
    if (this.newJobs.size > 0) addJobs(batch, [...this.newJobs.values()], this.now);
    this.newJobs.clear();
    if (this.deletedJobs.size > 0)
      batch.add('DELETE FROM engine.job WHERE key = ANY($1::bigint[])', [[...this.deletedJobs]]);
    this.deletedJobs.clear();
    if (this.records.length > 0) addRecords(batch, this.records, this.now);
    this.records.length = 0;
    if (this.after.jobTypes.size > 0) {
      batch.finalSelect("SELECT pg_notify('engine_jobs', t) FROM unnest($1::text[]) AS t", [
        [...this.after.jobTypes],
      ]);
    }
    return batch;
  }
}

function addRecords(batch: WriteBatch, records: PendingRecord[], now: number): void {
  batch.add(
    `INSERT INTO engine.record (key, value_type, intent, process_instance_key, element_id, element_type, value, timestamp)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::jsonb[], $8::bigint[])`,
    [
      records.map((r) => r.key),
      records.map((r) => r.valueType),
      records.map((r) => r.intent),
      records.map((r) => r.processInstanceKey ?? null),
      records.map((r) => r.elementId ?? null),
      records.map((r) => r.elementType ?? null),
      records.map((r) => JSON.stringify(r.value)),
      records.map(() => now),
    ],
  );
}

function addJobs(batch: WriteBatch, jobs: NewJob[], now: number): void {
  batch.add(
    `INSERT INTO engine.job (key, type, state, kind, listener_event_type, process_instance_key, element_instance_key,
       element_id, bpmn_process_id, process_definition_key, process_definition_version, retries, custom_headers,
       scope_path, created_at)
     SELECT k, t, 'ACTIVATABLE', kd, l, p, ei, e, b, d, v, r, h, string_to_array(sp, ',')::bigint[], $13::bigint
     FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::text[], $8::text[],
       $9::bigint[], $10::int[], $11::int[], $12::jsonb[], $14::text[]) AS u(k, t, kd, l, p, ei, e, b, d, v, r, h, sp)`,
    [
      jobs.map((j) => j.key),
      jobs.map((j) => j.type),
      jobs.map((j) => j.kind),
      jobs.map((j) => j.listenerEventType),
      jobs.map((j) => j.processInstanceKey),
      jobs.map((j) => j.elementInstanceKey),
      jobs.map((j) => j.elementId),
      jobs.map((j) => j.bpmnProcessId),
      jobs.map((j) => j.processDefinitionKey),
      jobs.map((j) => j.processDefinitionVersion),
      jobs.map((j) => j.retries),
      jobs.map((j) => JSON.stringify(j.customHeaders)),
      now,
      jobs.map((j) => j.scopePath.join(',')),
    ],
  );
}
