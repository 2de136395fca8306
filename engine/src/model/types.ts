/**
 * The executable graph: what the parser (parse.ts) produces from BPMN + zeebe: extensions and what the
 * runtime executes. Immutable once built (deep-frozen), cached per process definition key.
 */

/** A value that is either static text or a FEEL expression (Zeebe: a leading `=` marks FEEL). */
export type Expression =
  { readonly kind: 'static'; readonly value: string } | { readonly kind: 'feel'; readonly source: string };

export type ElementType =
  | 'process'
  | 'startEvent'
  | 'endEvent'
  | 'intermediateCatchEvent'
  | 'intermediateThrowEvent'
  | 'boundaryEvent'
  | 'serviceTask'
  | 'sendTask'
  | 'scriptTask'
  | 'businessRuleTask'
  | 'userTask'
  | 'receiveTask'
  | 'manualTask'
  | 'task'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway'
  | 'eventBasedGateway'
  | 'subProcess'
  | 'eventSubProcess'
  | 'callActivity';

export type EventDefinition =
  | { readonly kind: 'none' }
  | { readonly kind: 'message'; readonly messageName: Expression; readonly correlationKey?: Expression }
  | {
      readonly kind: 'timer';
      readonly timerType: 'duration' | 'date' | 'cycle';
      readonly expression: Expression;
    }
  | { readonly kind: 'signal'; readonly signalName: Expression }
  /** errorCode undefined = catch-all (boundary / event subprocess start without a code). */
  | { readonly kind: 'error'; readonly errorCode?: Expression }
  | { readonly kind: 'escalation'; readonly escalationCode?: Expression }
  | { readonly kind: 'terminate' }
  | { readonly kind: 'link'; readonly linkName: string };

/** A zeebe:input / zeebe:output entry. `source` is usually FEEL; `target` is a variable name or path a.b. */
export interface Mapping {
  readonly source: Expression;
  readonly target: string;
}

export interface ExecutionListener {
  readonly eventType: 'start' | 'end';
  readonly type: Expression;
  readonly retries: Expression;
}

export interface TaskListener {
  readonly eventType: 'creating' | 'assigning' | 'updating' | 'completing' | 'canceling';
  readonly type: Expression;
  readonly retries: Expression;
}

/** Job definition of service-like tasks (zeebe:taskDefinition); retries default "3". */
export interface JobDefinition {
  readonly type: Expression;
  readonly retries: Expression;
}

export interface UserTaskDefinition {
  /** true: Camunda user task (zeebe:userTask); false: deprecated job-based user task. */
  readonly camundaUserTask: boolean;
  readonly assignee?: Expression;
  /** FEEL list or comma-separated static list. */
  readonly candidateGroups?: Expression;
  readonly candidateUsers?: Expression;
  readonly dueDate?: Expression;
  readonly followUpDate?: Expression;
  readonly priority?: Expression;
  readonly formId?: string;
  readonly formKey?: string;
  readonly externalReference?: Expression;
  readonly taskListeners: readonly TaskListener[];
}

export interface MultiInstanceDefinition {
  readonly sequential: boolean;
  readonly inputCollection: Expression;
  readonly inputElement?: string;
  readonly outputCollection?: string;
  readonly outputElement?: Expression;
  readonly completionCondition?: Expression;
}

export interface CalledElementDefinition {
  readonly processId: Expression;
  readonly propagateAllChildVariables: boolean;
  readonly propagateAllParentVariables: boolean;
  readonly bindingType: 'latest' | 'deployment' | 'versionTag';
  readonly versionTag?: string;
}

export interface ExecutableElement {
  readonly id: string;
  readonly type: ElementType;
  readonly name?: string;
  /** Id of the containing process / subprocess / event subprocess. Undefined for the process itself. */
  readonly flowScopeId?: string;
  readonly incoming: readonly string[];
  readonly outgoing: readonly string[];
  readonly defaultFlowId?: string;
  readonly eventDefinition?: EventDefinition;
  /** Boundary events: cancelActivity; event-subprocess start events: isInterrupting. */
  readonly interrupting?: boolean;
  /** Boundary events: the activity they are attached to. */
  readonly attachedToId?: string;
  /** Activities: their boundary events' ids. */
  readonly boundaryEventIds: readonly string[];
  readonly job?: JobDefinition;
  readonly taskHeaders: Readonly<Record<string, string>>;
  readonly inputMappings: readonly Mapping[];
  readonly outputMappings: readonly Mapping[];
  readonly executionListeners: readonly ExecutionListener[];
  readonly userTask?: UserTaskDefinition;
  readonly multiInstance?: MultiInstanceDefinition;
  readonly calledElement?: CalledElementDefinition;
  /** Script tasks with zeebe:script (FEEL) instead of a job: expression and result variable. */
  readonly script?: { readonly expression: Expression; readonly resultVariable: string };
  /** Containers (process, subProcess, eventSubProcess): direct child element ids. */
  readonly childIds: readonly string[];
  /** Containers: the none start event among the children. */
  readonly noneStartEventId?: string;
  /** Containers: event subprocess ids directly inside. */
  readonly eventSubProcessIds: readonly string[];
  /** Event subprocesses: their (single) start event id. */
  readonly startEventId?: string;
}

export interface SequenceFlow {
  readonly id: string;
  readonly sourceId: string;
  readonly targetId: string;
  readonly name?: string;
  readonly condition?: Expression;
}

export interface ExecutableProcess {
  readonly bpmnProcessId: string;
  readonly name?: string;
  readonly versionTag?: string;
  /** All elements by id, including the process element itself (type 'process', id = bpmnProcessId). */
  readonly elements: ReadonlyMap<string, ExecutableElement>;
  readonly flows: ReadonlyMap<string, SequenceFlow>;
  /** Start events of the process level by kind. */
  readonly noneStartEventId?: string;
  readonly messageStartEventIds: readonly string[];
  readonly timerStartEventIds: readonly string[];
  readonly signalStartEventIds: readonly string[];
  /** Link catch events by link name, per flow scope: key `${flowScopeId}/${linkName}`. */
  readonly linkTargets: ReadonlyMap<string, string>;
}

/** The result of parsing one BPMN resource: executable processes, or problems. */
export interface ParseResult {
  readonly processes: readonly ExecutableProcess[];
  readonly problems: readonly { readonly elementId?: string; readonly message: string }[];
}
