/**
 * Firing due timers: each timer row is claimed with SKIP LOCKED and deleted in the transaction that fires it,
 * so with several engine processes on one database every timer fires exactly once. Cycles re-arm.
 */
import { nextCycleDueAt } from '../../timers/timer-expression.js';
import { startInstance } from '../behaviors/instances.js';
import { triggerEvent } from '../behaviors/triggers.js';
import type { EngineCore } from '../engine-core.js';

interface TimerRow {
  key: string;
  process_instance_key: string | null;
  element_instance_key: string | null;
  process_definition_key: string;
  element_id: string;
  due_at: string;
  repetitions: number;
  cycle: string | null;
}

/** Fires one due timer; false when none is due. */
export async function fireNextTimer(core: EngineCore): Promise<boolean> {
  return core.run(async (ex) => {
    const c = ex.ctx.client;
    const found = await c.query<TimerRow>(
      'SELECT * FROM engine.timer WHERE due_at <= $1 ORDER BY due_at, key LIMIT 1 FOR UPDATE SKIP LOCKED',
      [ex.ctx.now],
    );
    const timer = found.rows[0];
    if (!timer) return false;
    await c.query('DELETE FROM engine.timer WHERE key = $1', [timer.key]);
    ex.ctx.record({
      key: timer.key,
      valueType: 'TIMER',
      intent: 'TRIGGERED',
      processInstanceKey: timer.process_instance_key ?? undefined,
      elementId: timer.element_id,
      value: { dueDate: Number(timer.due_at) },
    });
    const dueAt = Number(timer.due_at);
    const again =
      timer.cycle && timer.repetitions !== 1 ? nextCycleDueAt(timer.cycle, dueAt, ex.ctx.now) : undefined;
    const rearm = async (instanceKey: string | null, ownerKey: string | null) => {
      if (again === undefined) return;
      await c.query(
        `INSERT INTO engine.timer (key, process_instance_key, element_instance_key, process_definition_key, element_id, due_at, repetitions, cycle, created_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
        [
          await ex.ctx.nextKey(),
          instanceKey,
          ownerKey,
          timer.process_definition_key,
          timer.element_id,
          again,
          timer.repetitions < 0 ? -1 : timer.repetitions - 1,
          timer.cycle,
          ex.ctx.now,
        ],
      );
      ex.ctx.after.timersChanged = true;
    };
    if (timer.process_instance_key === null) {
      const def = await ex.ctx.definitions.byKey(c, timer.process_definition_key);
      await startInstance(ex, def, { startEventId: timer.element_id });
      await rearm(null, null);
      return true;
    }
    const inst = await ex.ctx.instance(timer.process_instance_key);
    if (!inst || inst.row.state !== 'ACTIVE') return true;
    const owner = inst.elements.get(timer.element_instance_key!);
    const event = (await ex.processOf(inst)).elements.get(timer.element_id);
    await triggerEvent(ex, inst, timer.element_instance_key!, timer.element_id, {});
    const stillWaiting = owner && owner.state === 'ACTIVATED';
    if (stillWaiting && event?.interrupting === false) await rearm(inst.key, owner.key);
    return true;
  });
}
