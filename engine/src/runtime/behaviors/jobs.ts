/**
 * Job behavior: service-like tasks, message throw events, job-based user tasks and listeners all wait on a
 * job that a worker activates and completes. Job type and retries may be FEEL expressions.
 */
import type { ExecutableElement, ExecutionListener, Expression, TaskListener } from '../../model/types.js';
import { expectNumber, expectString } from '../../feel/evaluator.js';
import type { Executor } from '../executor.js';
import type { ElementInstanceState, InstanceState } from '../instance-state.js';

export type ListenerEventType =
  'START' | 'END' | 'CREATING' | 'ASSIGNING' | 'UPDATING' | 'COMPLETING' | 'CANCELING';

interface JobSpec {
  type: Expression;
  retries: Expression;
  kind: 'BPMN_ELEMENT' | 'EXECUTION_LISTENER' | 'TASK_LISTENER';
  listenerEventType?: ListenerEventType;
  headers: Record<string, string>;
}

/** Creates the job of a job-based element; raises an incident when its type or retries cannot be evaluated. */
export async function createElementJob(
  ex: Executor,
  inst: InstanceState,
  ei: ElementInstanceState,
  el: ExecutableElement,
  extraHeaders: Record<string, string> = {},
): Promise<void> {
  if (!el.job) throw new Error(`Element ${el.id} has no job definition`);
  await createJob(ex, inst, ei, {
    type: el.job.type,
    retries: el.job.retries,
    kind: 'BPMN_ELEMENT',
    headers: { ...el.taskHeaders, ...extraHeaders },
  });
}

/** Creates an execution listener job (blocking: the element waits for it). */
export async function createListenerJob(
  ex: Executor,
  inst: InstanceState,
  ei: ElementInstanceState,
  listener: ExecutionListener | TaskListener,
  eventType: ListenerEventType,
): Promise<void> {
  const isTask = eventType !== 'START' && eventType !== 'END';
  const el = await ex.elementOf(inst, ei);
  await createJob(ex, inst, ei, {
    type: listener.type,
    retries: listener.retries,
    kind: isTask ? 'TASK_LISTENER' : 'EXECUTION_LISTENER',
    listenerEventType: eventType,
    headers: { ...el.taskHeaders },
  });
}

async function createJob(
  ex: Executor,
  inst: InstanceState,
  ei: ElementInstanceState,
  spec: JobSpec,
): Promise<void> {
  const context = inst.visibleVariables(ei.key);
  const type = expectString(spec.type, context);
  if (!type.ok) return ex.incident(inst, ei, 'EXTRACT_VALUE_ERROR', type.message);
  const retries =
    spec.retries.kind === 'static'
      ? { ok: true as const, value: Number(spec.retries.value) }
      : expectNumber(spec.retries, context);
  if (!retries.ok) return ex.incident(inst, ei, 'EXTRACT_VALUE_ERROR', retries.message);
  const key = await ex.ctx.nextKey();
  const retryCount = Number.isFinite(retries.value) ? Math.trunc(retries.value) : 3;
  // Inserted with the command's write batch (context.ts).
  ex.ctx.newJobs.set(key, {
    key,
    type: type.value,
    kind: spec.kind,
    listenerEventType: spec.listenerEventType ?? 'UNSPECIFIED',
    processInstanceKey: inst.key,
    elementInstanceKey: ei.key,
    elementId: ei.elementId,
    bpmnProcessId: inst.row.bpmnProcessId,
    processDefinitionKey: inst.row.processDefinitionKey,
    processDefinitionVersion: inst.row.version,
    retries: retryCount,
    customHeaders: spec.headers,
    scopePath: inst.scopeChain(ei.key),
  });
  ex.ctx.after.jobTypes.add(type.value);
  ex.ctx.record({
    key,
    valueType: 'JOB',
    intent: 'CREATED',
    processInstanceKey: inst.key,
    elementId: ei.elementId,
    elementType: ei.elementType,
    value: {
      type: type.value,
      retries: retryCount,
      elementInstanceKey: ei.key,
      jobKind: spec.kind,
      listenerEventType: spec.listenerEventType ?? 'UNSPECIFIED',
    },
  });
}

/** Cancels the open jobs of an element instance (it was terminated). */
export async function cancelJobsOf(
  ex: Executor,
  inst: InstanceState,
  elementInstanceKey: string,
): Promise<void> {
  // Stored jobs first (the command's own deletions excluded), then the ones this command created.
  const deleted = await ex.ctx.client.query<{ key: string; type: string; element_id: string }>(
    'DELETE FROM engine.job WHERE element_instance_key = $1 AND key <> ALL($2::bigint[]) RETURNING key, type, element_id',
    [elementInstanceKey, [...ex.ctx.deletedJobs]],
  );
  const rows = [...deleted.rows];
  for (const j of [...ex.ctx.newJobs.values()]) {
    if (j.elementInstanceKey !== elementInstanceKey) continue;
    ex.ctx.newJobs.delete(j.key);
    rows.push({ key: j.key, type: j.type, element_id: j.elementId });
  }
  for (const j of rows) {
    ex.ctx.record({
      key: j.key,
      valueType: 'JOB',
      intent: 'CANCELED',
      processInstanceKey: inst.key,
      elementId: j.element_id,
      value: { type: j.type, elementInstanceKey },
    });
  }
}
