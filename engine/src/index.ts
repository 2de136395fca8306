/**
 * Public API of the embedded engine: the WorkflowEngine port with its embedded adapter, the clock, the
 * BPMN model parser and the engine's schema migrations. Nothing else is part of the contract.
 */
export * from './client/index.js';
export { parseBpmn, type ParseOptions } from './model/parse.js';
export type * from './model/types.js';
export { engineMigrations } from './state/migrations.js';
