/**
 * The engine core: runs each command in one PostgreSQL transaction (load, decide, append records, apply,
 * commit), retrying on deadlock or serialization failure; caches parsed process definitions by key.
 */
import { EventEmitter } from 'node:events';
import type pg from 'pg';
import { parseBpmn } from '../model/parse.js';
import type { ExecutableProcess } from '../model/types.js';
import type { Clock } from './clock.js';
import { CommandContext, type DefinitionSource } from './context.js';
import { Executor } from './executor.js';
import { KeyGenerator } from './keys.js';

interface CachedDefinition {
  key: string;
  version: number;
  process: ExecutableProcess;
}

/** How long the key of a latest version is trusted without a deployment being heard of (wall-clock ms). */
const LATEST_TTL_MS = 2_000;

/** Parses definitions once per key; the XML of a definition never changes. */
export class DefinitionCache implements DefinitionSource {
  private readonly byKeyCache = new Map<string, Promise<CachedDefinition>>();
  private readonly latestProcesses = new Map<string, { key: string; at: number }>();
  private readonly latestForms = new Map<string, { key: string; at: number }>();
  private generation = 0;

  async byKey(client: pg.PoolClient | pg.Pool, key: string): Promise<CachedDefinition> {
    let found = this.byKeyCache.get(key);
    if (!found) {
      found = (async () => {
        const r = await client.query<{ bpmn_process_id: string; version: number; xml: string }>(
          'SELECT bpmn_process_id, version, xml FROM engine.process_definition WHERE key = $1',
          [key],
        );
        const row = r.rows[0];
        if (!row) throw new Error(`Process definition ${key} not found`);
        const parsed = await parseBpmn(row.xml);
        const process = parsed.processes.find((p) => p.bpmnProcessId === row.bpmn_process_id);
        if (!process) throw new Error(`Process ${row.bpmn_process_id} missing from definition ${key}`);
        return { key, version: row.version, process };
      })();
      found.catch(() => this.byKeyCache.delete(key));
      this.byKeyCache.set(key, found);
    }
    return found;
  }

  /**
   * The latest version of a process: its key is cached for LATEST_TTL_MS (every instance start and call activity
   * asks), dropped at once when this process deploys (`forgetLatest`) or hears another engine process's deployment
   * (NOTIFY engine_deployments). Another process's deployment is thus seen within milliseconds, or the TTL if
   * the notification was missed: eventually, like Zeebe distributing a deployment to its partitions.
   */
  async latest(
    client: pg.PoolClient | pg.Pool,
    bpmnProcessId: string,
  ): Promise<CachedDefinition | undefined> {
    const key = await this.latestKey(this.latestProcesses, bpmnProcessId, () =>
      client.query<{ key: string }>({
        name: 'motcua_latest_definition',
        text: 'SELECT key FROM engine.process_definition WHERE bpmn_process_id = $1 ORDER BY version DESC LIMIT 1',
        values: [bpmnProcessId],
      }),
    );
    return key === undefined ? undefined : this.byKey(client, key);
  }

  /** The key of the latest version of a form, cached like {@link latest}. */
  latestForm(client: pg.PoolClient | pg.Pool, formId: string): Promise<string | undefined> {
    return this.latestKey(this.latestForms, formId, () =>
      client.query<{ key: string }>({
        name: 'motcua_latest_form',
        text: 'SELECT key FROM engine.form WHERE form_id = $1 ORDER BY version DESC LIMIT 1',
        values: [formId],
      }),
    );
  }

  /** Forgets the cached latest versions (after a deployment). */
  forgetLatest(): void {
    this.generation++;
    this.latestProcesses.clear();
    this.latestForms.clear();
  }

  private async latestKey(
    cache: Map<string, { key: string; at: number }>,
    id: string,
    read: () => Promise<pg.QueryResult<{ key: string }>>,
  ): Promise<string | undefined> {
    const hit = cache.get(id);
    if (hit && Date.now() - hit.at < LATEST_TTL_MS) return hit.key;
    const generation = this.generation;
    const key = (await read()).rows[0]?.key;
    // A deployment that committed while this read ran may be missing from it: cache only if none was heard of.
    if (key !== undefined && generation === this.generation) cache.set(id, { key, at: Date.now() });
    return key;
  }

  async version(
    client: pg.PoolClient | pg.Pool,
    bpmnProcessId: string,
    version: number,
  ): Promise<CachedDefinition | undefined> {
    const r = await client.query<{ key: string }>(
      'SELECT key FROM engine.process_definition WHERE bpmn_process_id = $1 AND version = $2',
      [bpmnProcessId, version],
    );
    return r.rows[0] ? this.byKey(client, r.rows[0].key) : undefined;
  }

  /** Seeds the cache with a definition parsed during deployment. */
  put(key: string, version: number, process: ExecutableProcess): void {
    this.byKeyCache.set(key, Promise.resolve({ key, version, process }));
  }
}

const RETRYABLE = new Set(['40P01', '40001']);

/** Events emitted after commits: 'jobs' (type), 'timers', 'completed' (instance key). */
export class EngineCore extends EventEmitter {
  readonly keys: KeyGenerator;
  readonly definitions = new DefinitionCache();

  constructor(
    readonly pool: pg.Pool,
    readonly clock: Clock,
  ) {
    super();
    this.setMaxListeners(0);
    this.keys = new KeyGenerator(pool);
  }

  /** Runs `command` in one transaction; the executor's queued steps run before the commit. */
  async run<T>(command: (ex: Executor) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      let ctx: CommandContext | undefined;
      try {
        // Each statement waits for the previous one: node-pg sends one query at a time anyway (queueing them only
        // saves an event-loop turn, and is deprecated for pg 9). Folding BEGIN into the first statement was measured
        // twice and costs PostgreSQL more than the round trip it saves (docs/performance.md).
        await client.query('BEGIN');
        ctx = new CommandContext(client, this.clock, this.keys, this.definitions);
        const ex = new Executor(ctx);
        const result = await command(ex);
        await ex.run();
        const batch = await ctx.collect();
        await batch.run(client);
        await client.query('COMMIT');
        client.release();
        this.afterCommit(ctx);
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        client.release();
        const code = (e as { code?: string }).code;
        if (code && RETRYABLE.has(code) && attempt < 8) {
          await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
          continue;
        }
        throw e;
      }
    }
  }

  private afterCommit(ctx: CommandContext): void {
    for (const type of ctx.after.jobTypes) this.emit('jobs', type);
    if (ctx.after.timersChanged) this.emit('timers');
    for (const key of ctx.after.completedInstances) this.emit('completed', key);
  }
}
