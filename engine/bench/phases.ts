/**
 * Load phases shared by both engines: saturation (closed loop, a fixed number of instances in flight) and
 * latency (open loop at a fixed arrival rate). Each phase runs on a fresh driver, drains, closes it, and
 * reads the database counters while nobody is connected, so commits per instance are exact.
 */
import { counterDelta, percentile, r1, readCounters, sleep } from './support.js';

/** One engine under test, started for one phase. */
export interface BenchDriver {
  /** Starts an instance; resolves when it is created, with a promise of its completion. */
  create(i: number): Promise<{ done: Promise<void> }>;
  /** Job (service task) handler invocations so far. */
  jobs(): number;
  close(): Promise<void>;
}

/** Options of a phase. */
export interface PhaseOptions {
  engine: string;
  url: string;
  start: () => Promise<BenchDriver>;
  warmupMs: number;
  measureMs: number;
  /** CPU seconds used so far by the database server (see support.ts). */
  serverCpuSeconds?: () => number;
}

/** CPU seconds of this process (engine, workers and load generator) and of the server, at one moment. */
function cpuNow(opts: PhaseOptions): { node: number; server: number } {
  const u = process.cpuUsage();
  return { node: (u.user + u.system) / 1e6, server: opts.serverCpuSeconds?.() ?? 0 };
}

function summary(
  opts: PhaseOptions,
  phase: string,
  completed: number,
  commits: number,
  walBytes: number,
): Record<string, unknown> {
  return {
    engine: opts.engine,
    phase,
    commitsPerInstance: r1(commits / Math.max(1, completed)),
    walKbPerInstance: r1(walBytes / 1024 / Math.max(1, completed)),
  };
}

async function drain(pending: Set<Promise<void>>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (pending.size > 0 && Date.now() < deadline) await Promise.race([...pending, sleep(200)]);
  return pending.size === 0;
}

/** Closed loop: keeps `inflight` instances running; reports completed instances/s and jobs/s. */
export async function saturation(opts: PhaseOptions, inflight: number): Promise<Record<string, unknown>> {
  const before = await readCounters(opts.url);
  const driver = await opts.start();
  const pending = new Set<Promise<void>>();
  let created = 0;
  let completed = 0;
  let running = true;
  const t0 = Date.now();
  const windowStart = t0 + opts.warmupMs;
  const windowEnd = windowStart + opts.measureMs;
  let inWindow = 0;
  let jobsAtStart = 0;
  let jobsAtEnd = 0;
  const startOne = async (): Promise<void> => {
    const i = created++;
    const { done } = await driver.create(i);
    const p: Promise<void> = done.then(() => {
      completed++;
      const now = Date.now();
      if (now >= windowStart && now < windowEnd) inWindow++;
      pending.delete(p);
      if (running) void startOne();
    });
    pending.add(p);
  };
  const starters: Promise<void>[] = [];
  for (let i = 0; i < inflight; i++) starters.push(startOne());
  await Promise.all(starters);
  await sleep(windowStart - Date.now());
  jobsAtStart = driver.jobs();
  const cpuStart = cpuNow(opts);
  await sleep(windowEnd - Date.now());
  jobsAtEnd = driver.jobs();
  const cpuEnd = cpuNow(opts);
  running = false;
  const drained = await drain(pending, 60_000);
  await driver.close();
  const delta = counterDelta(before, await readCounters(opts.url));
  const seconds = opts.measureMs / 1000;
  return {
    ...summary(opts, 'saturation', completed, delta.xactCommit, delta.walBytes),
    inflight,
    instancesPerSec: r1(inWindow / seconds),
    jobsPerSec: r1((jobsAtEnd - jobsAtStart) / seconds),
    // CPU per completed instance during the window: comparable across runs on a machine shared with other load
    nodeCpuMsPerInstance: r1(((cpuEnd.node - cpuStart.node) * 1000) / Math.max(1, inWindow)),
    serverCpuMsPerInstance: r1(((cpuEnd.server - cpuStart.server) * 1000) / Math.max(1, inWindow)),
    completed,
    drained,
  };
}

/** Open loop at `rate` instances/s; reports p50/p99 of instance duration (create call to completion). */
export async function latency(opts: PhaseOptions, rate: number): Promise<Record<string, unknown>> {
  const before = await readCounters(opts.url);
  const driver = await opts.start();
  const pending = new Set<Promise<void>>();
  const durations: number[] = [];
  let created = 0;
  let completed = 0;
  let failed = 0;
  const t0 = Date.now();
  const stopAt = t0 + opts.warmupMs + opts.measureMs;
  const launch = (): void => {
    const i = created++;
    const begin = performance.now();
    const measured = Date.now() >= t0 + opts.warmupMs;
    const p: Promise<void> = driver
      .create(i)
      .then(({ done }) => done)
      .then(
        () => {
          completed++;
          if (measured) durations.push(performance.now() - begin);
        },
        () => {
          failed++;
        },
      )
      .finally(() => pending.delete(p));
    pending.add(p);
  };
  while (Date.now() < stopAt) {
    const due = Math.floor(((Date.now() - t0) / 1000) * rate);
    while (created < due) launch();
    await sleep(5);
  }
  const drained = await drain(pending, 60_000);
  await driver.close();
  const delta = counterDelta(before, await readCounters(opts.url));
  durations.sort((a, b) => a - b);
  return {
    ...summary(opts, 'latency', completed, delta.xactCommit, delta.walBytes),
    targetRate: r1(rate),
    achievedRate: r1(created / ((stopAt - t0) / 1000)),
    p50Ms: r1(percentile(durations, 50)),
    p99Ms: r1(percentile(durations, 99)),
    maxMs: r1(durations[durations.length - 1] ?? NaN),
    measured: durations.length,
    failed,
    drained,
  };
}
