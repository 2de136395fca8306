/**
 * `npx tsx api/src/seed/generate-catalogue.cli.ts [n]` (or `node api/dist/seed/generate-catalogue.cli.js`):
 * seeds the demo reference data if missing, then replaces the generated procedures with n (default 1,441).
 * Needs DATABASE_URL (for the embedded server of `npm start`: postgres://postgres:...@127.0.0.1:54329/motcua).
 */
import path from 'node:path';
import { findProjectRoot } from '@motcua/engine/postgres';
import { openOrm } from '../db/orm.js';
import { insertGeneratedCatalogue } from './generate-catalogue.js';
import { seedDemoData } from './index.js';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to the database to fill');
  const n = Number(process.argv[2] ?? 1441);
  const orm = await openOrm(url);
  try {
    await seedDemoData(orm.em.fork(), { processesRoot: path.join(findProjectRoot(), 'processes') });
    const count = await insertGeneratedCatalogue(orm.em.fork(), n);
    console.log(`Generated ${count} procedures`);
  } finally {
    await orm.close(true);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
