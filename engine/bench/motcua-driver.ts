/**
 * The engine under test: an embedded engine on the bench database with job workers for the service tasks
 * and a bench worker that completes the user tasks through the user-task API (as a clerk's screen would).
 */
import { createEmbeddedEngine, type EmbeddedEngine } from '../src/client/embedded.js';
import type { BenchDriver } from './phases.js';
import { dossierVariables, sleep } from './support.js';

/** The reference process id (engine/bench/reference.bpmn). */
export const REFERENCE_PROCESS_ID = 'bench_one_stop';

const RESULTS: Record<string, Record<string, unknown>> = {
  'bench-validate': { valid: true, validatedBy: 'bench', missingDocuments: [] },
  'bench-registry': { registry: { found: true, parcel: '12-34-567', owner: 'Nguyễn Văn An' } },
  'bench-fee': { fee: { amount: 150000, currency: 'VND', exempt: false } },
  'bench-notify': { notified: true, channel: 'sms' },
};

/** Driver options. */
export interface MotcuaDriverOptions {
  url: string;
  poolSize: number;
  maxJobs: number;
}

async function userTaskWorker(
  engine: EmbeddedEngine,
  running: () => boolean,
  onTask: () => void,
): Promise<void> {
  const inFlight = new Set<string>();
  while (running()) {
    let fresh = 0;
    try {
      const page = await engine.searchUserTasks({
        state: 'CREATED',
        bpmnProcessId: REFERENCE_PROCESS_ID,
        limit: 200,
      });
      for (const task of page.items) {
        if (inFlight.has(task.userTaskKey)) continue;
        fresh++;
        inFlight.add(task.userTaskKey);
        onTask();
        const variables =
          task.elementId === 'review' ? { reviewed: true, reviewer: 'bench' } : { approved: true };
        void engine
          .completeUserTask({ userTaskKey: task.userTaskKey, variables })
          .catch(() => {})
          .finally(() => inFlight.delete(task.userTaskKey));
      }
    } catch {
      // the engine is closing
    }
    if (fresh === 0) await sleep(5);
  }
}

/** Starts the embedded engine and its workers; `create` starts one reference instance. */
export async function startMotcua(opts: MotcuaDriverOptions): Promise<BenchDriver> {
  const engine = await createEmbeddedEngine({ databaseUrl: opts.url, poolSize: opts.poolSize });
  const waiters = new Map<string, () => void>();
  const early = new Set<string>();
  engine.core.on('completed', (key: string) => {
    const w = waiters.get(key);
    if (w) {
      waiters.delete(key);
      w();
    } else early.add(key);
  });
  let jobs = 0;
  let running = true;
  for (const type of Object.keys(RESULTS)) {
    engine.createWorker({
      type,
      maxJobsToActivate: opts.maxJobs,
      timeoutMs: 30_000,
      pollTimeoutMs: 1_000,
      handler: async () => {
        jobs++;
        return { outcome: 'complete', variables: RESULTS[type] };
      },
    });
  }
  const tasks = userTaskWorker(
    engine,
    () => running,
    () => {},
  );
  return {
    async create(i) {
      const created = await engine.createProcessInstance({
        bpmnProcessId: REFERENCE_PROCESS_ID,
        variables: dossierVariables(i),
      });
      const key = created.processInstanceKey;
      if (early.delete(key)) return { done: Promise.resolve() };
      return { done: new Promise<void>((resolve) => waiters.set(key, resolve)) };
    },
    jobs: () => jobs,
    async close() {
      running = false;
      await tasks;
      await engine.close();
    },
  };
}

/** Deploys the reference model once. */
export async function deployReference(url: string, xml: string): Promise<void> {
  const engine = await createEmbeddedEngine({ databaseUrl: url, poolSize: 2, startSchedulers: false });
  try {
    await engine.deployResources([{ name: 'reference.bpmn', content: xml }]);
  } finally {
    await engine.close();
  }
}
