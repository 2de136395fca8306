/** Process instance commands: create, cancel, set variables. */
import {
  EngineError,
  type CreateProcessInstanceRequest,
  type ProcessInstanceCreated,
} from '../../client/port.js';
import { startInstance } from '../behaviors/instances.js';
import { mergeLocal, mergePropagating } from '../behaviors/variables.js';
import type { EngineCore } from '../engine-core.js';

/** Rejects variables that are not a JSON object. */
export function requireDocument(value: unknown, field = 'variables'): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new EngineError(
      'INVALID_ARGUMENT',
      `Expected ${field} to be a JSON object, but got ${Array.isArray(value) ? 'an array' : typeof value}`,
    );
  }
  return value as Record<string, unknown>;
}

export async function createProcessInstance(
  core: EngineCore,
  req: CreateProcessInstanceRequest,
): Promise<ProcessInstanceCreated> {
  const variables = requireDocument(req.variables);
  return core.run(async (ex) => {
    const c = ex.ctx.client;
    const def =
      req.version === undefined || req.version < 0
        ? await core.definitions.latest(c, req.bpmnProcessId)
        : await core.definitions.version(c, req.bpmnProcessId, req.version);
    if (!def) {
      const v = req.version === undefined || req.version < 0 ? 'latest version' : `version ${req.version}`;
      throw new EngineError(
        'NOT_FOUND',
        `Expected to find process definition with process ID '${req.bpmnProcessId}' (${v}), but none found`,
      );
    }
    if (!def.process.noneStartEventId) {
      throw new EngineError(
        'FAILED_PRECONDITION',
        `Expected to create instance of process '${req.bpmnProcessId}' with none start event, but there is no such event`,
      );
    }
    const inst = await startInstance(ex, def, { variables });
    return {
      processInstanceKey: inst.key,
      processDefinitionKey: def.key,
      bpmnProcessId: req.bpmnProcessId,
      version: def.version,
    };
  });
}

export async function cancelProcessInstance(core: EngineCore, key: string): Promise<void> {
  await core.run(async (ex) => {
    const inst = await ex.ctx.instance(key);
    if (!inst || inst.row.state !== 'ACTIVE') {
      throw new EngineError(
        'NOT_FOUND',
        `Expected to cancel a process instance with key '${key}', but no such process was found`,
      );
    }
    if (inst.row.parentProcessInstanceKey) {
      throw new EngineError(
        'FAILED_PRECONDITION',
        `Expected to cancel a process instance with key '${key}', but it is created by a parent process instance. Cancel the root process instance '${inst.row.rootProcessInstanceKey}' instead.`,
      );
    }
    await ex.terminate(inst, inst.element(key));
  });
}

export async function setVariables(
  core: EngineCore,
  req: { elementInstanceKey: string; variables: Record<string, unknown>; local?: boolean },
): Promise<void> {
  const variables = requireDocument(req.variables);
  await core.run(async (ex) => {
    const found = await ex.ctx.client.query<{ process_instance_key: string }>(
      `SELECT process_instance_key FROM engine.element_instance WHERE key = $1 AND state NOT IN ('COMPLETED','TERMINATED')`,
      [req.elementInstanceKey],
    );
    const instanceKey = found.rows[0]?.process_instance_key;
    const inst = instanceKey ? await ex.ctx.instance(instanceKey) : undefined;
    const ei = inst?.elements.get(req.elementInstanceKey);
    if (!inst || !ei) {
      throw new EngineError(
        'NOT_FOUND',
        `Expected to update variables for element with key '${req.elementInstanceKey}', but no such element was found`,
      );
    }
    if (req.local) mergeLocal(ex, inst, ei.key, variables);
    else mergePropagating(ex, inst, ei.key, variables);
  });
}
