/**
 * Zeebe input/output mappings as pure functions (camunda-reference §1.4). The runtime decides where the
 * results go: input results become local variables of the element; output results are merged into the
 * flow scope (propagation.ts), or kept local when the element has output mappings (Zeebe's rule).
 */
import type { Mapping } from '../model/types.js';
import { evaluateFeel, withWarnings } from '../feel/evaluator.js';
import type { JsonValue } from '../feel/to-json.js';
import { MappingResult, navigate } from './mapping-levels.js';

/**
 * Result of applying mappings. `warnings` (FEEL warnings, e.g. a missing source variable) never fail a
 * mapping; they are returned so the runtime can log them.
 */
export type MappingOutcome =
  { ok: true; variables: Record<string, unknown>; warnings: string[] } | { ok: false; message: string };

/**
 * Evaluates input mappings in modelling order. Each source sees the variables of the scope (`context`)
 * overlaid with the targets of the earlier mappings; a dotted target (`a.b.c`) builds nested objects that a
 * later mapping reads layered over the scope's `a`, but the resulting local `a` holds only the mapped keys.
 * A static source is a string literal ("1" stays the string "1"). A missing source variable yields null.
 * The first failing mapping fails the whole set, and no variable is applied.
 */
export function applyInputMappings(
  mappings: readonly Mapping[],
  context: Record<string, unknown>,
): MappingOutcome {
  return apply(mappings, context, 'input');
}

/**
 * Evaluates output mappings in modelling order against the element's visible variables (including the job's
 * result variables). A dotted target merges with the existing value at every level of the path (`a.b`
 * keeps the other keys of the existing `a`); if the existing value at a level is not an object, that level
 * becomes null (FEEL's context merge). Later mappings see earlier targets.
 */
export function applyOutputMappings(
  mappings: readonly Mapping[],
  context: Record<string, unknown>,
): MappingOutcome {
  return apply(mappings, context, 'output');
}

function apply(
  mappings: readonly Mapping[],
  context: Record<string, unknown>,
  mode: 'input' | 'output',
): MappingOutcome {
  const result = new MappingResult(mode, (path) => navigate(context[path[0] as string], path, 1));
  const warnings: string[] = [];
  for (const mapping of mappings) {
    const path = mapping.target.split('.');
    if (mapping.target.trim() === '' || path.some((part) => part === '')) {
      return {
        ok: false,
        message: `Expected a variable name or path as mapping target, but found '${mapping.target}'.`,
      };
    }
    let value: JsonValue;
    if (mapping.source.kind === 'static') {
      value = mapping.source.value;
    } else {
      const evaluated = evaluateFeel(mapping.source.source, visibleContext(context, result));
      if (!evaluated.ok) return { ok: false, message: withWarnings(evaluated.message, evaluated.warnings) };
      warnings.push(...evaluated.warnings);
      value = evaluated.value as JsonValue; // evaluateFeel converts to JSON
    }
    result.put(path, value);
  }
  return { ok: true, variables: result.toDocument(), warnings };
}

/** The scope's variables with the mapping results so far taking priority. */
function visibleContext(context: Record<string, unknown>, result: MappingResult): Record<string, unknown> {
  const names = result.names();
  if (names.length === 0) return context;
  const visible: Record<string, unknown> = { ...context };
  for (const name of names) {
    const read = result.read(name);
    if (read.found) visible[name] = read.value;
  }
  return visible;
}
