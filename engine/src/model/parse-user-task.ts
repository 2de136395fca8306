import { optionalExpression, toExpression } from './expression.js';
import { DEFAULT_JOB_RETRIES } from './parse-extensions.js';
import { extensionOf, isSet, type ModdleNode } from './moddle-types.js';
import type { JobDefinition, TaskListener, UserTaskDefinition } from './types.js';

/** The job that Zeebe creates for a (deprecated) job-based user task: fixed type, a single retry. */
export const JOB_BASED_USER_TASK_JOB: JobDefinition = {
  type: { kind: 'static', value: 'io.camunda.zeebe:userTask' },
  retries: { kind: 'static', value: '1' },
};

/**
 * Task listener event names: the 8.8 names, plus the 8.7 ones Zeebe still reads from older models.
 * Validation reports any other value.
 */
export const TASK_LISTENER_EVENT_TYPES: Readonly<Record<string, TaskListener['eventType']>> = {
  creating: 'creating',
  assigning: 'assigning',
  updating: 'updating',
  completing: 'completing',
  canceling: 'canceling',
  create: 'creating',
  assignment: 'assigning',
  update: 'updating',
  complete: 'completing',
  cancel: 'canceling',
};

/** The user task definition: assignment, schedule, priority, form and listeners, for both implementations. */
export function parseUserTask(node: ModdleNode): UserTaskDefinition {
  const assignment = extensionOf(node, 'zeebe:AssignmentDefinition');
  const schedule = extensionOf(node, 'zeebe:TaskSchedule');
  const form = extensionOf(node, 'zeebe:FormDefinition');
  return {
    camundaUserTask: extensionOf(node, 'zeebe:UserTask') !== undefined,
    assignee: optionalExpression(assignment?.assignee),
    candidateGroups: optionalExpression(assignment?.candidateGroups),
    candidateUsers: optionalExpression(assignment?.candidateUsers),
    dueDate: optionalExpression(schedule?.dueDate),
    followUpDate: optionalExpression(schedule?.followUpDate),
    priority: optionalExpression(extensionOf(node, 'zeebe:PriorityDefinition')?.priority),
    formId: isSet(form?.formId) ? form.formId : undefined,
    formKey: isSet(form?.formKey) ? form.formKey : undefined,
    externalReference: optionalExpression(form?.externalReference),
    taskListeners: parseTaskListeners(node),
  };
}

function parseTaskListeners(node: ModdleNode): TaskListener[] {
  return (extensionOf(node, 'zeebe:TaskListeners')?.listeners ?? []).map((listener) => ({
    eventType: TASK_LISTENER_EVENT_TYPES[listener.eventType ?? ''] ?? 'completing',
    type: toExpression(listener.type ?? ''),
    retries: toExpression(isSet(listener.retries) ? listener.retries : DEFAULT_JOB_RETRIES),
  }));
}
