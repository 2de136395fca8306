/**
 * Execution listeners (camunda-reference §1.9) and task listeners (§1.8): each listener is a blocking job
 * that must be completed before the element moves on.
 */
import {
  activate,
  bpmn,
  completeOne,
  deploy,
  elementsWith,
  flow,
  instanceState,
  rootVariables,
  serviceTask,
  startHarness,
  uniqueId,
  type Harness,
} from '../harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('conformance_listeners');
});
afterAll(() => h.close());

const executionListeners = (id: string) =>
  `<zeebe:executionListeners><zeebe:executionListener eventType="start" type="before-${id}" /><zeebe:executionListener eventType="end" type="after-${id}" retries="2" /></zeebe:executionListeners>`;

async function start(id: string, variables: Record<string, unknown> = {}): Promise<string> {
  return (await h.engine.createProcessInstance({ bpmnProcessId: id, variables })).processInstanceKey;
}

describe('execution listeners', () => {
  async function deployListenedTask(): Promise<string> {
    const id = uniqueId('el');
    await deploy(
      h.engine,
      bpmn(
        id,
        `<bpmn:startEvent id="start" />${flow('f1', 'start', 'task')}${serviceTask('task', `work-${id}`, '', executionListeners(id))}${flow('f2', 'task', 'end')}<bpmn:endEvent id="end" />`,
      ),
    );
    return id;
  }

  it('should block the element behind a start listener job when the element is entered', async () => {
    // given
    const id = await deployListenedTask();
    const key = await start(id, { dossier: 'D-9' });
    // when
    const [listener] = await activate(h.engine, `before-${id}`);
    // then
    expect(listener).toMatchObject({
      kind: 'EXECUTION_LISTENER',
      listenerEventType: 'START',
      elementId: 'task',
      retries: 3,
      variables: { dossier: 'D-9' },
    });
    expect(await activate(h.engine, `work-${id}`)).toHaveLength(0);
    expect(await elementsWith(h.engine, key, 'ELEMENT_ACTIVATED')).not.toContain('task');
    await h.engine.completeJob({ jobKey: listener!.key, variables: { prepared: true } });
    const [work] = await activate(h.engine, `work-${id}`);
    expect(work!.variables).toMatchObject({ prepared: true });
  });

  it('should hold completion behind an end listener job when the element is done', async () => {
    // given
    const id = await deployListenedTask();
    const key = await start(id);
    await completeOne(h.engine, `before-${id}`);
    await completeOne(h.engine, `work-${id}`, { result: 1 });
    // when
    const [listener] = await activate(h.engine, `after-${id}`);
    // then
    expect(listener).toMatchObject({ kind: 'EXECUTION_LISTENER', listenerEventType: 'END', retries: 2 });
    expect(await instanceState(h.engine, key)).toBe('ACTIVE');
    expect(await elementsWith(h.engine, key, 'ELEMENT_COMPLETED')).not.toContain('task');
    await h.engine.completeJob({ jobKey: listener!.key, variables: { audited: true } });
    expect(await instanceState(h.engine, key)).toBe('COMPLETED');
    expect(await rootVariables(h.engine, key)).toEqual({ result: 1, audited: true });
  });

  it('should raise an incident when a listener job fails without retries', async () => {
    // given
    const id = await deployListenedTask();
    const key = await start(id);
    const [listener] = await activate(h.engine, `before-${id}`);
    // when
    await h.engine.failJob({ jobKey: listener!.key, retries: 0, errorMessage: 'listener broke' });
    // then
    const { items } = await h.engine.searchIncidents({ processInstanceKey: key, state: 'ACTIVE' });
    expect(items).toEqual([
      expect.objectContaining({
        errorType: 'EXECUTION_LISTENER_NO_RETRIES',
        errorMessage: 'listener broke',
        elementId: 'task',
      }),
    ]);
  });

  it('should run process start listeners before the start event when the instance is created', async () => {
    // given
    const id = uniqueId('elp');
    const body = `<bpmn:extensionElements>${executionListeners(id)}</bpmn:extensionElements><bpmn:startEvent id="start" />${flow('f1', 'start', 'end')}<bpmn:endEvent id="end" />`;
    await deploy(h.engine, bpmn(id, body));
    const key = await start(id);
    // when
    expect(await elementsWith(h.engine, key, 'ELEMENT_ACTIVATED')).not.toContain('start');
    await completeOne(h.engine, `before-${id}`);
    // then
    expect(await instanceState(h.engine, key)).toBe('ACTIVE');
    await completeOne(h.engine, `after-${id}`);
    expect(await instanceState(h.engine, key)).toBe('COMPLETED');
  });
});

describe('task listeners', () => {
  async function deployListenedUserTask(): Promise<string> {
    const id = uniqueId('tl');
    const listeners = `<zeebe:taskListeners><zeebe:taskListener eventType="creating" type="on-create-${id}" /><zeebe:taskListener eventType="completing" type="on-complete-${id}" /></zeebe:taskListeners>`;
    await deploy(
      h.engine,
      bpmn(
        id,
        `<bpmn:startEvent id="start" />${flow('f1', 'start', 'review')}<bpmn:userTask id="review"><bpmn:extensionElements><zeebe:userTask />${listeners}</bpmn:extensionElements></bpmn:userTask>${flow('f2', 'review', 'end')}<bpmn:endEvent id="end" />`,
      ),
    );
    return id;
  }

  it('should make the task available only after the creating listener job completes', async () => {
    // given
    const id = await deployListenedUserTask();
    const key = await start(id);
    // when
    const [listener] = await activate(h.engine, `on-create-${id}`);
    // then
    expect(listener).toMatchObject({
      kind: 'TASK_LISTENER',
      listenerEventType: 'CREATING',
      elementId: 'review',
    });
    expect(
      (await h.engine.searchUserTasks({ processInstanceKey: key, state: 'CREATED' })).items,
    ).toHaveLength(0);
    await h.engine.completeJob({ jobKey: listener!.key });
    expect(
      (await h.engine.searchUserTasks({ processInstanceKey: key, state: 'CREATED' })).items,
    ).toHaveLength(1);
  });

  it('should complete the task only after the completing listener job completes', async () => {
    // given
    const id = await deployListenedUserTask();
    const key = await start(id);
    await completeOne(h.engine, `on-create-${id}`);
    const [task] = (await h.engine.searchUserTasks({ processInstanceKey: key })).items;
    // when
    await h.engine.completeUserTask({ userTaskKey: task!.userTaskKey, variables: { approved: true } });
    // then
    const [listener] = await activate(h.engine, `on-complete-${id}`);
    expect(listener).toMatchObject({ kind: 'TASK_LISTENER', listenerEventType: 'COMPLETING' });
    expect(await instanceState(h.engine, key)).toBe('ACTIVE');
    expect((await h.engine.getUserTask(task!.userTaskKey)).state).toBe('CREATED');
    await h.engine.completeJob({ jobKey: listener!.key });
    expect((await h.engine.getUserTask(task!.userTaskKey)).state).toBe('COMPLETED');
    expect(await instanceState(h.engine, key)).toBe('COMPLETED');
    expect(await rootVariables(h.engine, key)).toEqual({ approved: true });
  });
});
