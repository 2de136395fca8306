/** One file storage per app: DATA_DIR/uploads on local disk. */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { LocalDiskStorage, type FileStorage } from './storage.js';

const storages = new WeakMap<FastifyInstance, FileStorage>();

/** The storage of `app` (created on first use). */
export function storageFor(app: FastifyInstance): FileStorage {
  let s = storages.get(app);
  if (!s) {
    s = new LocalDiskStorage(path.resolve(app.config.DATA_DIR, 'uploads'));
    storages.set(app, s);
  }
  return s;
}
