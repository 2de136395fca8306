import fs from 'node:fs';
import { startBenchDatabase } from './support.js';
import { deployReference, startMotcua } from './motcua-driver.js';
import { saturation } from './phases.js';
import pg from 'pg';
const counts = new Map<string, number>();
const orig = pg.Client.prototype.query;
(pg.Client.prototype as unknown as { query: unknown }).query = function (this: unknown, ...args: unknown[]) {
  const a = args[0] as string | { text: string };
  const t = (typeof a === 'string' ? a : a.text).replace(/\s+/g, ' ').slice(0, 90);
  counts.set(t, (counts.get(t) ?? 0) + 1);
  return (orig as (...x: unknown[]) => unknown).apply(this, args);
};
process.on('uncaughtException', (e) => { console.error('UNCAUGHT', e.message, e.stack); });
const db = await startBenchDatabase();
console.error('started', db.url);
try {
  await deployReference(db.url, fs.readFileSync('engine/bench/reference.bpmn', 'utf8'));
  console.error('deployed');
  const res = await saturation({ engine: 'm', url: db.url, warmupMs: 2000, measureMs: 8000, start: () => startMotcua({ url: db.url, poolSize: 10, maxJobs: 32 }) }, 64);
  console.error(res);
  const n = Number(res.completed);
  let tot = 0; for (const v of counts.values()) tot += v;
  console.error('queries/instance', (tot / n).toFixed(1));
  for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.error((v / n).toFixed(2), k);
} catch (e) { console.error('ERR', e); }
await db.stop();
console.error('stopped');
