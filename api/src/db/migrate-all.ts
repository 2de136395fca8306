/**
 * The one migration sequence of the system: the engine's schema first, then the api's. `npm start` and the
 * test harness both call `migrateAll`, so tests always run against the schema production gets.
 */
import { engineMigrations, migrate } from '@motcua/engine/postgres';
import { apiMigrations } from './migrations.js';

/** Applies every pending migration (engine, then api) to the database at `url`; returns the names applied. */
export async function migrateAll(url: string): Promise<string[]> {
  const engine = await migrate(url, { part: 'engine', migrations: engineMigrations });
  const api = await migrate(url, { part: 'api', migrations: apiMigrations });
  return [...engine, ...api];
}
