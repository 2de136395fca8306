/** Signal broadcast: every signal subscription with the name fires; signal start events start instances. */
import type { Executor } from '../executor.js';
import { startInstance } from './instances.js';
import { triggerEvent } from './triggers.js';

/** Broadcasts inside the current command. */
export async function broadcastSignal(
  ex: Executor,
  signalName: string,
  variables: Record<string, unknown>,
): Promise<void> {
  const subs = await ex.ctx.client.query<{
    process_instance_key: string | null;
    element_instance_key: string | null;
    process_definition_key: string;
    element_id: string;
  }>(
    `SELECT process_instance_key, element_instance_key, process_definition_key, element_id
     FROM engine.signal_subscription WHERE signal_name = $1 ORDER BY key`,
    [signalName],
  );
  for (const s of subs.rows) {
    if (s.process_instance_key === null) {
      const def = await ex.ctx.definitions.byKey(ex.ctx.client, s.process_definition_key);
      await startInstance(ex, def, { startEventId: s.element_id, eventVariables: variables });
    } else {
      const inst = await ex.ctx.instance(s.process_instance_key);
      if (inst && inst.row.state === 'ACTIVE')
        await triggerEvent(ex, inst, s.element_instance_key!, s.element_id, variables);
    }
  }
}
