/** The contract suite on the embedded adapter, in-process, with a pinned clock moved by hand. */
import { createEmbeddedEngine } from '../../engine/src/client/embedded';
import { ControlledClock } from '../../engine/src/runtime/clock';
import { testDatabase } from '../support/database';
import { defineContract } from './contract';

defineContract('embedded adapter', async () => {
  const clock = new ControlledClock(Date.parse('2026-03-02T01:00:00Z'));
  const engine = await createEmbeddedEngine({
    databaseUrl: await testDatabase('contract_embedded'),
    clock,
    startSchedulers: false,
    poolSize: 5,
  });
  return {
    engine,
    async advanceClock(ms) {
      clock.advance(ms);
      await engine.tick();
    },
    close: () => engine.close(),
  };
});
