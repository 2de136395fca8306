/**
 * DeployResource: parse and validate every resource first (all problems listed, nothing stored on error),
 * then store new versions. An identical resource (same checksum as the latest version) keeps its version,
 * as Zeebe does. A new version replaces the previous version's timer, message and signal start events.
 */
import crypto from 'node:crypto';
import type { Deployment, Problem, Resource } from '../../client/port.js';
import { EngineError } from '../../client/port.js';
import { parseBpmn } from '../../model/parse.js';
import type { ExecutableProcess } from '../../model/types.js';
import { expectString } from '../../feel/evaluator.js';
import { scheduleTimer } from '../../timers/timer-expression.js';
import type { EngineCore } from '../engine-core.js';
import type { Executor } from '../executor.js';

const MAX_RESOURCE_BYTES = 4 * 1024 * 1024;

type Parsed =
  | { kind: 'bpmn'; name: string; xml: string; checksum: string; processes: readonly ExecutableProcess[] }
  | { kind: 'form'; name: string; formId: string; schema: Record<string, unknown>; checksum: string };

function text(content: string | Uint8Array): string {
  return typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
}

async function parseResource(resource: Resource, problems: Problem[]): Promise<Parsed | undefined> {
  const content = text(resource.content);
  const checksum = crypto.createHash('sha256').update(content).digest('hex');
  if (Buffer.byteLength(content) > MAX_RESOURCE_BYTES) {
    problems.push({
      resourceName: resource.name,
      message: `Resource is larger than ${MAX_RESOURCE_BYTES} bytes`,
    });
    return undefined;
  }
  if (/\.(bpmn|xml)$/i.test(resource.name)) {
    const parsed = await parseBpmn(content, { resourceName: resource.name, maxBytes: MAX_RESOURCE_BYTES });
    for (const p of parsed.problems)
      problems.push({ resourceName: resource.name, elementId: p.elementId, message: p.message });
    if (parsed.problems.length === 0 && parsed.processes.length === 0) {
      problems.push({
        resourceName: resource.name,
        message: 'Contains no executable process (isExecutable="true")',
      });
    }
    return { kind: 'bpmn', name: resource.name, xml: content, checksum, processes: parsed.processes };
  }
  if (/\.form$/i.test(resource.name)) {
    try {
      const schema = JSON.parse(content) as Record<string, unknown>;
      if (typeof schema !== 'object' || schema === null || typeof schema.id !== 'string' || !schema.id) {
        problems.push({
          resourceName: resource.name,
          message: 'A form must be a JSON object with a string "id" (the formId)',
        });
        return undefined;
      }
      return { kind: 'form', name: resource.name, formId: schema.id, schema, checksum };
    } catch (e) {
      problems.push({
        resourceName: resource.name,
        message: `Form is not valid JSON: ${(e as Error).message}`,
      });
      return undefined;
    }
  }
  problems.push({
    resourceName: resource.name,
    message: 'Unsupported resource type: expected a .bpmn or .form file',
  });
  return undefined;
}

