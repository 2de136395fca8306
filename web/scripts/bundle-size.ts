/**
 * Bundle sizes of the built web app (run after `vite build`; `npm run bench:web` does both). Prints JSON lines:
 * the first page's JavaScript (the entry chunk and every chunk it imports statically, i.e. what a citizen
 * downloads before the home page shows), then every lazy chunk, all gzip-compressed. Exits 1 when the first
 * page exceeds the 250 KB budget (issue 6).
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = path.resolve(import.meta.dirname, '../dist');
const BUDGET_BYTES = 250 * 1024;

const gzip = (file: string): number => gzipSync(fs.readFileSync(path.join(DIST, file)), { level: 9 }).length;

/** Chunks `file` imports statically (`import"./x.js"`, `from"./x.js"`), transitively; dynamic imports excluded. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = fs.readFileSync(path.join(DIST, file), 'utf8');
  const dir = path.posix.dirname(file);
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.\/[^"']+\.js)["']/g)) {
    if (m[1]) staticClosure(path.posix.join(dir, m[1]), seen);
  }
  return seen;
}

function main(): void {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\/?([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('no entry script in dist/index.html (run vite build first)');
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/?([^"]+)"/g)].map(
    (m) => m[1] ?? '',
  );
  const firstPage = new Set<string>();
  for (const f of [entry, ...preloads]) staticClosure(f, firstPage);
  const css = [...html.matchAll(/<link rel="stylesheet"[^>]*href="\/?([^"]+)"/g)].map((m) => m[1] ?? '');

  const firstJs = [...firstPage].reduce((sum, f) => sum + gzip(f), 0);
  const line = (o: Record<string, unknown>) => console.log(JSON.stringify(o));
  line({ chunk: 'entry', file: entry, gzipBytes: gzip(entry) });
  line({
    chunk: 'first-page',
    files: [...firstPage],
    gzipBytes: firstJs,
    gzipKB: Math.round(firstJs / 102.4) / 10,
    budgetKB: BUDGET_BYTES / 1024,
    withinBudget: firstJs <= BUDGET_BYTES,
    cssGzipBytes: css.reduce((sum, f) => sum + gzip(f), 0),
  });
  const lazy = fs
    .readdirSync(path.join(DIST, 'assets'))
    .filter((f) => f.endsWith('.js') && !firstPage.has(`assets/${f}`))
    .map((f) => ({ chunk: 'lazy', file: `assets/${f}`, gzipBytes: gzip(`assets/${f}`) }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  for (const l of lazy) line(l);
  if (firstJs > BUDGET_BYTES) process.exitCode = 1;
}

main();
