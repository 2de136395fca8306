import type { ParseResult } from './types.js';

/** One deployment problem: what is wrong, on which element, phrased so a modeller can fix it. */
export type Problem = ParseResult['problems'][number];

/** Collects problems; validators push into it and never stop at the first one. */
export class ProblemCollector {
  private readonly items: Problem[] = [];

  /** Records a problem on an element (or on the resource when elementId is undefined). */
  add(elementId: string | undefined, message: string): void {
    this.items.push(elementId === undefined ? { message } : { elementId, message });
  }

  /** The problems collected so far, in discovery order. */
  get problems(): readonly Problem[] {
    return this.items;
  }
}
