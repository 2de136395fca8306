/** User task commands: complete (after completing listeners), assign, unassign. */
import { EngineError } from '../../client/port.js';
import { continueTaskListeners } from '../behaviors/user-tasks.js';
import type { EngineCore } from '../engine-core.js';
import type { Executor } from '../executor.js';
import { requireDocument } from './instances.js';

async function lockTask(ex: Executor, key: string, verb: string) {
  if (!/^\d+$/.test(key))
    throw new EngineError('INVALID_ARGUMENT', `Expected a user task key (a number), but got '${key}'`);
  // The instance is locked by the task's instance key; the task row is read with the instance.
  const loaded = await ex.ctx.instanceBy({ userTaskKey: key });
  const task = loaded.userTask as
    | { process_instance_key: string; element_instance_key: string; state: string; assignee: string | null }
    | undefined;
  if (!task)
    throw new EngineError(
      'NOT_FOUND',
      `Expected to ${verb} user task with key '${key}', but no such user task was found`,
    );
  if (task.state !== 'CREATED') {
    throw new EngineError(
      'FAILED_PRECONDITION',
      `Expected to ${verb} user task with key '${key}', but it is in state '${task.state}'`,
    );
  }
  const inst = loaded.state;
  const ei = inst?.elements.get(task.element_instance_key);
  if (!inst || !ei)
    throw new EngineError(
      'NOT_FOUND',
      `Expected to ${verb} user task with key '${key}', but no such user task was found`,
    );
  return { task, inst, ei };
}

export async function completeUserTask(
  core: EngineCore,
  req: { userTaskKey: string; variables?: Record<string, unknown>; action?: string },
): Promise<void> {
  const variables = requireDocument(req.variables);
  await core.run(async (ex) => {
    const { inst, ei } = await lockTask(ex, req.userTaskKey, 'complete');
    const el = await ex.elementOf(inst, ei);
    // Without completing listeners the task completes in this command: skip the intermediate COMPLETING write.
    const listened = (el.userTask?.taskListeners ?? []).some((l) => l.eventType === 'completing');
    if (listened)
      await ex.ctx.client.query(`UPDATE engine.user_task SET state = 'COMPLETING' WHERE key = $1`, [
        req.userTaskKey,
      ]);
    ei.data.taskCompletion = { variables, action: req.action };
    ei.dirty = true;
    await continueTaskListeners(ex, inst, ei, el, 'completing', 0);
  });
}

export async function assignUserTask(
  core: EngineCore,
  req: { userTaskKey: string; assignee: string | null; allowOverride?: boolean },
): Promise<void> {
  await core.run(async (ex) => {
    const { task, inst, ei } = await lockTask(ex, req.userTaskKey, req.assignee ? 'assign' : 'unassign');
    if (req.assignee && req.allowOverride === false && task.assignee && task.assignee !== req.assignee) {
      throw new EngineError(
        'FAILED_PRECONDITION',
        `Expected to assign user task with key '${req.userTaskKey}', but it is already assigned to '${task.assignee}'`,
      );
    }
    await ex.ctx.client.query('UPDATE engine.user_task SET assignee = $2 WHERE key = $1', [
      req.userTaskKey,
      req.assignee,
    ]);
    ex.ctx.record({
      key: req.userTaskKey,
      valueType: 'USER_TASK',
      intent: 'ASSIGNED',
      processInstanceKey: inst.key,
      elementId: ei.elementId,
      value: { assignee: req.assignee ?? '' },
    });
  });
}
