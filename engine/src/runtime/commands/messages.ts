/**
 * Messages and signals (Zeebe's MessagePublishProcessor and friends): a published message correlates to at
 * most one subscription per process id, starts instances through message start events (one active instance
 * per correlation key), and, with a time to live, is buffered for subscriptions opened later.
 */
import { EngineError, type PublishMessageRequest } from '../../client/port.js';
import { startInstance } from '../behaviors/instances.js';
import { broadcastSignal as broadcast } from '../behaviors/signals.js';
import { lockMessageKey, markCorrelated } from '../behaviors/subscriptions.js';
import { triggerEvent } from '../behaviors/triggers.js';
import type { EngineCore } from '../engine-core.js';
import type { Executor } from '../executor.js';
import { requireDocument } from './instances.js';

interface SubscriptionRow {
  process_instance_key: string | null;
  element_instance_key: string | null;
  process_definition_key: string;
  bpmn_process_id: string;
  element_id: string;
}

/** Correlates to waiting instances and start events; returns the instance keys reached. */
async function correlate(
  ex: Executor,
  messageKey: string,
  name: string,
  correlationKey: string,
  variables: Record<string, unknown>,
  preferStart: boolean,
): Promise<string[]> {
  const c = ex.ctx.client;
  const reached: string[] = [];
  const used = new Set<string>();
  const waiting = await c.query<SubscriptionRow>(
    `SELECT process_instance_key, element_instance_key, process_definition_key, bpmn_process_id, element_id
     FROM engine.message_subscription WHERE message_name = $1 AND correlation_key = $2 AND process_instance_key IS NOT NULL
     ORDER BY key`,
    [name, correlationKey],
  );
  const starts = await c.query<SubscriptionRow>(
    `SELECT process_instance_key, element_instance_key, process_definition_key, bpmn_process_id, element_id
     FROM engine.message_subscription WHERE message_name = $1 AND process_instance_key IS NULL ORDER BY key`,
    [name],
  );
  const startAll = async () => {
    for (const s of starts.rows) {
      if (used.has(s.bpmn_process_id)) continue;
      if (correlationKey) {
        const active = await c.query(
          `SELECT 1 FROM engine.process_instance WHERE bpmn_process_id = $1 AND start_correlation_key = $2 AND state = 'ACTIVE' LIMIT 1`,
          [s.bpmn_process_id, correlationKey],
        );
        if (active.rowCount) continue;
      }
      const def = await ex.ctx.definitions.byKey(c, s.process_definition_key);
      const inst = await startInstance(ex, def, {
        startEventId: s.element_id,
        eventVariables: variables,
        startMessageName: name,
        startCorrelationKey: correlationKey || undefined,
      });
      await markCorrelated(ex, inst, messageKey, s.element_id);
      used.add(s.bpmn_process_id);
      reached.push(inst.key);
    }
  };
  if (preferStart) await startAll();
  for (const s of waiting.rows) {
    if (used.has(s.bpmn_process_id)) continue;
    const inst = await ex.ctx.instance(s.process_instance_key!);
    if (!inst || inst.row.state !== 'ACTIVE') continue;
    const fired = await triggerEvent(ex, inst, s.element_instance_key!, s.element_id, variables);
    if (!fired) continue;
    await markCorrelated(ex, inst, messageKey, s.element_id);
    used.add(s.bpmn_process_id);
    reached.push(inst.key);
  }
  if (!preferStart) await startAll();
  return reached;
}

function validate(req: { name: string; correlationKey?: string }): void {
  if (!req.name) throw new EngineError('INVALID_ARGUMENT', 'Expected a message name, but none given');
}

export async function publishMessage(
  core: EngineCore,
  req: PublishMessageRequest,
): Promise<{ messageKey: string }> {
  validate(req);
  const variables = requireDocument(req.variables);
  const correlationKey = req.correlationKey ?? '';
  const ttl = Math.max(0, req.timeToLiveMs ?? 0);
  return core.run(async (ex) => {
    const c = ex.ctx.client;
    await lockMessageKey(ex, req.name, correlationKey);
    if (req.messageId) {
      const dup = await c.query(
        'SELECT 1 FROM engine.message WHERE name = $1 AND correlation_key = $2 AND message_id = $3 AND expires_at > $4',
        [req.name, correlationKey, req.messageId, ex.ctx.now],
      );
      if (dup.rowCount) {
        throw new EngineError(
          'ALREADY_EXISTS',
          `Expected to publish a new message with id '${req.messageId}', but a message with that id was already published`,
        );
      }
    }
    const messageKey = await ex.ctx.nextKey();
    if (ttl > 0) {
      await c.query(
        `INSERT INTO engine.message (key, name, correlation_key, message_id, variables, expires_at, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
        [
          messageKey,
          req.name,
          correlationKey,
          req.messageId ?? null,
          JSON.stringify(variables),
          ex.ctx.now + ttl,
          ex.ctx.now,
        ],
      );
      ex.ctx.after.timersChanged = true;
    }
    ex.ctx.record({
      key: messageKey,
      valueType: 'MESSAGE',
      intent: 'PUBLISHED',
      value: { name: req.name, correlationKey, timeToLive: ttl, messageId: req.messageId ?? '' },
    });
    await correlate(ex, messageKey, req.name, correlationKey, variables, false);
    return { messageKey };
  });
}

export async function correlateMessage(
  core: EngineCore,
  req: { name: string; correlationKey?: string; variables?: Record<string, unknown> },
): Promise<{ messageKey: string; processInstanceKey: string }> {
  validate(req);
  const variables = requireDocument(req.variables);
  const correlationKey = req.correlationKey ?? '';
  return core.run(async (ex) => {
    await lockMessageKey(ex, req.name, correlationKey);
    const messageKey = await ex.ctx.nextKey();
    const reached = await correlate(ex, messageKey, req.name, correlationKey, variables, true);
    if (reached.length === 0) {
      throw new EngineError(
        'NOT_FOUND',
        `Expected to find subscription for message with name '${req.name}' and correlation key '${correlationKey}', but none was found.`,
      );
    }
    ex.ctx.record({
      key: messageKey,
      valueType: 'MESSAGE_CORRELATION',
      intent: 'CORRELATED',
      value: { name: req.name, correlationKey },
    });
    return { messageKey, processInstanceKey: reached[0]! };
  });
}

export async function broadcastSignal(
  core: EngineCore,
  signalName: string,
  variablesIn?: Record<string, unknown>,
): Promise<{ signalKey: string }> {
  if (!signalName) throw new EngineError('INVALID_ARGUMENT', 'Expected a signal name, but none given');
  const variables = requireDocument(variablesIn);
  return core.run(async (ex) => {
    const signalKey = await ex.ctx.nextKey();
    ex.ctx.record({ key: signalKey, valueType: 'SIGNAL', intent: 'BROADCASTED', value: { signalName } });
    await broadcast(ex, signalName, variables);
    return { signalKey };
  });
}

/** Drops buffered messages whose time to live has passed. */
export async function expireMessages(core: EngineCore): Promise<number> {
  const r = await core.pool.query(
    `WITH gone AS (DELETE FROM engine.message WHERE expires_at <= $1 RETURNING key)
     DELETE FROM engine.message_correlation WHERE message_key IN (SELECT key FROM gone)`,
    [core.clock.now()],
  );
  return r.rowCount ?? 0;
}
