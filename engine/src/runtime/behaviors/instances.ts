/** Creating process instances: by command, by message/timer/signal start events, and by call activities. */
import type { ExecutableProcess } from '../../model/types.js';
import type { Executor } from '../executor.js';
import type { InstanceState } from '../instance-state.js';

export interface StartOptions {
  /** Start event to begin at; default: the none start event. */
  startEventId?: string;
  /** Variables created on the process scope before it starts. */
  variables?: Record<string, unknown>;
  /** Variables carried by the start event (message, signal), merged when it completes. */
  eventVariables?: Record<string, unknown>;
  parentProcessInstanceKey?: string;
  parentElementInstanceKey?: string;
  rootProcessInstanceKey?: string;
  startMessageName?: string;
  startCorrelationKey?: string;
}

/** Creates an instance of `def` and schedules its start. */
export async function startInstance(
  ex: Executor,
  def: { key: string; version: number; process: ExecutableProcess },
  options: StartOptions = {},
): Promise<InstanceState> {
  const key = await ex.ctx.nextKey();
  const inst = ex.ctx.newInstance({
    key,
    processDefinitionKey: def.key,
    bpmnProcessId: def.process.bpmnProcessId,
    version: def.version,
    state: 'ACTIVE',
    parentProcessInstanceKey: options.parentProcessInstanceKey,
    parentElementInstanceKey: options.parentElementInstanceKey,
    rootProcessInstanceKey: options.rootProcessInstanceKey ?? key,
    startMessageName: options.startMessageName,
    startCorrelationKey: options.startCorrelationKey,
    createdAt: ex.ctx.now,
  });
  for (const [name, value] of Object.entries(options.variables ?? {})) {
    inst.setLocal(key, name, value);
    ex.ctx.record({
      key,
      valueType: 'VARIABLE',
      intent: 'CREATED',
      processInstanceKey: key,
      value: { name, value, scopeKey: key },
    });
  }
  const processEi = await ex.activate(inst, def.process.bpmnProcessId, undefined);
  if (options.startEventId) processEi.data.triggeredBy = options.startEventId;
  if (options.eventVariables) processEi.data.eventVariables = options.eventVariables;
  return inst;
}
