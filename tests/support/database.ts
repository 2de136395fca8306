/**
 * Test databases: each Jest worker gets its own database on the test server, created and migrated once per
 * worker. `freshDatabase(name)` gives a test file a new empty, migrated database when it needs isolation.
 */
import { ensureDatabase } from '../../engine/src/infra/ensure-database';
import { migrateAll } from './migrations';

const ready = new Map<string, Promise<string>>();

function adminUrl(): string {
  const url = process.env.MOTCUA_TEST_ADMIN_URL;
  if (!url) throw new Error('MOTCUA_TEST_ADMIN_URL is not set: run the tests through Jest (npm test)');
  return url;
}

/** A migrated database for `suffix`, created on first use in this worker. */
export function testDatabase(suffix = 'main'): Promise<string> {
  const name = `motcua_t${process.env.JEST_WORKER_ID ?? '0'}_${suffix}`
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_');
  let p = ready.get(name);
  if (!p) {
    p = (async () => {
      const url = await ensureDatabase(adminUrl(), name);
      await migrateAll(url);
      return url;
    })();
    ready.set(name, p);
  }
  return p;
}
