/**
 * Camunda user tasks (zeebe:userTask): assignment, candidates, schedule, priority and form are evaluated when
 * the element is activated; the task then waits for completion through the user-task API. Task listeners
 * (creating, completing, canceling) are blocking jobs, as in Camunda 8.8.
 */
import type { ExecutableElement, Expression } from '../../model/types.js';
import { evaluateExpression, expectString, expectStringList } from '../../feel/evaluator.js';
import type { Executor } from '../executor.js';
import type { ElementInstanceState, InstanceState } from '../instance-state.js';
import { createListenerJob } from './jobs.js';

type Eval<T> = { ok: true; value: T } | { ok: false; message: string };

function optionalString(
  expr: Expression | undefined,
  ctx: Record<string, unknown>,
): Eval<string | undefined> {
  if (!expr) return { ok: true, value: undefined };
  const r = expectString(expr, ctx);
  if (!r.ok) return r;
  return { ok: true, value: r.value === '' ? undefined : r.value };
}

function optionalList(expr: Expression | undefined, ctx: Record<string, unknown>): Eval<string[]> {
  if (!expr) return { ok: true, value: [] };
  return expectStringList(expr, ctx);
}

function optionalDate(expr: Expression | undefined, ctx: Record<string, unknown>): Eval<string | undefined> {
  if (!expr) return { ok: true, value: undefined };
  const r = evaluateExpression(expr, ctx);
  if (!r.ok) return { ok: false, message: r.message };
  if (r.value === null || r.value === undefined || r.value === '') return { ok: true, value: undefined };
  if (typeof r.value !== 'string' || Number.isNaN(Date.parse(r.value))) {
    const src = expr.kind === 'feel' ? expr.source : expr.value;
    return {
      ok: false,
      message: `Expected result of the expression '${src}' to be a date-time (ISO 8601), but was '${JSON.stringify(r.value)}'.`,
    };
  }
  return { ok: true, value: r.value };
}

/** Evaluates the task's properties and creates it (after its `creating` listeners, if any). */
export async function createUserTask(
  ex: Executor,
  inst: InstanceState,
  ei: ElementInstanceState,
  el: ExecutableElement,
): Promise<void> {
  const def = el.userTask!;
  const ctx = inst.visibleVariables(ei.key);
  const assignee = optionalString(def.assignee, ctx);
  const groups = optionalList(def.candidateGroups, ctx);
  const users = optionalList(def.candidateUsers, ctx);
  const due = optionalDate(def.dueDate, ctx);
  const followUp = optionalDate(def.followUpDate, ctx);
  const priority = def.priority
    ? evaluateExpression(def.priority, ctx)
    : { ok: true as const, value: 50, warnings: [] };
  const external = optionalString(def.externalReference, ctx);
  for (const r of [assignee, groups, users, due, followUp, priority, external]) {
    if (!r.ok) return ex.incident(inst, ei, 'EXTRACT_VALUE_ERROR', r.message);
  }
  const prio = Number((priority as { value: unknown }).value);
  if (!Number.isInteger(prio) || prio < 0 || prio > 100) {
    return ex.incident(
      inst,
      ei,
      'EXTRACT_VALUE_ERROR',
      `Expected priority to be an integer between 0 and 100, but was '${String((priority as { value: unknown }).value)}'.`,
    );
  }
  let formKey: string | null = null;
  if (def.formId) {
    const latest = await ex.ctx.definitions.latestForm(ex.ctx.client, def.formId);
    if (latest === undefined) {
      return ex.incident(
        inst,
        ei,
        'FORM_NOT_FOUND',
        `Expected to find a form with id '${def.formId}', but no form with this id is deployed.`,
      );
    }
    formKey = latest;
  }
  // Without creating listeners the task is created in this command: write it as CREATED at once.
  const listened = (el.userTask?.taskListeners ?? []).some((l) => l.eventType === 'creating');
  const key = await ex.ctx.nextKey();
  ei.data.userTaskKey = key;
  ei.dirty = true;
  // Written with the command's write batch (context.ts), like the element instances.
  await ex.ctx.defer(
    `user_task:${key}`,
    `INSERT INTO engine.user_task (key, state, element_instance_key, process_instance_key, process_definition_key,
       bpmn_process_id, element_id, name, assignee, candidate_groups, candidate_users, due_date, follow_up_date,
       priority, form_key, form_id, external_form_reference, custom_headers, scope_path, created_at)
     VALUES ($1::bigint, $20::text, $2::bigint, $3::bigint, $4::bigint, $5::text, $6::text, $7::text, $8::text, $9::text[],
       $10::text[], $11::text, $12::text, $13::int, $14::bigint, $15::text, $16::text, $17::jsonb, $18::bigint[], $19::bigint)`,
    [
      key,
      ei.key,
      inst.key,
      inst.row.processDefinitionKey,
      inst.row.bpmnProcessId,
      el.id,
      el.name ?? null,
      (assignee as Eval<string | undefined> & { ok: true }).value ?? null,
      (groups as Eval<string[]> & { ok: true }).value,
      (users as Eval<string[]> & { ok: true }).value,
      (due as Eval<string | undefined> & { ok: true }).value ?? null,
      (followUp as Eval<string | undefined> & { ok: true }).value ?? null,
      prio,
      formKey,
      def.formId ?? null,
      (external as Eval<string | undefined> & { ok: true }).value ?? null,
      JSON.stringify(el.taskHeaders),
      inst.scopeChain(ei.key),
      ex.ctx.now,
      listened ? 'CREATING' : 'CREATED',
    ],
  );
  await continueTaskListeners(ex, inst, ei, el, 'creating', 0, !listened);
}

