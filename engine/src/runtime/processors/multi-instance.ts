/**
 * Multi-instance body (Zeebe's MultiInstanceBodyProcessor): evaluates the input collection, runs one inner
 * instance per item (all at once, or one after another), collects outputs in input order (null where an
 * instance produced none), and stops early when the completion condition holds.
 */
import { evaluateCondition, evaluateExpression } from '../../feel/evaluator.js';
import type { ExecutableElement } from '../../model/types.js';
import type { Executor } from '../executor.js';
import type { ElementInstanceState, InstanceState } from '../instance-state.js';
import { processor } from './processor.js';

async function startInner(
  ex: Executor,
  inst: InstanceState,
  el: ExecutableElement,
  body: ElementInstanceState,
  index: number,
) {
  const mi = el.multiInstance!;
  const items = body.data.mi!.items ?? [];
  const local: Record<string, unknown> = { loopCounter: index + 1 };
  if (mi.inputElement) local[mi.inputElement] = items[index] ?? null;
  // as Zeebe: an output element that names a variable starts as a local null, so each instance's result stays its own
  const out = mi.outputElement?.kind === 'feel' ? mi.outputElement.source.trim() : undefined;
  if (out && /^[A-Za-z_][A-Za-z0-9_]*$/.test(out) && !(out in local)) local[out] = null;
  body.data.mi!.started++;
  body.dirty = true;
  await ex.activate(inst, el.id, body.key, { inner: true, loopIndex: index, localVariables: local });
}

export const multiInstanceBodyProcessor = processor({
  async activate(ex, inst, el, ei) {
    const mi = el.multiInstance!;
    const r = evaluateExpression(mi.inputCollection, inst.visibleVariables(ei.key));
    const source = mi.inputCollection.kind === 'feel' ? mi.inputCollection.source : mi.inputCollection.value;
    if (!r.ok) return ex.incident(inst, ei, 'EXTRACT_VALUE_ERROR', r.message);
    if (!Array.isArray(r.value)) {
      const type =
        r.value === null || r.value === undefined
          ? 'NULL'
          : typeof r.value === 'object'
            ? 'CONTEXT'
            : (typeof r.value).toUpperCase();
      const warnings = r.warnings.length ? ` ${r.warnings.join(' ')}` : '';
      return ex.incident(
        inst,
        ei,
        'EXTRACT_VALUE_ERROR',
        `Expected result of the expression '${source}' to be 'ARRAY', but was '${type}'.${warnings}`,
      );
    }
    if (!(await ex.markActivated(inst, ei, el))) return;
    const items = r.value as unknown[];
    ei.data.mi = { total: items.length, started: 0, completed: 0, outputs: items.map(() => null), items };
    ei.dirty = true;
    if (items.length === 0) return ex.complete(inst, ei, { variables: outputVariables(el, ei) });
    const first = mi.sequential ? 1 : items.length;
    for (let i = 0; i < first; i++) await startInner(ex, inst, el, ei, i);
  },
  async childrenDone(ex, inst, ei) {
    const el = await ex.elementOf(inst, ei);
    await ex.complete(inst, ei, { variables: outputVariables(el, ei) });
  },
});

function outputVariables(el: ExecutableElement, body: ElementInstanceState): Record<string, unknown> {
  const name = el.multiInstance!.outputCollection;
  return name ? { [name]: body.data.mi?.outputs ?? [] } : {};
}

/** Called when an inner instance completed, while its variables are still there. */
export async function innerInstanceCompleted(
  ex: Executor,
  inst: InstanceState,
  body: ElementInstanceState,
  inner: ElementInstanceState,
): Promise<void> {
  const el = await ex.elementOf(inst, body);
  const mi = el.multiInstance!;
  const state = body.data.mi!;
  const context = inst.visibleVariables(inner.key);
  if (mi.outputElement) {
    const out = evaluateExpression(mi.outputElement, context);
    state.outputs[inner.data.loopIndex ?? 0] = out.ok ? (out.value ?? null) : null;
  }
  state.completed++;
  body.dirty = true;
  if (body.state !== 'ACTIVATED') return;
  if (mi.completionCondition) {
    const source =
      mi.completionCondition.kind === 'feel' ? mi.completionCondition.source : mi.completionCondition.value;
    const active = state.started - state.completed;
    const r = evaluateCondition(source, {
      ...context,
      numberOfInstances: state.total,
      numberOfActiveInstances: active,
      numberOfCompletedInstances: state.completed,
      numberOfTerminatedInstances: 0,
    });
    if (!r.ok) return ex.incident(inst, body, 'CONDITION_ERROR', r.message);
    if (r.value) {
      state.items = [];
      state.total = state.started;
      for (const other of inst.childrenOf(body.key))
        if (other.key !== inner.key) await ex.terminate(inst, other);
      return;
    }
  }
  if (mi.sequential && state.started < state.total) await startInner(ex, inst, el, body, state.started);
}
