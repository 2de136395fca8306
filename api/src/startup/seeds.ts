/**
 * Demo data, seeded once per database. The seed itself lives in `api/src/seed/index.ts` (its own issue); this
 * module is the seam: it loads that module when present, runs `seedDemo` under an advisory lock, and records
 * a marker in `app_meta` so that a second start, or a second server on the same database, adds nothing.
 */
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import type { WorkflowEngine } from '@motcua/engine';
import type { Config } from '@motcua/engine/postgres';

/** What `seedDemo` receives. */
export interface SeedContext {
  app: FastifyInstance;
  pool: pg.Pool;
  databaseUrl: string;
  engine: WorkflowEngine;
  config: Config;
  log: (message: string) => void;
}

/** A demo account printed at start, so that a visitor can log in at once. */
export interface DemoLogin {
  role: string;
  username: string;
  password: string;
}

/** The shape expected of `api/src/seed/index.ts`; both exports are optional. */
export interface SeedModule {
  seedDemo?: (context: SeedContext) => Promise<void>;
  demoLogins?: readonly DemoLogin[];
}

/** What happened to the demo data at this start. */
export type SeedOutcome = 'disabled' | 'no-seed-module' | 'already-seeded' | 'seeded';

/** Name of the `app_meta` row that marks the demo data as seeded. */
export const DEMO_SEED_MARKER = 'seed.demo';
const LOCK_ID = 0x6d63_5364; // 'mcSd'

/**
 * Loads the seed module if it exists. A variable specifier keeps the compiler from requiring the file; it
 * resolves next to this module (api/dist at run time, api/src under tsx).
 */
export async function loadSeedModule(specifier = '../seed/index.js'): Promise<SeedModule | undefined> {
  try {
    const loaded: unknown = await import(specifier);
    return loaded as SeedModule;
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { url?: string };
    const missing = err.code === 'ERR_MODULE_NOT_FOUND' || err.code === 'MODULE_NOT_FOUND';
    // Only the seed module itself may be missing; a missing import inside it is a real error.
    if (missing && `${err.url ?? ''} ${err.message}`.includes('/seed/index')) return undefined;
    throw e;
  }
}

/** Seeds the demo data unless disabled, absent or already done. */
export async function runSeeds(
  context: SeedContext,
  seedModule: SeedModule | undefined,
): Promise<SeedOutcome> {
  const { pool, config, log } = context;
  if (!config.SEED_DEMO) {
    log('Demo data: disabled (SEED_DEMO=false)');
    return 'disabled';
  }
  if (!seedModule?.seedDemo) {
    log('Demo data: no seed module yet (api/src/seed/index.ts); nothing seeded');
    return 'no-seed-module';
  }
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_ID]);
    const found = await client.query<{ value: { seededAt?: string } }>(
      'SELECT value FROM app_meta WHERE name = $1',
      [DEMO_SEED_MARKER],
    );
    if (found.rows[0]) {
      log(`Demo data: already seeded (${found.rows[0].value.seededAt ?? 'earlier'})`);
      return 'already-seeded';
    }
    await seedModule.seedDemo(context);
    await client.query(
      `INSERT INTO app_meta (name, value) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [DEMO_SEED_MARKER, JSON.stringify({ seededAt: new Date().toISOString() })],
    );
    log('Demo data: seeded');
    return 'seeded';
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_ID]).catch(() => {});
    client.release();
  }
}
