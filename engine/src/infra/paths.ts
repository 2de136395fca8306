/** Locating the project folder without import.meta (the code also runs compiled to CommonJS under Jest). */
import fs from 'node:fs';
import path from 'node:path';

/** The nearest folder at or above `from` whose package.json declares workspaces (the repository root). */
export function findProjectRoot(from: string = process.cwd()): string {
  let dir = path.resolve(from);
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if (JSON.parse(fs.readFileSync(pkg, 'utf8')).workspaces) return dir;
      } catch {
        /* unreadable package.json: keep looking */
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(from);
    dir = parent;
  }
}
