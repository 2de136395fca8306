/**
 * Runs MikroORM migrations for one part of the system (engine or api), each part with its own history
 * table, under a PostgreSQL advisory lock so that several processes starting together migrate once.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { MigrationObject } from '@mikro-orm/core';
import pg from 'pg';

/** One part's migrations, in order. */
export interface MigrationSet {
  /** Short name of the part, used for the history table `mikro_orm_migrations_<part>`. */
  part: string;
  migrations: MigrationObject[];
}

function lockIdOf(part: string): number {
  let h = 7;
  for (const ch of `motcua-migrate-${part}`) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return h;
}

/** Applies the pending migrations of `set`; returns the names applied. */
export async function migrate(url: string, set: MigrationSet): Promise<string[]> {
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [lockIdOf(set.part)]);
    const orm = await MikroORM.init({
      clientUrl: url,
      entities: [],
      discovery: { warnWhenNoEntities: false },
      extensions: [Migrator],
      allowGlobalContext: true,
      debug: false,
      pool: { min: 0, max: 2 },
      migrations: {
        tableName: `mikro_orm_migrations_${set.part}`,
        migrationsList: set.migrations,
        transactional: true,
        allOrNothing: true,
        silent: true,
        snapshot: false,
      },
    });
    try {
      const done = await orm.getMigrator().up();
      return done.map((m) => m.name);
    } finally {
      await orm.close(true);
    }
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [lockIdOf(set.part)]).catch(() => {});
    await lock.end();
  }
}
