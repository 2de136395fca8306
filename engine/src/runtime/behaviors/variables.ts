/**
 * Variable behavior (Zeebe's VariableBehavior): input mappings create local variables; on completion,
 * result variables either propagate upward (first scope that has the name, else the root) or, when output
 * mappings exist, become local and only the mapped values are merged into the flow scope.
 */
import type { ExecutableElement } from '../../model/types.js';
import { applyInputMappings, applyOutputMappings } from '../../variables/mappings.js';
import type { Executor } from '../executor.js';
import type { ElementInstanceState, InstanceState } from '../instance-state.js';

/** Sets `document` starting at `scopeKey`: each variable goes to the first scope that has it, else the root. */
export function mergePropagating(
  ex: Executor,
  inst: InstanceState,
  scopeKey: string,
  document: Record<string, unknown>,
): void {
  const chain = inst.scopeChain(scopeKey);
  const root = chain[chain.length - 1]!;
  for (const [name, value] of Object.entries(document)) {
    const target = chain.find((k) => inst.hasLocal(k, name)) ?? root;
    setVariable(ex, inst, target, name, value);
  }
}

/** Sets variables local to `scopeKey`. */
export function mergeLocal(
  ex: Executor,
  inst: InstanceState,
  scopeKey: string,
  document: Record<string, unknown>,
): void {
  for (const [name, value] of Object.entries(document)) setVariable(ex, inst, scopeKey, name, value);
}

function setVariable(
  ex: Executor,
  inst: InstanceState,
  scopeKey: string,
  name: string,
  value: unknown,
): void {
  const existed = inst.hasLocal(scopeKey, name);
  if (existed && JSON.stringify(inst.getLocal(scopeKey, name)) === JSON.stringify(value)) return;
  inst.setLocal(scopeKey, name, value);
  ex.ctx.record({
    key: scopeKey,
    valueType: 'VARIABLE',
    intent: existed ? 'UPDATED' : 'CREATED',
    processInstanceKey: inst.key,
    value: { name, value, scopeKey, bpmnProcessId: inst.row.bpmnProcessId },
  });
}

/** Applies input mappings; raises an IO_MAPPING_ERROR incident and returns false on failure. */
export async function applyInputs(
  ex: Executor,
  inst: InstanceState,
  ei: ElementInstanceState,
  el: ExecutableElement,
): Promise<boolean> {
  if (el.inputMappings.length === 0) return true;
  const result = applyInputMappings(el.inputMappings, inst.visibleVariables(ei.key));
  if (!result.ok) {
    await ex.incident(inst, ei, 'IO_MAPPING_ERROR', result.message);
    return false;
  }
  mergeLocal(ex, inst, ei.key, result.variables);
  return true;
}

/**
 * Applies the completion variables of an element (job result, message payload, child variables) and its
 * output mappings. Returns false when a mapping failed (incident raised).
 */
export async function applyOutputs(
  ex: Executor,
  inst: InstanceState,
  ei: ElementInstanceState,
  el: ExecutableElement,
): Promise<boolean> {
  const result = { ...(ei.data.eventVariables ?? {}), ...(ei.data.resultVariables ?? {}) };
  const localOnly = ei.data.childVariables !== undefined;
  const mappings = ei.elementType === 'multiInstanceBody' ? [] : el.outputMappings;
  const isProcess = ei.flowScopeKey === undefined;
  if (mappings.length === 0) {
    if (!localOnly) {
      if (isProcess) mergeLocal(ex, inst, ei.key, result);
      else mergePropagating(ex, inst, ei.key, result);
    }
    return true;
  }
  mergeLocal(ex, inst, ei.key, result);
  const mapped = applyOutputMappings(mappings, inst.visibleVariables(ei.key));
  if (!mapped.ok) {
    await ex.incident(inst, ei, 'IO_MAPPING_ERROR', mapped.message);
    return false;
  }
  if (isProcess) mergeLocal(ex, inst, ei.key, mapped.variables);
  else mergePropagating(ex, inst, ei.flowScopeKey!, mapped.variables);
  return true;
}
