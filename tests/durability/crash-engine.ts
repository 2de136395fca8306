/**
 * The engine process of the crash test (run with `npx tsx`): an embedded engine on CRASH_DATABASE_URL with
 * job workers for the crash model, its timer scheduler, and (if CRASH_INSTANCES > 0) the creation of that
 * many instances. Every handler invocation is appended to CRASH_LOG before the job is completed, so the log
 * survives SIGKILL and shows each at-least-once duplicate. SIGTERM closes the engine cleanly.
 */
import fs from 'node:fs';
import { createEmbeddedEngine } from '../../engine/src/client/embedded.js';

const url = process.env.CRASH_DATABASE_URL;
const processId = process.env.CRASH_PROCESS_ID;
const log = process.env.CRASH_LOG;
const instances = Number(process.env.CRASH_INSTANCES ?? '0');
const handlerDelayMs = Number(process.env.CRASH_HANDLER_DELAY_MS ?? '0');
if (!url || !processId || !log)
  throw new Error('CRASH_DATABASE_URL, CRASH_PROCESS_ID and CRASH_LOG are required');

/** Job types of the crash model (tests/durability/crash.test.ts). */
const TYPES = ['crash-a', 'crash-b', 'crash-c'];

async function main(): Promise<void> {
  const engine = await createEmbeddedEngine({ databaseUrl: url!, poolSize: 6 });
  process.on('SIGTERM', () => {
    void engine.close().finally(() => process.exit(0));
  });
  for (const type of TYPES) {
    engine.createWorker({
      type,
      worker: `crash-${process.pid}`,
      maxJobsToActivate: 8,
      timeoutMs: 1_000,
      pollTimeoutMs: 500,
      handler: async (job) => {
        fs.appendFileSync(log!, `${job.key} ${job.type} ${job.processInstanceKey} ${process.pid}\n`);
        if (handlerDelayMs > 0) await new Promise((r) => setTimeout(r, Math.random() * handlerDelayMs));
        return { outcome: 'complete', variables: { [type.replace('-', '_')]: process.pid } };
      },
    });
  }
  process.stdout.write('ready\n');
  for (let i = 0; i < instances; i++) {
    await engine.createProcessInstance({ bpmnProcessId: processId!, variables: { i } });
  }
  if (instances > 0) process.stdout.write(`created ${instances}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${String((e as Error).stack ?? e)}\n`);
  process.exit(1);
});
