/**
 * Job commands (Zeebe's Job*Processors): activate (SKIP LOCKED, so concurrent workers and engine processes
 * never get the same job), complete, fail, throw error, update retries and timeout, and time out jobs.
 */
import { EngineError, type ActivateJobsRequest, type ActivatedJob, type JobKind } from '../../client/port.js';
import { throwEvent } from '../behaviors/errors.js';
import { mergeLocal, mergePropagating } from '../behaviors/variables.js';
import { continueTaskListeners } from '../behaviors/user-tasks.js';
import type { EngineCore } from '../engine-core.js';
import type { Executor } from '../executor.js';
import type { ElementInstanceState, InstanceState } from '../instance-state.js';
import { requireDocument } from './instances.js';

interface JobRow {
  key: string;
  type: string;
  state: string;
  kind: JobKind;
  listener_event_type: string;
  process_instance_key: string;
  element_instance_key: string;
  element_id: string;
  bpmn_process_id: string;
  process_definition_key: string;
  process_definition_version: number;
  retries: number;
  deadline: string | null;
  worker: string | null;
  custom_headers: Record<string, string>;
  scope_path: string[];
  error_message: string | null;
}

/**
 * One statement activates the jobs (SKIP LOCKED), appends their ACTIVATED records and returns each job with the
 * variables visible from its scopes (innermost last), so an activation is a single round trip and needs no
 * explicit transaction (a statement is atomic). Named, so PostgreSQL plans it once per connection.
 */
const ACTIVATE = (named: boolean) => `WITH a AS (
    UPDATE engine.job SET state = 'ACTIVATED', worker = $2, deadline = $3, retry_at = NULL
     WHERE key IN (SELECT key FROM engine.job WHERE type = $1 AND state = 'ACTIVATABLE'
                   AND (retry_at IS NULL OR retry_at <= $4) ORDER BY key LIMIT $5 FOR UPDATE SKIP LOCKED)
     RETURNING *),
  r AS (INSERT INTO engine.record (key, value_type, intent, process_instance_key, element_id, value, timestamp)
    SELECT key, 'JOB', 'ACTIVATED', process_instance_key, element_id, jsonb_build_object('type', $1::text, 'worker', $2::text), $4
      FROM a ORDER BY key)
  SELECT a.*, (SELECT coalesce(json_agg(json_build_array(v.scope_key::text, v.name, v.value)), '[]')
                 FROM engine.variable v WHERE v.scope_key = ANY(a.scope_path)${named ? ' AND v.name = ANY($6::text[])' : ''}) AS variables
    FROM a ORDER BY a.key`;

/** Activates up to maxJobsToActivate jobs of a type (no waiting; long polling is the caller's loop). */
export async function activateJobs(core: EngineCore, req: ActivateJobsRequest): Promise<ActivatedJob[]> {
  if (!req.type) throw new EngineError('INVALID_ARGUMENT', 'Expected to activate jobs of a non-empty type');
  if (!(req.maxJobsToActivate > 0))
    throw new EngineError(
      'INVALID_ARGUMENT',
      `Expected maxJobsToActivate to be greater than zero, but was ${req.maxJobsToActivate}`,
    );
  const now = core.clock.now();
  const named = req.fetchVariables !== undefined && req.fetchVariables.length > 0;
  const values: unknown[] = [req.type, req.worker, now + req.timeoutMs, now, req.maxJobsToActivate];
  if (named) values.push(req.fetchVariables);
  const jobs = await core.pool.query<JobRow & { variables: [string, string, unknown][] }>({
    name: named ? 'motcua_activate_jobs_named' : 'motcua_activate_jobs',
    text: ACTIVATE(named),
    values,
  });
  return jobs.rows.map((j) => ({
    key: j.key,
    type: j.type,
    kind: j.kind,
    listenerEventType: j.listener_event_type,
    processInstanceKey: j.process_instance_key,
    bpmnProcessId: j.bpmn_process_id,
    processDefinitionVersion: j.process_definition_version,
    processDefinitionKey: j.process_definition_key,
    elementId: j.element_id,
    elementInstanceKey: j.element_instance_key,
    customHeaders: j.custom_headers,
    worker: req.worker,
    retries: j.retries,
    deadline: Number(j.deadline),
    variables: visibleVariables(j.scope_path, j.variables),
  }));
}