const EVENT_TYPES = { creating: 'CREATING', completing: 'COMPLETING', canceling: 'CANCELING' } as const;

/** Runs the task listeners of `eventType` from `index`; then finishes that transition. */
export async function continueTaskListeners(
  ex: Executor,
  inst: InstanceState,
  ei: ElementInstanceState,
  el: ExecutableElement,
  eventType: 'creating' | 'completing' | 'canceling',
  index: number,
  /** The task row already has the state this transition ends in (no listener ran). */
  stateWritten = false,
): Promise<void> {
  const listeners = (el.userTask?.taskListeners ?? []).filter((l) => l.eventType === eventType);
  if (index < listeners.length && eventType !== 'canceling') {
    ei.data.step = 'task-listeners';
    ei.data.listenerIndex = index;
    (ei.data as Record<string, unknown>).taskEvent = eventType;
    ei.dirty = true;
    await createListenerJob(ex, inst, ei, listeners[index]!, EVENT_TYPES[eventType]);
    return;
  }
  delete ei.data.step;
  delete ei.data.listenerIndex;
  delete (ei.data as Record<string, unknown>).taskEvent;
  const key = ei.data.userTaskKey!;
  if (eventType === 'creating') {
    if (!stateWritten) {
      await ex.ctx.writeNow(`user_task:${key}`);
      await ex.ctx.client.query("UPDATE engine.user_task SET state = 'CREATED' WHERE key = $1", [key]);
    }
    ex.ctx.record({
      key,
      valueType: 'USER_TASK',
      intent: 'CREATED',
      processInstanceKey: inst.key,
      elementId: el.id,
      value: { elementInstanceKey: ei.key },
    });
  } else if (eventType === 'completing') {
    const completion = ei.data.taskCompletion ?? { variables: {} };
    delete ei.data.taskCompletion;
    await ex.ctx.defer(
      `user_task:${key}`,
      "UPDATE engine.user_task SET state = 'COMPLETED', completed_at = $2::bigint WHERE key = $1::bigint",
      [key, ex.ctx.now],
    );
    ex.ctx.record({
      key,
      valueType: 'USER_TASK',
      intent: 'COMPLETED',
      processInstanceKey: inst.key,
      elementId: el.id,
      value: {
        elementInstanceKey: ei.key,
        variables: completion.variables,
        action: completion.action ?? 'complete',
      },
    });
    await ex.complete(inst, ei, { variables: completion.variables });
  }
}

/** Cancels the user task of a terminated element. */
export async function cancelUserTask(
  ex: Executor,
  inst: InstanceState,
  ei: ElementInstanceState,
): Promise<void> {
  const key = ei.data.userTaskKey;
  if (!key) return;
  await ex.ctx.writeNow(`user_task:${key}`);
  await ex.ctx.client.query(
    "UPDATE engine.user_task SET state = 'CANCELED', completed_at = $2 WHERE key = $1 AND state IN ('CREATED', 'CREATING', 'COMPLETING')",
    [key, ex.ctx.now],
  );
  ex.ctx.record({
    key,
    valueType: 'USER_TASK',
    intent: 'CANCELED',
    processInstanceKey: inst.key,
    elementId: ei.elementId,
    value: { elementInstanceKey: ei.key },
  });
}
