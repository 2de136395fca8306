/**
 * `npm run engine`: the embedded engine standalone, speaking Zeebe's gRPC gateway protocol (ENGINE_GRPC_PORT,
 * default 26500) and Camunda's REST v2 API (ENGINE_REST_PORT, default 8080), on the embedded PostgreSQL under
 * DATA_DIR or on DATABASE_URL. Any Camunda 8 client can use it as a local Camunda 8 (see docs/camunda.md).
 */
import { ConfigError, loadConfig } from '../infra/config.js';
import { openDatabase } from '../infra/database.js';
import { migrate } from '../infra/migrate.js';
import { engineMigrations } from '../state/migrations.js';
import { startGateways } from './start.js';

const log = (m: string) => console.log(`[engine] ${m}`);

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const host = config.HOST;
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    embeddedPort: config.EMBEDDED_PG_PORT,
  });
  log(
    database.embedded
      ? `PostgreSQL (embedded) ready, data under ${config.DATA_DIR}`
      : 'PostgreSQL (DATABASE_URL) reachable',
  );
  const applied = await migrate(database.url, { part: 'engine', migrations: engineMigrations });
  log(applied.length > 0 ? `Applied ${applied.length} engine migration(s)` : 'Engine schema up to date');
  const gateways = await startGateways({
    databaseUrl: database.url,
    host,
    grpcPort: config.ENGINE_GRPC_PORT,
    restPort: config.ENGINE_REST_PORT,
    log,
  });
  log(
    `Zeebe gRPC gateway on grpc://${gateways.grpc.address}   (ZEEBE_GRPC_ADDRESS=grpc://${gateways.grpc.address})`,
  );
  log(
    gateways.restAddress
      ? `Camunda REST v2 API on ${gateways.restAddress}/v2   (ZEEBE_REST_ADDRESS=${gateways.restAddress})`
      : `No REST front: ${gateways.restUnavailable ?? 'disabled'}`,
  );
  log('Ctrl+C to stop');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await gateways.close();
      await database.stop();
      process.exit(0);
    } catch (e) {
      console.error(e);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error('[engine] failed to start:', e);
  process.exit(1);
});
