/**
 * ActivateJobs (long polling) and StreamActivatedJobs (jobs pushed as they become activatable) on the
 * embedded engine. Both stop activating as soon as the client goes away, so no job is locked for a caller
 * that can no longer receive it.
 */
import type * as grpc from '@grpc/grpc-js';
import type { EmbeddedEngine } from '../../client/embedded.js';
import { int64, strings, text, toActivatedJobMessage } from './convert.js';
import { EngineError } from '../../client/port.js';

/** Zeebe's default long-polling timeout when a request says 0. */
export const DEFAULT_LONG_POLL_MS = 10_000;
/** How often an open job stream re-checks for jobs nobody announced (back-off elapsed, timed out elsewhere). */
const STREAM_RECHECK_MS = 1_000;
const STREAM_BATCH = 32;

type Stream = grpc.ServerWritableStream<Record<string, unknown>, Record<string, unknown>>;

/** Resolves when a job of `type` is announced, `ms` passes, or `stop()` says so (checked on each event). */
function waitForJobs(
  engine: EmbeddedEngine,
  type: string,
  ms: number,
  register: (wake: () => void) => () => void,
): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      engine.core.off('jobs', onJobs);
      unregister();
      resolve();
    };
    const onJobs = (t: string) => (t === type || t === '*closing*') && done();
    const timer = setTimeout(done, Math.max(0, ms));
    engine.core.on('jobs', onJobs);
    const unregister = register(done);
  });
}

function requireType(type: string | undefined): string {
  if (!type) throw new EngineError('INVALID_ARGUMENT', "Expected argument 'type' to be a non-empty string");
  return type;
}

/** ActivateJobs: answers with the jobs available, waiting up to requestTimeout (0 = default, < 0 = no wait). */
export async function activateJobs(engine: EmbeddedEngine, call: Stream): Promise<void> {
  const r = call.request;
  const type = requireType(text(r.type));
  const max = Number(r.maxJobsToActivate ?? 0);
  if (!(max > 0))
    throw new EngineError(
      'INVALID_ARGUMENT',
      `Expected argument 'maxJobsToActivate' to be greater than zero, but got ${max}`,
    );
  const requested = int64(r.requestTimeout);
  const wait = requested === 0 ? DEFAULT_LONG_POLL_MS : Math.max(0, requested);
  const deadline = Date.now() + wait;
  let cancelled = false;
  const onCancel = new Set<() => void>();
  call.on('cancelled', () => {
    cancelled = true;
    for (const f of onCancel) f();
  });
  for (;;) {
    if (cancelled) return;
    const jobs = await engine.activateJobs({
      type,
      worker: text(r.worker) ?? '',
      timeoutMs: int64(r.timeout) > 0 ? int64(r.timeout) : 300_000,
      maxJobsToActivate: max,
      fetchVariables: strings(r.fetchVariable),
      requestTimeoutMs: 0,
    });
    if (jobs.length > 0) {
      call.write({ jobs: jobs.map(toActivatedJobMessage) });
      return;
    }
    if (Date.now() >= deadline) return;
    await waitForJobs(engine, type, Math.min(deadline - Date.now(), STREAM_RECHECK_MS), (wake) => {
      onCancel.add(wake);
      return () => onCancel.delete(wake);
    });
  }
}

/** Open job streams, so that shutting the server down can end them cleanly. */
export class JobStreams {
  private readonly open = new Set<() => void>();

  /** StreamActivatedJobs: pushes each job of the type as it becomes activatable until the client leaves. */
  async serve(engine: EmbeddedEngine, call: Stream, log: (m: string) => void): Promise<void> {
    const r = call.request;
    const type = requireType(text(r.type));
    let running = true;
    const wakers = new Set<() => void>();
    const stop = () => {
      running = false;
      for (const w of wakers) w();
    };
    call.on('cancelled', stop);
    call.on('close', stop);
    this.open.add(stop);
    try {
      while (running) {
        const jobs = await engine.activateJobs({
          type,
          worker: text(r.worker) ?? '',
          timeoutMs: int64(r.timeout) > 0 ? int64(r.timeout) : 300_000,
          maxJobsToActivate: STREAM_BATCH,
          fetchVariables: strings(r.fetchVariable),
          requestTimeoutMs: 0,
        });
        for (const job of jobs) call.write(toActivatedJobMessage(job));
        if (jobs.length === STREAM_BATCH) continue;
        if (!running) break;
        await waitForJobs(engine, type, STREAM_RECHECK_MS, (wake) => {
          wakers.add(wake);
          return () => wakers.delete(wake);
        });
      }
    } catch (e) {
      log(`[grpc] StreamActivatedJobs(${type}) stopped: ${(e as Error).message}`);
    } finally {
      this.open.delete(stop);
      if (!call.cancelled) call.end();
    }
  }

  /** Ends every open stream (server shutdown). */
  closeAll(): void {
    for (const stop of [...this.open]) stop();
  }
}
