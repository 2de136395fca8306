/**
 * The FEEL port of the engine: everything the runtime needs to evaluate Zeebe expressions. Results are
 * values, never exceptions: a failure carries a Zeebe-like message to raise as an incident.
 * Implementation: feelin 8.2 (docs/adr/0002-feel-library.md); swap the library behind these functions only.
 */
export { evaluateFeel, evaluateExpression, withWarnings, type FeelResult } from './evaluate.js';
export {
  evaluateCondition,
  expectString,
  expectNumber,
  expectStringList,
  expectList,
  expectDateTimeString,
  type Typed,
} from './typed-results.js';
export { feelToJson, type JsonValue, type ZeebeResultType } from './to-json.js';
