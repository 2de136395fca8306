/** A job worker on the port: long-polls for jobs of a type and reports each handler's outcome. */
import type { JobWorker, JobWorkerOptions, WorkflowEngine } from './port.js';

/** Starts polling; `close()` waits for the jobs in hand to finish. */
export function startJobWorker(engine: WorkflowEngine, options: JobWorkerOptions): JobWorker {
  let running = true;
  const inFlight = new Set<Promise<void>>();
  const max = options.maxJobsToActivate ?? 32;
  const handle = async (job: Parameters<JobWorkerOptions['handler']>[0]) => {
    try {
      const outcome = await options.handler(job);
      if (outcome.outcome === 'complete')
        await engine.completeJob({ jobKey: job.key, variables: outcome.variables });
      else if (outcome.outcome === 'fail') {
        await engine.failJob({
          jobKey: job.key,
          retries: outcome.retries ?? job.retries - 1,
          errorMessage: outcome.errorMessage,
          retryBackOffMs: outcome.retryBackOffMs,
          variables: outcome.variables,
        });
      } else
        await engine.throwError({
          jobKey: job.key,
          errorCode: outcome.errorCode,
          errorMessage: outcome.errorMessage,
          variables: outcome.variables,
        });
    } catch (e) {
      await engine
        .failJob({ jobKey: job.key, retries: job.retries - 1, errorMessage: (e as Error).message })
        .catch(() => {});
    }
  };
  const loop = (async () => {
    while (running) {
      const capacity = max - inFlight.size;
      if (capacity <= 0) {
        await Promise.race(inFlight);
        continue;
      }
      try {
        const jobs = await engine.activateJobs({
          type: options.type,
          worker: options.worker ?? `motcua-${options.type}`,
          timeoutMs: options.timeoutMs ?? 60_000,
          maxJobsToActivate: capacity,
          fetchVariables: options.fetchVariables,
          requestTimeoutMs: options.pollTimeoutMs ?? 10_000,
        });
        for (const job of jobs) {
          const p = handle(job).finally(() => inFlight.delete(p));
          inFlight.add(p);
        }
      } catch {
        if (running) await new Promise((r) => setTimeout(r, 200));
      }
    }
  })();
  return {
    async close() {
      running = false;
      await loop;
      await Promise.all(inFlight);
    },
  };
}
