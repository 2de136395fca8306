/**
 * Incidents: an element that cannot go on (failed job without retries, failed expression, uncaught error)
 * stops where it is, with a message an analyst can act on. Resolving retries the step that failed.
 */
import type { Executor } from '../executor.js';
import type { ElementInstanceState, InstanceState } from '../instance-state.js';

/** Creates an incident for an element instance (and its job, if any). */
export async function raiseIncident(
  ex: Executor,
  inst: InstanceState,
  ei: ElementInstanceState,
  errorType: string,
  message: string,
  jobKey?: string,
): Promise<string> {
  const key = await ex.ctx.nextKey();
  await ex.ctx.client.query(
    `INSERT INTO engine.incident (key, state, error_type, error_message, process_instance_key, element_instance_key,
       element_id, bpmn_process_id, process_definition_key, job_key, failed_step, created_at)
     VALUES ($1, 'ACTIVE', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      key,
      errorType,
      message,
      inst.key,
      ei.key,
      ei.elementId,
      inst.row.bpmnProcessId,
      inst.row.processDefinitionKey,
      jobKey ?? null,
      JSON.stringify({ step: ei.data.step ?? 'activate', state: ei.state }),
      ex.ctx.now,
    ],
  );
  ex.ctx.record({
    key,
    valueType: 'INCIDENT',
    intent: 'CREATED',
    processInstanceKey: inst.key,
    elementId: ei.elementId,
    elementType: ei.elementType,
    value: { errorType, errorMessage: message, elementInstanceKey: ei.key, jobKey: jobKey ?? null },
  });
  return key;
}

/** Resolves the active incidents of a terminated element (Zeebe resolves them with the element). */
export async function resolveIncidentsOf(
  ex: Executor,
  inst: InstanceState,
  elementInstanceKey: string,
): Promise<void> {
  const resolved = await ex.ctx.client.query<{ key: string; element_id: string }>(
    `UPDATE engine.incident SET state = 'RESOLVED', resolved_at = $2
     WHERE element_instance_key = $1 AND state = 'ACTIVE' RETURNING key, element_id`,
    [elementInstanceKey, ex.ctx.now],
  );
  for (const r of resolved.rows) {
    ex.ctx.record({
      key: r.key,
      valueType: 'INCIDENT',
      intent: 'RESOLVED',
      processInstanceKey: inst.key,
      elementId: r.element_id,
      value: { elementInstanceKey },
    });
  }
}
