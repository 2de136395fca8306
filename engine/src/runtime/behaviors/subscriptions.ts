/**
 * Event subscriptions: message, timer and signal subscriptions opened when a catch event, a receive task, an
 * event-based gateway, an activity with boundary events or a scope with event subprocesses is activated, and
 * closed when it is left. Each subscription is owned by an element instance (`element_instance_key`) and
 * names the catching element (`element_id`).
 */
import type { ExecutableElement } from '../../model/types.js';
import { evaluateExpression, expectString } from '../../feel/evaluator.js';
import type { Expression } from '../../model/types.js';
import { scheduleTimer } from '../../timers/timer-expression.js';
import type { Executor } from '../executor.js';
import type { ElementInstanceState, InstanceState } from '../instance-state.js';
import { triggerEvent } from './triggers.js';

/** Opens the subscriptions of an element that waits: boundary events and event-subprocess start events. */
export async function openBoundaryAndEventSubprocessSubscriptions(
  ex: Executor,
  inst: InstanceState,
  ei: ElementInstanceState,
  el: ExecutableElement,
): Promise<boolean> {
  const process = await ex.processOf(inst);
  const isInner = ei.data.loopIndex !== undefined;
  if (!isInner) {
    for (const id of el.boundaryEventIds) {
      if (!(await openEventSubscription(ex, inst, ei, process.elements.get(id)!))) return false;
    }
  }
  if (ei.elementType === 'multiInstanceBody') return true;
  for (const espId of el.eventSubProcessIds) {
    const start = process.elements.get(process.elements.get(espId)!.startEventId!)!;
    if (!(await openEventSubscription(ex, inst, ei, start))) return false;
  }
  return true;
}