/** Validates and stores resources. */
export async function deployResources(core: EngineCore, resources: Resource[]): Promise<Deployment> {
  if (resources.length === 0)
    throw new EngineError('INVALID_ARGUMENT', 'Expected to deploy at least one resource, but none given');
  const problems: Problem[] = [];
  const parsed: Parsed[] = [];
  for (const r of resources) {
    const p = await parseResource(r, problems);
    if (p) parsed.push(p);
  }
  if (problems.length > 0) {
    const list = problems
      .map((p) => `- ${p.resourceName}${p.elementId ? ` (element '${p.elementId}')` : ''}: ${p.message}`)
      .join('\n');
    throw new EngineError(
      'INVALID_ARGUMENT',
      `Expected to deploy new resources, but encountered the following errors:\n${list}`,
      problems,
    );
  }
  const deployment = await core.run(async (ex) => {
    const c = ex.ctx.client;
    await c.query("SELECT pg_advisory_xact_lock(hashtext('motcua-engine-deploy'))");
    // Delivered at commit: other engine processes drop their cached latest versions (EngineCore.definitions).
    await c.query("SELECT pg_notify('engine_deployments', '')");
    const deploymentKey = await ex.ctx.nextKey();
    await c.query('INSERT INTO engine.deployment (key, created_at) VALUES ($1, $2)', [
      deploymentKey,
      ex.ctx.now,
    ]);
    const result: Deployment = { key: deploymentKey, processes: [], forms: [] };
    for (const p of parsed) {
      if (p.kind === 'form') {
        const latest = await c.query<{ key: string; version: number; checksum: string }>(
          'SELECT key, version, checksum FROM engine.form WHERE form_id = $1 ORDER BY version DESC LIMIT 1',
          [p.formId],
        );
        const last = latest.rows[0];
        if (last && last.checksum === p.checksum) {
          result.forms.push({
            formId: p.formId,
            version: last.version,
            formKey: last.key,
            resourceName: p.name,
            isNew: false,
          });
          continue;
        }
        const key = await ex.ctx.nextKey();
        const version = (last?.version ?? 0) + 1;
        await c.query(
          `INSERT INTO engine.form (key, form_id, version, deployment_key, resource_name, checksum, schema, created_at)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
          [key, p.formId, version, deploymentKey, p.name, p.checksum, JSON.stringify(p.schema), ex.ctx.now],
        );
        ex.ctx.record({
          key,
          valueType: 'FORM',
          intent: 'CREATED',
          value: { formId: p.formId, version, resourceName: p.name },
        });
        result.forms.push({ formId: p.formId, version, formKey: key, resourceName: p.name, isNew: true });
        continue;
      }
      for (const process of p.processes) {
        result.processes.push(
          await deployProcess(core, ex, deploymentKey, p.name, p.xml, p.checksum, process),
        );
      }
    }
    ex.ctx.record({
      key: deploymentKey,
      valueType: 'DEPLOYMENT',
      intent: 'CREATED',
      value: { resources: resources.map((r) => r.name) },
    });
    return result;
  });
  core.definitions.forgetLatest();
  return deployment;
}

async function deployProcess(
  core: EngineCore,
  ex: Executor,
  deploymentKey: string,
  resourceName: string,
  xml: string,
  checksum: string,
  process: ExecutableProcess,
) {
  const c = ex.ctx.client;
  const latest = await c.query<{ key: string; version: number; checksum: string }>(
    'SELECT key, version, checksum FROM engine.process_definition WHERE bpmn_process_id = $1 ORDER BY version DESC LIMIT 1',
    [process.bpmnProcessId],
  );
  const last = latest.rows[0];
  if (last && last.checksum === checksum) {
    return {
      bpmnProcessId: process.bpmnProcessId,
      version: last.version,
      processDefinitionKey: last.key,
      resourceName,
      isNew: false,
    };
  }
  const key = await ex.ctx.nextKey();
  const version = (last?.version ?? 0) + 1;
  await c.query(
    `INSERT INTO engine.process_definition (key, bpmn_process_id, version, version_tag, deployment_key, resource_name,
       checksum, xml, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [
      key,
      process.bpmnProcessId,
      version,
      process.versionTag ?? null,
      deploymentKey,
      resourceName,
      checksum,
      xml,
      ex.ctx.now,
    ],
  );
  core.definitions.put(key, version, process);
  ex.ctx.record({
    key,
    valueType: 'PROCESS',
    intent: 'CREATED',
    value: { bpmnProcessId: process.bpmnProcessId, version, resourceName },
  });
  if (last) {
    await c.query(
      'DELETE FROM engine.timer WHERE process_definition_key = $1 AND process_instance_key IS NULL',
      [last.key],
    );
    await c.query(
      'DELETE FROM engine.message_subscription WHERE process_definition_key = $1 AND process_instance_key IS NULL',
      [last.key],
    );
    await c.query(
      'DELETE FROM engine.signal_subscription WHERE process_definition_key = $1 AND process_instance_key IS NULL',
      [last.key],
    );
  }
  await openStartEvents(ex, key, process);
  return {
    bpmnProcessId: process.bpmnProcessId,
    version,
    processDefinitionKey: key,
    resourceName,
    isNew: true,
  };
}

async function openStartEvents(
  ex: Executor,
  definitionKey: string,
  process: ExecutableProcess,
): Promise<void> {
  const c = ex.ctx.client;
  for (const id of process.timerStartEventIds) {
    const def = process.elements.get(id)!.eventDefinition;
    if (def?.kind !== 'timer') continue;
    const value = expectString(def.expression, {});
    const schedule = value.ok ? scheduleTimer(def.timerType, value.value, ex.ctx.now) : value;
    if (!schedule.ok)
      throw new EngineError('INVALID_ARGUMENT', `Timer start event '${id}': ${schedule.message}`, [
        { elementId: id, message: schedule.message },
      ]);
    await c.query(
      `INSERT INTO engine.timer (key, process_definition_key, element_id, due_at, repetitions, cycle, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [
        await ex.ctx.nextKey(),
        definitionKey,
        id,
        schedule.schedule.dueAt,
        schedule.schedule.repetitions,
        schedule.schedule.cycle ?? null,
        ex.ctx.now,
      ],
    );
    ex.ctx.after.timersChanged = true;
  }
  for (const id of process.messageStartEventIds) {
    const def = process.elements.get(id)!.eventDefinition;
    if (def?.kind !== 'message') continue;
    const name = expectString(def.messageName, {});
    if (!name.ok) throw new EngineError('INVALID_ARGUMENT', `Message start event '${id}': ${name.message}`);
    await c.query(
      `INSERT INTO engine.message_subscription (key, message_name, correlation_key, process_definition_key,
         bpmn_process_id, element_id, created_at) VALUES ($1,$2,'',$3,$4,$5,$6)`,
      [await ex.ctx.nextKey(), name.value, definitionKey, process.bpmnProcessId, id, ex.ctx.now],
    );
  }
  for (const id of process.signalStartEventIds) {
    const def = process.elements.get(id)!.eventDefinition;
    if (def?.kind !== 'signal') continue;
    const name = expectString(def.signalName, {});
    if (!name.ok) throw new EngineError('INVALID_ARGUMENT', `Signal start event '${id}': ${name.message}`);
    await c.query(
      `INSERT INTO engine.signal_subscription (key, signal_name, process_definition_key, bpmn_process_id, element_id,
         created_at) VALUES ($1,$2,$3,$4,$5,$6)`,
      [await ex.ctx.nextKey(), name.value, definitionKey, process.bpmnProcessId, id, ex.ctx.now],
    );
  }
}
