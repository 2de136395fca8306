import { childrenOf, describeType, withArticle, isActivity, isGateway, isMissing, scopeOf } from './graph.js';
import type { ProblemCollector } from './problem.js';
import type { ExecutableElement, ExecutableProcess } from './types.js';

const JOB_TASK_TYPES: ReadonlySet<string> = new Set([
  'serviceTask',
  'sendTask',
  'businessRuleTask',
  'scriptTask',
]);
const EVENT_GATEWAY_TARGET_EVENTS: ReadonlySet<string> = new Set(['message', 'timer', 'signal']);

/** Structural rules: start events, sequence flows, gateways, boundary events and mandatory task settings. */
export function validateStructure(process: ExecutableProcess, problems: ProblemCollector): void {
  for (const element of process.elements.values()) {
    checkContainer(process, element, problems);
    checkFlowsOfElement(process, element, problems);
    checkImplementation(element, problems);
    if (isGateway(element)) checkGateway(process, element, problems);
    if (element.type === 'boundaryEvent') checkBoundaryEvent(process, element, problems);
  }
  for (const flow of process.flows.values()) {
    const source = process.elements.get(flow.sourceId);
    const target = process.elements.get(flow.targetId);
    // An endpoint that is set but unknown was already reported (unresolved reference or unsupported type).
    if (flow.sourceId === '' || flow.targetId === '') {
      problems.add(flow.id, 'A sequence flow must have both a sourceRef and a targetRef');
    } else if (source !== undefined && target !== undefined && source.flowScopeId !== target.flowScopeId) {
      problems.add(flow.id, 'Sequence flow must not cross the boundary of a subprocess');
    }
    if (flow.condition !== undefined && source !== undefined && !isConditionalSource(source)) {
      problems.add(
        flow.id,
        'Conditional sequence flows are only supported at exclusive and inclusive gateways',
      );
    }
  }
}

function isConditionalSource(element: ExecutableElement): boolean {
  return element.type === 'exclusiveGateway' || element.type === 'inclusiveGateway';
}

function checkContainer(
  process: ExecutableProcess,
  element: ExecutableElement,
  problems: ProblemCollector,
): void {
  if (element.type !== 'process' && element.type !== 'subProcess' && element.type !== 'eventSubProcess')
    return;
  const starts = childrenOf(process, element).filter((child) => child.type === 'startEvent');
  const noneStarts = starts.filter((start) => start.eventDefinition?.kind === 'none');
  if (element.type === 'process') {
    if (starts.length === 0) problems.add(element.id, 'A process must have at least one start event');
    if (noneStarts.length > 1)
      problems.add(element.id, 'A process must not have more than one none start event');
  } else if (element.type === 'subProcess') {
    if (starts.length !== 1 || noneStarts.length !== 1) {
      problems.add(element.id, 'An embedded subprocess must have exactly one none start event');
    }
  } else {
    // A start event of the wrong kind is reported on the start event itself (see validate-events.ts).
    if (starts.length !== 1)
      problems.add(element.id, 'An event subprocess must have exactly one start event');
    if (element.incoming.length > 0 || element.outgoing.length > 0) {
      problems.add(element.id, 'An event subprocess must not have incoming or outgoing sequence flows');
    }
  }
}

function checkFlowsOfElement(
  process: ExecutableProcess,
  element: ExecutableElement,
  problems: ProblemCollector,
): void {
  if (element.type === 'startEvent' && element.incoming.length > 0) {
    problems.add(element.id, 'A start event must not have incoming sequence flows');
  }
  if (element.type === 'boundaryEvent' && element.incoming.length > 0) {
    problems.add(element.id, 'A boundary event must not have incoming sequence flows');
  }
  if (element.type === 'endEvent' && element.outgoing.length > 0) {
    problems.add(element.id, 'An end event must not have outgoing sequence flows');
  }
  if (element.defaultFlowId !== undefined && !element.outgoing.includes(element.defaultFlowId)) {
    problems.add(
      element.id,
      `Default flow '${element.defaultFlowId}' must be an outgoing sequence flow of this element`,
    );
  }
  if (
    element.defaultFlowId !== undefined &&
    process.flows.get(element.defaultFlowId)?.condition !== undefined
  ) {
    problems.add(element.defaultFlowId, 'A default flow must not have a condition');
  }
}

