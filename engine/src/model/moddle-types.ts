/**
 * The subset of bpmn-moddle element shapes the parser reads. Moddle builds plain objects whose properties
 * depend on `$type`; one wide interface with optional members keeps the reading code typed without `any`.
 */

/** A `bpmn:FormalExpression` or similar: the text content is in `body`. */
export interface ModdleBody {
  readonly $type?: string;
  readonly body?: string;
}

/** Any moddle element (bpmn:* or zeebe:*), with the properties this parser looks at. */
export interface ModdleNode {
  readonly $type: string;
  readonly $parent?: ModdleNode;
  readonly id?: string;
  readonly name?: string;
  // Containers and definitions
  readonly rootElements?: readonly ModdleNode[];
  readonly flowElements?: readonly ModdleNode[];
  readonly isExecutable?: boolean;
  readonly triggeredByEvent?: boolean;
  readonly extensionElements?: { readonly values?: readonly ModdleNode[] };
  // Flow nodes and flows
  readonly default?: ModdleNode;
  readonly sourceRef?: ModdleNode;
  readonly targetRef?: ModdleNode;
  readonly conditionExpression?: ModdleBody;
  readonly loopCharacteristics?: ModdleNode;
  readonly isSequential?: boolean;
  readonly completionCondition?: ModdleBody;
  readonly instantiate?: boolean;
  // Events
  readonly eventDefinitions?: readonly ModdleNode[];
  readonly attachedToRef?: ModdleNode;
  readonly cancelActivity?: boolean;
  readonly isInterrupting?: boolean;
  readonly messageRef?: ModdleNode;
  readonly signalRef?: ModdleNode;
  readonly errorRef?: ModdleNode;
  readonly escalationRef?: ModdleNode;
  readonly errorCode?: string;
  readonly escalationCode?: string;
  readonly timeDuration?: ModdleBody;
  readonly timeDate?: ModdleBody;
  readonly timeCycle?: ModdleBody;
  // zeebe:* extension attributes
  readonly type?: string;
  readonly retries?: string;
  readonly eventType?: string;
  readonly key?: string;
  readonly value?: string;
  readonly values?: readonly ModdleNode[];
  readonly source?: string;
  readonly target?: string;
  readonly inputParameters?: readonly ModdleNode[];
  readonly outputParameters?: readonly ModdleNode[];
  readonly listeners?: readonly ModdleNode[];
  readonly correlationKey?: string;
  readonly assignee?: string;
  readonly candidateGroups?: string;
  readonly candidateUsers?: string;
  readonly dueDate?: string;
  readonly followUpDate?: string;
  readonly priority?: string;
  readonly formId?: string;
  readonly formKey?: string;
  readonly externalReference?: string;
  readonly inputCollection?: string;
  readonly inputElement?: string;
  readonly outputCollection?: string;
  readonly outputElement?: string;
  readonly processId?: string;
  readonly processIdExpression?: string;
  readonly propagateAllChildVariables?: boolean;
  readonly propagateAllParentVariables?: boolean;
  readonly bindingType?: string;
  readonly versionTag?: string;
  readonly expression?: string;
  readonly resultVariable?: string;
}

/** The extension elements of a node with the given `$type` (e.g. `zeebe:TaskDefinition`). */
export function extensionsOf(node: ModdleNode | undefined, type: string): readonly ModdleNode[] {
  return node?.extensionElements?.values?.filter((value) => value.$type === type) ?? [];
}

/** The first extension element of the given `$type`, if any (Zeebe allows at most one of most kinds). */
export function extensionOf(node: ModdleNode | undefined, type: string): ModdleNode | undefined {
  return extensionsOf(node, type)[0];
}

/** True for the non-empty string values moddle gives for set attributes. */
export function isSet(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}
