import { describeExpression } from './expression.js';
import { checkFeelSyntax } from './feel-syntax.js';
import type { ProblemCollector } from './problem.js';
import type { EventDefinition, ExecutableElement, ExecutableProcess, Expression } from './types.js';

/** An expression found in the graph, with what it is for (used in messages) and whether it must be FEEL. */
interface FoundExpression {
  readonly label: string;
  readonly expression: Expression | undefined;
  readonly feelOnly?: boolean;
}

/**
 * Expression rules: every FEEL expression must parse, and values that are evaluated as conditions or
 * collections must be FEEL (Zeebe rejects a static value there).
 */
export function validateExpressions(process: ExecutableProcess, problems: ProblemCollector): void {
  for (const element of process.elements.values()) {
    for (const found of expressionsOf(element)) check(element.id, found, problems);
  }
  for (const flow of process.flows.values()) {
    check(flow.id, { label: 'condition', expression: flow.condition, feelOnly: true }, problems);
  }
}

function check(elementId: string, found: FoundExpression, problems: ProblemCollector): void {
  const { expression } = found;
  if (expression === undefined) return;
  if (expression.kind === 'feel') {
    const reason = checkFeelSyntax(expression.source);
    if (reason !== undefined)
      problems.add(elementId, `Invalid FEEL expression '${expression.source}' (${found.label}): ${reason}`);
  } else if (found.feelOnly === true && expression.value.trim() !== '') {
    problems.add(
      elementId,
      `The ${found.label} must be a FEEL expression starting with '=', but is the static value '${describeExpression(expression)}'`,
    );
  }
}

function expressionsOf(element: ExecutableElement): FoundExpression[] {
  const found: FoundExpression[] = [
    { label: 'job type', expression: element.job?.type },
    { label: 'job retries', expression: element.job?.retries },
    ...element.inputMappings.map((mapping) => ({
      label: `input mapping '${mapping.target}'`,
      expression: mapping.source,
    })),
    ...element.outputMappings.map((mapping) => ({
      label: `output mapping '${mapping.target}'`,
      expression: mapping.source,
    })),
    ...element.executionListeners.flatMap((listener) => [
      { label: `${listener.eventType} execution listener type`, expression: listener.type },
      { label: `${listener.eventType} execution listener retries`, expression: listener.retries },
    ]),
    ...eventExpressions(element.eventDefinition),
  ];
  const { userTask, multiInstance, calledElement, script } = element;
  if (userTask !== undefined) {
    found.push(
      { label: 'assignee', expression: userTask.assignee },
      { label: 'candidate groups', expression: userTask.candidateGroups },
      { label: 'candidate users', expression: userTask.candidateUsers },
      { label: 'due date', expression: userTask.dueDate },
      { label: 'follow-up date', expression: userTask.followUpDate },
      { label: 'priority', expression: userTask.priority },
      { label: 'external form reference', expression: userTask.externalReference },
      ...userTask.taskListeners.flatMap((listener) => [
        { label: `${listener.eventType} task listener type`, expression: listener.type },
        { label: `${listener.eventType} task listener retries`, expression: listener.retries },
      ]),
    );
  }
  if (multiInstance !== undefined) {
    found.push(
      { label: 'input collection', expression: multiInstance.inputCollection, feelOnly: true },
      { label: 'output element', expression: multiInstance.outputElement, feelOnly: true },
      { label: 'completion condition', expression: multiInstance.completionCondition, feelOnly: true },
    );
  }
  if (calledElement !== undefined)
    found.push({ label: 'called process id', expression: calledElement.processId });
  if (script !== undefined) found.push({ label: 'script', expression: script.expression, feelOnly: true });
  return found;
}

function eventExpressions(definition: EventDefinition | undefined): FoundExpression[] {
  switch (definition?.kind) {
    case 'message':
      return [
        { label: 'message name', expression: definition.messageName },
        { label: 'correlation key', expression: definition.correlationKey },
      ];
    case 'timer':
      return [{ label: `timer ${definition.timerType}`, expression: definition.expression }];
    case 'signal':
      return [{ label: 'signal name', expression: definition.signalName }];
    case 'error':
      return [{ label: 'error code', expression: definition.errorCode }];
    case 'escalation':
      return [{ label: 'escalation code', expression: definition.escalationCode }];
    default:
      return [];
  }
}
