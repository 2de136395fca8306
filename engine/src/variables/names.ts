/**
 * Variable name and document validation (camunda-reference §1.4): names must be usable in FEEL, and
 * documents must be JSON objects, so that nothing the engine stores breaks an expression later.
 */
import { isPlainObject } from '../feel/to-json.js';

/** Zeebe's documented maximum length of a variable name. */
export const MAX_VARIABLE_NAME_LENGTH = 492;

/** FEEL literals and keywords that cannot name a variable (the grammar's reserved words). */
const RESERVED = new Set([
  'null',
  'true',
  'false',
  'function',
  'if',
  'then',
  'else',
  'for',
  'return',
  'between',
  'instance',
  'of',
  'not',
  'in',
  'and',
  'or',
  'some',
  'every',
  'satisfies',
  'external',
]);

/** Letters (any script, so Vietnamese names work), digits and '_', not starting with a digit. */
const NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/**
 * Returns why `name` is not a valid Zeebe variable name, or undefined when it is valid: alphanumeric or
 * `_`, no leading digit, no whitespace or operator (so no kebab-case), not a FEEL literal or keyword,
 * at most 492 characters.
 */
export function validateVariableName(name: string): string | undefined {
  if (name.length === 0) return 'Variable name must not be empty.';
  if (name.length > MAX_VARIABLE_NAME_LENGTH) {
    return `Variable name '${name.slice(0, 40)}...' is ${name.length} characters long; the maximum is ${MAX_VARIABLE_NAME_LENGTH}.`;
  }
  if (/^\p{N}/u.test(name)) return `Variable name '${name}' must not start with a digit.`;
  if (/\s/u.test(name))
    return `Variable name '${name}' must not contain whitespace; use camelCase or snake_case.`;
  if (!NAME.test(name)) {
    return `Variable name '${name}' must contain only letters, digits and '_' (no operators such as '-', '+', '.', '?').`;
  }
  if (RESERVED.has(name)) return `Variable name '${name}' is a FEEL keyword or literal.`;
  return undefined;
}

/**
 * Returns why `value` is not a valid variables document, or undefined: it must be a JSON object (not an
 * array or primitive) whose values are all JSON (no undefined, functions, NaN/Infinity, bigint, class
 * instances or cycles). With `checkNames`, top-level names must also pass {@link validateVariableName};
 * off by default because Zeebe accepts any name in a document (such a variable just cannot be used in FEEL).
 */
export function validateVariablesDocument(
  value: unknown,
  options?: { checkNames?: boolean },
): string | undefined {
  if (!isPlainObject(value)) {
    return `Expected document to be a root level object, but was '${jsonTypeName(value)}'.`;
  }
  for (const [name, entry] of Object.entries(value)) {
    if (options?.checkNames === true) {
      const problem = validateVariableName(name);
      if (problem !== undefined) return problem;
    }
    const problem = nonJson(entry, name, new Set());
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function nonJson(value: unknown, path: string, seen: Set<object>): string | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') {
    return Number.isFinite(value)
      ? undefined
      : `Expected variable '${path}' to be a JSON value, but was the number ${value}.`;
  }
  if (typeof value !== 'object')
    return `Expected variable '${path}' to be a JSON value, but was '${typeof value}'.`;
  if (seen.has(value)) return `Expected variable '${path}' to be a JSON value, but it contains a cycle.`;
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = nonJson(value[i], `${path}[${i}]`, seen);
      if (problem !== undefined) return problem;
    }
  } else if (isPlainObject(value)) {
    for (const [key, entry] of Object.entries(value)) {
      const problem = nonJson(entry, `${path}.${key}`, seen);
      if (problem !== undefined) return problem;
    }
  } else {
    return `Expected variable '${path}' to be a JSON value, but was an instance of '${value.constructor.name}'.`;
  }
  seen.delete(value);
  return undefined;
}

function jsonTypeName(value: unknown): string {
  if (value === null) return 'NULL';
  if (Array.isArray(value)) return 'ARRAY';
  if (typeof value === 'object') return 'OBJECT';
  return typeof value === 'number'
    ? 'NUMBER'
    : typeof value === 'boolean'
      ? 'BOOLEAN'
      : typeof value === 'string'
        ? 'STRING'
        : typeof value;
}
