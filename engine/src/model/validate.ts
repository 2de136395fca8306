import { ProblemCollector, type Problem } from './problem.js';
import type { ModdleNode } from './moddle-types.js';
import type { ExecutableProcess } from './types.js';
import { validateEvents } from './validate-events.js';
import { validateExpressions } from './validate-expressions.js';
import { validateSource } from './validate-source.js';
import { validateStructure } from './validate-structure.js';

/** A built process together with the moddle element it came from (some rules need the source). */
export interface ProcessToValidate {
  readonly source: ModdleNode;
  readonly process: ExecutableProcess;
}

/**
 * Runs every deployment rule on every process and returns all problems found, never only the first:
 * a modeller fixes a diagram in one pass instead of one redeploy per mistake.
 */
export function validateProcesses(processes: readonly ProcessToValidate[]): readonly Problem[] {
  const problems = new ProblemCollector();
  for (const { source, process } of processes) {
    validateSource(source, problems);
    validateStructure(process, problems);
    validateEvents(process, problems);
    validateExpressions(process, problems);
  }
  return problems.problems;
}
