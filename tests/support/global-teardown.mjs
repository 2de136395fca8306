// Stops the test PostgreSQL started by global-setup.mjs and removes its data.
import fs from 'node:fs';

export default async function globalTeardown() {
  const state = globalThis.__motcuaTestDb;
  if (!state) return;
  await state.server.stop();
  fs.rmSync(state.dir, { recursive: true, force: true });
}
