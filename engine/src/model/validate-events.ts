import { describeExpression } from './expression.js';
import { isMissing, scopeOf, withArticle } from './graph.js';
import type { ProblemCollector } from './problem.js';
import { checkTimerValue } from './timer-syntax.js';
import type { EventDefinition, ExecutableElement, ExecutableProcess, Expression } from './types.js';

type Kind = EventDefinition['kind'];
type TimerType = 'duration' | 'date' | 'cycle';

/** Event kinds per position, as executable in Camunda 8.8 (compensation is not supported here). */
const ALLOWED_KINDS: Readonly<Record<string, readonly Kind[]>> = {
  processStart: ['none', 'message', 'timer', 'signal'],
  subProcessStart: ['none'],
  eventSubProcessStart: ['message', 'timer', 'signal', 'error', 'escalation'],
  intermediateCatchEvent: ['message', 'timer', 'signal', 'link'],
  intermediateThrowEvent: ['none', 'message', 'signal', 'escalation', 'link'],
  boundaryEvent: ['message', 'timer', 'signal', 'error', 'escalation'],
  endEvent: ['none', 'message', 'signal', 'error', 'escalation', 'terminate'],
};

const POSITION_LABELS: Readonly<Record<string, string>> = {
  processStart: 'start event of a process',
  subProcessStart: 'start event of an embedded subprocess',
  eventSubProcessStart: 'start event of an event subprocess',
  intermediateCatchEvent: 'intermediate catch event',
  intermediateThrowEvent: 'intermediate throw event',
  boundaryEvent: 'boundary event',
  endEvent: 'end event',
};

/** Event rules: kinds per position, messages, timers, signals, errors, escalations and links. */
export function validateEvents(process: ExecutableProcess, problems: ProblemCollector): void {
  for (const element of process.elements.values()) {
    const definition = element.eventDefinition;
    if (definition === undefined) continue;
    const position = positionOf(process, element);
    if (position !== undefined && !ALLOWED_KINDS[position]?.includes(definition.kind)) {
      problems.add(
        element.id,
        `${withArticle(definition.kind)} event is not supported as ${POSITION_LABELS[position] ?? position}`,
      );
    }
    checkDefinition(element, definition, position, problems);
  }
  checkMessageStartNames(process, problems);
  checkLinks(process, problems);
}

/** Where an event sits, which decides the kinds and timer types it may have. */
function positionOf(process: ExecutableProcess, element: ExecutableElement): string | undefined {
  if (element.type === 'startEvent') {
    const scope = scopeOf(process, element)?.type;
    return scope === 'eventSubProcess'
      ? 'eventSubProcessStart'
      : scope === 'subProcess'
        ? 'subProcessStart'
        : 'processStart';
  }
  return element.type === 'receiveTask' ? undefined : element.type;
}

function checkDefinition(
  element: ExecutableElement,
  definition: EventDefinition,
  position: string | undefined,
  problems: ProblemCollector,
): void {
  const isThrow = position === 'intermediateThrowEvent' || position === 'endEvent';
  switch (definition.kind) {
    case 'message':
      if (isThrow) return;
      if (isMissing(definition.messageName)) problems.add(element.id, 'Must reference a message with a name');
      // A process-level message start creates the instance, so there is nothing to correlate against yet.
      if (position !== 'processStart' && isMissing(definition.correlationKey)) {
        const name = describeExpression(definition.messageName);
        problems.add(
          element.id,
          `Must have a correlation key (zeebe:subscription correlationKey on message '${name}')`,
        );
      }
      return;
    case 'timer':
      checkTimer(element, definition.timerType, definition.expression, position, problems);
      return;
    case 'signal':
      if (isMissing(definition.signalName)) problems.add(element.id, 'Must reference a signal with a name');
      return;
    case 'error':
      if (isThrow && isMissing(definition.errorCode)) {
        problems.add(element.id, 'An error end event must reference an error with an error code');
      }
      if (!isThrow && element.interrupting === false)
        problems.add(element.id, 'An error catch event must be interrupting');
      return;
    case 'escalation':
      if (isThrow && isMissing(definition.escalationCode)) {
        problems.add(
          element.id,
          'An escalation throw event must reference an escalation with an escalation code',
        );
      }
      return;
    case 'link':
      if (definition.linkName.trim() === '') problems.add(element.id, 'A link event must have a link name');
      return;
    default:
      return;
  }
}

/** Timer types per position: no durations at process start, cycles only where the timer can repeat. */
function allowedTimerTypes(
  position: string | undefined,
  interrupting: boolean | undefined,
): readonly TimerType[] {
  if (position === 'processStart') return ['date', 'cycle'];
  if ((position === 'boundaryEvent' || position === 'eventSubProcessStart') && interrupting === false) {
    return ['duration', 'date', 'cycle'];
  }
  return ['duration', 'date'];
}

function checkTimer(
  element: ExecutableElement,
  timerType: TimerType,
  expression: Expression,
  position: string | undefined,
  problems: ProblemCollector,
): void {
  if (isMissing(expression)) {
    problems.add(element.id, 'Must have a timer value (timeDuration, timeDate or timeCycle)');
    return;
  }
  const allowed = allowedTimerTypes(position, element.interrupting);
  if (!allowed.includes(timerType)) {
    problems.add(element.id, `A timer ${timerType} is not allowed here; use ${allowed.join(' or ')}`);
  }
  if (expression.kind === 'static') {
    const reason = checkTimerValue(timerType, expression.value);
    if (reason !== undefined) problems.add(element.id, `Invalid timer ${timerType}: ${reason}`);
  }
}

function checkMessageStartNames(process: ExecutableProcess, problems: ProblemCollector): void {
  const seen = new Set<string>();
  for (const id of process.messageStartEventIds) {
    const definition = process.elements.get(id)?.eventDefinition;
    if (definition?.kind !== 'message' || definition.messageName.kind !== 'static') continue;
    const name = definition.messageName.value;
    if (seen.has(name))
      problems.add(id, `Multiple message start events must not share the message name '${name}'`);
    seen.add(name);
  }
}

function checkLinks(process: ExecutableProcess, problems: ProblemCollector): void {
  const catches = new Set<string>();
  for (const element of process.elements.values()) {
    const definition = element.eventDefinition;
    if (definition?.kind !== 'link') continue;
    const key = `${element.flowScopeId ?? ''}/${definition.linkName}`;
    if (element.type === 'intermediateCatchEvent') {
      if (catches.has(key))
        problems.add(
          element.id,
          `Multiple link catch events in one scope must not share the link name '${definition.linkName}'`,
        );
      catches.add(key);
    } else if (!process.linkTargets.has(key)) {
      problems.add(
        element.id,
        `No link catch event with the link name '${definition.linkName}' in the same scope`,
      );
    }
  }
}
