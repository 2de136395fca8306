/**
 * Typed evaluation for the places where Zeebe expects a given result type (conditions, job type, retries,
 * candidate groups, due dates, input collections). Failures carry Zeebe's incident wording with the FEEL
 * warnings appended, so a modeller can act on them.
 */
import type { Expression } from '../model/types.js';
import { formatOffsetDateTime, parseIsoDateTime } from '../timers/iso-date-time.js';
import { evaluateRaw, typeMismatch, withWarnings } from './evaluate.js';
import { FeelDateTime } from 'feelin';
import { zeebeTypeOf, type JsonValue } from './to-json.js';

/** A value of the expected type, or a failure message to raise as an incident. */
export type Typed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Evaluates a condition (sequence flow, completion condition) with Zeebe's semantics: the result must be a
 * boolean; null or any other type is a failure, e.g. "Expected result of the expression 'x' to be 'BOOLEAN',
 * but was 'NULL'. The evaluation reported the following warnings:\n[NO_VARIABLE_FOUND] No variable found with name 'x'".
 */
export function evaluateCondition(source: string, context: Record<string, unknown>): Typed<boolean> {
  const result = evaluateRaw(source, context);
  if (!result.ok) return { ok: false, message: withWarnings(result.message, result.warnings) };
  if (typeof result.raw === 'boolean') return { ok: true, value: result.raw };
  return { ok: false, message: typeMismatch(source, 'BOOLEAN', result.raw, result.warnings) };
}

/** A string (job type, assignee, message name, process id). A static value is taken as is. */
export function expectString(expr: Expression, context: Record<string, unknown>): Typed<string> {
  if (expr.kind === 'static') return { ok: true, value: expr.value };
  const result = evaluateRaw(expr.source, context);
  if (!result.ok) return { ok: false, message: withWarnings(result.message, result.warnings) };
  if (typeof result.raw === 'string') return { ok: true, value: result.raw };
  return { ok: false, message: typeMismatch(expr.source, 'STRING', result.raw, result.warnings) };
}

/** A number (retries, priority). A static value must be numeric text such as "3"; Zeebe types it as a number. */
export function expectNumber(expr: Expression, context: Record<string, unknown>): Typed<number> {
  if (expr.kind === 'static') {
    const text = expr.value.trim();
    const value = text === '' ? Number.NaN : Number(text);
    return Number.isFinite(value)
      ? { ok: true, value }
      : {
          ok: false,
          message: `Expected result of the expression '${expr.value}' to be 'NUMBER', but was 'STRING'.`,
        };
  }
  const result = evaluateRaw(expr.source, context);
  if (!result.ok) return { ok: false, message: withWarnings(result.message, result.warnings) };
  if (typeof result.raw === 'number' && Number.isFinite(result.raw)) return { ok: true, value: result.raw };
  return { ok: false, message: typeMismatch(expr.source, 'NUMBER', result.raw, result.warnings) };
}

/**
 * A list of strings (candidateGroups, candidateUsers): a FEEL list of strings, or a static comma-separated
 * text ("a, b") whose entries are trimmed and empty entries dropped.
 */
export function expectStringList(expr: Expression, context: Record<string, unknown>): Typed<string[]> {
  if (expr.kind === 'static') {
    return {
      ok: true,
      value: expr.value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    };
  }
  const list = expectList(expr, context);
  if (!list.ok) return list;
  if (list.value.every((item): item is string => typeof item === 'string'))
    return { ok: true, value: list.value };
  return {
    ok: false,
    message:
      `Expected result of the expression '${expr.source}' to be 'ARRAY' containing 'STRING' items, ` +
      `but was 'ARRAY' containing at least one non-'STRING' item.`,
  };
}

/** A list (multi-instance inputCollection), its items converted to JSON values. */
export function expectList(expr: Expression, context: Record<string, unknown>): Typed<JsonValue[]> {
  if (expr.kind === 'static') {
    return {
      ok: false,
      message: `Expected result of the expression '${expr.value}' to be 'ARRAY', but was 'STRING'.`,
    };
  }
  const result = evaluateRaw(expr.source, context);
  if (!result.ok) return { ok: false, message: withWarnings(result.message, result.warnings) };
  if (Array.isArray(result.value)) return { ok: true, value: result.value };
  return { ok: false, message: typeMismatch(expr.source, 'ARRAY', result.raw, result.warnings) };
}

/**
 * An ISO-8601 offset date-time string (dueDate, followUpDate), e.g. "2024-01-31T10:00:00+07:00" or "...Z".
 * Accepts a FEEL date and time or a string; like Zeebe's nullable variant, `{ nullable: true }` turns null
 * or "" into `null` instead of a failure. A value without offset is read in UTC (see iso-date-time.ts).
 */
export function expectDateTimeString(expr: Expression, context: Record<string, unknown>): Typed<string>;
export function expectDateTimeString(
  expr: Expression,
  context: Record<string, unknown>,
  options: { nullable: true },
): Typed<string | null>;
export function expectDateTimeString(
  expr: Expression,
  context: Record<string, unknown>,
  options?: { nullable?: boolean },
): Typed<string | null> {
  const nullable = options?.nullable === true;
  const source = expr.kind === 'static' ? expr.value : expr.source;
  let text: string;
  let warnings: readonly string[] = [];
  if (expr.kind === 'static') {
    text = expr.value;
  } else {
    const result = evaluateRaw(expr.source, context);
    if (!result.ok) return { ok: false, message: withWarnings(result.message, result.warnings) };
    warnings = result.warnings;
    if (result.raw instanceof FeelDateTime) {
      // A FEEL date-time without zone is read in UTC, consistent with strings without offset.
      const zoned = result.raw.value.toZonedDateTime(result.raw.zone ?? 'UTC');
      return { ok: true, value: formatOffsetDateTime(zoned) };
    }
    if (result.raw === null && nullable) return { ok: true, value: null };
    if (typeof result.raw !== 'string') {
      const expected = nullable ? '[NULL, DATE_TIME, STRING]' : '[DATE_TIME, STRING]';
      const message = `Expected result of the expression '${expr.source}' to be one of '${expected}', but was '${zeebeTypeOf(result.raw)}'.`;
      return { ok: false, message: withWarnings(message, warnings) };
    }
    text = result.raw;
  }
  if (text === '' && nullable) return { ok: true, value: null };
  const parsed = parseIsoDateTime(text);
  if (!parsed.ok)
    return {
      ok: false,
      message: withWarnings(`Invalid date-time format '${text}' for expression '${source}'.`, warnings),
    };
  return { ok: true, value: formatOffsetDateTime(parsed.value) };
}
