/** Notifications: Vietnamese templates, the sending ports and their adapters. */
export * from './templates.js';
export * from './ports.js';
export * from './adapters.js';
