/**
 * `npm start` end to end: the real server process with its own embedded PostgreSQL in a temporary DATA_DIR.
 * It must answer /api/health, come back after being killed with SIGKILL (orphaned PostgreSQL recovered), and
 * stop cleanly on SIGTERM and on Ctrl+C (SIGINT to the process group), leaving no PostgreSQL process behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  freePort,
  killLeftovers,
  postgresProcessesFor,
  signalGroup,
  startServer,
  tempDataDir,
  waitFor,
  type ServerProcess,
} from './helpers';

const READY_MS = 90_000; // generous: a cold tsx transpile and initdb on a busy 2-core machine

interface HealthBody {
  status: string;
  database: { ok: boolean };
  engine: { ok: boolean };
}

async function health(url: string): Promise<{ status: number; body: HealthBody }> {
  const response = await fetch(`${url}/api/health`);
  return { status: response.status, body: (await response.json()) as HealthBody };
}

describe('npm start (api/src/server.ts)', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    dataDir = tempDataDir('motcua-start-');
    env = {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      EMBEDDED_PG_PORT: String(await freePort()),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    };
  });

  afterAll(() => {
    killLeftovers(server, dataDir);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'should serve /api/health, survive SIGKILL with an orphaned PostgreSQL, and stop cleanly on SIGTERM and Ctrl+C',
    async () => {
      // given a first start on an empty DATA_DIR
      server = startServer(env);
      const url = await server.url;

      // then it answers with the database and the engine up
      const first = await health(url);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ status: 'ok', database: { ok: true }, engine: { ok: true } });
      expect(fs.existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);

      // when the server is killed without a chance to clean up
      const killed = server;
      killed.child.kill('SIGKILL');
      expect(await killed.exited).toBe('SIGKILL');
      // then its PostgreSQL is left running, orphaned
      expect(postgresProcessesFor(dataDir).length).toBeGreaterThan(0);

      // when it is started again on the same DATA_DIR
      server = startServer(env);
      const again = await server.url;

      // then the orphan is recovered and the server answers again
      expect((await health(again)).status).toBe(200);
      expect(server.output()).not.toMatch(/Start failed/);

      // when it is asked to stop with SIGTERM (a service manager)
      const terminated = server;
      terminated.child.kill('SIGTERM');

      // then it exits 0 and leaves no PostgreSQL process for that data folder
      // (the output is part of the value, so a failure shows the server's log)
      expect({ exit: await terminated.exited, output: terminated.output() }).toEqual({
        exit: 0,
        output: expect.stringContaining('Stopped'),
      });
      expect(await waitFor(() => postgresProcessesFor(dataDir).length === 0, 15_000)).toBe(true);

      // when it is started again and stopped with Ctrl+C (SIGINT to the process group, PostgreSQL included)
      server = startServer(env);
      expect((await health(await server.url)).status).toBe(200);
      const interrupted = server;
      signalGroup(interrupted, 'SIGINT');

      // then it still stops in order and exits 0
      // (the output is part of the value, so a failure shows the server's log)
      expect({ exit: await interrupted.exited, output: interrupted.output() }).toEqual({
        exit: 0,
        output: expect.stringContaining('Stopped'),
      });
      expect(await waitFor(() => postgresProcessesFor(dataDir).length === 0, 15_000)).toBe(true);
    },
    4 * READY_MS,
  );

  it(
    'should name the wrong variable and exit 1 when the configuration is invalid',
    async () => {
      // given / when
      const bad = startServer({ ...env, PORT: 'eighty' });
      // then
      expect(await bad.exited).toBe(1);
      expect(bad.output()).toContain('PORT must be a whole number, got "eighty"');
    },
    READY_MS,
  );

  it(
    'should say that the Camunda adapter is not available yet and exit 1 when ENGINE=camunda',
    async () => {
      // given / when
      const camunda = startServer({
        ...env,
        ENGINE: 'camunda',
        ZEEBE_GRPC_ADDRESS: 'grpc://127.0.0.1:26500',
      });
      // then
      expect(await camunda.exited).toBe(1);
      expect(camunda.output()).toMatch(/Camunda 8 adapter is not available yet/);
      expect(postgresProcessesFor(dataDir)).toEqual([]);
    },
    READY_MS,
  );
});
