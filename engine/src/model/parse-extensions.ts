import { optionalExpression, toExpression } from './expression.js';
import { extensionOf, isSet, type ModdleNode } from './moddle-types.js';
import type {
  CalledElementDefinition,
  ExecutionListener,
  Expression,
  JobDefinition,
  Mapping,
  MultiInstanceDefinition,
} from './types.js';

/** Zeebe's default number of job retries for task definitions and listeners. */
export const DEFAULT_JOB_RETRIES = '3';

/** zeebe:taskDefinition as a job definition; a missing type stays an empty static value for validation. */
export function parseJobDefinition(node: ModdleNode): JobDefinition | undefined {
  const definition = extensionOf(node, 'zeebe:TaskDefinition');
  if (definition === undefined) return undefined;
  return {
    type: toExpression(definition.type ?? ''),
    retries: toExpression(isSet(definition.retries) ? definition.retries : DEFAULT_JOB_RETRIES),
  };
}

/** zeebe:taskHeaders as a plain record; a later header with the same key wins, as in Zeebe. */
export function parseTaskHeaders(node: ModdleNode): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const header of extensionOf(node, 'zeebe:TaskHeaders')?.values ?? []) {
    if (header.key !== undefined) headers[header.key] = header.value ?? '';
  }
  return headers;
}

/** zeebe:ioMapping inputs and outputs, in document order (later mappings may read earlier targets). */
export function parseIoMappings(node: ModdleNode): { inputs: Mapping[]; outputs: Mapping[] } {
  const ioMapping = extensionOf(node, 'zeebe:IoMapping');
  const toMapping = (parameter: ModdleNode): Mapping => ({
    // Zeebe reads an absent source as the FEEL literal null.
    source: toExpression(parameter.source ?? '=null'),
    target: parameter.target ?? '',
  });
  return {
    inputs: (ioMapping?.inputParameters ?? []).map(toMapping),
    outputs: (ioMapping?.outputParameters ?? []).map(toMapping),
  };
}

/** zeebe:executionListeners; unknown event types are reported by validation and mapped to 'start' here. */
export function parseExecutionListeners(node: ModdleNode): ExecutionListener[] {
  return (extensionOf(node, 'zeebe:ExecutionListeners')?.listeners ?? []).map((listener) => ({
    eventType: listener.eventType === 'end' ? 'end' : 'start',
    type: toExpression(listener.type ?? ''),
    retries: toExpression(isSet(listener.retries) ? listener.retries : DEFAULT_JOB_RETRIES),
  }));
}

/** bpmn:multiInstanceLoopCharacteristics with zeebe:loopCharacteristics; undefined for other markers. */
export function parseMultiInstance(node: ModdleNode): MultiInstanceDefinition | undefined {
  const loop = node.loopCharacteristics;
  if (loop?.$type !== 'bpmn:MultiInstanceLoopCharacteristics') return undefined;
  const zeebe = extensionOf(loop, 'zeebe:LoopCharacteristics');
  const completion = loop.completionCondition?.body;
  return {
    sequential: loop.isSequential === true,
    inputCollection: toExpression(zeebe?.inputCollection ?? ''),
    inputElement: isSet(zeebe?.inputElement) ? zeebe.inputElement : undefined,
    outputCollection: isSet(zeebe?.outputCollection) ? zeebe.outputCollection : undefined,
    outputElement: optionalExpression(zeebe?.outputElement),
    completionCondition: optionalExpression(completion),
  };
}

/** zeebe:calledElement with Zeebe's defaults (propagate both ways, bind to the latest version). */
export function parseCalledElement(node: ModdleNode): CalledElementDefinition | undefined {
  const called = extensionOf(node, 'zeebe:CalledElement');
  if (called === undefined) return undefined;
  const bindingType =
    called.bindingType === 'deployment' || called.bindingType === 'versionTag'
      ? called.bindingType
      : 'latest';
  return {
    processId: toExpression(called.processId ?? called.processIdExpression ?? ''),
    propagateAllChildVariables: called.propagateAllChildVariables !== false,
    propagateAllParentVariables: called.propagateAllParentVariables !== false,
    bindingType,
    versionTag: isSet(called.versionTag) ? called.versionTag : undefined,
  };
}

/** zeebe:script (a FEEL script task evaluated by the engine instead of a job). */
export function parseScript(
  node: ModdleNode,
): { expression: Expression; resultVariable: string } | undefined {
  const script = extensionOf(node, 'zeebe:Script');
  if (script === undefined) return undefined;
  return { expression: toExpression(script.expression ?? ''), resultVariable: script.resultVariable ?? '' };
}

/** The process-level zeebe:versionTag value, if any. */
export function parseVersionTag(node: ModdleNode): string | undefined {
  const tag = extensionOf(node, 'zeebe:VersionTag')?.value;
  return isSet(tag) ? tag : undefined;
}
