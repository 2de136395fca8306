/**
 * User tasks (camunda-reference §1.8): Camunda user tasks with assignment, schedule, priority and forms;
 * search, assign, complete; job-based user tasks; cancellation with the instance.
 */
import { EngineError } from '../../src/client/port';
import {
  activate,
  bpmn,
  deploy,
  flow,
  instanceState,
  rootVariables,
  startHarness,
  uniqueId,
  type Harness,
} from '../harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('conformance_user_tasks');
});
afterAll(() => h.close());

/** start -> userTask(extensions) -> end; `camunda` false makes it a job-based user task. */
function userTaskProcess(id: string, extensions: string, camunda = true): string {
  const ext = `<bpmn:extensionElements>${camunda ? '<zeebe:userTask />' : ''}${extensions}</bpmn:extensionElements>`;
  return bpmn(
    id,
    `<bpmn:startEvent id="start" />${flow('f1', 'start', 'review')}<bpmn:userTask id="review" name="Review dossier">${ext}</bpmn:userTask>${flow('f2', 'review', 'end')}<bpmn:endEvent id="end" />`,
  );
}

async function startTask(extensions: string, variables: Record<string, unknown> = {}) {
  const id = uniqueId('ut');
  await deploy(h.engine, userTaskProcess(id, extensions));
  const { processInstanceKey } = await h.engine.createProcessInstance({ bpmnProcessId: id, variables });
  const { items } = await h.engine.searchUserTasks({ processInstanceKey });
  return { id, processInstanceKey, task: items[0]! };
}

async function rejection(promise: Promise<unknown>): Promise<EngineError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof EngineError)) throw new Error(`expected an EngineError, got ${String(error)}`);
  return error;
}

describe('user task properties', () => {
  it('should carry static assignment, schedule and priority when created', async () => {
    // when
    const { task, id } = await startTask(
      '<zeebe:assignmentDefinition assignee="an" candidateGroups="clerks, heads" candidateUsers="binh,chi" />' +
        '<zeebe:taskSchedule dueDate="2026-03-10T10:00:00Z" followUpDate="2026-03-05T10:00:00Z" /><zeebe:priorityDefinition priority="80" />',
    );
    // then
    expect(task).toMatchObject({
      state: 'CREATED',
      elementId: 'review',
      name: 'Review dossier',
      bpmnProcessId: id,
      assignee: 'an',
      candidateGroups: ['clerks', 'heads'],
      candidateUsers: ['binh', 'chi'],
      priority: 80,
      creationDate: h.clock.now(),
    });
    expect(Date.parse(task.dueDate!)).toBe(Date.parse('2026-03-10T10:00:00Z'));
    expect(Date.parse(task.followUpDate!)).toBe(Date.parse('2026-03-05T10:00:00Z'));
  });

  it('should evaluate FEEL assignment, due date and priority when created', async () => {
    // when
    const { task } = await startTask(
      '<zeebe:assignmentDefinition assignee="=owner" candidateGroups="=[office, &quot;heads&quot;]" candidateUsers="=users" />' +
        '<zeebe:taskSchedule dueDate="=date and time(&quot;2026-03-02T01:00:00Z&quot;) + duration(&quot;P3D&quot;)" /><zeebe:priorityDefinition priority="=urgency * 10" />',
      { owner: 'dung', office: 'ward-3', users: ['em'], urgency: 9 },
    );
    // then
    expect(task).toMatchObject({
      assignee: 'dung',
      candidateGroups: ['ward-3', 'heads'],
      candidateUsers: ['em'],
      priority: 90,
    });
    expect(Date.parse(task.dueDate!)).toBe(Date.parse('2026-03-05T01:00:00Z'));
  });

  it('should default the priority to 50 when none is given', async () => {
    // when
    const { task } = await startTask('');
    // then
    expect(task.priority).toBe(50);
    expect(task.assignee).toBeUndefined();
  });
});

describe('user task search', () => {
  it('should find tasks by assignee, candidate group, state and process when searched', async () => {
    // given
    const group = uniqueId('grp');
    const first = await startTask(
      `<zeebe:assignmentDefinition assignee="${group}-u" candidateGroups="${group}" />`,
    );
    const second = await startTask(`<zeebe:assignmentDefinition candidateGroups="${group}" />`);
    // when
    const byGroup = await h.engine.searchUserTasks({ candidateGroups: [group], state: 'CREATED' });
    const byAssignee = await h.engine.searchUserTasks({ assignee: `${group}-u` });
    const byProcess = await h.engine.searchUserTasks({ bpmnProcessId: second.id });
    await h.engine.completeUserTask({ userTaskKey: first.task.userTaskKey });
    const stillOpen = await h.engine.searchUserTasks({ candidateGroups: [group], state: 'CREATED' });
    // then
    expect(byGroup.items.map((t) => t.userTaskKey)).toEqual([
      first.task.userTaskKey,
      second.task.userTaskKey,
    ]);
    expect(byAssignee.items.map((t) => t.userTaskKey)).toEqual([first.task.userTaskKey]);
    expect(byProcess.items.map((t) => t.userTaskKey)).toEqual([second.task.userTaskKey]);
    expect(stillOpen.items.map((t) => t.userTaskKey)).toEqual([second.task.userTaskKey]);
  });
});

