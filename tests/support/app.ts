/**
 * Builds the real application for a test: the Jest worker's migrated database, the real embedded engine
 * with a controllable clock, and Fastify's `inject` for HTTP. Close it in afterAll.
 */
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../engine/src/infra/config';
import { createEmbeddedEngine, type EmbeddedEngine } from '../../engine/src/client/embedded';
import { ControlledClock } from '../../engine/src/runtime/clock';
import { buildApp, type AppDependencies } from '../../api/src/app';
import { testDatabase } from './database';

export interface TestApp {
  app: FastifyInstance;
  engine: EmbeddedEngine;
  clock: ControlledClock;
  databaseUrl: string;
  close(): Promise<void>;
}

/** A fresh app on the worker's database (or on database `suffix` when a test needs its own). */
export async function buildTestApp(
  options: { suffix?: string; env?: NodeJS.ProcessEnv; security?: AppDependencies['security'] } = {},
): Promise<TestApp> {
  const databaseUrl = await testDatabase(options.suffix);
  const clock = new ControlledClock(Date.parse('2026-03-02T02:00:00Z'));
  const engine = await createEmbeddedEngine({ databaseUrl, clock, startSchedulers: false });
  const config = loadConfig({ SEED_DEMO: 'false', ...options.env });
  const app = await buildApp({ config, databaseUrl, engine, clock, security: options.security });
  await app.ready();
  return {
    app,
    engine,
    clock,
    databaseUrl,
    async close() {
      await app.close();
      await engine.close();
    },
  };
}
