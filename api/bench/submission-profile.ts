import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createEmbeddedEngine, SystemClock } from '@motcua/engine/client';
import { findProjectRoot, loadConfig, openDatabase } from '@motcua/engine/postgres';
import { buildApp } from '../src/app.js';
import { migrateAll } from '../src/db/migrate-all.js';
import { createAccount } from '../src/modules/identity/accounts.js';
import { seedDemoData } from '../src/seed/index.js';
import { deployProcesses } from '../src/startup/deploy-processes.js';
import { startWorkers } from '../src/workers/index.js';
import { cpuPerOperation, cpuSample } from './cpu.js';

/**
 * `npm run bench:submission-profile`: what one online submission costs, everything included (the HTTP
 * route through app.inject, the engine command, the workers' status and SLA jobs): SQL statements per
 * submission by text, and CPU milliseconds per submission of Node and of the PostgreSQL server. N submissions
 * (default 400) from C concurrent callers (default 16). The figures that guide work on `bench:api`'s
 * submission rate: on 2 cores, 300 submissions/s leave at most 6.7 ms of CPU per submission for both.
 */
const counts = new Map<string, number>();
let counting = false;
type Query = (this: pg.Client, q: unknown, ...rest: unknown[]) => unknown;
const original = pg.Client.prototype.query as unknown as Query;
(pg.Client.prototype as unknown as { query: Query }).query = function (
  this: pg.Client,
  q: unknown,
  ...rest: unknown[]
) {
  if (counting) {
    const raw =
      typeof q === 'string' ? q : ((q as { text?: string; name?: string } | undefined)?.text ?? '?');
    const text = raw.replace(/\s+/g, ' ').slice(0, 110);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return original.call(this, q, ...rest);
};

async function main() {
  const root = findProjectRoot(process.cwd());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-count-'));
  fs.chmodSync(dataDir, 0o755);
  const db = await openDatabase({
    dataDir,
    embeddedPort: 20000 + Math.floor(Math.random() * 20000),
    databaseName: 'motcua_count',
    settings: {
      fsync: 'off',
      ...(process.env.PG_STATEMENTS
        ? { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all' }
        : {}),
    },
  });
  const config = loadConfig({ SEED_DEMO: 'false', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  await migrateAll(db.url);
  const engine = await createEmbeddedEngine({
    databaseUrl: db.url,
    clock: new SystemClock(),
    startSchedulers: true,
  });
  const app = await buildApp({ config, databaseUrl: db.url, engine, logger: false });
  await app.ready();
  await seedDemoData(app.orm.em.fork(), { processesRoot: path.join(root, 'processes') });
  await deployProcesses(engine, path.join(root, 'processes'), () => {});
  const workers = startWorkers(app);
  const procedure = (
    await app.pg.query<{ id: string }>(
      `SELECT id FROM procedure WHERE package_key = 'business-household-registration'`,
    )
  ).rows[0]!;
  await createAccount(app.orm.em.fork(), {
    username: 'c1',
    fullName: 'C',
    password: 'Bench-pass-2026',
    roles: ['citizen'],
    memberships: [],
  });
  const csrf = await app.inject({ method: 'GET', url: '/api/auth/csrf' });
  const token = (csrf.json() as { csrfToken: string }).csrfToken;
  const r = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'c1', password: 'Bench-pass-2026' },
    headers: { 'x-csrf-token': token, cookie: `csrf=${token}` },
  });
  const cookie = (r.cookies as { name: string; value: string }[])
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
  const csrfNow =
    (r.cookies as { name: string; value: string }[]).find((c) => c.name === 'csrf')?.value ?? token;
  const form = {
    registrantType: 'individual',
    applicantName: 'Nguyễn Văn Tải',
    applicantDateOfBirth: '1990-05-01',
    applicantIdNumber: '082201000777',
    applicantPhone: '0912345678',
    applicantAddress: 'Mỹ Tho',
    businessName: 'Tạp hóa',
    businessAddress: 'Mỹ Tho',
    businessLines: 'Bán lẻ',
    capital: 1000,
    deliveryMethod: 'in-person',
  };
  const N = Number(process.env.N ?? 400);
  const submit = () =>
    app.inject({
      method: 'POST',
      url: '/api/dossiers',
      payload: { procedureId: procedure.id, formData: form },
      headers: { cookie, 'x-csrf-token': csrfNow },
    });
  await submit();
  await new Promise((res) => setTimeout(res, 1500));
  if (process.env.PG_STATEMENTS) {
    await app.pg.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await app.pg.query('SELECT pg_stat_statements_reset()');
  }
  counting = true;
  const cpu0 = cpuSample(dataDir);
  const t0 = Date.now();
  const C = Number(process.env.C ?? 16);
  let next = 0;
  await Promise.all(
    Array.from({ length: C }, async () => {
      while (next++ < N) {
        const x = await submit();
        if (x.statusCode !== 201) throw new Error(x.body);
      }
    }),
  );
  for (let i = 0; i < 40; i++) {
    const n = Number(
      (await app.pg.query(`SELECT count(*) AS n FROM engine.job WHERE state IN ('ACTIVATABLE','ACTIVATED')`))
        .rows[0].n,
    );
    if (n === 0) break;
    await new Promise((res) => setTimeout(res, 100));
  }
  await new Promise((res) => setTimeout(res, 1000));
  counting = false;
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (process.env.PG_STATEMENTS) {
    const top = await app.pg.query<{ calls: string; ms: number; query: string }>(
      `SELECT calls, total_exec_time + total_plan_time AS ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 100) AS query
         FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 25`,
    );
    for (const r of top.rows)
      console.log(
        JSON.stringify({
          pgMsPerSubmission: +(r.ms / N).toFixed(3),
          callsPerSubmission: +(Number(r.calls) / N).toFixed(2),
          query: r.query,
        }),
      );
  }
  const line = (o: Record<string, unknown>) => console.log(JSON.stringify(o));
  line({
    metric: 'submission_cost',
    submissions: N,
    concurrency: C,
    seconds: (Date.now() - t0) / 1000,
    statements: +(total / N).toFixed(1),
    ...cpuPerOperation(cpu0, cpuSample(dataDir), N),
  });
  // ROWS_PER: rows the engine keeps per submission (all instances so far, divided by the submissions)
  const rows = await app.pg.query<{ t: string; n: string }>(
    `SELECT 'variable' AS t, count(*)::text AS n FROM engine.variable UNION ALL SELECT 'record', count(*)::text FROM engine.record
     UNION ALL SELECT 'element_instance', count(*)::text FROM engine.element_instance`,
  );
  line({
    metric: 'engine_rows_per_submission',
    ...Object.fromEntries(rows.rows.map((r) => [r.t, +(Number(r.n) / (N + 1)).toFixed(1)])),
  });
  const kinds = await app.pg.query<{ k: string; n: string }>(
    `SELECT value_type || ' ' || intent AS k, count(*)::text AS n FROM engine.record GROUP BY 1 ORDER BY count(*) DESC LIMIT 8`,
  );
  line({
    metric: 'records_per_submission',
    ...Object.fromEntries(kinds.rows.map((r) => [r.k, +(Number(r.n) / (N + 1)).toFixed(1)])),
  });
  for (const [statement, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 40))
    line({ perSubmission: +(n / N).toFixed(2), statement });
  await workers.close();
  await app.close();
  await engine.close();
  await db.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
