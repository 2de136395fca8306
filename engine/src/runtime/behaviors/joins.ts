/**
 * Joining gateways. A parallel join fires when every incoming flow has a token. An inclusive join fires when
 * each incoming flow either has a token or can no longer be reached by any other token of the scope.
 * Waiting tokens count as active in their scope, so a scope never completes while tokens wait at a join.
 */
import type { ExecutableElement, ExecutableProcess } from '../../model/types.js';
import type { Executor } from '../executor.js';
import type { ElementInstanceState, InstanceState } from '../instance-state.js';

/** A token arrives at a joining gateway through `flowId`. */
export async function tryJoin(
  ex: Executor,
  inst: InstanceState,
  flowScopeKey: string,
  gateway: ExecutableElement,
  flowId: string,
): Promise<void> {
  const scope = inst.element(flowScopeKey);
  const joins = (scope.data.joins ??= {});
  (joins[gateway.id] ??= []).push(flowId);
  scope.data.activeChildren = (scope.data.activeChildren ?? 0) + 1;
  scope.dirty = true;
  await fireIfReady(ex, inst, scope, gateway);
}

async function fireIfReady(
  ex: Executor,
  inst: InstanceState,
  scope: ElementInstanceState,
  gateway: ExecutableElement,
): Promise<void> {
  const arrived = scope.data.joins?.[gateway.id] ?? [];
  if (arrived.length === 0) return;
  const missing = gateway.incoming.filter((f) => !arrived.includes(f));
  if (gateway.type === 'parallelGateway' && missing.length > 0) return;
  if (gateway.type === 'inclusiveGateway' && missing.length > 0) {
    const process = await ex.processOf(inst);
    if (await anyTokenCanReach(ex, inst, process, scope, gateway, missing)) return;
  }
  // consume one token per incoming flow that has one
  const remaining = [...arrived];
  let consumed = 0;
  for (const f of gateway.incoming) {
    const i = remaining.indexOf(f);
    if (i >= 0) {
      remaining.splice(i, 1);
      consumed++;
    }
  }
  if (remaining.length > 0) scope.data.joins![gateway.id] = remaining;
  else delete scope.data.joins![gateway.id];
  scope.data.activeChildren = Math.max(0, (scope.data.activeChildren ?? 0) - consumed);
  scope.dirty = true;
  await ex.activate(inst, gateway.id, scope.key);
}

/** Re-checks inclusive joins of a scope after one of its tokens disappeared. */
export async function recheckInclusiveJoins(
  ex: Executor,
  inst: InstanceState,
  scope: ElementInstanceState,
): Promise<void> {
  if (!scope.data.joins) return;
  const process = await ex.processOf(inst);
  for (const gatewayId of Object.keys(scope.data.joins)) {
    const gateway = process.elements.get(gatewayId)!;
    if (gateway.type === 'inclusiveGateway') await fireIfReady(ex, inst, scope, gateway);
  }
}

async function anyTokenCanReach(
  _ex: Executor,
  inst: InstanceState,
  process: ExecutableProcess,
  scope: ElementInstanceState,
  gateway: ExecutableElement,
  missingFlows: string[],
): Promise<boolean> {
  const starts: string[] = inst.childrenOf(scope.key).map((c) => c.elementId);
  for (const [gatewayId, flows] of Object.entries(scope.data.joins ?? {})) {
    if (gatewayId !== gateway.id && flows.length > 0) starts.push(gatewayId);
  }
  const targets = new Set(missingFlows);
  const seen = new Set<string>();
  const stack = [...starts];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const el = process.elements.get(id);
    if (!el) continue;
    const outgoing = [...el.outgoing];
    for (const b of el.boundaryEventIds) outgoing.push(...(process.elements.get(b)?.outgoing ?? []));
    for (const flowId of outgoing) {
      if (targets.has(flowId)) return true;
      const flow = process.flows.get(flowId);
      if (flow && flow.targetId !== gateway.id) stack.push(flow.targetId);
    }
  }
  return false;
}
