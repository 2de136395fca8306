/** Applies the engine's and the api's migrations to a database, as `npm start` does. */
import { migrate } from '../../engine/src/infra/migrate';
import { engineMigrations } from '../../engine/src/state/migrations';
import { apiMigrations } from '../../api/src/db/migrations';

export async function migrateAll(url: string): Promise<void> {
  await migrate(url, { part: 'engine', migrations: engineMigrations });
  await migrate(url, { part: 'api', migrations: apiMigrations });
}