/** Opens one subscription owned by `owner` for the catching element `event`. False when an incident was raised. */
export async function openEventSubscription(
  ex: Executor,
  inst: InstanceState,
  owner: ElementInstanceState,
  event: ExecutableElement,
): Promise<boolean> {
  const def = event.eventDefinition;
  const context = inst.visibleVariables(owner.key);
  const c = ex.ctx.client;
  if (!def) return true;
  if (def.kind === 'message') {
    const name = expectString(def.messageName, context);
    if (!name.ok) return fail(ex, inst, owner, name.message);
    const correlation = def.correlationKey
      ? correlationKeyOf(def.correlationKey, context)
      : { ok: true as const, value: '' };
    if (!correlation.ok) return fail(ex, inst, owner, correlation.message);
    markOwner(owner);
    await lockMessageKey(ex, name.value, correlation.value);
    const key = await ex.ctx.nextKey();
    await c.query(
      `INSERT INTO engine.message_subscription (key, message_name, correlation_key, process_instance_key,
         element_instance_key, process_definition_key, bpmn_process_id, element_id, interrupting, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
      [
        key,
        name.value,
        correlation.value,
        inst.key,
        owner.key,
        inst.row.processDefinitionKey,
        inst.row.bpmnProcessId,
        event.id,
        event.interrupting !== false,
        ex.ctx.now,
      ],
    );
    await correlateBufferedMessage(ex, inst, owner, event.id, name.value, correlation.value);
  } else if (def.kind === 'timer') {
    const value = expectString(def.expression, context);
    if (!value.ok) return fail(ex, inst, owner, value.message);
    const schedule = scheduleTimer(def.timerType, value.value, ex.ctx.now);
    if (!schedule.ok) return fail(ex, inst, owner, schedule.message);
    markOwner(owner);
    const key = await ex.ctx.nextKey();
    await c.query(
      `INSERT INTO engine.timer (key, process_instance_key, element_instance_key, process_definition_key, element_id,
         due_at, repetitions, cycle, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
      [
        key,
        inst.key,
        owner.key,
        inst.row.processDefinitionKey,
        event.id,
        schedule.schedule.dueAt,
        schedule.schedule.repetitions,
        schedule.schedule.cycle ?? null,
        ex.ctx.now,
      ],
    );
    ex.ctx.after.timersChanged = true;
    ex.ctx.record({
      key,
      valueType: 'TIMER',
      intent: 'CREATED',
      processInstanceKey: inst.key,
      elementId: event.id,
      value: { dueDate: schedule.schedule.dueAt, elementInstanceKey: owner.key },
    });
  } else if (def.kind === 'signal') {
    const name = expectString(def.signalName, context);
    if (!name.ok) return fail(ex, inst, owner, name.message);
    markOwner(owner);
    await c.query(
      `INSERT INTO engine.signal_subscription (key, signal_name, process_instance_key, element_instance_key,
         process_definition_key, bpmn_process_id, element_id, interrupting, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
      [
        await ex.ctx.nextKey(),
        name.value,
        inst.key,
        owner.key,
        inst.row.processDefinitionKey,
        inst.row.bpmnProcessId,
        event.id,
        event.interrupting !== false,
        ex.ctx.now,
      ],
    );
  }
  return true;
}

/** Remembers on the owner that it holds subscriptions, so leaving an element that opened none costs no query. */
function markOwner(owner: ElementInstanceState): void {
  if (owner.data.subscriptions) return;
  owner.data.subscriptions = true;
  owner.dirty = true;
}

async function fail(
  ex: Executor,
  inst: InstanceState,
  owner: ElementInstanceState,
  message: string,
): Promise<false> {
  await ex.incident(inst, owner, 'EXTRACT_VALUE_ERROR', message);
  return false;
}

/** A newly opened subscription takes the oldest buffered matching message not yet used by this process. */
async function correlateBufferedMessage(
  ex: Executor,
  inst: InstanceState,
  owner: ElementInstanceState,
  elementId: string,
  name: string,
  correlationKey: string,
): Promise<void> {
  const found = await ex.ctx.client.query<{ key: string; variables: Record<string, unknown> }>(
    `SELECT m.key, m.variables FROM engine.message m
     WHERE m.name = $1 AND m.correlation_key = $2 AND m.expires_at > $3
       AND NOT EXISTS (SELECT 1 FROM engine.message_correlation mc WHERE mc.message_key = m.key AND mc.bpmn_process_id = $4)
     ORDER BY m.key LIMIT 1 FOR UPDATE`,
    [name, correlationKey, ex.ctx.now, inst.row.bpmnProcessId],
  );
  const message = found.rows[0];
  if (!message) return;
  await markCorrelated(ex, inst, message.key, elementId);
  ex.defer(async () => {
    await triggerEvent(ex, inst, owner.key, elementId, message.variables);
  });
}

/** Remembers that a message was used by a process (a message correlates at most once per process id). */
export async function markCorrelated(
  ex: Executor,
  inst: InstanceState,
  messageKey: string,
  elementId: string,
): Promise<void> {
  await ex.ctx.client.query(
    'INSERT INTO engine.message_correlation (message_key, bpmn_process_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
    [messageKey, inst.row.bpmnProcessId],
  );
  ex.ctx.record({
    key: messageKey,
    valueType: 'PROCESS_MESSAGE_SUBSCRIPTION',
    intent: 'CORRELATED',
    processInstanceKey: inst.key,
    elementId,
    value: { messageKey },
  });
}

/** Closes every subscription owned by an element instance (it was left). */
export async function closeSubscriptionsOf(
  ex: Executor,
  inst: InstanceState,
  ownerKey: string,
): Promise<void> {
  // An element instance that never opened a subscription has none to close (see markOwner).
  const owner = inst.elements.get(ownerKey);
  if (owner && !owner.data.subscriptions) return;
  const c = ex.ctx.client;
  const timers = await c.query<{ key: string; element_id: string }>(
    'DELETE FROM engine.timer WHERE element_instance_key = $1 RETURNING key, element_id',
    [ownerKey],
  );
  for (const t of timers.rows) {
    ex.ctx.record({
      key: t.key,
      valueType: 'TIMER',
      intent: 'CANCELED',
      processInstanceKey: inst.key,
      elementId: t.element_id,
      value: { elementInstanceKey: ownerKey },
    });
  }
  await c.query('DELETE FROM engine.message_subscription WHERE element_instance_key = $1', [ownerKey]);
  await c.query('DELETE FROM engine.signal_subscription WHERE element_instance_key = $1', [ownerKey]);
}

/** Closes only the event-subprocess subscriptions of a scope (after an interrupting event subprocess started). */
export async function closeEventSubprocessSubscriptions(ex: Executor, scopeKey: string): Promise<void> {
  const c = ex.ctx.client;
  await c.query('DELETE FROM engine.timer WHERE element_instance_key = $1', [scopeKey]);
  await c.query('DELETE FROM engine.message_subscription WHERE element_instance_key = $1', [scopeKey]);
  await c.query('DELETE FROM engine.signal_subscription WHERE element_instance_key = $1', [scopeKey]);
}

/** Zeebe accepts a string or a number as correlation key; anything else is an incident. */
export function correlationKeyOf(
  expr: Expression,
  context: Record<string, unknown>,
): { ok: true; value: string } | { ok: false; message: string } {
  const r = evaluateExpression(expr, context);
  if (!r.ok) return { ok: false, message: r.message };
  if (typeof r.value === 'string') return { ok: true, value: r.value };
  if (typeof r.value === 'number') return { ok: true, value: String(r.value) };
  const source = expr.kind === 'feel' ? expr.source : expr.value;
  const type =
    r.value === null || r.value === undefined
      ? 'NULL'
      : Array.isArray(r.value)
        ? 'LIST'
        : typeof r.value === 'object'
          ? 'CONTEXT'
          : typeof r.value === 'boolean'
            ? 'BOOLEAN'
            : 'UNKNOWN';
  const warnings = r.warnings.length ? ` ${r.warnings.join(' ')}` : '';
  return {
    ok: false,
    message: `Failed to extract the correlation key for '${source}': The value must be either a string or a number, but was '${type}'.${warnings}`,
  };
}

/**
 * Serialises, per message name and correlation key, a publish and the opening of a subscription: without
 * it, each transaction could miss the other's uncommitted row and a buffered message would never correlate.
 * Held until the transaction ends.
 */
export async function lockMessageKey(ex: Executor, name: string, correlationKey: string): Promise<void> {
  await ex.ctx.client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
    `motcua-message\u001f${name}\u001f${correlationKey}`,
  ]);
}
