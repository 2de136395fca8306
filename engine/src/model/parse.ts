import { deepFreeze } from './freeze.js';
import { checkResource, DEFAULT_MAX_BYTES, readDefinitions } from './moddle-reader.js';
import type { ModdleNode } from './moddle-types.js';
import { buildProcess } from './parse-process.js';
import type { Problem } from './problem.js';
import type { ParseResult } from './types.js';
import { validateProcesses, type ProcessToValidate } from './validate.js';

/** Options of parseBpmn. */
export interface ParseOptions {
  /** Name of the resource (file name) used in resource-level problem messages. */
  readonly resourceName?: string;
  /** Upper bound of the XML size in UTF-8 bytes; default 4 MiB. */
  readonly maxBytes?: number;
}

/**
 * Parses a BPMN 2.0 resource with zeebe: extensions into deep-frozen executable processes, one per
 * executable bpmn:Process (pools of a collaboration included). Invalid input never throws: the result
 * then has problems and no processes, so a deployment is all-or-nothing, as in Zeebe.
 */
export async function parseBpmn(xml: string, options: ParseOptions = {}): Promise<ParseResult> {
  const resource = options.resourceName === undefined ? 'The resource' : `Resource '${options.resourceName}'`;
  const rejected = checkResource(xml, options.maxBytes ?? DEFAULT_MAX_BYTES, resource);
  if (rejected.length > 0) return failed(rejected);

  const { definitions, problems: readProblems } = await readDefinitions(xml, resource);
  if (definitions === undefined) return failed(readProblems);
  const sources = executableProcessesOf(definitions);
  if (sources.length === 0) {
    return failed([
      ...readProblems,
      { message: `${resource} must contain at least one executable process (isExecutable="true")` },
    ]);
  }

  const built: ProcessToValidate[] = sources.map((source) => ({ source, process: buildProcess(source) }));
  const problems = [...readProblems, ...validateProcesses(built)];
  if (problems.length > 0) return failed(problems);
  return deepFreeze({ processes: built.map(({ process }) => process), problems: [] });
}

/**
 * The executable bpmn:Process elements. Participants of a collaboration reference processes that are
 * root elements too, so the root elements cover pools. Like Zeebe, only isExecutable="true" counts.
 */
function executableProcessesOf(definitions: ModdleNode): ModdleNode[] {
  return (definitions.rootElements ?? []).filter(
    (element) => element.$type === 'bpmn:Process' && element.isExecutable === true,
  );
}

function failed(problems: readonly Problem[]): ParseResult {
  return deepFreeze({ processes: [], problems: [...problems] });
}
