import { isExecutableType } from './parse-elements.js';
import { SUPPORTED_EVENT_DEFINITIONS } from './parse-events.js';
import { TASK_LISTENER_EVENT_TYPES } from './parse-user-task.js';
import { extensionOf, type ModdleNode } from './moddle-types.js';
import type { ProblemCollector } from './problem.js';

/** Modelling-only elements the engine ignores, as Zeebe does. */
const IGNORED_TYPES = new Set([
  'bpmn:SequenceFlow',
  'bpmn:DataObject',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
]);

const BINDING_TYPES = new Set(['latest', 'deployment', 'versionTag']);

/**
 * Checks on the moddle tree itself: what the executable graph cannot represent (unsupported types, event
 * kinds and markers, unknown enum values) is reported here, before it is lost in the transformation.
 */
export function validateSource(process: ModdleNode, problems: ProblemCollector): void {
  checkExecutionListeners(process, problems);
  for (const node of process.flowElements ?? []) checkNode(node, problems);
}

function checkNode(node: ModdleNode, problems: ProblemCollector): void {
  if (IGNORED_TYPES.has(node.$type)) return;
  if (node.id === undefined) {
    problems.add(
      undefined,
      `An element of type ${node.$type}${node.name ? ` ('${node.name}')` : ''} must have an id`,
    );
    return;
  }
  if (!isExecutableType(node.$type)) {
    problems.add(node.id, `${node.$type} is not supported`);
    return;
  }
  checkEventDefinitions(node, problems);
  checkMarkers(node, problems);
  checkExecutionListeners(node, problems);
  checkTaskListeners(node, problems);
  checkCalledElement(node, problems);
  if (node.$type === 'bpmn:BusinessRuleTask' && extensionOf(node, 'zeebe:CalledDecision') !== undefined) {
    problems.add(
      node.id,
      'zeebe:calledDecision is not supported (no DMN engine): implement the rule with a job worker (zeebe:taskDefinition)',
    );
  }
  if (node.$type === 'bpmn:ReceiveTask' && node.instantiate === true) {
    problems.add(node.id, 'An instantiating receive task is not supported: use a message start event');
  }
  for (const child of node.flowElements ?? []) checkNode(child, problems);
}

function checkEventDefinitions(node: ModdleNode, problems: ProblemCollector): void {
  const definitions = node.eventDefinitions ?? [];
  if (definitions.length > 1) {
    const types = definitions.map((definition) => definition.$type).join(', ');
    problems.add(node.id, `Multiple event definitions on one event are not supported (found ${types})`);
  }
  for (const definition of definitions) {
    if (!SUPPORTED_EVENT_DEFINITIONS.has(definition.$type))
      problems.add(node.id, `${definition.$type} is not supported`);
  }
}

function checkMarkers(node: ModdleNode, problems: ProblemCollector): void {
  if (node.loopCharacteristics?.$type === 'bpmn:StandardLoopCharacteristics') {
    problems.add(
      node.id,
      'bpmn:StandardLoopCharacteristics is not supported: use a multi-instance marker instead',
    );
  }
}

function checkExecutionListeners(node: ModdleNode, problems: ProblemCollector): void {
  for (const listener of extensionOf(node, 'zeebe:ExecutionListeners')?.listeners ?? []) {
    if (listener.eventType !== 'start' && listener.eventType !== 'end') {
      problems.add(
        node.id,
        `Execution listener event type '${listener.eventType ?? ''}' must be 'start' or 'end'`,
      );
    }
  }
}

function checkTaskListeners(node: ModdleNode, problems: ProblemCollector): void {
  const allowed = 'creating, assigning, updating, completing or canceling';
  for (const listener of extensionOf(node, 'zeebe:TaskListeners')?.listeners ?? []) {
    if (TASK_LISTENER_EVENT_TYPES[listener.eventType ?? ''] === undefined) {
      problems.add(
        node.id,
        `Task listener event type '${listener.eventType ?? ''}' must be one of ${allowed}`,
      );
    }
  }
}

function checkCalledElement(node: ModdleNode, problems: ProblemCollector): void {
  const called = extensionOf(node, 'zeebe:CalledElement');
  if (called === undefined) return;
  const bindingType = called.bindingType ?? 'latest';
  if (!BINDING_TYPES.has(bindingType)) {
    problems.add(node.id, `Binding type '${bindingType}' must be one of latest, deployment or versionTag`);
  }
  if (bindingType === 'versionTag' && (called.versionTag ?? '').trim() === '') {
    problems.add(
      node.id,
      "Must have a version tag (zeebe:calledElement versionTag) when the binding type is 'versionTag'",
    );
  }
}
