/**
 * `npm run bench:api`: the API under load on loopback, against 1,000,000 dossiers and 100,000 open tasks.
 * Starts its own embedded PostgreSQL under a temporary folder (or uses DATABASE_URL), migrates, seeds the demo
 * catalogue, deploys processes/, runs the job workers, then measures with autocannon (bounded durations):
 * dossier submissions per second, task-list p99 and tracking look-up p99. Prints one JSON line per figure.
 * Sizes: BENCH_DOSSIERS, BENCH_TASKS, BENCH_SECONDS (defaults 1000000, 100000, 10).
 */
import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';
import { createEmbeddedEngine, SystemClock } from '@motcua/engine/client';
import { findProjectRoot, loadConfig, openDatabase } from '@motcua/engine/postgres';
import { buildApp } from '../src/app.js';
import { migrateAll } from '../src/db/migrate-all.js';
import { createAccount } from '../src/modules/identity/accounts.js';
import { seedDemoData } from '../src/seed/index.js';
import { deployProcesses } from '../src/startup/deploy-processes.js';
import { startWorkers } from '../src/workers/index.js';
import { cpuPerOperation, cpuSample } from './cpu.js';
import { generateBulk } from './generate.js';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 1_000_000);
const TASKS = Number(process.env.BENCH_TASKS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PASSWORD = 'Bench-pass-2026';

const line = (o: Record<string, unknown>) => console.log(JSON.stringify(o));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
    srv.on('error', reject);
  });
}

