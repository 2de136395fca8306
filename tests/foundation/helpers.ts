/**
 * Helpers of the foundation tests: free ports, the `npm start` server run from TypeScript sources (tsx, no
 * build needed), and a look at /proc for PostgreSQL processes serving a data folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The repository root (tests run with it as the working directory, but do not rely on that). */
export const ROOT = path.resolve(__dirname, '../..');

/** A TCP port free on loopback right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A temporary folder the `postgres` user can enter (PostgreSQL refuses to run as root, see stack.md). */
export function tempDataDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755);
  return dir;
}

/** A server process started as `npm start` would, with its output collected. */
export interface ServerProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the URL printed on the "running at" line; rejects if the process exits first. */
  url: Promise<string>;
  /** Resolves with the exit code (or the signal name) when the process ends. */
  exited: Promise<number | string>;
}

/** Starts `api/src/server.ts` under tsx in its own process (no npx or tsx CLI in between, so signals reach it). */
export function startServer(env: NodeJS.ProcessEnv): ServerProcess {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.test.json', ...env };
  delete childEnv.DATABASE_URL; // these tests are about the embedded server
  delete childEnv.NODE_OPTIONS;
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/server.ts'], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so a test can press "Ctrl+C" (signal the whole group)
  });
  let output = '';
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`server exited (${code}) before it was ready:\n${output}`)));
  });
  url.catch(() => {}); // observed by the tests; avoid an unhandled rejection when they do not await it
  return { child, output: () => output, url, exited };
}

/** Sends `signal` to the server's whole process group, its PostgreSQL included, as a terminal's Ctrl+C does. */
export function signalGroup(server: ServerProcess, signal: NodeJS.Signals): void {
  if (server.child.pid) process.kill(-server.child.pid, signal);
}

/** Pids of PostgreSQL processes whose command line names `dataDir` (the postmaster; its children have none). */
export function postgresProcessesFor(dataDir: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmd = '';
    try {
      cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      continue; // gone meanwhile
    }
    if (cmd.includes('postgres') && cmd.includes(dataDir)) pids.push(Number(entry));
  }
  return pids;
}

/** Polls `check` every 100 ms until it returns true or `timeoutMs` passes. */
export async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

/** Kills what a failed test may have left behind: the server and any PostgreSQL on `dataDir`. */
export function killLeftovers(server: ServerProcess | undefined, dataDir: string): void {
  if (server && server.child.exitCode === null && server.child.signalCode === null)
    server.child.kill('SIGKILL');
  for (const pid of postgresProcessesFor(dataDir)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}