/** The variables a job sees: its scopes from the outermost to its own, inner names shadowing outer ones. */
function visibleVariables(scopePath: string[], rows: [string, string, unknown][]): Record<string, unknown> {
  const byScope = new Map<string, [string, unknown][]>();
  for (const [scope, name, value] of rows) {
    let list = byScope.get(scope);
    if (!list) byScope.set(scope, (list = []));
    list.push([name, value]);
  }
  const out: Record<string, unknown> = {};
  for (const scope of [...scopePath].reverse())
    for (const [n, v] of byScope.get(String(scope)) ?? []) out[n] = v;
  return out;
}

/** Loads a job under its instance's lock, or rejects with NOT_FOUND like Zeebe. */
async function lockJob(
  ex: Executor,
  jobKey: string,
  verb: string,
): Promise<{ job: JobRow; inst: InstanceState; ei: ElementInstanceState }> {
  const notFound = () =>
    new EngineError('NOT_FOUND', `Expected to ${verb} job with key '${jobKey}', but no such job was found`);
  if (!/^\d+$/.test(jobKey))
    throw new EngineError('INVALID_ARGUMENT', `Expected a job key (a number), but got '${jobKey}'`);
  // The instance is locked by the job's instance key, then the job row is read (and locked) with the instance.
  const { state: inst, job: found } = await ex.ctx.instanceBy({ jobKey });
  const job = found as JobRow | undefined;
  const ei = job && inst?.elements.get(job.element_instance_key);
  if (!job || !inst || !ei) throw notFound();
  return { job, inst, ei };
}

function record(ex: Executor, job: JobRow, intent: string, value: Record<string, unknown> = {}): void {
  ex.ctx.record({
    key: job.key,
    valueType: 'JOB',
    intent,
    processInstanceKey: job.process_instance_key,
    elementId: job.element_id,
    value: { type: job.type, ...value },
  });
}

export async function completeJob(
  core: EngineCore,
  jobKey: string,
  variablesIn?: Record<string, unknown>,
): Promise<void> {
  const variables = requireDocument(variablesIn);
  await core.run(async (ex) => {
    const { job, inst, ei } = await lockJob(ex, jobKey, 'complete');
    if (job.state !== 'ACTIVATABLE' && job.state !== 'ACTIVATED') {
      throw new EngineError(
        'FAILED_PRECONDITION',
        `Expected to complete job with key '${jobKey}', but it is in state '${job.state}'`,
      );
    }
    ex.ctx.deleteJob(jobKey);
    record(ex, job, 'COMPLETED', { variables });
    const el = await ex.elementOf(inst, ei);
    if (job.kind === 'BPMN_ELEMENT') return ex.complete(inst, ei, { variables });
    mergePropagating(ex, inst, ei.key, variables);
    const next = (ei.data.listenerIndex ?? 0) + 1;
    if (job.kind === 'EXECUTION_LISTENER') {
      if (job.listener_event_type === 'START') return ex.continueStartListeners(inst, ei, el, next);
      return ex.continueEndListeners(inst, ei, el, next);
    }
    const event = (ei.data as Record<string, unknown>).taskEvent as 'creating' | 'completing';
    await continueTaskListeners(ex, inst, ei, el, event, next);
  });
}

export async function failJob(
  core: EngineCore,
  req: {
    jobKey: string;
    retries: number;
    errorMessage?: string;
    retryBackOffMs?: number;
    variables?: Record<string, unknown>;
  },
): Promise<void> {
  const variables = requireDocument(req.variables);
  await core.run(async (ex) => {
    const { job, inst, ei } = await lockJob(ex, req.jobKey, 'fail');
    if (job.state !== 'ACTIVATED' && job.state !== 'ACTIVATABLE') {
      throw new EngineError(
        'FAILED_PRECONDITION',
        `Expected to fail job with key '${req.jobKey}', but it is in state '${job.state}'`,
      );
    }
    mergeLocal(ex, inst, ei.key, variables);
    const retries = Math.max(0, Math.trunc(req.retries));
    const message = req.errorMessage ?? '';
    record(ex, job, 'FAILED', { retries, errorMessage: message });
    if (retries > 0) {
      const backoff = req.retryBackOffMs && req.retryBackOffMs > 0 ? ex.ctx.now + req.retryBackOffMs : null;
      await ex.ctx.client.query(
        `UPDATE engine.job SET state = 'ACTIVATABLE', retries = $2, retry_at = $3, worker = NULL, deadline = NULL, error_message = $4 WHERE key = $1`,
        [job.key, retries, backoff, message],
      );
      ex.ctx.after.jobTypes.add(job.type);
      return;
    }
    await ex.ctx.client.query(
      `UPDATE engine.job SET state = 'FAILED', retries = 0, worker = NULL, deadline = NULL, error_message = $2 WHERE key = $1`,
      [job.key, message],
    );
    // Zeebe names the incident after the job kind (JobFailProcessor).
    const errorType =
      job.kind === 'EXECUTION_LISTENER'
        ? 'EXECUTION_LISTENER_NO_RETRIES'
        : job.kind === 'TASK_LISTENER'
          ? 'TASK_LISTENER_NO_RETRIES'
          : 'JOB_NO_RETRIES';
    await ex.incident(inst, ei, errorType, message || 'No more retries left.', job.key);
  });
}

