/** Events: start, end, intermediate throw and catch, boundary. */
import type { ExecutableElement } from '../../model/types.js';
import { expectString } from '../../feel/evaluator.js';
import { throwEvent } from '../behaviors/errors.js';
import { cancelJobsOf, createElementJob } from '../behaviors/jobs.js';
import { broadcastSignal } from '../behaviors/signals.js';
import { openEventSubscription } from '../behaviors/subscriptions.js';
import type { Executor } from '../executor.js';
import type { ElementInstanceState, InstanceState } from '../instance-state.js';
import { processor } from './processor.js';

/** Shared throw behavior of end and intermediate throw events. Returns false when the element must not complete. */
async function throwBehavior(
  ex: Executor,
  inst: InstanceState,
  el: ExecutableElement,
  ei: ElementInstanceState,
): Promise<boolean> {
  const def = el.eventDefinition;
  const ctx = () => inst.visibleVariables(ei.key);
  if (!def || def.kind === 'none' || def.kind === 'link') return true;
  if (def.kind === 'message') {
    if (!(await ex.markActivated(inst, ei, el))) return false;
    await createElementJob(ex, inst, ei, el);
    return false;
  }
  if (def.kind === 'signal') {
    const name = expectString(def.signalName, ctx());
    if (!name.ok) {
      await ex.incident(inst, ei, 'EXTRACT_VALUE_ERROR', name.message);
      return false;
    }
    await broadcastSignal(ex, name.value, {});
    return true;
  }
  if (def.kind === 'escalation') {
    const code = def.escalationCode
      ? expectString(def.escalationCode, ctx())
      : { ok: true as const, value: '' };
    if (!code.ok) {
      await ex.incident(inst, ei, 'EXTRACT_VALUE_ERROR', code.message);
      return false;
    }
    const outcome = await throwEvent(ex, inst, ei, 'escalation', code.value);
    return outcome !== 'caught' && ei.state !== 'TERMINATING' && ei.state !== 'TERMINATED';
  }
  if (def.kind === 'error') {
    const code = def.errorCode ? expectString(def.errorCode, ctx()) : { ok: true as const, value: '' };
    if (!code.ok) {
      await ex.incident(inst, ei, 'EXTRACT_VALUE_ERROR', code.message);
      return false;
    }
    const outcome = await throwEvent(ex, inst, ei, 'error', code.value);
    if (outcome === 'uncaught') {
      await ex.incident(
        inst,
        ei,
        'UNHANDLED_ERROR_EVENT',
        `Expected to throw an error event with the code '${code.value}', but it was not caught. No error events are available in the scope.`,
      );
    }
    return false;
  }
  if (def.kind === 'terminate') {
    if (ei.flowScopeKey !== undefined) {
      const scope = inst.element(ei.flowScopeKey);
      if (scope.data.joins) {
        const waiting = Object.values(scope.data.joins).reduce((n, f) => n + f.length, 0);
        scope.data.activeChildren = Math.max(0, (scope.data.activeChildren ?? 0) - waiting);
        delete scope.data.joins;
      }
      for (const sibling of inst.childrenOf(scope.key))
        if (sibling.key !== ei.key) await ex.terminate(inst, sibling);
    }
    return true;
  }
  return true;
}

const cancelJob = async (
  ex: Executor,
  inst: InstanceState,
  _el: ExecutableElement,
  ei: ElementInstanceState,
) => cancelJobsOf(ex, inst, ei.key);

export const startEventProcessor = processor({});

export const endEventProcessor = processor({
  async activate(ex, inst, el, ei) {
    if (await throwBehavior(ex, inst, el, ei)) await ex.complete(inst, ei);
  },
  async completed() {},
  terminate: cancelJob,
});

export const intermediateThrowEventProcessor = processor({
  async activate(ex, inst, el, ei) {
    if (await throwBehavior(ex, inst, el, ei)) await ex.complete(inst, ei);
  },
  async completed(ex, inst, el, ei) {
    if (el.eventDefinition?.kind === 'link') {
      const process = await ex.processOf(inst);
      const target = process.linkTargets.get(`${el.flowScopeId}/${el.eventDefinition.linkName}`);
      if (target) await ex.activate(inst, target, ei.flowScopeKey);
      return;
    }
    await ex.takeAllOutgoing(inst, ei, el);
  },
  terminate: cancelJob,
});

export const intermediateCatchEventProcessor = processor({
  async activate(ex, inst, el, ei) {
    if (el.eventDefinition?.kind === 'link' || ei.data.eventVariables !== undefined)
      return ex.complete(inst, ei);
    if (!(await ex.markActivated(inst, ei, el))) return;
    await openEventSubscription(ex, inst, ei, el);
  },
});

export const boundaryEventProcessor = processor({});
