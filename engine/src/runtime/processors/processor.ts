/** The contract of an element processor: what is specific to one BPMN element type. */
import type { ExecutableElement } from '../../model/types.js';
import type { Executor } from '../executor.js';
import type { ElementInstanceState, InstanceState } from '../instance-state.js';

export interface ElementProcessor {
  /** After input mappings and start listeners: do the element's work or wait. */
  activate(ex: Executor, inst: InstanceState, el: ExecutableElement, ei: ElementInstanceState): Promise<void>;
  /** After the element completed: continue the flow (default: take all outgoing flows). */
  completed(
    ex: Executor,
    inst: InstanceState,
    el: ExecutableElement,
    ei: ElementInstanceState,
  ): Promise<void>;
  /** The element is being terminated: cancel its own work (jobs, user tasks, child instances). */
  terminate(
    ex: Executor,
    inst: InstanceState,
    el: ExecutableElement,
    ei: ElementInstanceState,
  ): Promise<void>;
  /** After the element was terminated. */
  terminated(ex: Executor, inst: InstanceState, ei: ElementInstanceState): Promise<void>;
  /** Containers: the last token inside is gone. */
  childrenDone(ex: Executor, inst: InstanceState, ei: ElementInstanceState): Promise<void>;
}

/** Defaults shared by most elements; processors override what differs. */
export const baseProcessor: ElementProcessor = {
  async activate(ex, inst, _el, ei) {
    await ex.complete(inst, ei);
  },
  async completed(ex, inst, el, ei) {
    await ex.takeAllOutgoing(inst, ei, el);
  },
  async terminate() {},
  async terminated() {},
  async childrenDone() {},
};

/** A processor made of the defaults plus overrides. */
export function processor(overrides: Partial<ElementProcessor>): ElementProcessor {
  return { ...baseProcessor, ...overrides };
}
