/** Gateways: exclusive and inclusive choose flows by FEEL conditions; parallel splits; event-based waits. */
import type { ExecutableElement, SequenceFlow } from '../../model/types.js';
import { evaluateCondition } from '../../feel/evaluator.js';
import { openEventSubscription } from '../behaviors/subscriptions.js';
import type { Executor } from '../executor.js';
import type { ElementInstanceState, InstanceState } from '../instance-state.js';
import { processor } from './processor.js';

type Choice = { ok: true; flows: string[] } | { ok: false; errorType: string; message: string };

async function choose(
  ex: Executor,
  inst: InstanceState,
  el: ExecutableElement,
  ei: ElementInstanceState,
  all: boolean,
): Promise<Choice> {
  const process = await ex.processOf(inst);
  const context = inst.visibleVariables(ei.flowScopeKey!);
  const chosen: string[] = [];
  const flows = el.outgoing.map((id) => process.flows.get(id)!) as SequenceFlow[];
  if (flows.length === 1 && !flows[0]!.condition) return { ok: true, flows: [flows[0]!.id] };
  for (const flow of flows) {
    if (flow.id === el.defaultFlowId) continue;
    if (!flow.condition) {
      chosen.push(flow.id);
      if (!all) break;
      continue;
    }
    const source = flow.condition.kind === 'feel' ? flow.condition.source : flow.condition.value;
    const r = evaluateCondition(source, context);
    // Zeebe: a condition that fails or is not a boolean is an EXTRACT_VALUE_ERROR carrying the expression message.
    if (!r.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: r.message };
    if (r.value) {
      chosen.push(flow.id);
      if (!all) break;
    }
  }
  if (chosen.length === 0 && el.defaultFlowId) chosen.push(el.defaultFlowId);
  if (chosen.length === 0) {
    return {
      ok: false,
      errorType: 'CONDITION_ERROR',
      message: `Expected at least one condition to evaluate to true, or to have a default flow`,
    };
  }
  return { ok: true, flows: chosen };
}

function conditionalGateway(all: boolean) {
  return processor({
    async activate(ex, inst, el, ei) {
      const choice = await choose(ex, inst, el, ei, all);
      if (!choice.ok) return ex.incident(inst, ei, choice.errorType, choice.message);
      (ei.data as Record<string, unknown>).chosenFlows = choice.flows;
      await ex.complete(inst, ei);
    },
    async completed(ex, inst, _el, ei) {
      const process = await ex.processOf(inst);
      for (const id of ((ei.data as Record<string, unknown>).chosenFlows as string[]) ?? []) {
        await ex.takeFlow(inst, ei.flowScopeKey!, process.flows.get(id)!);
      }
    },
  });
}

export const exclusiveGatewayProcessor = conditionalGateway(false);
export const inclusiveGatewayProcessor = conditionalGateway(true);
export const parallelGatewayProcessor = processor({});

export const eventBasedGatewayProcessor = processor({
  async activate(ex, inst, el, ei) {
    if (!(await ex.markActivated(inst, ei, el))) return;
    const process = await ex.processOf(inst);
    for (const flowId of el.outgoing) {
      const target = process.elements.get(process.flows.get(flowId)!.targetId)!;
      if (!(await openEventSubscription(ex, inst, ei, target))) return;
    }
  },
  async completed(ex, inst, el, ei) {
    const process = await ex.processOf(inst);
    const flowId = el.outgoing.find((f) => process.flows.get(f)!.targetId === ei.data.triggeredBy)!;
    const flow = process.flows.get(flowId)!;
    ex.ctx.record({
      key: await ex.ctx.nextKey(),
      valueType: 'PROCESS_INSTANCE',
      intent: 'SEQUENCE_FLOW_TAKEN',
      processInstanceKey: inst.key,
      elementId: flow.id,
      elementType: 'sequenceFlow',
      value: {
        bpmnProcessId: inst.row.bpmnProcessId,
        flowScopeKey: ei.flowScopeKey,
        sourceId: flow.sourceId,
        targetId: flow.targetId,
      },
    });
    await ex.activate(inst, flow.targetId, ei.flowScopeKey, { eventVariables: ei.data.eventVariables ?? {} });
  },
});
