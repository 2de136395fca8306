/**
 * The embedded adapter of the WorkflowEngine port: the engine in this process, its state in PostgreSQL.
 * Several engine processes may share one database: jobs and timers are claimed with SKIP LOCKED, and
 * commands on one instance are serialised by its row lock.
 */
import pg from 'pg';
import { EngineCore } from '../runtime/engine-core.js';
import { SystemClock, type Clock } from '../runtime/clock.js';
import { deployResources } from '../runtime/commands/deploy.js';
import { cancelProcessInstance, createProcessInstance, setVariables } from '../runtime/commands/instances.js';
import {
  activateJobs,
  completeJob,
  failJob,
  throwJobError,
  timeOutJobs,
  updateJobRetries,
  updateJobTimeout,
} from '../runtime/commands/jobs.js';
import {
  broadcastSignal,
  correlateMessage,
  expireMessages,
  publishMessage,
} from '../runtime/commands/messages.js';
import { resolveIncident } from '../runtime/commands/incidents.js';
import { assignUserTask, completeUserTask } from '../runtime/commands/user-tasks.js';
import { fireNextTimer } from '../runtime/commands/timers.js';
import * as read from '../read/queries.js';
import { EngineError } from './port.js';
import type {
  ActivateJobsRequest,
  ActivatedJob,
  CreateProcessInstanceRequest,
  EngineHealth,
  JobWorker,
  JobWorkerOptions,
  ProcessInstanceResult,
  PublishMessageRequest,
  Resource,
  UserTaskFilter,
  Variables,
  WorkflowEngine,
} from './port.js';
import { Scheduler } from './scheduler.js';
import { startJobWorker } from './job-worker.js';

/** Options of the embedded engine. */
export interface EmbeddedEngineOptions {
  databaseUrl: string;
  clock?: Clock;
  /** Run the timer / job-timeout scheduler in the background (off in tests that call tick()). */
  startSchedulers?: boolean;
  poolSize?: number;
}

/** The embedded engine, with test helpers (`tick`) beyond the port. */
export class EmbeddedEngine implements WorkflowEngine {
  readonly core: EngineCore;
  private readonly scheduler: Scheduler;
  private readonly workers = new Set<JobWorker>();
  private listener?: pg.Client;
  private closed = false;

  constructor(
    readonly pool: pg.Pool,
    readonly clock: Clock,
  ) {
    this.core = new EngineCore(pool, clock);
    this.scheduler = new Scheduler(this.core, () => this.tick());
  }

  /** Listens to other engine processes' job and deployment notifications and starts the scheduler. */
  async start(options: { schedulers: boolean }): Promise<void> {
    this.listener = new pg.Client({
      connectionString: (this.pool as unknown as { options: { connectionString: string } }).options
        .connectionString,
    });
    this.listener.on('error', () => {});
    await this.listener.connect();
    this.listener.on('notification', (n) => {
      if (n.channel === 'engine_deployments') this.core.definitions.forgetLatest();
      else if (n.payload) this.core.emit('jobs', n.payload);
    });
    await this.listener.query('LISTEN engine_jobs');
    await this.listener.query('LISTEN engine_deployments');
    if (options.schedulers) this.scheduler.start();
  }

  async health(): Promise<EngineHealth> {
    try {
      const r = await this.pool.query<{ n: string }>(
        'SELECT count(*)::text AS n FROM engine.process_definition',
      );
      return { ok: !this.closed, engine: 'embedded', detail: `${r.rows[0]!.n} process definitions deployed` };
    } catch (e) {
      return { ok: false, engine: 'embedded', detail: (e as Error).message };
    }
  }

  /** Fires everything that is due at the clock's current time: timers, job timeouts, message expiry. */
  async tick(): Promise<number> {
    let fired = 0;
    while (await fireNextTimer(this.core)) fired++;
    fired += await timeOutJobs(this.core);
    await expireMessages(this.core);
    return fired;
  }

  deployResources(resources: Resource[]) {
    return deployResources(this.core, resources);
  }
  listProcessDefinitions(bpmnProcessId?: string) {
    return read.listProcessDefinitions(this.pool, bpmnProcessId);
  }
  async getProcessDefinitionXml(key: string): Promise<string> {
    const r = await this.pool.query<{ xml: string }>(
      'SELECT xml FROM engine.process_definition WHERE key = $1',
      [key],
    );
    if (!r.rows[0]) throw new EngineError('NOT_FOUND', `Process definition with key '${key}' not found`);
    return r.rows[0].xml;
  }
  async getForm(formKey: string): Promise<Record<string, unknown>> {
    return (await read.getFormByKey(this.pool, formKey)).schema;
  }

  createProcessInstance(request: CreateProcessInstanceRequest) {
    return createProcessInstance(this.core, request);
  }

