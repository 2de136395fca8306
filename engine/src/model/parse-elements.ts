import { messageDefinition, parseEventDefinition } from './parse-events.js';
import {
  parseCalledElement,
  parseExecutionListeners,
  parseIoMappings,
  parseJobDefinition,
  parseMultiInstance,
  parseScript,
  parseTaskHeaders,
} from './parse-extensions.js';
import { JOB_BASED_USER_TASK_JOB, parseUserTask } from './parse-user-task.js';
import type { ModdleNode } from './moddle-types.js';
import type { ElementType, ExecutableElement } from './types.js';

/** An element while the graph is being built: same shape as ExecutableElement, with writable lists. */
export type DraftElement = {
  -readonly [K in keyof ExecutableElement]: ExecutableElement[K] extends readonly (infer T)[]
    ? T[]
    : ExecutableElement[K];
};

type Transformer = (node: ModdleNode, element: DraftElement) => void;

interface ElementKind {
  readonly type: ElementType;
  readonly transform?: Transformer;
}

const transformEvent: Transformer = (node, element) => {
  element.eventDefinition = parseEventDefinition(node);
};

/** Only an event subprocess's start event can be non-interrupting (isInterrupting, default true). */
const transformStartEvent: Transformer = (node, element) => {
  transformEvent(node, element);
  if (node.$parent?.triggeredByEvent === true) element.interrupting = node.isInterrupting !== false;
};

/** Message throw and end events are job workers in Zeebe (the worker publishes the message). */
const transformThrowEvent: Transformer = (node, element) => {
  transformEvent(node, element);
  if (element.eventDefinition?.kind === 'message') element.job = parseJobDefinition(node);
};

const transformBoundaryEvent: Transformer = (node, element) => {
  transformEvent(node, element);
  element.interrupting = node.cancelActivity !== false;
  element.attachedToId = node.attachedToRef?.id;
};

const transformJobTask: Transformer = (node, element) => {
  element.job = parseJobDefinition(node);
};

/** A script task is either evaluated by the engine (zeebe:script) or handed to a job worker. */
const transformScriptTask: Transformer = (node, element) => {
  element.script = parseScript(node);
  if (element.script === undefined) element.job = parseJobDefinition(node);
};

const transformUserTask: Transformer = (node, element) => {
  element.userTask = parseUserTask(node);
  if (!element.userTask.camundaUserTask) element.job = JOB_BASED_USER_TASK_JOB;
};

/** A receive task waits for a message like a catch event: the subscription is its event definition. */
const transformReceiveTask: Transformer = (node, element) => {
  element.eventDefinition = messageDefinition(node.messageRef);
};

const transformCallActivity: Transformer = (node, element) => {
  element.calledElement = parseCalledElement(node);
};

/** The registry: one entry per executable BPMN type. Anything else is rejected by validation. */
const ELEMENT_KINDS: Readonly<Record<string, ElementKind>> = {
  'bpmn:StartEvent': { type: 'startEvent', transform: transformStartEvent },
  'bpmn:EndEvent': { type: 'endEvent', transform: transformThrowEvent },
  'bpmn:IntermediateCatchEvent': { type: 'intermediateCatchEvent', transform: transformEvent },
  'bpmn:IntermediateThrowEvent': { type: 'intermediateThrowEvent', transform: transformThrowEvent },
  'bpmn:BoundaryEvent': { type: 'boundaryEvent', transform: transformBoundaryEvent },
  'bpmn:ServiceTask': { type: 'serviceTask', transform: transformJobTask },
  'bpmn:SendTask': { type: 'sendTask', transform: transformJobTask },
  'bpmn:BusinessRuleTask': { type: 'businessRuleTask', transform: transformJobTask },
  'bpmn:ScriptTask': { type: 'scriptTask', transform: transformScriptTask },
  'bpmn:UserTask': { type: 'userTask', transform: transformUserTask },
  'bpmn:ReceiveTask': { type: 'receiveTask', transform: transformReceiveTask },
  'bpmn:ManualTask': { type: 'manualTask' },
  'bpmn:Task': { type: 'task' },
  'bpmn:ExclusiveGateway': { type: 'exclusiveGateway' },
  'bpmn:ParallelGateway': { type: 'parallelGateway' },
  'bpmn:InclusiveGateway': { type: 'inclusiveGateway' },
  'bpmn:EventBasedGateway': { type: 'eventBasedGateway' },
  'bpmn:SubProcess': { type: 'subProcess' },
  'bpmn:CallActivity': { type: 'callActivity', transform: transformCallActivity },
};

/** True when the moddle type is an element the engine executes. */
export function isExecutableType(moddleType: string): boolean {
  return moddleType in ELEMENT_KINDS;
}

/** An empty draft with the fields every element has. */
export function newDraft(id: string, type: ElementType, name?: string, flowScopeId?: string): DraftElement {
  return {
    id,
    type,
    name,
    flowScopeId,
    incoming: [],
    outgoing: [],
    boundaryEventIds: [],
    taskHeaders: {},
    inputMappings: [],
    outputMappings: [],
    executionListeners: [],
    childIds: [],
    eventSubProcessIds: [],
  };
}

/** Builds the draft of one flow node, or undefined for types that are not executable (or have no id). */
export function transformElement(node: ModdleNode, flowScopeId: string): DraftElement | undefined {
  const kind = ELEMENT_KINDS[node.$type];
  if (kind === undefined || node.id === undefined) return undefined;
  const type: ElementType =
    kind.type === 'subProcess' && node.triggeredByEvent === true ? 'eventSubProcess' : kind.type;
  const element = newDraft(node.id, type, node.name, flowScopeId);
  const mappings = parseIoMappings(node);
  element.inputMappings = mappings.inputs;
  element.outputMappings = mappings.outputs;
  element.executionListeners = parseExecutionListeners(node);
  element.taskHeaders = parseTaskHeaders(node);
  element.defaultFlowId = node.default?.id;
  element.multiInstance = parseMultiInstance(node);
  kind.transform?.(node, element);
  return element;
}
