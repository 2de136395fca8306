import { BpmnModdle, type BpmnModdleWarning } from 'bpmn-moddle';
import type { ModdleNode } from './moddle-types.js';
import type { Problem } from './problem.js';

/** Default upper bound of one BPMN resource: larger files are almost certainly not hand-modelled processes. */
export const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

let moddle: Promise<BpmnModdle> | undefined;

/**
 * One shared BpmnModdle with the zeebe package (building the type registry costs more than a parse).
 * The schema is loaded by a dynamic JSON import: zeebe-bpmn-moddle has no main entry, `import.meta` breaks
 * Jest, and `createRequire(cwd)` would depend on the working directory. Node's ESM loader honours the import
 * attribute; under Jest, swc turns the import into a `require` of the JSON file.
 */
function sharedModdle(): Promise<BpmnModdle> {
  moddle ??= import('zeebe-bpmn-moddle/resources/zeebe.json', { with: { type: 'json' } }).then(
    (zeebe: { default: unknown }) => new BpmnModdle({ zeebe: zeebe.default }),
  );
  return moddle;
}

/** Rejections made before the XML reaches a parser: size, and DTDs (XXE and entity-expansion attacks). */
export function checkResource(xml: string, maxBytes: number, resource: string): Problem[] {
  const problems: Problem[] = [];
  const size = Buffer.byteLength(xml, 'utf8');
  if (size > maxBytes) {
    problems.push({ message: `${resource} is too large: ${size} bytes, the limit is ${maxBytes} bytes` });
  }
  // BPMN never needs a DTD; refusing it outright is simpler and safer than trusting a parser to ignore it.
  if (/<!DOCTYPE/i.test(xml)) {
    problems.push({
      message: `${resource} must not contain a DOCTYPE declaration (not allowed for security reasons)`,
    });
  }
  if (/<!ENTITY/i.test(xml)) {
    problems.push({
      message: `${resource} must not declare XML entities (<!ENTITY>, not allowed for security reasons)`,
    });
  }
  return problems;
}

/** The definitions tree, or the problems that prevented reading it; moddle warnings become problems too. */
export async function readDefinitions(
  xml: string,
  resource: string,
): Promise<{ definitions?: ModdleNode; problems: Problem[] }> {
  const reader = await sharedModdle();
  try {
    const result = await reader.fromXML(xml);
    return { definitions: result.rootElement as ModdleNode, problems: result.warnings.map(warningToProblem) };
  } catch (error: unknown) {
    const reason = error instanceof Error ? oneLine(error.message) : String(error);
    return { problems: [{ message: `${resource} is not a readable BPMN 2.0 document: ${reason}` }] };
  }
}

function warningToProblem(warning: BpmnModdleWarning): Problem {
  const elementId = warning.element?.id;
  const message = oneLine(warning.message);
  return elementId === undefined ? { message } : { elementId, message };
}

/** Moddle messages carry "\n\tline: 3\n\tcolumn: 5" details; flatten them for logs and UIs. */
function oneLine(message: string): string {
  return message
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(', ');
}
