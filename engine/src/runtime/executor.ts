/**
 * The element lifecycle shared by every BPMN element (Zeebe's BpmnStateTransitionBehavior): activate,
 * complete, terminate, take sequence flows, and complete a flow scope when its last token is gone. Element
 * specifics live in processors/ (one per element family), found through the registry. All steps of one
 * command run to quiescence in a FIFO queue, inside the command's transaction.
 */
import type { ExecutableElement, ExecutableProcess, SequenceFlow } from '../model/types.js';
import type { CommandContext } from './context.js';
import type { ElementInstanceState, InstanceState } from './instance-state.js';
import { processorFor } from './processors/registry.js';
import { innerInstanceCompleted } from './processors/multi-instance.js';
import { applyInputs, applyOutputs } from './behaviors/variables.js';
import { createListenerJob } from './behaviors/jobs.js';
import {
  closeSubscriptionsOf,
  openBoundaryAndEventSubprocessSubscriptions,
} from './behaviors/subscriptions.js';
import { raiseIncident, resolveIncidentsOf } from './behaviors/incidents.js';
import { tryJoin, recheckInclusiveJoins } from './behaviors/joins.js';

/** Options of an element activation. */
export interface ActivateOptions {
  /** Variables carried by the event that activates the element (message, signal, error), merged on completion. */
  eventVariables?: Record<string, unknown>;
  /** Local variables to create before input mappings (multi-instance item, loopCounter). */
  localVariables?: Record<string, unknown>;
  /** Multi-instance inner instance index. */
  loopIndex?: number;
  /** Activate the element itself even if it has multi-instance characteristics (inner instance). */
  inner?: boolean;
}

export class Executor {
  private readonly queue: (() => Promise<void>)[] = [];

  constructor(readonly ctx: CommandContext) {}

  /** Schedules a step after the current ones. */
  defer(step: () => Promise<void>): void {
    this.queue.push(step);
  }

  /** Runs queued steps until none is left. */
  async run(): Promise<void> {
    for (let step = this.queue.shift(); step; step = this.queue.shift()) await step();
  }

  async processOf(inst: InstanceState): Promise<ExecutableProcess> {
    return this.ctx.processOf(inst);
  }

  async elementOf(inst: InstanceState, ei: ElementInstanceState): Promise<ExecutableElement> {
    const process = await this.processOf(inst);
    const el = process.elements.get(ei.elementId);
    if (!el) throw new Error(`Element ${ei.elementId} is missing from process ${process.bpmnProcessId}`);
    return el;
  }

  record(
    inst: InstanceState,
    ei: ElementInstanceState,
    intent: string,
    value: Record<string, unknown> = {},
  ): void {
    this.ctx.record({
      key: ei.key,
      valueType: 'PROCESS_INSTANCE',
      intent,
      processInstanceKey: inst.key,
      elementId: ei.elementId,
      elementType: ei.elementType,
      value: {
        bpmnProcessId: inst.row.bpmnProcessId,
        version: inst.row.version,
        processDefinitionKey: inst.row.processDefinitionKey,
        flowScopeKey: ei.flowScopeKey ?? '-1',
        ...value,
      },
    });
  }

  private setState(
    inst: InstanceState,
    ei: ElementInstanceState,
    state: ElementInstanceState['state'],
  ): void {
    ei.state = state;
    ei.dirty = true;
    if (state === 'ACTIVATED' || state === 'COMPLETED' || state === 'TERMINATED' || state === 'ACTIVATING') {
      this.record(inst, ei, `ELEMENT_${state}`);
    }
  }

  /** Creates an element instance in `flowScopeKey` and schedules its activation. */
  async activate(
    inst: InstanceState,
    elementId: string,
    flowScopeKey: string | undefined,
    options: ActivateOptions = {},
  ): Promise<ElementInstanceState> {
    const process = await this.processOf(inst);
    const el = process.elements.get(elementId);
    if (!el) throw new Error(`Unknown element ${elementId}`);
    const isBody = Boolean(el.multiInstance) && !options.inner;
    const key = flowScopeKey === undefined ? inst.key : await this.ctx.nextKey();
    const ei: ElementInstanceState = {
      key,
      elementId,
      elementType: isBody ? 'multiInstanceBody' : el.type,
      flowScopeKey,
      state: 'ACTIVATING',
      data: {},
      createdAt: this.ctx.now,
      isNew: true,
      dirty: true,
    };
    if (options.eventVariables) ei.data.eventVariables = options.eventVariables;
    if (options.loopIndex !== undefined) ei.data.loopIndex = options.loopIndex;
    inst.elements.set(key, ei);
    if (flowScopeKey !== undefined) {
      const scope = inst.element(flowScopeKey);
      scope.data.activeChildren = (scope.data.activeChildren ?? 0) + 1;
      scope.dirty = true;
    }
    for (const [name, value] of Object.entries(options.localVariables ?? {})) inst.setLocal(key, name, value);
    this.setState(inst, ei, 'ACTIVATING');
    this.defer(() => this.runActivation(inst, ei));
    return ei;
  }

