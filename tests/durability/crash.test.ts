/**
 * Durability (issue 3, item 10): an engine process is SIGKILLed in the middle of running instances; a new
 * engine process on the same database finishes every instance exactly once. Jobs are at-least-once: handler
 * invocations are logged per job key by the engine processes (tests/durability/crash-engine.ts), duplicates are
 * counted and reported. Timers and job deadlines (1 s) pending at the kill resume in the new process. Real
 * processes need real time: short timeouts, and every wait polls for its condition.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createEmbeddedEngine, type EmbeddedEngine } from '../../engine/src/client/embedded';
import { bpmn, flow, serviceTask, uniqueId } from '../../engine/test/harness';
import { testDatabase } from '../support/database';

const INSTANCES = 30;
const SCRIPT = path.join(__dirname, 'crash-engine.ts');
const ROOT = path.resolve(__dirname, '../..');

interface EngineProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startEngineProcess(env: Record<string, string>): EngineProcess {
  let out = '';
  const child = spawn('npx', ['tsx', SCRIPT], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/** Signals the whole process group (npx, tsx and node). */
function signal(p: EngineProcess, sig: NodeJS.Signals): void {
  try {
    process.kill(-p.child.pid!, sig);
  } catch {
    // already gone
  }
}

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  p?: EngineProcess,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}${p ? `; engine output:\n${p.output()}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('crash: SIGKILL an engine process in the middle of running instances', () => {
  let url: string;
  let engine: EmbeddedEngine;
  let db: pg.Client;
  const spawned: EngineProcess[] = [];
  const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-crash-')), 'handlers.log');

  beforeAll(async () => {
    url = await testDatabase('crash');
    engine = await createEmbeddedEngine({ databaseUrl: url, startSchedulers: false, poolSize: 2 });
    db = new pg.Client({ connectionString: url });
    await db.connect();
  });

  afterAll(async () => {
    for (const p of spawned) signal(p, 'SIGKILL');
    await db.end();
    await engine.close();
    fs.rmSync(path.dirname(logFile), { recursive: true, force: true });
  });

  it('completes every instance exactly once after a restart, with no job lost', async () => {
    const processId = uniqueId('crash');
    const body = [
      '<bpmn:startEvent id="start" />',
      flow('f1', 'start', 'a'),
      serviceTask('a', 'crash-a'),
      flow('f2', 'a', 'wait'),
      '<bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
      flow('f3', 'wait', 'b'),
      serviceTask('b', 'crash-b'),
      flow('f4', 'b', 'c'),
      serviceTask('c', 'crash-c'),
      flow('f5', 'c', 'end'),
      '<bpmn:endEvent id="end" />',
    ].join('\n');
    await engine.deployResources([{ name: 'crash.bpmn', content: bpmn(processId, body) }]);
    const env = { CRASH_DATABASE_URL: url, CRASH_PROCESS_ID: processId, CRASH_LOG: logFile };
    const counts = async () => {
      const r = await db.query<{ completed: number; timers: number; activated: number }>(
        `SELECT (SELECT count(*)::int FROM engine.process_instance WHERE bpmn_process_id = $1 AND state = 'COMPLETED') AS completed,
                (SELECT count(*)::int FROM engine.timer t JOIN engine.process_instance p ON p.key = t.process_instance_key
                   WHERE p.bpmn_process_id = $1) AS timers,
                (SELECT count(*)::int FROM engine.job WHERE bpmn_process_id = $1 AND state = 'ACTIVATED') AS activated`,
        [processId],
      );
      return r.rows[0]!;
    };

    // 1. The first engine process creates the instances and works on them until timers and activated jobs are pending.
    const first = startEngineProcess({
      ...env,
      CRASH_INSTANCES: String(INSTANCES),
      CRASH_HANDLER_DELAY_MS: '150',
    });
    spawned.push(first);
    const atKill = await until(
      'timers and activated jobs pending',
      async () => {
        const c = await counts();
        const allCreated = first.output().includes(`created ${INSTANCES}`);
        return allCreated && c.timers > 0 && c.activated > 0 && c.completed < INSTANCES ? c : undefined;
      },
      30_000,
      first,
    );
    signal(first, 'SIGKILL');
    await first.exited;
    const afterKill = await counts();
    expect(afterKill.completed).toBeLessThan(INSTANCES);

    // 2. A new engine process on the same database finishes the work.
    const second = startEngineProcess(env);
    spawned.push(second);
    await until(
      'every instance completed',
      async () => ((await counts()).completed === INSTANCES ? true : undefined),
      40_000,
      second,
    ).catch(async (e: Error) => {
      const state = await db.query(
        `SELECT (SELECT json_agg(j) FROM (SELECT type, state, retries, deadline, worker FROM engine.job WHERE bpmn_process_id = $1) j) AS jobs,
                  (SELECT json_agg(t) FROM (SELECT t.element_id, t.due_at FROM engine.timer t JOIN engine.process_instance p ON p.key = t.process_instance_key WHERE p.bpmn_process_id = $1) t) AS timers,
                  (SELECT json_agg(i) FROM (SELECT error_type, error_message FROM engine.incident WHERE bpmn_process_id = $1) i) AS incidents,
                  (SELECT json_agg(e) FROM (SELECT e.element_id, e.state FROM engine.element_instance e JOIN engine.process_instance p ON p.key = e.process_instance_key
                     WHERE p.bpmn_process_id = $1 AND e.state NOT IN ('COMPLETED','TERMINATED')) e) AS elements`,
        [processId],
      );
      throw new Error(`${e.message}\nstate: ${JSON.stringify(state.rows[0])}`);
    });
    signal(second, 'SIGTERM');
    await second.exited;

    // 3. Exactly once per instance and per element; at least once per job.
    const perElement = await db.query<{ element_id: string; n: number; instances: number }>(
      `SELECT r.element_id, count(*)::int AS n, count(DISTINCT r.process_instance_key)::int AS instances
       FROM engine.record r JOIN engine.process_instance p ON p.key = r.process_instance_key
       WHERE p.bpmn_process_id = $1 AND r.value_type = 'PROCESS_INSTANCE' AND r.intent = 'ELEMENT_COMPLETED'
       GROUP BY r.element_id ORDER BY r.element_id`,
      [processId],
    );
    for (const id of [processId, 'a', 'wait', 'b', 'c', 'end']) {
      expect(perElement.rows.find((r) => r.element_id === id)).toEqual({
        element_id: id,
        n: INSTANCES,
        instances: INSTANCES,
      });
    }
    const jobs = await db.query<{ key: string; intent: string }>(
      `SELECT r.key::text AS key, r.intent FROM engine.record r JOIN engine.process_instance p ON p.key = r.process_instance_key
       WHERE p.bpmn_process_id = $1 AND r.value_type = 'JOB' AND r.intent IN ('CREATED', 'COMPLETED', 'TIMED_OUT')`,
      [processId],
    );
    const created = jobs.rows.filter((j) => j.intent === 'CREATED').map((j) => j.key);
    const completed = jobs.rows.filter((j) => j.intent === 'COMPLETED').map((j) => j.key);
    const timedOut = jobs.rows.filter((j) => j.intent === 'TIMED_OUT').length;
    expect(created).toHaveLength(INSTANCES * 3);
    expect(new Set(completed)).toEqual(new Set(created));
    expect(completed).toHaveLength(created.length);
    const invocations = new Map<string, number>();
    const pids = new Set<string>();
    for (const line of fs.readFileSync(logFile, 'utf8').split('\n').filter(Boolean)) {
      const [key, , , pid] = line.split(' ');
      invocations.set(key!, (invocations.get(key!) ?? 0) + 1);
      pids.add(pid!);
    }
    for (const key of created) expect(invocations.get(key) ?? 0).toBeGreaterThanOrEqual(1);
    const total = [...invocations.values()].reduce((a, b) => a + b, 0);
    const duplicated = [...invocations].filter(([, n]) => n > 1);
    expect(pids.size).toBe(2);
    console.log(
      `crash test: ${INSTANCES} instances; killed with ${atKill.completed} completed, ${atKill.timers} timers and ` +
        `${atKill.activated} activated jobs pending; after restart all completed exactly once; ${created.length} jobs, ` +
        `${total} handler invocations, ${total - created.length} duplicates on ${duplicated.length} jobs ` +
        `(${timedOut} job timeouts); keys invoked twice or more: ${duplicated.map(([k, n]) => `${k}x${n}`).join(', ') || 'none'}`,
    );
  }, 60_000);
});