export async function throwJobError(
  core: EngineCore,
  req: { jobKey: string; errorCode: string; errorMessage?: string; variables?: Record<string, unknown> },
): Promise<void> {
  const variables = requireDocument(req.variables);
  if (!req.errorCode) throw new EngineError('INVALID_ARGUMENT', 'Expected an error code, but none given');
  await core.run(async (ex) => {
    const { job, inst, ei } = await lockJob(ex, req.jobKey, 'throw an error for');
    if (job.state !== 'ACTIVATED' && job.state !== 'ACTIVATABLE') {
      throw new EngineError(
        'FAILED_PRECONDITION',
        `Expected to throw an error for job with key '${req.jobKey}', but it is in state '${job.state}'`,
      );
    }
    record(ex, job, 'ERROR_THROWN', { errorCode: req.errorCode, errorMessage: req.errorMessage ?? '' });
    await ex.ctx.client.query(
      `UPDATE engine.job SET state = 'ERROR_THROWN', error_message = $2 WHERE key = $1`,
      [job.key, `${req.errorCode}\n${req.errorMessage ?? ''}`],
    );
    const outcome = await throwEvent(ex, inst, ei, 'error', req.errorCode, variables);
    if (outcome === 'uncaught') {
      const msg = req.errorMessage ? ` with message '${req.errorMessage}'` : '';
      await ex.incident(
        inst,
        ei,
        'UNHANDLED_ERROR_EVENT',
        `Expected to throw an error event with the code '${req.errorCode}'${msg}, but it was not caught. No error events are available in the scope.`,
        job.key,
      );
    } else {
      await ex.ctx.client.query('DELETE FROM engine.job WHERE key = $1', [job.key]);
    }
  });
}

export async function updateJobRetries(core: EngineCore, jobKey: string, retries: number): Promise<void> {
  if (!(retries >= 1))
    throw new EngineError('INVALID_ARGUMENT', `Expected retries to be greater than zero, but was ${retries}`);
  await core.run(async (ex) => {
    const { job } = await lockJob(ex, jobKey, 'update retries of');
    await ex.ctx.client.query('UPDATE engine.job SET retries = $2 WHERE key = $1', [
      jobKey,
      Math.trunc(retries),
    ]);
    record(ex, job, 'RETRIES_UPDATED', { retries });
  });
}

export async function updateJobTimeout(core: EngineCore, jobKey: string, timeoutMs: number): Promise<void> {
  await core.run(async (ex) => {
    const { job } = await lockJob(ex, jobKey, 'update timeout of');
    if (job.state !== 'ACTIVATED') {
      throw new EngineError(
        'NOT_FOUND',
        `Expected to update the timeout of job with key '${jobKey}', but it is not active`,
      );
    }
    await ex.ctx.client.query('UPDATE engine.job SET deadline = $2 WHERE key = $1', [
      jobKey,
      ex.ctx.now + timeoutMs,
    ]);
    record(ex, job, 'TIMEOUT_UPDATED', { deadline: ex.ctx.now + timeoutMs });
  });
}

/** Makes jobs whose deadline passed activatable again (retries unchanged). Returns how many. */
export async function timeOutJobs(core: EngineCore): Promise<number> {
  const now = core.clock.now();
  const r = await core.pool.query<{
    key: string;
    type: string;
    process_instance_key: string;
    element_id: string;
  }>(
    `WITH timed_out AS (
       UPDATE engine.job SET state = 'ACTIVATABLE', worker = NULL, deadline = NULL
       WHERE key IN (SELECT key FROM engine.job WHERE state = 'ACTIVATED' AND deadline <= $1 LIMIT 500 FOR UPDATE SKIP LOCKED)
       RETURNING key, type, process_instance_key, element_id),
     logged AS (
       INSERT INTO engine.record (key, value_type, intent, process_instance_key, element_id, value, timestamp)
       SELECT key, 'JOB', 'TIMED_OUT', process_instance_key, element_id, jsonb_build_object('type', type), $1 FROM timed_out)
     SELECT * FROM timed_out`,
    [now],
  );
  for (const type of new Set(r.rows.map((j) => j.type))) core.emit('jobs', type);
  return r.rows.length;
}