async function main(): Promise<void> {
  const root = findProjectRoot(process.cwd());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-'));
  fs.chmodSync(dataDir, 0o755); // the embedded server may run as another user
  const db = await openDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir,
    embeddedPort: await freePort(),
    databaseName: 'motcua_bench',
    settings: {
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
      max_connections: '200',
      shared_buffers: '256MB',
    },
  });
  // autocannon is the (loopback) proxy: its X-Forwarded-For stands for many citizens behind it (tracking phase).
  // It runs in a worker thread (`workers: 1`): the load generator must not share the server's event loop.
  const config = loadConfig({
    SEED_DEMO: 'false',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    TRUST_PROXY: '127.0.0.1,::1',
  });
  await migrateAll(db.url);
  const engine = await createEmbeddedEngine({
    databaseUrl: db.url,
    clock: new SystemClock(),
    startSchedulers: true,
  });
  const app = await buildApp({
    config,
    databaseUrl: db.url,
    engine,
    logger: false,
    security: { loginRateLimit: { max: 10_000, timeWindowMs: 60_000 } },
  });
  await app.ready();
  app.pg.on('error', (e) => line({ warning: 'pooled connection closed', message: e.message }));
  await seedDemoData(app.orm.em.fork(), { processesRoot: path.join(root, 'processes') });
  await deployProcesses(engine, path.join(root, 'processes'), () => {});
  const workers = startWorkers(app);
  const address = await app.listen({ host: '127.0.0.1', port: 0 });

  const procedure = (
    await app.pg.query<{ id: string; agency_code: string }>(
      `SELECT id, agency_code FROM procedure WHERE package_key = 'business-household-registration'`,
    )
  ).rows[0]!;
  const citizen = await createAccount(app.orm.em.fork(), {
    username: 'bench-citizen',
    fullName: 'Công dân đo tải',
    password: PASSWORD,
    roles: ['citizen'],
    memberships: [],
  });
  await createAccount(app.orm.em.fork(), {
    username: 'bench-officer',
    fullName: 'Cán bộ đo tải',
    password: PASSWORD,
    roles: [],
    memberships: [{ agencyCode: procedure.agency_code, role: 'one-stop' }],
  });

  let t0 = Date.now();
  await generateBulk(app.pg, {
    dossiers: DOSSIERS,
    tasks: TASKS,
    procedureId: procedure.id,
    accountId: citizen.id,
  });
  line({ phase: 'generate', dossiers: DOSSIERS, openTasks: TASKS, seconds: (Date.now() - t0) / 1000 });

  const login = async (username: string) => {
    const csrf = await app.inject({ method: 'GET', url: '/api/auth/csrf' });
    const token = (csrf.json() as { csrfToken: string }).csrfToken;
    const r = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: PASSWORD },
      headers: { 'x-csrf-token': token, cookie: `csrf=${token}` },
    });
    const cookies = (r.cookies as { name: string; value: string }[])
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    const session =
      (r.cookies as { name: string; value: string }[]).find((c) => c.name === 'csrf')?.value ?? token;
    return { cookie: cookies, csrf: session };
  };
  const c = await login('bench-citizen');
  const o = await login('bench-officer');
  const form = {
    registrantType: 'individual',
    applicantName: 'Nguyễn Văn Tải',
    applicantDateOfBirth: '1990-05-01',
    applicantIdNumber: '082201000777',
    applicantPhone: '0912345678',
    applicantAddress: 'Mỹ Tho',
    businessName: 'Tạp hóa đo tải',
    businessAddress: 'Mỹ Tho',
    businessLines: 'Bán lẻ',
    capital: 1000,
    deliveryMethod: 'in-person',
  };

  const embeddedDir = process.env.DATABASE_URL ? undefined : dataDir;
  let cpu0 = cpuSample(embeddedDir);
  const submissions = await autocannon({
    url: `${address}/api/dossiers`,
    method: 'POST',
    connections: 16,
    duration: SECONDS,
    workers: 1,
    headers: { 'content-type': 'application/json', cookie: c.cookie, 'x-csrf-token': c.csrf },
    body: JSON.stringify({ procedureId: procedure.id, formData: form }),
  });
  // CPU per submission includes the workers' share so far (the rest follows in drain-workers, counted below).
  line({
    metric: 'submissions_per_second',
    value: Math.round(submissions.requests.average),
    total: submissions['2xx'],
    non2xx: submissions.non2xx,
    errors: submissions.errors,
    p50_ms: submissions.latency.p50,
    p99_ms: submissions.latency.p99,
    target: '>= 300',
  });

  // The submissions leave their status/SLA jobs to the workers: let them finish so that the next phase measures the
  // task list, not the tail of the submission phase (bounded wait).
  t0 = Date.now();
  let pending = 0;
  for (let i = 0; i < 480; i++) {
    pending = Number(
      (
        await app.pg.query<{ n: string }>(
          `SELECT count(*) AS n FROM engine.job WHERE state IN ('ACTIVATABLE', 'ACTIVATED')`,
        )
      ).rows[0]?.n ?? 0,
    );
    if (pending === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  line({ phase: 'drain-workers', seconds: (Date.now() - t0) / 1000, pendingJobs: pending });
  line({
    metric: 'cpu_per_submission',
    ...cpuPerOperation(cpu0, cpuSample(embeddedDir), submissions['2xx']),
    note: 'HTTP, engine and job workers, until the workers drained',
  });

  cpu0 = cpuSample(embeddedDir);
  const tasks = await autocannon({
    url: `${address}/api/tasks?scope=group&sort=due`,
    connections: 8,
    duration: SECONDS,
    workers: 1,
    headers: { cookie: o.cookie },
  });
  line({
    metric: 'task_list_p99_ms',
    value: tasks.latency.p99,
    p50_ms: tasks.latency.p50,
    rps: Math.round(tasks.requests.average),
    non2xx: tasks.non2xx,
    errors: tasks.errors,
    target: '< 50',
    ...cpuPerOperation(cpu0, cpuSample(embeddedDir), tasks.requests.total),
  });

  const known: { code: string; secret: string }[] = [];
  for (let i = 0; i < 100; i++) {
    const r = await app.inject({
      method: 'POST',
      url: '/api/dossiers',
      payload: { procedureId: procedure.id, formData: form },
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrf },
    });
    const body = r.json() as { dossier: { code: string }; trackingSecret: string };
    known.push({ code: body.dossier.code, secret: body.trackingSecret });
  }
  // The look-ups as many citizens (X-Forwarded-For per request): the per-address limit of 30/min would otherwise
  // answer 429. tracking-request.cjs builds each request from this list, in the load generator's own thread.
  const trackingFile = path.join(dataDir, 'tracking-known.json');
  fs.writeFileSync(trackingFile, JSON.stringify(known));
  process.env.BENCH_TRACKING_FILE = trackingFile;
  cpu0 = cpuSample(embeddedDir);
  const lookups = await autocannon({
    url: address,
    connections: 8,
    duration: SECONDS,
    workers: 1,
    requests: [{ method: 'GET', setupRequest: path.join(import.meta.dirname, 'tracking-request.cjs') }],
  });
  line({
    metric: 'tracking_lookup_p99_ms',
    value: lookups.latency.p99,
    p50_ms: lookups.latency.p50,
    rps: Math.round(lookups.requests.average),
    non2xx: lookups.non2xx,
    errors: lookups.errors,
    target: '< 10',
    ...cpuPerOperation(cpu0, cpuSample(embeddedDir), lookups.requests.total),
  });

  t0 = Date.now();
  await workers.close();
  await app.close();
  await engine.close();
  await db.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  line({ phase: 'shutdown', seconds: (Date.now() - t0) / 1000 });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
