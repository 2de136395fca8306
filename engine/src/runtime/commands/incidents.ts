/** ResolveIncident: retries the step that failed; a job incident needs retries first (UpdateJobRetries). */
import { EngineError } from '../../client/port.js';
import { throwEvent } from '../behaviors/errors.js';
import { processorFor } from '../processors/registry.js';
import type { EngineCore } from '../engine-core.js';

export async function resolveIncident(core: EngineCore, incidentKey: string): Promise<void> {
  await core.run(async (ex) => {
    const c = ex.ctx.client;
    const found = await c.query<{
      process_instance_key: string;
      element_instance_key: string;
      job_key: string | null;
      state: string;
      error_type: string;
      failed_step: { step?: string };
    }>(
      'SELECT process_instance_key, element_instance_key, job_key, state, error_type, failed_step FROM engine.incident WHERE key = $1',
      [incidentKey],
    );
    const incident = found.rows[0];
    if (!incident || incident.state !== 'ACTIVE') {
      throw new EngineError(
        'NOT_FOUND',
        `Expected to resolve incident with key '${incidentKey}', but no such incident was found`,
      );
    }
    const inst = await ex.ctx.instance(incident.process_instance_key);
    const ei = inst?.elements.get(incident.element_instance_key);
    if (!inst || !ei)
      throw new EngineError(
        'NOT_FOUND',
        `Expected to resolve incident with key '${incidentKey}', but its element is gone`,
      );
    let job: { state: string; retries: number; error_message: string | null } | undefined;
    if (incident.job_key) {
      job = (
        await c.query('SELECT state, retries, error_message FROM engine.job WHERE key = $1 FOR UPDATE', [
          incident.job_key,
        ])
      ).rows[0];
      if (job?.state === 'FAILED' && job.retries <= 0) {
        throw new EngineError(
          'FAILED_PRECONDITION',
          `Expected to resolve incident with key '${incidentKey}', but job with key '${incident.job_key}' has no retries left. Update the job retries first.`,
        );
      }
    }
    await c.query(`UPDATE engine.incident SET state = 'RESOLVED', resolved_at = $2 WHERE key = $1`, [
      incidentKey,
      ex.ctx.now,
    ]);
    ex.ctx.record({
      key: incidentKey,
      valueType: 'INCIDENT',
      intent: 'RESOLVED',
      processInstanceKey: inst.key,
      elementId: ei.elementId,
      value: { elementInstanceKey: ei.key },
    });
    if (job?.state === 'FAILED') {
      await c.query(`UPDATE engine.job SET state = 'ACTIVATABLE' WHERE key = $1`, [incident.job_key]);
      const type = (
        await c.query<{ type: string }>('SELECT type FROM engine.job WHERE key = $1', [incident.job_key])
      ).rows[0]?.type;
      if (type) ex.ctx.after.jobTypes.add(type);
      return;
    }
    if (job?.state === 'ERROR_THROWN') {
      const [code, ...rest] = (job.error_message ?? '').split('\n');
      const outcome = await throwEvent(ex, inst, ei, 'error', code ?? '');
      if (outcome === 'uncaught') {
        await ex.incident(
          inst,
          ei,
          'UNHANDLED_ERROR_EVENT',
          `Expected to throw an error event with the code '${code}'${rest.join('') ? ` with message '${rest.join('')}'` : ''}, but it was not caught. No error events are available in the scope.`,
          incident.job_key!,
        );
      } else {
        await c.query('DELETE FROM engine.job WHERE key = $1', [incident.job_key]);
      }
      return;
    }
    const el = await ex.elementOf(inst, ei);
    const step = incident.failed_step.step;
    if (ei.state === 'COMPLETING' || step === 'complete') return ex.runCompletion(inst, ei);
    if (step === 'start-listeners')
      return ex.continueStartListeners(inst, ei, el, ei.data.listenerIndex ?? 0);
    if (step === 'end-listeners') return ex.continueEndListeners(inst, ei, el, ei.data.listenerIndex ?? 0);
    if (step === 'activate') return ex.runActivation(inst, ei);
    await processorFor(ei.elementType).activate(ex, inst, el, ei);
  });
}