  /** Input mappings, start listeners, then the element's own activation. Re-entered on incident resolution. */
  async runActivation(inst: InstanceState, ei: ElementInstanceState): Promise<void> {
    const el = await this.elementOf(inst, ei);
    ei.data.step = 'activate';
    ei.dirty = true;
    if (ei.elementType !== 'multiInstanceBody' && ei.elementType !== 'process') {
      const ok = await applyInputs(this, inst, ei, el);
      if (!ok) return;
    }
    await this.continueStartListeners(inst, ei, el, 0);
  }

  /** Runs start execution listeners from `index`, one job at a time, then activates the element. */
  async continueStartListeners(
    inst: InstanceState,
    ei: ElementInstanceState,
    el: ExecutableElement,
    index: number,
  ): Promise<void> {
    const listeners =
      ei.elementType === 'multiInstanceBody'
        ? []
        : el.executionListeners.filter((l) => l.eventType === 'start');
    if (index < listeners.length) {
      ei.data.step = 'start-listeners';
      ei.data.listenerIndex = index;
      ei.dirty = true;
      await createListenerJob(this, inst, ei, listeners[index]!, 'START');
      return;
    }
    delete ei.data.step;
    delete ei.data.listenerIndex;
    await processorFor(ei.elementType).activate(this, inst, el, ei);
  }

  /** Marks an element as waiting (ACTIVATED) and opens its boundary / event-subprocess subscriptions. */
  async markActivated(
    inst: InstanceState,
    ei: ElementInstanceState,
    el: ExecutableElement,
  ): Promise<boolean> {
    this.setState(inst, ei, 'ACTIVATED');
    return openBoundaryAndEventSubprocessSubscriptions(this, inst, ei, el);
  }

  /** Completes an element: output mappings, end listeners, then leaves it and continues the flow. */
  async complete(
    inst: InstanceState,
    ei: ElementInstanceState,
    result?: { variables?: Record<string, unknown>; localOnly?: boolean },
  ): Promise<void> {
    if (ei.state === 'ACTIVATING') this.setState(inst, ei, 'ACTIVATED');
    ei.state = 'COMPLETING';
    ei.dirty = true;
    ei.data.step = 'complete';
    if (result?.variables) ei.data.resultVariables = result.variables;
    if (result?.localOnly) ei.data.childVariables = result.variables;
    await this.runCompletion(inst, ei);
  }

  /** Output mappings then end listeners. Re-entered on incident resolution. */
  async runCompletion(inst: InstanceState, ei: ElementInstanceState): Promise<void> {
    const el = await this.elementOf(inst, ei);
    const ok = await applyOutputs(this, inst, ei, el);
    if (!ok) return;
    delete ei.data.resultVariables;
    delete ei.data.eventVariables;
    delete ei.data.childVariables;
    await this.continueEndListeners(inst, ei, el, 0);
  }

  async continueEndListeners(
    inst: InstanceState,
    ei: ElementInstanceState,
    el: ExecutableElement,
    index: number,
  ): Promise<void> {
    const listeners =
      ei.elementType === 'multiInstanceBody'
        ? []
        : el.executionListeners.filter((l) => l.eventType === 'end');
    if (index < listeners.length) {
      ei.data.step = 'end-listeners';
      ei.data.listenerIndex = index;
      ei.dirty = true;
      await createListenerJob(this, inst, ei, listeners[index]!, 'END');
      return;
    }
    await this.leave(inst, ei, el);
  }

  /** The element is done: close what it opened, take the outgoing flows, release its token. */
  private async leave(inst: InstanceState, ei: ElementInstanceState, el: ExecutableElement): Promise<void> {
    delete ei.data.step;
    delete ei.data.listenerIndex;
    await closeSubscriptionsOf(this, inst, ei.key);
    ei.endedAt = this.ctx.now;
    this.setState(inst, ei, 'COMPLETED');
    const scope = ei.flowScopeKey === undefined ? undefined : inst.elements.get(ei.flowScopeKey);
    if (scope?.elementType === 'multiInstanceBody') {
      await innerInstanceCompleted(this, inst, scope, ei);
      inst.removeScope(ei.key);
    } else {
      inst.removeScope(ei.key);
      await processorFor(ei.elementType).completed(this, inst, el, ei);
    }
    await this.releaseToken(inst, ei);
  }

