import { toExpression } from './expression.js';
import { newDraft, transformElement, type DraftElement } from './parse-elements.js';
import { parseExecutionListeners, parseVersionTag } from './parse-extensions.js';
import type { ModdleNode } from './moddle-types.js';
import type { ExecutableProcess, SequenceFlow } from './types.js';

/** Mutable state of one process while its elements are transformed. */
interface BuildContext {
  readonly elements: Map<string, DraftElement>;
  readonly flowNodes: ModdleNode[];
}

const CONTAINER_TYPES = new Set(['process', 'subProcess', 'eventSubProcess']);

/** Transforms one executable bpmn:Process into the (still mutable) executable graph. */
export function buildProcess(process: ModdleNode): ExecutableProcess {
  const bpmnProcessId = process.id ?? '';
  const root = newDraft(bpmnProcessId, 'process', process.name);
  root.executionListeners = parseExecutionListeners(process);
  const context: BuildContext = { elements: new Map([[bpmnProcessId, root]]), flowNodes: [] };
  collectChildren(process, root, context);

  const flows = buildFlows(context);
  attachBoundaryEvents(context.elements);
  for (const element of context.elements.values()) {
    if (CONTAINER_TYPES.has(element.type)) describeContainer(element, context.elements);
  }

  const startEvents = root.childIds
    .map((id) => context.elements.get(id))
    .filter((element): element is DraftElement => element?.type === 'startEvent');
  const startIdsOf = (kind: string): string[] =>
    startEvents.filter((start) => start.eventDefinition?.kind === kind).map((start) => start.id);

  return {
    bpmnProcessId,
    name: process.name,
    versionTag: parseVersionTag(process),
    elements: context.elements,
    flows,
    noneStartEventId: root.noneStartEventId,
    messageStartEventIds: startIdsOf('message'),
    timerStartEventIds: startIdsOf('timer'),
    signalStartEventIds: startIdsOf('signal'),
    linkTargets: linkTargetsOf(context.elements),
  };
}

/** Walks a container's flow elements depth-first; flows are kept aside until every node exists. */
function collectChildren(container: ModdleNode, draft: DraftElement, context: BuildContext): void {
  for (const node of container.flowElements ?? []) {
    if (node.$type === 'bpmn:SequenceFlow') {
      context.flowNodes.push(node);
      continue;
    }
    const element = transformElement(node, draft.id);
    if (element === undefined) continue;
    context.elements.set(element.id, element);
    draft.childIds.push(element.id);
    if (CONTAINER_TYPES.has(element.type)) collectChildren(node, element, context);
  }
}

/** Sequence flows, and the incoming/outgoing lists derived from them (the XML's own lists are optional). */
function buildFlows(context: BuildContext): Map<string, SequenceFlow> {
  const flows = new Map<string, SequenceFlow>();
  for (const node of context.flowNodes) {
    if (node.id === undefined) continue;
    const condition = node.conditionExpression?.body;
    const flow: SequenceFlow = {
      id: node.id,
      sourceId: node.sourceRef?.id ?? '',
      targetId: node.targetRef?.id ?? '',
      name: node.name,
      condition: condition === undefined || condition.trim() === '' ? undefined : toExpression(condition),
    };
    flows.set(flow.id, flow);
    context.elements.get(flow.sourceId)?.outgoing.push(flow.id);
    context.elements.get(flow.targetId)?.incoming.push(flow.id);
  }
  return flows;
}

function attachBoundaryEvents(elements: Map<string, DraftElement>): void {
  for (const element of elements.values()) {
    if (element.type !== 'boundaryEvent' || element.attachedToId === undefined) continue;
    elements.get(element.attachedToId)?.boundaryEventIds.push(element.id);
  }
}

/** Fills the container fields: none start event, event subprocesses, and an event subprocess's start. */
function describeContainer(container: DraftElement, elements: Map<string, DraftElement>): void {
  const children = container.childIds.map((id) => elements.get(id)).filter((child) => child !== undefined);
  const startEvents = children.filter((child) => child.type === 'startEvent');
  container.eventSubProcessIds = children
    .filter((child) => child.type === 'eventSubProcess')
    .map((child) => child.id);
  if (container.type === 'eventSubProcess') {
    const start = startEvents[0];
    container.startEventId = start?.id;
    container.interrupting = start?.interrupting ?? true;
    return;
  }
  container.noneStartEventId = startEvents.find((start) => start.eventDefinition?.kind === 'none')?.id;
}

function linkTargetsOf(elements: Map<string, DraftElement>): Map<string, string> {
  const targets = new Map<string, string>();
  for (const element of elements.values()) {
    const definition = element.eventDefinition;
    if (element.type !== 'intermediateCatchEvent' || definition?.kind !== 'link') continue;
    const key = `${element.flowScopeId ?? ''}/${definition.linkName}`;
    // The first catch wins; duplicates are reported by validation.
    if (!targets.has(key)) targets.set(key, element.id);
  }
  return targets;
}
