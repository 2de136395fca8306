/* eslint-disable @typescript-eslint/no-require-imports -- loaded by autocannon with require() in its worker thread */
// autocannon setupRequest for the tracking phase of api.ts, loaded in the load generator's worker thread: each
// request looks up one of the known dossiers as another citizen (its own X-Forwarded-For address).
const fs = require('node:fs');

const known = JSON.parse(fs.readFileSync(process.env.BENCH_TRACKING_FILE, 'utf8'));
let n = 0;

module.exports = function setupRequest(req) {
  n++;
  const k = known[n % known.length];
  return {
    ...req,
    path: `/api/tracking/${encodeURIComponent(k.code)}?secret=${k.secret}`,
    headers: { 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
  };
};
