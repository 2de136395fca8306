/** Infrastructure shared by the engine, the api and the tools: configuration, PostgreSQL, migrations. */
export { loadConfig, ConfigError, CONFIG_VARIABLES, type Config, type VariableSpec } from './config.js';
export { openDatabase, type Database, type DatabaseOptions } from './database.js';
export { ensureDatabase } from './ensure-database.js';
export { startEmbeddedServer, recoverOrphanedServer, type EmbeddedServer } from './embedded-postgres.js';
export { migrate, type MigrationSet } from './migrate.js';
export { engineMigrations } from '../state/migrations.js';
export { findProjectRoot } from './paths.js';
