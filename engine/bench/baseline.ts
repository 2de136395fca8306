/**
 * The baseline a Node user would otherwise pick: the same model on `bpmn-engine` (in-process), with the
 * engine's state saved to PostgreSQL after every step (getState() JSON upserted per instance per step).
 * Service tasks run in-process; a user task's waiting state is saved before the bench "user" signals it.
 * bpmn-engine does not evaluate FEEL: the gateway's `=valid = true` is a non-empty string, hence taken.
 */
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { Engine } from 'bpmn-engine';
import { BpmnModdle } from 'bpmn-moddle';
import type { BenchDriver } from './phases.js';
import { dossierVariables } from './support.js';

interface ActivityLike {
  type: string;
  behaviour: Record<string, unknown>;
}
interface ApiLike {
  id: string;
  type: string;
  signal(message?: unknown): void;
}
type ServiceCallback = (err: Error | null, output?: unknown) => void;

const SERVICE_RESULT = { valid: true, registry: { found: true }, fee: { amount: 150000 }, notified: true };

/** Creates the state table. */
export async function prepareBaseline(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`CREATE TABLE IF NOT EXISTS public.bpmn_engine_state (
      id text PRIMARY KEY, state jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`);
    await c.query('TRUNCATE public.bpmn_engine_state');
  } finally {
    await c.end();
  }
}

/** Parses the model once (bpmn-engine serializes the moddle context per engine). */
export async function parseForBaseline(xml: string): Promise<unknown> {
  return new BpmnModdle().fromXML(xml);
}

/** Starts the baseline driver. */
export async function startBaseline(
  url: string,
  moddleContext: unknown,
  poolSize: number,
): Promise<BenchDriver> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => {});
  let jobs = 0;
  class BenchService {
    execute(_message: unknown, callback: ServiceCallback): void {
      jobs++;
      setImmediate(() => callback(null, SERVICE_RESULT));
    }
  }
  const extensions = {
    benchServices(activity: ActivityLike) {
      if (activity.type === 'bpmn:ServiceTask') activity.behaviour.Service = BenchService;
    },
  };
  return {
    async create(i) {
      const id = `bench-${process.pid}-${i}`;
      const engine = new Engine({ name: id, moddleContext, extensions } as unknown as ConstructorParameters<
        typeof Engine
      >[0]);
      let chain: Promise<unknown> = Promise.resolve();
      const save = (): Promise<unknown> => {
        chain = chain.then(async () => {
          const state = await engine.getState();
          await pool.query(
            `INSERT INTO public.bpmn_engine_state (id, state) VALUES ($1, $2)
             ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, updated_at = now()`,
            [id, JSON.stringify(state)],
          );
        });
        return chain;
      };
      const listener = new EventEmitter();
      listener.on('activity.end', () => void save());
      listener.on('activity.wait', (api: ApiLike) => {
        if (api.type !== 'bpmn:UserTask') return;
        void save().then(() => setImmediate(() => api.signal({ approved: true, reviewed: true })));
      });
      const done = new Promise<void>((resolve, reject) => {
        engine.once('end', () => void save().then(() => resolve(), reject));
        engine.once('error', (err: Error) => reject(err));
      });
      await engine.execute({ listener, variables: dossierVariables(i) } as unknown as Parameters<
        typeof engine.execute
      >[0]);
      await save();
      return { done };
    },
    jobs: () => jobs,
    async close() {
      await pool.end();
    },
  };
}
