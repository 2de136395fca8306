/**
 * Conformance harness: a real embedded engine on the worker's real PostgreSQL with a controlled clock, a
 * small BPMN builder, and helpers to drive jobs and read records. Each test file gets a fresh database.
 */
import { createEmbeddedEngine, type EmbeddedEngine } from '../src/client/embedded';
import { ControlledClock } from '../src/runtime/clock';
import type { ActivatedJob, EngineRecord } from '../src/client/port';
import { testDatabase } from '../../tests/support/database';

export interface Harness {
  engine: EmbeddedEngine;
  clock: ControlledClock;
  close(): Promise<void>;
}

let counter = 0;

/** A unique process id, so tests in one database never see each other's definitions. */
export function uniqueId(prefix = 'p'): string {
  counter += 1;
  return `${prefix}_${Date.now().toString(36)}_${counter}`;
}

/** Starts an engine on the database for `suite` (created once per worker). */
export async function startHarness(suite: string): Promise<Harness> {
  const databaseUrl = await testDatabase(suite);
  const clock = new ControlledClock(Date.parse('2026-03-02T01:00:00Z'));
  const engine = await createEmbeddedEngine({ databaseUrl, clock, startSchedulers: false, poolSize: 5 });
  return { engine, clock, close: () => engine.close() };
}

/** Wraps a process body in a BPMN document with the zeebe namespace. */
export function bpmn(processId: string, body: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs_${processId}" targetNamespace="http://motcua.test">
  <bpmn:process id="${processId}" isExecutable="true">
${body}
  </bpmn:process>
${extra}
</bpmn:definitions>`;
}

/** A service task with a job type. */
export function serviceTask(id: string, type: string, outgoing = '', extras = ''): string {
  return `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}" />${extras}</bpmn:extensionElements></bpmn:serviceTask>${outgoing}`;
}

export function flow(id: string, from: string, to: string, condition?: string): string {
  const c = condition ? `<bpmn:conditionExpression>${condition}</bpmn:conditionExpression>` : '';
  return `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}">${c}</bpmn:sequenceFlow>`;
}

/** Deploys one BPMN document and returns the process definition key. */
export async function deploy(engine: EmbeddedEngine, xml: string, name = 'process.bpmn'): Promise<string> {
  const d = await engine.deployResources([{ name, content: xml }]);
  return d.processes[0]!.processDefinitionKey;
}

/** Activates exactly the jobs of `type` available now. */
export async function activate(engine: EmbeddedEngine, type: string, max = 10): Promise<ActivatedJob[]> {
  return engine.activateJobs({ type, worker: 'test', timeoutMs: 60_000, maxJobsToActivate: max });
}

/** Activates one job of `type` and completes it with `variables`. */
export async function completeOne(
  engine: EmbeddedEngine,
  type: string,
  variables: Record<string, unknown> = {},
): Promise<ActivatedJob> {
  const [job] = await activate(engine, type, 1);
  if (!job) throw new Error(`no job of type ${type}`);
  await engine.completeJob({ jobKey: job.key, variables });
  return job;
}

/** Element ids that reached `intent` in order, for one instance. */
export async function elementsWith(
  engine: EmbeddedEngine,
  instanceKey: string,
  intent: string,
): Promise<string[]> {
  const records: EngineRecord[] = await engine.getRecords(instanceKey);
  return records
    .filter((r) => r.valueType === 'PROCESS_INSTANCE' && r.intent === intent)
    .map((r) => r.elementId!);
}

export async function instanceState(engine: EmbeddedEngine, key: string): Promise<string> {
  return (await engine.getProcessInstance(key)).state;
}

export async function rootVariables(engine: EmbeddedEngine, key: string): Promise<Record<string, unknown>> {
  const vars = await engine.getVariables(key, key);
  return Object.fromEntries(vars.map((v) => [v.name, v.value]));
}
