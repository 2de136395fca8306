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
import { startGateways } from '../../engine/src/gateway/start';
import { testDatabase } from '../support/database';

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
    'should run the app against a Camunda 8 gateway when ENGINE=camunda',
    async () => {
      // given the embedded engine's Zeebe gRPC and REST v2 fronts, standing in for a Camunda 8 cluster
      const gateways = await startGateways({
        databaseUrl: await testDatabase('camunda_start'),
        grpcPort: 0,
        restPort: 0,
        log: () => {},
      });
      const camundaDir = tempDataDir('motcua-start-camunda-');
      try {
        // when the app starts with ENGINE=camunda and Camunda's own variables
        const camunda = startServer({
          ...env,
          DATA_DIR: camundaDir,
          PORT: String(await freePort()),
          EMBEDDED_PG_PORT: String(await freePort()),
          ENGINE: 'camunda',
          ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${gateways.grpc.port}`,
          ZEEBE_REST_ADDRESS: gateways.restAddress,
          CAMUNDA_AUTH_STRATEGY: 'NONE',
          ZEEBE_GRPC_CLIENT_CONNECTION_TOLERANCE_MS: '100',
          SEED_DEMO: 'false',
        });
        try {
          const url = await camunda.url;
          // then it is healthy through the cluster and the models were deployed there
          const answer = await health(url);
          expect(answer.status).toBe(200);
          const deployed = await gateways.engine.listProcessDefinitions('motcua-completeness-check');
          expect(deployed.length).toBeGreaterThan(0);
        } finally {
          signalGroup(camunda, 'SIGTERM');
          expect(await camunda.exited).toBe(0);
        }
      } finally {
        fs.rmSync(camundaDir, { recursive: true, force: true });
        await gateways.close();
      }
    },
    READY_MS,
  );
});
