import type { ExecutableElement, ExecutableProcess, Expression } from './types.js';

/** Small read helpers over the executable graph, shared by the validators. */

/** True for an empty static value: how the parser keeps a missing mandatory attribute. */
export function isMissing(expression: Expression | undefined): boolean {
  return expression === undefined || (expression.kind === 'static' && expression.value.trim() === '');
}

/** The direct children of a container element. */
export function childrenOf(process: ExecutableProcess, container: ExecutableElement): ExecutableElement[] {
  return container.childIds.map((id) => process.elements.get(id)).filter((child) => child !== undefined);
}

/** The container (process, subprocess, event subprocess) that holds an element. */
export function scopeOf(
  process: ExecutableProcess,
  element: ExecutableElement,
): ExecutableElement | undefined {
  return element.flowScopeId === undefined ? undefined : process.elements.get(element.flowScopeId);
}

const ACTIVITY_TYPES: ReadonlySet<string> = new Set([
  'serviceTask',
  'sendTask',
  'scriptTask',
  'businessRuleTask',
  'userTask',
  'receiveTask',
  'manualTask',
  'task',
  'subProcess',
  'callActivity',
]);

/** True for the element types a boundary event can be attached to. */
export function isActivity(element: ExecutableElement): boolean {
  return ACTIVITY_TYPES.has(element.type);
}

/** True for gateway types. */
export function isGateway(element: ExecutableElement): boolean {
  return element.type.endsWith('Gateway');
}

/** Human-readable name of an element type for messages ("exclusive gateway", "boundary event"). */
export function describeType(type: string): string {
  return type.replace(/([A-Z])/g, ' $1').toLowerCase();
}

/** "An error event", "A timer event": the indefinite article for a label, capitalised. */
export function withArticle(label: string): string {
  return `${/^[aeiou]/i.test(label) ? 'An' : 'A'} ${label}`;
}
