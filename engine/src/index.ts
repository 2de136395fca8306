/** Public API of the embedded engine. */
export * from './client/port.js';
export type * from './model/types.js';
