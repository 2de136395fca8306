/**
 * The FEEL evaluation core: runs feelin (chosen in docs/adr/0002-feel-library.md), turns its warnings into
 * Zeebe's wording and its exceptions into failure values. User input never makes this throw.
 *
 * No parse cache: feelin 8.2 parses against the variable names of the context (names may contain spaces,
 * so the tree depends on the context) and binds the executable tree to a per-call warning collector; neither
 * the interpreter nor a compile step is exported. See the ADR for the measured cost.
 */
import { evaluate as feelinEvaluate, SyntaxError as FeelSyntaxError, type Warning } from 'feelin';
import type { Expression } from '../model/types.js';
import { feelToJson, zeebeTypeOf, type JsonValue } from './to-json.js';

/** Result of evaluating FEEL: a JSON-compatible value, or a failure message; warnings in Zeebe's "[TYPE] message" form. */
export type FeelResult =
  { ok: true; value: unknown; warnings: string[] } | { ok: false; message: string; warnings: string[] };

/** A successful evaluation that also keeps the raw FEEL value, so typed helpers can see FEEL types before JSON conversion. */
export type RawFeelResult =
  | { ok: true; value: JsonValue; raw: unknown; warnings: string[] }
  | { ok: false; message: string; warnings: string[] };

/**
 * Evaluates a FEEL expression (source without Zeebe's leading '=') against the given variables.
 * The value is converted to JSON (dates, durations to ISO strings; contexts to plain objects).
 */
export function evaluateFeel(source: string, context: Record<string, unknown>): FeelResult {
  const result = evaluateRaw(source, context);
  return result.ok ? { ok: true, value: result.value, warnings: result.warnings } : result;
}

/** Evaluates an Expression of the executable model: a static value is returned as is (a string). */
export function evaluateExpression(expr: Expression, context: Record<string, unknown>): FeelResult {
  return expr.kind === 'static'
    ? { ok: true, value: expr.value, warnings: [] }
    : evaluateFeel(expr.source, context);
}

/** A bare variable name (the most common mapping source, `=dossierCode`), and the FEEL words that are not names. */
const BARE_NAME = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/;
const FEEL_WORDS = new Set([
  'true',
  'false',
  'null',
  'not',
  'and',
  'or',
  'in',
  'between',
  'if',
  'then',
  'else',
  'for',
  'return',
  'some',
  'every',
  'satisfies',
  'instance',
  'of',
  'function',
  'external',
]);

/** Like {@link evaluateFeel} but keeps the raw FEEL value for type checks. */
export function evaluateRaw(source: string, context: Record<string, unknown>): RawFeelResult {
  // A bare name of a variable that exists is its value: skip parsing (a mapping such as `=dossierCode` would
  // otherwise cost a full feelin parse). A missing one goes through feelin for its "no variable found" warning.
  const bare = BARE_NAME.exec(source);
  if (bare && !FEEL_WORDS.has(bare[1]!) && Object.prototype.hasOwnProperty.call(context, bare[1]!)) {
    const raw = context[bare[1]!];
    try {
      return { ok: true, value: feelToJson(raw), raw, warnings: [] };
    } catch {
      // not JSON-convertible as is: let feelin decide
    }
  }
  let raw: unknown;
  let warnings: Warning[];
  try {
    const result = feelinEvaluate(source, context);
    raw = result.value;
    warnings = result.warnings;
  } catch (error) {
    return { ok: false, message: describeError(source, error), warnings: [] };
  }
  const formatted = warnings.map(formatWarning);
  try {
    return { ok: true, value: feelToJson(raw), raw, warnings: formatted };
  } catch (error) {
    // e.g. an invalid zone id only detected when resolving a zoned date-time
    return { ok: false, message: describeError(source, error), warnings: formatted };
  }
}

/**
 * The message Zeebe builds for an unexpected result type, with the evaluation warnings appended
 * (camunda/camunda PR #15011), e.g. "Expected result of the expression 'x' to be 'BOOLEAN', but was 'NULL'."
 */
export function typeMismatch(
  source: string,
  expected: string,
  raw: unknown,
  warnings: readonly string[],
): string {
  return withWarnings(
    `Expected result of the expression '${source}' to be '${expected}', but was '${zeebeTypeOf(raw)}'.`,
    warnings,
  );
}

/** Appends warnings the way Zeebe's ExpressionProcessor does. */
export function withWarnings(message: string, warnings: readonly string[]): string {
  return warnings.length === 0
    ? message
    : `${message} The evaluation reported the following warnings:\n${warnings.join('\n')}`;
}

function describeError(source: string, error: unknown): string {
  if (error instanceof FeelSyntaxError) {
    return `failed to parse expression '${source}': ${error.message} at position ${error.position.from}`;
  }
  const reason = error instanceof Error ? error.message : String(error);
  return `failed to evaluate expression '${source}': ${reason}`;
}

/**
 * Zeebe's "[TYPE] message" form. feelin's wording differs from FEEL Scala's for the common warnings;
 * those are rephrased so incident messages read like Zeebe's (operators search for them).
 */
export function formatWarning(warning: Warning): string {
  return `[${warning.type}] ${rephrase(warning)}`;
}

function rephrase(warning: Warning): string {
  const { type, message } = warning;
  if (type === 'NO_VARIABLE_FOUND') {
    const match = /^Variable '(.*)' not found$/.exec(message);
    if (match) return `No variable found with name '${match[1]}'`;
  }
  if (type === 'NO_CONTEXT_ENTRY_FOUND') {
    const match = /^Key '(.*)' not found in /.exec(message);
    if (match) return `No context entry found with key '${match[1]}'`;
  }
  if (type === 'NO_PROPERTY_FOUND') {
    const match = /^Property '(.*)' not found in (.*)$/.exec(message);
    if (match) return `No property found with name '${match[1]}' of value ${match[2]}`;
  }
  return message;
}
