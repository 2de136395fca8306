/**
 * `npm run bench:engine`: the reference one-stop model (engine/bench/reference.bpmn) on the embedded engine
 * and, as the baseline, on bpmn-engine with its state saved to the same PostgreSQL after every step. Starts a
 * dedicated embedded PostgreSQL with default durability (fsync on, synchronous_commit on) on loopback and
 * prints JSON lines: per engine a saturation phase (completed instances/s, jobs/s) and a latency phase at half
 * that load (p50/p99 instance duration), each with database commits per instance; then a summary line.
 *
 * Options (environment): BENCH_SECONDS (measured seconds per phase, default 20), BENCH_WARMUP_SECONDS
 * (default 3), BENCH_INFLIGHT (instances in flight at saturation, default 64), BENCH_POOL (pool size,
 * default 10), BENCH_MAX_JOBS (jobs in flight per motcua worker, default 32), BENCH_ENGINES (comma list of
 * motcua,baseline; default both), BENCH_PG_SETTINGS (extra server settings, "name=value,name=value").
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { latency, saturation, type PhaseOptions } from './phases.js';
import { deployReference, startMotcua } from './motcua-driver.js';
import { parseForBaseline, prepareBaseline, startBaseline } from './baseline.js';
import { emit, r1, startBenchDatabase } from './support.js';

const env = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

async function main(): Promise<void> {
  const measureMs = env('BENCH_SECONDS', 20) * 1000;
  const warmupMs = env('BENCH_WARMUP_SECONDS', 3) * 1000;
  const inflight = env('BENCH_INFLIGHT', 64);
  const poolSize = env('BENCH_POOL', 10);
  const maxJobs = env('BENCH_MAX_JOBS', 32);
  const engines = (process.env.BENCH_ENGINES ?? 'motcua,baseline').split(',');
  const here = path.dirname(fileURLToPath(import.meta.url));
  const xml = fs.readFileSync(path.join(here, 'reference.bpmn'), 'utf8');
  emit({
    bench: 'engine',
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGb: r1(os.totalmem() / 2 ** 30),
    measureSeconds: measureMs / 1000,
    warmupSeconds: warmupMs / 1000,
    inflight,
    poolSize,
    maxJobs,
    pgSettings: process.env.BENCH_PG_SETTINGS ?? '',
  });
  const db = await startBenchDatabase();
  const results: Record<string, { rate: number; p99: number }> = {};
  try {
    const base = { url: db.url, warmupMs, measureMs, serverCpuSeconds: () => db.cpuSeconds() };
    if (engines.includes('motcua')) {
      await deployReference(db.url, xml);
      const opts: PhaseOptions = {
        ...base,
        engine: 'motcua',
        start: () => startMotcua({ url: db.url, poolSize, maxJobs }),
      };
      const sat = await saturation(opts, inflight);
      emit(sat);
      const lat = await latency(opts, Number(sat.instancesPerSec) / 2);
      emit(lat);
      results.motcua = { rate: Number(sat.instancesPerSec), p99: Number(lat.p99Ms) };
    }
    if (engines.includes('baseline')) {
      await prepareBaseline(db.url);
      const moddle = await parseForBaseline(xml);
      const opts: PhaseOptions = {
        ...base,
        engine: 'bpmn-engine+pg',
        start: () => startBaseline(db.url, moddle, poolSize),
      };
      const sat = await saturation(opts, inflight);
      emit(sat);
      const lat = await latency(opts, Number(sat.instancesPerSec) / 2);
      emit(lat);
      results.baseline = { rate: Number(sat.instancesPerSec), p99: Number(lat.p99Ms) };
    }
    if (results.motcua && results.baseline) {
      emit({
        summary: true,
        motcuaInstancesPerSec: results.motcua.rate,
        baselineInstancesPerSec: results.baseline.rate,
        ratio: r1(results.motcua.rate / results.baseline.rate),
        target: { instancesPerSec: 300, p99Ms: 250, ratio: 2 },
        met:
          results.motcua.rate >= 300 &&
          results.motcua.p99 < 250 &&
          results.motcua.rate >= 2 * results.baseline.rate,
      });
    }
  } catch (e) {
    console.error(e);
    throw e;
  } finally {
    await db.stop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
