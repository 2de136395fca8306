/** The model layer: BPMN 2.0 + zeebe: extensions -> validated, immutable executable graph. */
export { parseBpmn, type ParseOptions } from './parse.js';
export { checkFeelSyntax } from './feel-syntax.js';
export { toExpression } from './expression.js';
export type { Problem } from './problem.js';
export type * from './types.js';
