/**
 * Test support: builds small BPMN documents from inline XML bodies, so that each scenario shows exactly
 * the elements it is about. Kept free of Jest globals so that it type-checks with the engine build too.
 */
import { parseBpmn } from './parse.js';
import type { ExecutableElement, ExecutableProcess, ParseResult } from './types.js';

const NAMESPACES = [
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"',
  'xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"',
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
  'xmlns:modeler="http://camunda.org/schema/modeler/1.0"',
].join(' ');

/** A bpmn:definitions document with the given root elements (processes, messages, errors, ...). */
export function definitionsXml(rootElements: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NAMESPACES} id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
${rootElements}
</bpmn:definitions>`;
}

/** One executable process `id` with the given body, plus optional extra root elements (messages etc.). */
export function processXml(body: string, options: { id?: string; rootElements?: string } = {}): string {
  const id = options.id ?? 'test-process';
  return definitionsXml(`<bpmn:process id="${id}" isExecutable="true">
${body}
</bpmn:process>
${options.rootElements ?? ''}`);
}

/** A sequence flow from `source` to `target`, with id `${source}_${target}` unless given. */
export function flow(source: string, target: string, id = `${source}_${target}`, condition?: string): string {
  if (condition === undefined)
    return `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}" />`;
  return `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}">
  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression>
</bpmn:sequenceFlow>`;
}

/** start -> the given element -> end, for scenarios about one element with id `elementId`. */
export function around(elementId: string, element: string): string {
  return `<bpmn:startEvent id="start" />
${element}
<bpmn:endEvent id="end" />
${flow('start', elementId)}
${flow(elementId, 'end')}`;
}

/** A service task with a job type, for bodies that need a valid activity. */
export function serviceTask(id: string, extra = ''): string {
  return `<bpmn:serviceTask id="${id}">
  <bpmn:extensionElements><zeebe:taskDefinition type="work" /></bpmn:extensionElements>${extra}
</bpmn:serviceTask>`;
}

/** Parses a document that must be valid and returns its only process; throws listing the problems if not. */
export async function parseValid(xml: string): Promise<ExecutableProcess> {
  const result = await parseBpmn(xml);
  const process = result.processes[0];
  if (result.problems.length > 0 || process === undefined) {
    throw new Error(`expected a valid process, got problems: ${JSON.stringify(result.problems, null, 2)}`);
  }
  return process;
}

/** The element with the given id; throws when it does not exist. */
export function elementOf(process: ExecutableProcess, id: string): ExecutableElement {
  const element = process.elements.get(id);
  if (element === undefined) throw new Error(`no element '${id}' in process '${process.bpmnProcessId}'`);
  return element;
}

/** The problem messages on one element, for compact assertions. */
export function messagesFor(result: ParseResult, elementId: string | undefined): string[] {
  return result.problems
    .filter((problem) => problem.elementId === elementId)
    .map((problem) => problem.message);
}

/** Parses a process body and returns its problems; a result with problems must carry no process. */
export async function problemsOf(body: string, rootElements?: string): Promise<ParseResult['problems']> {
  const result = await parseBpmn(processXml(body, { rootElements }));
  if (result.problems.length > 0 && result.processes.length > 0)
    throw new Error('a result with problems must have no processes');
  return result.problems;
}

/** A bpmn:message `m` named 'paid' with a correlation key, for scenarios that need a valid subscription. */
export const keyedMessage =
  '<bpmn:message id="m" name="paid"><bpmn:extensionElements><zeebe:subscription correlationKey="=id" /></bpmn:extensionElements></bpmn:message>';

/** A timer event definition with one value element (timeDuration, timeDate or timeCycle). */
export function timer(type: string, value: string): string {
  return `<bpmn:timerEventDefinition><bpmn:${type}>${value}</bpmn:${type}></bpmn:timerEventDefinition>`;
}
