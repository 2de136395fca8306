/**
 * Throwing BPMN errors and escalations (Zeebe's BpmnEventPublicationBehavior): the catch event is searched
 * from the throwing element outward: boundary events of each enclosing activity, then event subprocesses of
 * each enclosing scope, crossing call activities into the parent instance. An exact code beats a catch-all at
 * the same level. An uncaught error is an incident; an uncaught escalation is not.
 */
import type { ExecutableElement, ExecutableProcess } from '../../model/types.js';
import type { Executor } from '../executor.js';
import type { ElementInstanceState, InstanceState } from '../instance-state.js';
import { closeEventSubprocessSubscriptions, closeSubscriptionsOf } from './subscriptions.js';

type Kind = 'error' | 'escalation';

interface Catch {
  inst: InstanceState;
  owner: ElementInstanceState;
  event: ExecutableElement;
}

function codeOf(event: ExecutableElement, kind: Kind): string | undefined | null {
  const def = event.eventDefinition;
  if (!def || def.kind !== kind) return null;
  const expr =
    kind === 'error'
      ? (def as { errorCode?: { kind: string; value?: string; source?: string } }).errorCode
      : (def as { escalationCode?: { kind: string; value?: string; source?: string } }).escalationCode;
  if (!expr) return undefined;
  return expr.kind === 'static' ? expr.value : expr.source;
}

function pick(candidates: ExecutableElement[], kind: Kind, code: string): ExecutableElement | undefined {
  return (
    candidates.find((c) => codeOf(c, kind) === code) ?? candidates.find((c) => codeOf(c, kind) === undefined)
  );
}

async function findCatch(
  ex: Executor,
  start: InstanceState,
  from: ElementInstanceState,
  kind: Kind,
  code: string,
): Promise<Catch | undefined> {
  let inst = start;
  let current: ElementInstanceState | undefined = from;
  while (current) {
    const process: ExecutableProcess = await ex.processOf(inst);
    const el = process.elements.get(current.elementId)!;
    if (current.data.loopIndex === undefined && current.state !== 'TERMINATING') {
      const boundary = pick(
        el.boundaryEventIds.map((id) => process.elements.get(id)!),
        kind,
        code,
      );
      if (boundary) return { inst, owner: current, event: boundary };
    }
    if (current.flowScopeKey !== undefined) {
      const scope = inst.element(current.flowScopeKey);
      if (scope.elementType !== 'multiInstanceBody' && scope.state === 'ACTIVATED') {
        const scopeEl = process.elements.get(scope.elementId)!;
        const starts = scopeEl.eventSubProcessIds.map((id) =>
          process.elements.get(process.elements.get(id)!.startEventId!)!,
        );
        const espStart = pick(starts, kind, code);
        if (espStart) return { inst, owner: scope, event: espStart };
      }
      current = scope;
      continue;
    }
    // reached the process: continue in the parent instance from the call activity
    const parentKey = inst.row.parentProcessInstanceKey;
    const callKey = inst.row.parentElementInstanceKey;
    if (!parentKey || !callKey) return undefined;
    const parent = await ex.ctx.instance(parentKey);
    if (!parent) return undefined;
    inst = parent;
    current = parent.elements.get(callKey);
  }
  return undefined;
}

/**
 * Throws from `from`. Returns 'caught' when a catch event took it, 'uncaught' otherwise (the caller raises
 * the incident for errors, or continues for escalations).
 */
export async function throwEvent(
  ex: Executor,
  inst: InstanceState,
  from: ElementInstanceState,
  kind: Kind,
  code: string,
  variables: Record<string, unknown> = {},
): Promise<'caught' | 'uncaught' | 'caught-non-interrupting'> {
  const found = await findCatch(ex, inst, from, kind, code);
  if (!found) return 'uncaught';
  const { inst: target, owner, event } = found;
  const payload = variables;
  if (event.type === 'boundaryEvent') {
    if (event.interrupting !== false || kind === 'error') {
      await closeSubscriptionsOf(ex, target, owner.key);
      await ex.terminate(target, owner, [
        { elementId: event.id, flowScopeKey: owner.flowScopeKey!, variables: payload },
      ]);
      return 'caught';
    }
    await ex.activate(target, event.id, owner.flowScopeKey, { eventVariables: payload });
    return 'caught-non-interrupting';
  }
  const process = await ex.processOf(target);
  const esp = process.elements.get(event.flowScopeId!)!;
  if (esp.interrupting !== false || kind === 'error') {
    await closeEventSubprocessSubscriptions(ex, owner.key);
    const espInstance = await ex.activate(target, esp.id, owner.key, { eventVariables: payload });
    espInstance.data.triggeredBy = event.id;
    for (const child of target.childrenOf(owner.key))
      if (child.key !== espInstance.key) await ex.terminate(target, child);
    return 'caught';
  }
  const espInstance = await ex.activate(target, esp.id, owner.key, { eventVariables: payload });
  espInstance.data.triggeredBy = event.id;
  return 'caught-non-interrupting';
}
