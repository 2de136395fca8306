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
  h = await startHarness('conformance');
});
afterAll(() => h.close());

describe('smoke: a one-stop style process', () => {
  it('should complete when its jobs and user task are done', async () => {
    // given
    const id = uniqueId();
    await deploy(
      h.engine,
      bpmn(
        id,
        `<bpmn:startEvent id="start" />${flow('f1', 'start', 'check')}
         ${serviceTask('check', `check-${id}`)}${flow('f2', 'check', 'gw')}
         <bpmn:exclusiveGateway id="gw" default="fNo" />
         ${flow('fYes', 'gw', 'review', '=amount &gt; 100')}${flow('fNo', 'gw', 'merge')}
         <bpmn:userTask id="review"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="reviewers" /></bpmn:extensionElements></bpmn:userTask>
         ${flow('f3', 'review', 'merge')}<bpmn:exclusiveGateway id="merge" />${flow('f5', 'merge', 'split')}
         <bpmn:parallelGateway id="split" />${flow('p1', 'split', 'a')}${flow('p2', 'split', 'b')}
         ${serviceTask('a', `a-${id}`)}${serviceTask('b', `b-${id}`)}
         ${flow('p3', 'a', 'join')}${flow('p4', 'b', 'join')}
         <bpmn:parallelGateway id="join" />${flow('f4', 'join', 'end')}
         <bpmn:endEvent id="end" />`,
      ),
    );
    // when
    const { processInstanceKey } = await h.engine.createProcessInstance({
      bpmnProcessId: id,
      variables: { amount: 500 },
    });
    await completeOne(h.engine, `check-${id}`, { checked: true });
    const tasks = await h.engine.searchUserTasks({ processInstanceKey, state: 'CREATED' });
    expect(tasks.items).toHaveLength(1);
    expect(tasks.items[0]!.candidateGroups).toEqual(['reviewers']);
    await h.engine.completeUserTask({
      userTaskKey: tasks.items[0]!.userTaskKey,
      variables: { approved: true },
    });
    await completeOne(h.engine, `a-${id}`, { a: 1 });
    expect(await instanceState(h.engine, processInstanceKey)).toBe('ACTIVE');
    await completeOne(h.engine, `b-${id}`, { b: 2 });
    // then
    expect(await instanceState(h.engine, processInstanceKey)).toBe('COMPLETED');
    expect(await rootVariables(h.engine, processInstanceKey)).toEqual({
      amount: 500,
      checked: true,
      approved: true,
      a: 1,
      b: 2,
    });
    expect(await elementsWith(h.engine, processInstanceKey, 'ELEMENT_COMPLETED')).toEqual(
      expect.arrayContaining([
        'start',
        'check',
        'gw',
        'review',
        'merge',
        'split',
        'a',
        'b',
        'join',
        'end',
        id,
      ]),
    );
    expect(await h.engine.getTakenSequenceFlows(processInstanceKey)).toEqual([
      'f1',
      'f2',
      'f3',
      'f4',
      'f5',
      'fYes',
      'p1',
      'p2',
      'p3',
      'p4',
    ]);
    expect(await activate(h.engine, `a-${id}`)).toHaveLength(0);
  });
});
