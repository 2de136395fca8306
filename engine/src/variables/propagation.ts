/**
 * Zeebe's variable propagation rule as a pure function (camunda-reference §1.4): "a merged variable goes
 * up to the first scope that already has that name; if none has it, it is created at the root". Local
 * writes (SetVariables local=true, fail-job variables, input mappings) do not use this: they go to the
 * innermost scope.
 */

/** One scope of the chain: its key and the names of the variables it holds. */
export interface ScopeNames {
  readonly key: string;
  readonly names: ReadonlySet<string>;
}

/** Where one variable of a merged document is written. */
export interface PlannedWrite {
  readonly scopeKey: string;
  readonly name: string;
  readonly value: unknown;
}

/**
 * Plans the writes for merging `document` into the innermost scope of `scopes` (innermost first, the root
 * process instance scope last). Writes come out in the document's key order.
 * An empty chain is a programming error and throws.
 */
export function planPropagation(
  scopes: readonly ScopeNames[],
  document: Record<string, unknown>,
): PlannedWrite[] {
  const root = scopes[scopes.length - 1];
  if (root === undefined) throw new Error('planPropagation needs at least the root scope');
  return Object.entries(document).map(([name, value]) => {
    const owner = scopes.find((scope) => scope.names.has(name)) ?? root;
    return { scopeKey: owner.key, name, value };
  });
}
