/**
 * Job workers for the whole job-type vocabulary of processes/README.md §3, registered through the
 * WorkflowEngine port's createWorker. `startWorkers(app)` is called by server.ts after the app is ready (and
 * by tests); `close()` stops polling and waits for the jobs in hand.
 */
import type { FastifyInstance } from 'fastify';
import type { ActivatedJob, JobOutcome, JobWorker } from '@motcua/engine';
import { storageFor } from '../modules/dossiers/storage-registry.js';
import { recordStatus, statusOfJobType } from '../modules/dossiers/status.js';
import { jobTime, str, type Handler, type WorkerContext } from './context.js';
import { deliveryHandlers } from './delivery.js';
import { formHandlers } from './forms.js';
import { serviceHandlers } from './services.js';
import { slaHandlers } from './sla.js';

/** Options of {@link startWorkers}. */
export interface WorkerOptions {
  /** Long-poll duration of each activation (ms); short in tests so that close() returns quickly. */
  pollTimeoutMs?: number;
  /** Lock time of an activated job (ms). */
  jobTimeoutMs?: number;
  /** Back-off before a failed job is retried (ms). */
  retryBackOffMs?: number;
}

/** The running workers. */
export interface Workers {
  types: string[];
  close(): Promise<void>;
}

const statusHandler: Handler = async (job, ctx) => {
  const status = statusOfJobType(job.type);
  const code = str(job, 'dossierCode');
  if (status === undefined || !code) throw new Error(`Job ${job.type} without a status or dossierCode`);
  await recordStatus(ctx.pool, {
    dossierCode: code,
    status,
    at: new Date(jobTime(job, ctx)),
    elementId: job.elementId,
    jobKey: job.key,
    actorFromLastStep: true,
  });
  return undefined;
};

/** Every handler by job type. */
export const HANDLERS: Record<string, Handler> = {
  ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`dossier.status.${i + 1}`, statusHandler])),
  ...slaHandlers,
  ...formHandlers,
  ...deliveryHandlers,
  ...serviceHandlers,
};

/** Bound of the set of instances already linked (a forgotten one is linked again, harmlessly). */
const LINKED_MAX = 50_000;

/** Links the job's process instance to its dossier, once per instance: `linked` holds those done already. */
async function remember(job: ActivatedJob, ctx: WorkerContext, linked: Set<string>): Promise<void> {
  const code = str(job, 'dossierCode');
  if (!code || linked.has(job.processInstanceKey)) return;
  // Linked now or before; false only while the dossier is not committed yet (the next job retries the link).
  const r = await ctx.pool.query<{ linked: boolean }>(
    `WITH ins AS (
       INSERT INTO dossier_instance (process_instance_key, dossier_code, bpmn_process_id, process_definition_key)
       SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM dossier WHERE code = $2) ON CONFLICT DO NOTHING RETURNING 1)
     SELECT EXISTS (SELECT 1 FROM ins) OR EXISTS (SELECT 1 FROM dossier_instance WHERE process_instance_key = $1) AS linked`,
    [job.processInstanceKey, code, job.bpmnProcessId, job.processDefinitionKey],
  );
  if (r.rows[0]?.linked) {
    if (linked.size >= LINKED_MAX) linked.clear();
    linked.add(job.processInstanceKey);
  }
}

/** Starts one worker per job type; each records which process instance belongs to which dossier. */
export function startWorkers(app: FastifyInstance, options: WorkerOptions = {}): Workers {
  const jobTimeoutMs = options.jobTimeoutMs ?? 60_000;
  const ctx: WorkerContext = {
    pool: app.pg,
    engine: app.engine,
    clock: app.clock,
    storage: storageFor(app),
    jobTimeoutMs,
  };
  const linked = new Set<string>();
  const workers: JobWorker[] = Object.entries(HANDLERS).map(([type, handler]) =>
    app.engine.createWorker({
      type,
      worker: `motcua-api-${type}`,
      timeoutMs: jobTimeoutMs,
      pollTimeoutMs: options.pollTimeoutMs ?? 10_000,
      maxJobsToActivate: 16,
      handler: async (job): Promise<JobOutcome> => {
        try {
          await remember(job, ctx, linked);
          const variables = await handler(job, ctx);
          return { outcome: 'complete', variables };
        } catch (e) {
          app.log.warn({ err: e, jobType: job.type, jobKey: job.key }, 'job failed');
          return {
            outcome: 'fail',
            errorMessage: (e as Error).message,
            retries: job.retries - 1,
            retryBackOffMs: options.retryBackOffMs ?? 5_000,
          };
        }
      },
    }),
  );
  return {
    types: Object.keys(HANDLERS),
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
