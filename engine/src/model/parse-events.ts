import { optionalExpression, toExpression } from './expression.js';
import { extensionOf, type ModdleNode } from './moddle-types.js';
import type { EventDefinition } from './types.js';

type DefinitionParser = (definition: ModdleNode) => EventDefinition;

/** bpmn:Message name plus its zeebe:subscription correlation key (the key is on the message, not the event). */
export function messageDefinition(message: ModdleNode | undefined): EventDefinition {
  return {
    kind: 'message',
    messageName: toExpression(message?.name ?? ''),
    correlationKey: optionalExpression(extensionOf(message, 'zeebe:Subscription')?.correlationKey),
  };
}

function timerDefinition(definition: ModdleNode): EventDefinition {
  // A timer has one of the three; an empty value is kept so that validation can name the element.
  if (definition.timeDate !== undefined) {
    return { kind: 'timer', timerType: 'date', expression: toExpression(definition.timeDate.body ?? '') };
  }
  if (definition.timeCycle !== undefined) {
    return { kind: 'timer', timerType: 'cycle', expression: toExpression(definition.timeCycle.body ?? '') };
  }
  return {
    kind: 'timer',
    timerType: 'duration',
    expression: toExpression(definition.timeDuration?.body ?? ''),
  };
}

/** One parser per supported event definition type; unsupported kinds are reported by validation. */
const DEFINITION_PARSERS: Readonly<Record<string, DefinitionParser>> = {
  'bpmn:MessageEventDefinition': (definition) => messageDefinition(definition.messageRef),
  'bpmn:TimerEventDefinition': timerDefinition,
  'bpmn:SignalEventDefinition': (definition) => ({
    kind: 'signal',
    signalName: toExpression(definition.signalRef?.name ?? ''),
  }),
  'bpmn:ErrorEventDefinition': (definition) => ({
    kind: 'error',
    errorCode: optionalExpression(definition.errorRef?.errorCode),
  }),
  'bpmn:EscalationEventDefinition': (definition) => ({
    kind: 'escalation',
    escalationCode: optionalExpression(definition.escalationRef?.escalationCode),
  }),
  'bpmn:TerminateEventDefinition': () => ({ kind: 'terminate' }),
  'bpmn:LinkEventDefinition': (definition) => ({ kind: 'link', linkName: definition.name ?? '' }),
};

/** The type names of the event definitions the engine executes. */
export const SUPPORTED_EVENT_DEFINITIONS: ReadonlySet<string> = new Set(Object.keys(DEFINITION_PARSERS));

/**
 * The event definition of an event: 'none' without one, undefined when it is of an unsupported kind.
 * With several definitions (a "multiple" event, reported by validation) the first one is used.
 */
export function parseEventDefinition(event: ModdleNode): EventDefinition | undefined {
  const definition = event.eventDefinitions?.[0];
  if (definition === undefined) return { kind: 'none' };
  return DEFINITION_PARSERS[definition.$type]?.(definition);
}