describe('user task lifecycle', () => {
  it('should assign, unassign and complete with variables when asked', async () => {
    // given
    const { task, processInstanceKey } = await startTask('', { dossier: 'D-1' });
    // when
    await h.engine.assignUserTask({ userTaskKey: task.userTaskKey, assignee: 'giang' });
    const assigned = await h.engine.getUserTask(task.userTaskKey);
    await h.engine.unassignUserTask(task.userTaskKey);
    const unassigned = await h.engine.getUserTask(task.userTaskKey);
    await h.engine.completeUserTask({ userTaskKey: task.userTaskKey, variables: { approved: true } });
    // then
    expect(assigned.assignee).toBe('giang');
    expect(unassigned.assignee).toBeUndefined();
    const done = await h.engine.getUserTask(task.userTaskKey);
    expect(done.state).toBe('COMPLETED');
    expect(done.completionDate).toBe(h.clock.now());
    expect(await instanceState(h.engine, processInstanceKey)).toBe('COMPLETED');
    expect(await rootVariables(h.engine, processInstanceKey)).toEqual({ dossier: 'D-1', approved: true });
  });

  it('should reject a second completion when the task is already completed', async () => {
    // given
    const { task } = await startTask('');
    await h.engine.completeUserTask({ userTaskKey: task.userTaskKey });
    // when
    const error = await rejection(h.engine.completeUserTask({ userTaskKey: task.userTaskKey }));
    // then
    expect(['FAILED_PRECONDITION', 'NOT_FOUND']).toContain(error.code);
  });

  it('should cancel the task when its instance is cancelled', async () => {
    // given
    const { task, processInstanceKey } = await startTask('');
    // when
    await h.engine.cancelProcessInstance(processInstanceKey);
    // then
    expect((await h.engine.getUserTask(task.userTaskKey)).state).toBe('CANCELED');
    expect((await h.engine.searchUserTasks({ processInstanceKey, state: 'CREATED' })).items).toHaveLength(0);
  });
});

describe('forms and job-based user tasks', () => {
  it('should link the deployed form when the task names its formId', async () => {
    // given
    const id = uniqueId('ut');
    const formId = `form_${id}`;
    const form = JSON.stringify({
      id: formId,
      type: 'default',
      schemaVersion: 16,
      components: [{ key: 'approved', type: 'checkbox', label: 'Approved' }],
    });
    const deployment = await h.engine.deployResources([
      { name: 'review.bpmn', content: userTaskProcess(id, `<zeebe:formDefinition formId="${formId}" />`) },
      { name: 'review.form', content: form },
    ]);
    // when
    const { processInstanceKey } = await h.engine.createProcessInstance({ bpmnProcessId: id });
    const [task] = (await h.engine.searchUserTasks({ processInstanceKey })).items;
    // then
    expect(deployment.forms).toEqual([
      expect.objectContaining({ formId, version: 1, resourceName: 'review.form' }),
    ]);
    expect(task!.formKey).toBe(deployment.forms[0]!.formKey);
    expect(await h.engine.getForm(task!.formKey!)).toMatchObject({ id: formId });
  });

  it('should raise a FORM_NOT_FOUND incident when the formId is not deployed', async () => {
    // given
    const id = uniqueId('ut');
    await deploy(h.engine, userTaskProcess(id, `<zeebe:formDefinition formId="nowhere_${id}" />`));
    // when
    const { processInstanceKey } = await h.engine.createProcessInstance({ bpmnProcessId: id });
    // then
    const { items } = await h.engine.searchIncidents({ processInstanceKey, state: 'ACTIVE' });
    expect(items).toEqual([expect.objectContaining({ errorType: 'FORM_NOT_FOUND', elementId: 'review' })]);
    expect(items[0]!.errorMessage).toContain(`nowhere_${id}`);
  });

  it('should create a job of type io.camunda.zeebe:userTask when the task has no zeebe:userTask', async () => {
    // given
    const id = uniqueId('jut');
    await deploy(
      h.engine,
      userTaskProcess(id, '<zeebe:assignmentDefinition assignee="hoa" candidateGroups="clerks" />', false),
    );
    // when
    const { processInstanceKey } = await h.engine.createProcessInstance({ bpmnProcessId: id });
    // then
    const jobs = (await activate(h.engine, 'io.camunda.zeebe:userTask', 100)).filter(
      (j) => j.processInstanceKey === processInstanceKey,
    );
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ elementId: 'review', kind: 'BPMN_ELEMENT' });
    expect(jobs[0]!.customHeaders).toMatchObject({ 'io.camunda.zeebe:assignee': 'hoa' });
    expect((await h.engine.searchUserTasks({ processInstanceKey })).items).toHaveLength(0);
    await h.engine.completeJob({ jobKey: jobs[0]!.key, variables: { ok: true } });
    expect(await instanceState(h.engine, processInstanceKey)).toBe('COMPLETED');
  });
});