function checkImplementation(element: ExecutableElement, problems: ProblemCollector): void {
  const definition = element.eventDefinition;
  const isMessageThrow =
    (element.type === 'endEvent' || element.type === 'intermediateThrowEvent') &&
    definition?.kind === 'message';
  const needsJob = (JOB_TASK_TYPES.has(element.type) && element.script === undefined) || isMessageThrow;
  if (needsJob && isMissing(element.job?.type)) {
    problems.add(element.id, 'Must have a task definition type (zeebe:taskDefinition)');
  }
  if (element.script !== undefined && element.script.resultVariable.trim() === '') {
    problems.add(element.id, 'Must have a result variable (zeebe:script resultVariable)');
  }
  if (element.type === 'callActivity' && isMissing(element.calledElement?.processId)) {
    problems.add(element.id, 'Must have the id of the process to call (zeebe:calledElement processId)');
  }
  const multiInstance = element.multiInstance;
  if (multiInstance !== undefined) {
    if (isMissing(multiInstance.inputCollection)) {
      problems.add(
        element.id,
        'A multi-instance activity must have an input collection (zeebe:loopCharacteristics inputCollection)',
      );
    }
    if ((multiInstance.outputCollection === undefined) !== (multiInstance.outputElement === undefined)) {
      problems.add(
        element.id,
        'A multi-instance activity must define both outputCollection and outputElement, or neither',
      );
    }
  }
  for (const mapping of [...element.inputMappings, ...element.outputMappings]) {
    if (mapping.target.trim() === '')
      problems.add(element.id, 'Every input/output mapping must have a target variable');
  }
}

function checkGateway(
  process: ExecutableProcess,
  gateway: ExecutableElement,
  problems: ProblemCollector,
): void {
  const label = describeType(gateway.type);
  if (gateway.outgoing.length === 0) {
    problems.add(gateway.id, `${withArticle(label)} must have at least one outgoing sequence flow`);
  }
  if (isConditionalSource(gateway) && gateway.outgoing.length > 1) {
    for (const flowId of gateway.outgoing) {
      if (flowId !== gateway.defaultFlowId && process.flows.get(flowId)?.condition === undefined) {
        problems.add(
          flowId,
          `A sequence flow leaving ${label} '${gateway.id}' must have a condition or be its default flow`,
        );
      }
    }
  }
  if (gateway.type === 'eventBasedGateway') checkEventBasedGateway(process, gateway, problems);
}

function checkEventBasedGateway(
  process: ExecutableProcess,
  gateway: ExecutableElement,
  problems: ProblemCollector,
): void {
  if (gateway.outgoing.length < 2) {
    problems.add(gateway.id, 'An event-based gateway must have at least two outgoing sequence flows');
  }
  for (const flowId of gateway.outgoing) {
    const target = process.elements.get(process.flows.get(flowId)?.targetId ?? '');
    const kind = target?.eventDefinition?.kind ?? '';
    const valid =
      target?.type === 'receiveTask' ||
      (target?.type === 'intermediateCatchEvent' && EVENT_GATEWAY_TARGET_EVENTS.has(kind));
    if (!valid) {
      problems.add(
        gateway.id,
        `An event-based gateway may only lead to message, timer or signal intermediate catch events or receive tasks, but '${target?.id ?? flowId}' is not one`,
      );
    }
  }
}

function checkBoundaryEvent(
  process: ExecutableProcess,
  boundary: ExecutableElement,
  problems: ProblemCollector,
): void {
  const host = boundary.attachedToId === undefined ? undefined : process.elements.get(boundary.attachedToId);
  if (host === undefined || !isActivity(host)) {
    problems.add(boundary.id, 'A boundary event must be attached to an activity (attachedToRef)');
  } else if (scopeOf(process, host) !== scopeOf(process, boundary)) {
    problems.add(boundary.id, 'A boundary event must be in the same scope as the activity it is attached to');
  }
  if (boundary.outgoing.length === 0) {
    problems.add(boundary.id, 'A boundary event must have at least one outgoing sequence flow');
  }
}
