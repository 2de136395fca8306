/**
 * The one database module used by every part: start the embedded PostgreSQL unless DATABASE_URL is set,
 * create the database if missing, and stop cleanly. Migrations are run by `migrate.ts`.
 */
import path from 'node:path';
import { startEmbeddedServer, type EmbeddedServer } from './embedded-postgres.js';
import { ensureDatabase } from './ensure-database.js';

/** Database settings, usually taken from the configuration module. */
export interface DatabaseOptions {
  /** External server; when unset an embedded one is started. */
  databaseUrl?: string;
  dataDir: string;
  embeddedPort: number;
  /** Database to create on the embedded server. */
  databaseName?: string;
  log?: (message: string) => void;
  settings?: Record<string, string>;
}

/** A reachable database and how to let it go. */
export interface Database {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** Starts (or connects to) the database described by `options`. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    return { url: options.databaseUrl, embedded: false, stop: async () => {} };
  }
  let server: EmbeddedServer | undefined = await startEmbeddedServer({
    dataDir: path.join(options.dataDir, 'postgres'),
    port: options.embeddedPort,
    log: options.log,
    settings: options.settings,
  });
  const url = await ensureDatabase(server.adminUrl, options.databaseName ?? 'motcua');
  return {
    url,
    embedded: true,
    async stop() {
      const s = server;
      server = undefined;
      await s?.stop();
    },
  };
}