  async createProcessInstanceWithResult(
    request: CreateProcessInstanceRequest & { requestTimeoutMs?: number; fetchVariables?: string[] },
  ): Promise<ProcessInstanceResult> {
    const done = new Set<string>();
    const onDone = (key: string) => done.add(key);
    this.core.on('completed', onDone);
    try {
      const created = await this.createProcessInstance(request);
      const timeout = request.requestTimeoutMs ?? 20_000;
      const deadline = Date.now() + timeout;
      for (;;) {
        const instance = await read.getProcessInstance(this.pool, created.processInstanceKey);
        if (instance.state === 'COMPLETED') {
          const vars = await read.getVariables(
            this.pool,
            created.processInstanceKey,
            created.processInstanceKey,
          );
          const wanted = request.fetchVariables?.length ? new Set(request.fetchVariables) : undefined;
          const variables: Variables = {};
          for (const v of vars) if (!wanted || wanted.has(v.name)) variables[v.name] = v.value;
          return { ...created, variables };
        }
        if (instance.state === 'TERMINATED') {
          throw new EngineError(
            'FAILED_PRECONDITION',
            `Process instance '${created.processInstanceKey}' was terminated before it completed`,
          );
        }
        if (Date.now() >= deadline) {
          throw new EngineError(
            'DEADLINE_EXCEEDED',
            `Process instance '${created.processInstanceKey}' did not complete within ${timeout} ms`,
          );
        }
        await this.waitFor(
          'completed',
          (key) => key === created.processInstanceKey || done.has(created.processInstanceKey),
          Math.min(500, deadline - Date.now()),
        );
      }
    } finally {
      this.core.off('completed', onDone);
    }
  }

  cancelProcessInstance(key: string) {
    return cancelProcessInstance(this.core, key);
  }
  setVariables(request: { elementInstanceKey: string; variables: Variables; local?: boolean }) {
    return setVariables(this.core, request);
  }
  publishMessage(request: PublishMessageRequest) {
    return publishMessage(this.core, request);
  }
  correlateMessage(request: { name: string; correlationKey?: string; variables?: Variables }) {
    return correlateMessage(this.core, request);
  }
  broadcastSignal(request: { signalName: string; variables?: Variables }) {
    return broadcastSignal(this.core, request.signalName, request.variables);
  }

  /** Activates jobs; with requestTimeoutMs > 0 waits (long polling) until a job of the type appears. */
  async activateJobs(request: ActivateJobsRequest): Promise<ActivatedJob[]> {
    const deadline = Date.now() + Math.max(0, request.requestTimeoutMs ?? 0);
    for (;;) {
      let notified = false;
      const onJobs = (type: string) => {
        if (type === request.type) notified = true;
      };
      this.core.on('jobs', onJobs);
      try {
        const jobs = await activateJobs(this.core, request);
        if (jobs.length > 0 || Date.now() >= deadline || this.closed) return jobs;
        if (!notified)
          await this.waitFor('jobs', (type) => type === request.type, Math.min(deadline - Date.now(), 1000));
      } finally {
        this.core.off('jobs', onJobs);
      }
    }
  }

  completeJob(request: { jobKey: string; variables?: Variables }) {
    return completeJob(this.core, request.jobKey, request.variables);
  }
  failJob(request: Parameters<WorkflowEngine['failJob']>[0]) {
    return failJob(this.core, request);
  }
  throwError(request: Parameters<WorkflowEngine['throwError']>[0]) {
    return throwJobError(this.core, request);
  }
  updateJobRetries(request: { jobKey: string; retries: number }) {
    return updateJobRetries(this.core, request.jobKey, request.retries);
  }
  updateJobTimeout(request: { jobKey: string; timeoutMs: number }) {
    return updateJobTimeout(this.core, request.jobKey, request.timeoutMs);
  }
  createWorker(options: JobWorkerOptions): JobWorker {
    const worker = startJobWorker(this, options);
    this.workers.add(worker);
    return worker;
  }

  searchUserTasks(filter: UserTaskFilter) {
    return read.searchUserTasks(this.pool, filter);
  }
  getUserTask(key: string) {
    return read.getUserTask(this.pool, key);
  }
  assignUserTask(request: { userTaskKey: string; assignee: string; allowOverride?: boolean }) {
    return assignUserTask(this.core, request);
  }
  unassignUserTask(key: string) {
    return assignUserTask(this.core, { userTaskKey: key, assignee: null });
  }
  completeUserTask(request: { userTaskKey: string; variables?: Variables; action?: string }) {
    return completeUserTask(this.core, request);
  }
  searchIncidents(filter: Parameters<WorkflowEngine['searchIncidents']>[0]) {
    return read.searchIncidents(this.pool, filter);
  }
  resolveIncident(key: string) {
    return resolveIncident(this.core, key);
  }
  getProcessInstance(key: string) {
    return read.getProcessInstance(this.pool, key);
  }
  searchElementInstances(key: string) {
    return read.searchElementInstances(this.pool, key);
  }
  getVariables(key: string, scopeKey?: string) {
    return read.getVariables(this.pool, key, scopeKey);
  }
  getTakenSequenceFlows(key: string) {
    return read.getTakenSequenceFlows(this.pool, key);
  }
  getRecords(key: string) {
    return read.getRecords(this.pool, key);
  }

  private waitFor(event: string, match: (arg: string) => boolean, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.core.off(event, onEvent);
        resolve();
      };
      const onEvent = (arg: string) => match(arg) && done();
      const timer = setTimeout(done, Math.max(0, ms));
      this.core.on(event, onEvent);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.core.emit('jobs', '*closing*');
    await Promise.all([...this.workers].map((w) => w.close()));
    await this.scheduler.stop();
    await this.listener?.end().catch(() => {});
    await this.pool.end();
  }
}

/** Creates and starts an embedded engine on a migrated database. */
export async function createEmbeddedEngine(options: EmbeddedEngineOptions): Promise<EmbeddedEngine> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
  // A connection dropped by the server (restart, admin shutdown) fails the command using it; it must never
  // crash the process through an unhandled 'error' event, idle or checked out.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const engine = new EmbeddedEngine(pool, options.clock ?? new SystemClock());
  await engine.start({ schedulers: options.startSchedulers ?? true });
  return engine;
}
