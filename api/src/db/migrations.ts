/** Schema of the application (schema `public`), as MikroORM migrations in order. */
import { Migration } from '@mikro-orm/migrations';
import type { MigrationObject } from '@mikro-orm/core';

class AppInitial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE TABLE app_meta (
  name text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);`);
  }
}

/** The api's migrations, in order. */
export const apiMigrations: MigrationObject[] = [{ name: 'App20261124Initial', class: AppInitial }];
