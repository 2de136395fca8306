/** Containers: the process, embedded and event subprocesses, call activities and multi-instance bodies. */
import { expectString } from '../../feel/evaluator.js';
import { startInstance } from '../behaviors/instances.js';
import type { Executor } from '../executor.js';
import type { ElementInstanceState, InstanceState } from '../instance-state.js';
import { processor } from './processor.js';

const completeWhenEmpty = async (ex: Executor, inst: InstanceState, ei: ElementInstanceState) =>
  ex.complete(inst, ei);

export const processProcessor = processor({
  async activate(ex, inst, el, ei) {
    if (!(await ex.markActivated(inst, ei, el))) return;
    const process = await ex.processOf(inst);
    const start = ei.data.triggeredBy ?? process.noneStartEventId;
    const eventVariables = ei.data.eventVariables;
    delete ei.data.triggeredBy;
    delete ei.data.eventVariables;
    if (!start)
      return ex.incident(
        inst,
        ei,
        'UNKNOWN',
        `Expected process '${process.bpmnProcessId}' to have a none start event`,
      );
    await ex.activate(inst, start, ei.key, { eventVariables });
  },
  childrenDone: completeWhenEmpty,
  async completed(ex, inst) {
    inst.row.state = 'COMPLETED';
    inst.row.endedAt = ex.ctx.now;
    inst.instanceDirty = true;
    ex.ctx.after.completedInstances.add(inst.key);
    const parentKey = inst.row.parentProcessInstanceKey;
    if (!parentKey) return;
    const parent = await ex.ctx.instance(parentKey);
    const call = parent?.elements.get(inst.row.parentElementInstanceKey!);
    if (!parent || !call || call.state !== 'ACTIVATED') return;
    const callEl = await ex.elementOf(parent, call);
    const childVariables = Object.fromEntries(inst.variables.get(inst.key) ?? []);
    const propagateAll = callEl.calledElement?.propagateAllChildVariables !== false;
    await ex.complete(parent, call, { variables: childVariables, localOnly: !propagateAll });
  },
  async terminated(ex, inst) {
    inst.row.state = 'TERMINATED';
    inst.row.endedAt = ex.ctx.now;
    inst.instanceDirty = true;
    ex.ctx.after.completedInstances.add(inst.key);
  },
});

export const subProcessProcessor = processor({
  async activate(ex, inst, el, ei) {
    if (!(await ex.markActivated(inst, ei, el))) return;
    await ex.activate(inst, el.noneStartEventId!, ei.key);
  },
  childrenDone: completeWhenEmpty,
});

export const eventSubProcessProcessor = processor({
  async activate(ex, inst, el, ei) {
    if (!(await ex.markActivated(inst, ei, el))) return;
    const eventVariables = ei.data.eventVariables ?? {};
    delete ei.data.eventVariables;
    await ex.activate(inst, el.startEventId!, ei.key, { eventVariables });
  },
  childrenDone: completeWhenEmpty,
  async completed() {},
});

export const callActivityProcessor = processor({
  async activate(ex, inst, el, ei) {
    const def = el.calledElement!;
    const visible = inst.visibleVariables(ei.key);
    const id = expectString(def.processId, visible);
    if (!id.ok) return ex.incident(inst, ei, 'EXTRACT_VALUE_ERROR', id.message);
    const called = await ex.ctx.definitions.latest(ex.ctx.client, id.value);
    if (!called) {
      return ex.incident(
        inst,
        ei,
        'CALLED_ELEMENT_ERROR',
        `Expected process with BPMN process id '${id.value}' to be deployed, but not found.`,
      );
    }
    if (!called.process.noneStartEventId) {
      return ex.incident(
        inst,
        ei,
        'CALLED_ELEMENT_ERROR',
        `Expected process with BPMN process id '${id.value}' to have a none start event, but not found.`,
      );
    }
    if (!(await ex.markActivated(inst, ei, el))) return;
    const variables = def.propagateAllParentVariables
      ? visible
      : Object.fromEntries(inst.variables.get(ei.key) ?? []);
    const child = await startInstance(ex, called, {
      variables,
      parentProcessInstanceKey: inst.key,
      parentElementInstanceKey: ei.key,
      rootProcessInstanceKey: inst.row.rootProcessInstanceKey,
    });
    ei.data.calledProcessInstanceKey = child.key;
    ei.dirty = true;
  },
  async terminate(ex, _inst, _el, ei) {
    const childKey = ei.data.calledProcessInstanceKey;
    if (!childKey) return;
    const child = await ex.ctx.instance(childKey);
    const root = child?.elements.get(childKey);
    if (child && root && child.row.state === 'ACTIVE') await ex.terminate(child, root);
  },
});
