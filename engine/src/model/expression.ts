import type { Expression } from './types.js';

/** Zeebe's rule: a value whose first non-blank character is `=` is FEEL, anything else is a static value. */
export function toExpression(value: string): Expression {
  const trimmed = value.trimStart();
  return trimmed.startsWith('=')
    ? { kind: 'feel', source: trimmed.slice(1).trim() }
    : { kind: 'static', value };
}

/** Like toExpression, for optional attributes: an absent or blank attribute stays undefined. */
export function optionalExpression(value: string | undefined): Expression | undefined {
  return value === undefined || value.trim() === '' ? undefined : toExpression(value);
}

/** A short text of an expression for problem messages, with the `=` FEEL marker the modeller typed. */
export function describeExpression(expression: Expression): string {
  return expression.kind === 'feel' ? `=${expression.source}` : expression.value;
}
