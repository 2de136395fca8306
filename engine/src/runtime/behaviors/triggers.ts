/**
 * What happens when a subscription fires (message correlated, timer due, signal broadcast, error or
 * escalation caught): the owner element instance and the catching element decide between completing a catch
 * event, completing an event-based gateway, interrupting an activity (boundary) or a scope (event subprocess).
 */
import type { Executor } from '../executor.js';
import type { InstanceState } from '../instance-state.js';
import { closeEventSubprocessSubscriptions, closeSubscriptionsOf } from './subscriptions.js';

/** Fires the catching element `elementId` of the subscription owned by `ownerKey`. */
export async function triggerEvent(
  ex: Executor,
  inst: InstanceState,
  ownerKey: string,
  elementId: string,
  variables: Record<string, unknown> = {},
): Promise<boolean> {
  const owner = inst.elements.get(ownerKey);
  if (!owner || owner.state !== 'ACTIVATED') return false;
  const process = await ex.processOf(inst);
  const event = process.elements.get(elementId)!;
  if (owner.elementId === elementId) {
    // intermediate catch event or receive task waiting for its own event
    owner.data.eventVariables = variables;
    await ex.complete(inst, owner);
    return true;
  }
  if (owner.elementType === 'eventBasedGateway') {
    await closeSubscriptionsOf(ex, inst, owner.key);
    owner.data.triggeredBy = elementId;
    owner.data.eventVariables = variables;
    await ex.complete(inst, owner);
    return true;
  }
  if (event.type === 'boundaryEvent') {
    if (event.interrupting !== false) {
      await closeSubscriptionsOf(ex, inst, owner.key);
      await ex.terminate(inst, owner, [{ elementId, flowScopeKey: owner.flowScopeKey!, variables }]);
    } else {
      await ex.activate(inst, elementId, owner.flowScopeKey, { eventVariables: variables });
    }
    return true;
  }
  if (event.type === 'startEvent' && event.flowScopeId) {
    // start event of an event subprocess; the owner is the scope that contains the event subprocess
    const esp = process.elements.get(event.flowScopeId)!;
    if (esp.interrupting !== false) {
      await closeEventSubprocessSubscriptions(ex, owner.key);
      const espInstance = await ex.activate(inst, esp.id, owner.key, { eventVariables: variables });
      espInstance.data.triggeredBy = elementId;
      for (const child of inst.childrenOf(owner.key))
        if (child.key !== espInstance.key) await ex.terminate(inst, child);
    } else {
      const espInstance = await ex.activate(inst, esp.id, owner.key, { eventVariables: variables });
      espInstance.data.triggeredBy = elementId;
    }
    return true;
  }
  throw new Error(`Cannot trigger ${elementId} on ${owner.elementId}`);
}