  /** Takes every outgoing flow of a completed element (activities and events split in parallel). */
  async takeAllOutgoing(inst: InstanceState, ei: ElementInstanceState, el: ExecutableElement): Promise<void> {
    const process = await this.processOf(inst);
    for (const flowId of el.outgoing) await this.takeFlow(inst, ei.flowScopeKey!, process.flows.get(flowId)!);
  }

  /** Records the flow and activates (or joins at) its target. */
  async takeFlow(inst: InstanceState, flowScopeKey: string, flow: SequenceFlow): Promise<void> {
    this.ctx.record({
      key: await this.ctx.nextKey(),
      valueType: 'PROCESS_INSTANCE',
      intent: 'SEQUENCE_FLOW_TAKEN',
      processInstanceKey: inst.key,
      elementId: flow.id,
      elementType: 'sequenceFlow',
      value: {
        bpmnProcessId: inst.row.bpmnProcessId,
        flowScopeKey,
        sourceId: flow.sourceId,
        targetId: flow.targetId,
      },
    });
    const target = (await this.processOf(inst)).elements.get(flow.targetId)!;
    const joining =
      (target.type === 'parallelGateway' || target.type === 'inclusiveGateway') && target.incoming.length > 1;
    if (joining) await tryJoin(this, inst, flowScopeKey, target, flow.id);
    else await this.activate(inst, target.id, flowScopeKey);
  }

  /** Releases the token of a finished element in its flow scope; completes the scope when none is left. */
  async releaseToken(inst: InstanceState, ei: ElementInstanceState): Promise<void> {
    if (ei.flowScopeKey === undefined) return;
    const scope = inst.elements.get(ei.flowScopeKey);
    if (!scope) return;
    scope.data.activeChildren = Math.max(0, (scope.data.activeChildren ?? 1) - 1);
    scope.dirty = true;
    await this.scopeMayBeDone(inst, scope);
  }

  /** Completes or finishes terminating a scope whose tokens are all gone. */
  async scopeMayBeDone(inst: InstanceState, scope: ElementInstanceState): Promise<void> {
    if ((scope.data.activeChildren ?? 0) > 0) {
      if (scope.state === 'ACTIVATED') await recheckInclusiveJoins(this, inst, scope);
      return;
    }
    if (scope.state === 'TERMINATING') await this.finishTermination(inst, scope);
    else if (scope.state === 'ACTIVATED')
      await processorFor(scope.elementType).childrenDone(this, inst, scope);
  }

  /** Terminates an element and everything inside it. `then` is activated after (interrupting events). */
  async terminate(
    inst: InstanceState,
    ei: ElementInstanceState,
    then?: ElementInstanceState['data']['onTerminated'],
  ): Promise<void> {
    if (ei.state === 'TERMINATING' || ei.state === 'TERMINATED' || ei.state === 'COMPLETED') return;
    if (then) ei.data.onTerminated = [...(ei.data.onTerminated ?? []), ...then];
    ei.state = 'TERMINATING';
    ei.dirty = true;
    const el = await this.elementOf(inst, ei);
    await processorFor(ei.elementType).terminate(this, inst, el, ei);
    const children = inst.childrenOf(ei.key);
    if (ei.data.joins) {
      const waiting = Object.values(ei.data.joins).reduce((n, flows) => n + flows.length, 0);
      ei.data.activeChildren = Math.max(0, (ei.data.activeChildren ?? 0) - waiting);
      delete ei.data.joins;
    }
    for (const child of children) await this.terminate(inst, child);
    if ((ei.data.activeChildren ?? 0) === 0 && ei.state === 'TERMINATING')
      await this.finishTermination(inst, ei);
  }

  /** Last step of termination: the element is gone; interrupting events take its place. */
  async finishTermination(inst: InstanceState, ei: ElementInstanceState): Promise<void> {
    await closeSubscriptionsOf(this, inst, ei.key);
    await resolveIncidentsOf(this, inst, ei.key);
    ei.endedAt = this.ctx.now;
    this.setState(inst, ei, 'TERMINATED');
    inst.removeScope(ei.key);
    const then = ei.data.onTerminated ?? [];
    delete ei.data.onTerminated;
    for (const next of then) {
      await this.activate(inst, next.elementId, next.flowScopeKey, { eventVariables: next.variables });
    }
    await processorFor(ei.elementType).terminated(this, inst, ei);
    await this.releaseToken(inst, ei);
  }

  /** Raises an incident on an element; the element stays where it is until the incident is resolved. */
  async incident(
    inst: InstanceState,
    ei: ElementInstanceState,
    errorType: string,
    message: string,
    jobKey?: string,
  ): Promise<void> {
    await raiseIncident(this, inst, ei, errorType, message, jobKey);
  }
}
