/**
 * File storage port for attachments and issued documents (architecture decision 6: local disk by default,
 * object storage later). Keys are relative paths chosen by the caller; the adapter never trusts them blindly.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

/** Where files live. */
export interface FileStorage {
  /** Stores `data` under `key` (overwrites). */
  put(key: string, data: Buffer): Promise<void>;
  /** Reads the file stored under `key`; throws when absent. */
  get(key: string): Promise<Buffer>;
}

/** Stores files under a root folder, e.g. `DATA_DIR/uploads`. */
export class LocalDiskStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private resolve(key: string): string {
    const full = path.resolve(this.root, key);
    if (!full.startsWith(path.resolve(this.root) + path.sep))
      throw new Error(`Storage key escapes the root: ${key}`);
    return full;
  }

  async put(key: string, data: Buffer): Promise<void> {
    const full = this.resolve(key);
    await fs.mkdir(path.dirname(full), { recursive: true });
    const tmp = `${full}.${process.pid}.tmp`;
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, full);
  }

  async get(key: string): Promise<Buffer> {
    return fs.readFile(this.resolve(key));
  }
}

/** A storage key for a dossier's file: `<yyyy>/<dossier code>/<name>`, safe for any file system. */
export function dossierFileKey(dossierCode: string, name: string): string {
  const year = `20${dossierCode.split('-')[1]?.slice(0, 2) ?? '00'}`;
  return `${year}/${dossierCode.replace(/[^\w.-]/g, '_')}/${name.replace(/[^\w.-]/g, '_')}`;
}
