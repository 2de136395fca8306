/** Tasks: job-based tasks wait for a worker; user tasks for a person; script tasks may evaluate FEEL. */
import type { ExecutableElement } from '../../model/types.js';
import { evaluateExpression } from '../../feel/evaluator.js';
import { cancelJobsOf, createElementJob } from '../behaviors/jobs.js';
import { openEventSubscription } from '../behaviors/subscriptions.js';
import { cancelUserTask, createUserTask } from '../behaviors/user-tasks.js';
import type { Executor } from '../executor.js';
import type { ElementInstanceState, InstanceState } from '../instance-state.js';
import { processor } from './processor.js';

async function waitForJob(
  ex: Executor,
  inst: InstanceState,
  el: ExecutableElement,
  ei: ElementInstanceState,
): Promise<void> {
  if (!(await ex.markActivated(inst, ei, el))) return;
  await createElementJob(ex, inst, ei, el, userTaskHeaders(el));
}

/** Job-based user tasks carry their assignment as headers, like Zeebe's io.camunda.zeebe:userTask jobs. */
function userTaskHeaders(el: ExecutableElement): Record<string, string> {
  const u = el.userTask;
  if (!u || u.camundaUserTask) return {};
  const h: Record<string, string> = {};
  const text = (e?: { kind: string; value?: string; source?: string }) =>
    e ? (e.kind === 'static' ? e.value! : `=${e.source}`) : undefined;
  const put = (name: string, v?: string) => v !== undefined && (h[name] = v);
  put('io.camunda.zeebe:assignee', text(u.assignee));
  put('io.camunda.zeebe:candidateGroups', text(u.candidateGroups));
  put('io.camunda.zeebe:candidateUsers', text(u.candidateUsers));
  put('io.camunda.zeebe:dueDate', text(u.dueDate));
  put('io.camunda.zeebe:followUpDate', text(u.followUpDate));
  put('io.camunda.zeebe:formKey', u.formKey);
  return h;
}

export const jobTaskProcessor = processor({
  activate: waitForJob,
  async terminate(ex, inst, _el, ei) {
    await cancelJobsOf(ex, inst, ei.key);
  },
});

export const scriptTaskProcessor = processor({
  async activate(ex, inst, el, ei) {
    if (!el.script) return waitForJob(ex, inst, el, ei);
    const r = evaluateExpression(el.script.expression, inst.visibleVariables(ei.key));
    if (!r.ok) return ex.incident(inst, ei, 'EXTRACT_VALUE_ERROR', r.message);
    await ex.complete(inst, ei, { variables: { [el.script.resultVariable]: r.value } });
  },
  async terminate(ex, inst, _el, ei) {
    await cancelJobsOf(ex, inst, ei.key);
  },
});

export const userTaskProcessor = processor({
  async activate(ex, inst, el, ei) {
    if (!el.userTask?.camundaUserTask) return waitForJob(ex, inst, el, ei);
    if (!(await ex.markActivated(inst, ei, el))) return;
    await createUserTask(ex, inst, ei, el);
  },
  async terminate(ex, inst, _el, ei) {
    await cancelJobsOf(ex, inst, ei.key);
    await cancelUserTask(ex, inst, ei);
  },
});

export const receiveTaskProcessor = processor({
  async activate(ex, inst, el, ei) {
    if (!(await ex.markActivated(inst, ei, el))) return;
    await openEventSubscription(ex, inst, ei, el);
  },
});

/** Manual and undefined tasks pass straight through. */
export const passThroughProcessor = processor({});
