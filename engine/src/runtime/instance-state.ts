/**
 * One process instance loaded for a command: its active element instances and its variables. Processors
 * change this in memory; `state-writer.ts` persists the changes at the end of the command's transaction.
 */
import type { ElementType } from '../model/types.js';

export type ElementState =
  'ACTIVATING' | 'ACTIVATED' | 'COMPLETING' | 'COMPLETED' | 'TERMINATING' | 'TERMINATED';

/** Runtime bookkeeping kept on an element instance (stored as jsonb). */
export interface ElementData {
  /** This element instance owns timer, message or signal subscriptions (set when the first one is opened). */
  subscriptions?: boolean;
  /** Containers: element instances and waiting join tokens still alive inside. */
  activeChildren?: number;
  /** Containers: sequence flows that arrived at a joining gateway, by gateway id (flow ids, with repeats). */
  joins?: Record<string, string[]>;
  /** Where the lifecycle stands while blocked on a listener job or an incident. */
  step?: 'activate' | 'start-listeners' | 'complete' | 'end-listeners' | 'task-listeners';
  listenerIndex?: number;
  /** Multi-instance body. */
  mi?: { total: number; started: number; completed: number; outputs: unknown[]; items?: unknown[] };
  /** Multi-instance inner instance: its 0-based index. */
  loopIndex?: number;
  /** Element activated by an event that carried variables (message/signal) to apply on completion. */
  eventVariables?: Record<string, unknown>;
  /** Job variables waiting for output mappings (job completed while end listeners run). */
  resultVariables?: Record<string, unknown>;
  /** After this element terminates, activate these (interrupting boundary / event subprocess). */
  onTerminated?: { elementId: string; flowScopeKey: string; variables?: Record<string, unknown> }[];
  /** Event-based gateway: the event that fired. */
  triggeredBy?: string;
  calledProcessInstanceKey?: string;
  userTaskKey?: string;
  /** Completion of this container was requested by a terminate end event. */
  terminateEnd?: boolean;
  /** Call activity: the child's variables to merge on completion. */
  childVariables?: Record<string, unknown>;
  /** User task completion variables/action awaiting completing listeners. */
  taskCompletion?: { variables: Record<string, unknown>; action?: string };
}

export interface ElementInstanceState {
  readonly key: string;
  readonly elementId: string;
  readonly elementType: ElementType | 'multiInstanceBody';
  readonly flowScopeKey?: string;
  state: ElementState;
  data: ElementData;
  readonly createdAt: number;
  endedAt?: number;
  /** Persistence flags. */
  isNew: boolean;
  dirty: boolean;
}

export type InstanceStatus = 'ACTIVE' | 'COMPLETED' | 'TERMINATED';

export interface ProcessInstanceRow {
  key: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  state: InstanceStatus;
  parentProcessInstanceKey?: string;
  parentElementInstanceKey?: string;
  rootProcessInstanceKey: string;
  startMessageName?: string;
  startCorrelationKey?: string;
  createdAt: number;
  endedAt?: number;
}

/** The loaded aggregate. */
export class InstanceState {
  readonly elements = new Map<string, ElementInstanceState>();
  /** Variables by scope key. */
  readonly variables = new Map<string, Map<string, unknown>>();
  readonly changedVariables = new Map<string, Set<string>>();
  readonly removedScopes = new Set<string>();
  instanceDirty = false;

  constructor(
    readonly row: ProcessInstanceRow,
    readonly isNew: boolean,
  ) {}

  get key(): string {
    return this.row.key;
  }

  element(key: string): ElementInstanceState {
    const e = this.elements.get(key);
    if (!e) throw new Error(`Element instance ${key} is not active in process instance ${this.row.key}`);
    return e;
  }

  /** Active children of a flow scope, in creation order. */
  childrenOf(flowScopeKey: string): ElementInstanceState[] {
    return [...this.elements.values()].filter(
      (e) => e.flowScopeKey === flowScopeKey && e.state !== 'COMPLETED' && e.state !== 'TERMINATED',
    );
  }

  getLocal(scopeKey: string, name: string): unknown {
    return this.variables.get(scopeKey)?.get(name);
  }

  hasLocal(scopeKey: string, name: string): boolean {
    return this.variables.get(scopeKey)?.has(name) ?? false;
  }

  setLocal(scopeKey: string, name: string, value: unknown): void {
    let scope = this.variables.get(scopeKey);
    if (!scope) this.variables.set(scopeKey, (scope = new Map()));
    scope.set(name, value === undefined ? null : value);
    let changed = this.changedVariables.get(scopeKey);
    if (!changed) this.changedVariables.set(scopeKey, (changed = new Set()));
    changed.add(name);
  }

  /** Drops the local variables of a scope that has ended. */
  removeScope(scopeKey: string): void {
    if (scopeKey === this.row.key) return;
    // Every variable of the instance is loaded with it, so a scope absent here has no stored variables.
    if (this.variables.delete(scopeKey)) this.removedScopes.add(scopeKey);
    this.changedVariables.delete(scopeKey);
  }

  /** Scope keys from `scopeKey` up to the process element instance (innermost first). */
  scopeChain(scopeKey: string): string[] {
    const chain: string[] = [];
    let current: string | undefined = scopeKey;
    while (current !== undefined) {
      chain.push(current);
      current = this.elements.get(current)?.flowScopeKey;
    }
    return chain;
  }

  /** All variables visible from `scopeKey`, inner ones shadowing outer ones. */
  visibleVariables(scopeKey: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const key of this.scopeChain(scopeKey).reverse()) {
      for (const [name, value] of this.variables.get(key) ?? []) out[name] = value;
    }
    return out;
  }
}
