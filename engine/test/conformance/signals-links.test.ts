import {
  activate,
  bpmn,
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
  h = await startHarness('conformance-signals');
});
afterAll(() => h.close());

function signal(id: string, name: string): string {
  return `<bpmn:signal id="${id}" name="${name}" />`;
}

async function deployProcess(body: string, extra = ''): Promise<string> {
  const pid = uniqueId();
  await deploy(h.engine, bpmn(pid, body.replace(/\$\{pid\}/g, pid), extra));
  return pid;
}

async function start(pid: string, variables: Record<string, unknown> = {}): Promise<string> {
  return (await h.engine.createProcessInstance({ bpmnProcessId: pid, variables })).processInstanceKey;
}

describe('signal events', () => {
  it('should continue every waiting instance with the signal variables when a signal is broadcast', async () => {
    // given
    const name = uniqueId('sig');
    const pid = await deployProcess(
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'wait')}<bpmn:intermediateCatchEvent id="wait"><bpmn:signalEventDefinition signalRef="s" /></bpmn:intermediateCatchEvent>${flow('f2', 'wait', 'end')}<bpmn:endEvent id="end" />`,
      signal('s', name),
    );
    const a = await start(pid);
    const b = await start(pid);
    // when
    await h.engine.broadcastSignal({ signalName: name, variables: { closed: true } });
    // then
    expect(await instanceState(h.engine, a)).toBe('COMPLETED');
    expect(await instanceState(h.engine, b)).toBe('COMPLETED');
    expect(await rootVariables(h.engine, a)).toEqual({ closed: true });
  });

  it('should start an instance of each process with a signal start event when the signal is broadcast', async () => {
    // given
    const name = uniqueId('sig');
    const one = await deployProcess(
      `<bpmn:startEvent id="start"><bpmn:signalEventDefinition signalRef="s" /></bpmn:startEvent>${flow('f1', 'start', 'task')}${serviceTask('task', 'task-${pid}')}`,
      signal('s', name),
    );
    const two = await deployProcess(
      `<bpmn:startEvent id="start"><bpmn:signalEventDefinition signalRef="s" /></bpmn:startEvent>${flow('f1', 'start', 'task')}${serviceTask('task', 'task-${pid}')}`,
      signal('s', name),
    );
    // when
    await h.engine.broadcastSignal({ signalName: name, variables: { season: 'tet' } });
    // then
    const [jobOne] = await activate(h.engine, `task-${one}`);
    expect(jobOne!.variables).toEqual({ season: 'tet' });
    expect(await activate(h.engine, `task-${two}`)).toHaveLength(1);
  });

  it('should terminate the task and take the boundary path when an interrupting signal boundary is triggered', async () => {
    // given
    const name = uniqueId('sig');
    const pid = await deployProcess(
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'task')}${serviceTask('task', 'task-${pid}')}${flow('f2', 'task', 'end')}<bpmn:endEvent id="end" />
       <bpmn:boundaryEvent id="onSignal" attachedToRef="task"><bpmn:signalEventDefinition signalRef="s" /></bpmn:boundaryEvent>${flow('f3', 'onSignal', 'stopped')}<bpmn:endEvent id="stopped" />`,
      signal('s', name),
    );
    const key = await start(pid);
    // when
    await h.engine.broadcastSignal({ signalName: name });
    // then
    expect(await elementsWith(h.engine, key, 'ELEMENT_TERMINATED')).toEqual(['task']);
    expect(await elementsWith(h.engine, key, 'ELEMENT_COMPLETED')).toEqual([
      'start',
      'onSignal',
      'stopped',
      pid,
    ]);
  });

  it('should broadcast to other instances when a signal intermediate throw and end event are reached', async () => {
    // given
    const throwName = uniqueId('sig');
    const endName = uniqueId('sig');
    const catcher = await deployProcess(
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'fork')}<bpmn:parallelGateway id="fork" />
       ${flow('f2', 'fork', 'w1')}<bpmn:intermediateCatchEvent id="w1"><bpmn:signalEventDefinition signalRef="s1" /></bpmn:intermediateCatchEvent>${flow('f3', 'w1', 'e1')}<bpmn:endEvent id="e1" />
       ${flow('f4', 'fork', 'w2')}<bpmn:intermediateCatchEvent id="w2"><bpmn:signalEventDefinition signalRef="s2" /></bpmn:intermediateCatchEvent>${flow('f5', 'w2', 'e2')}<bpmn:endEvent id="e2" />`,
      signal('s1', throwName) + signal('s2', endName),
    );
    const waiting = await start(catcher);
    const thrower = await deployProcess(
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'throw')}<bpmn:intermediateThrowEvent id="throw"><bpmn:signalEventDefinition signalRef="s1" /></bpmn:intermediateThrowEvent>
       ${flow('f2', 'throw', 'end')}<bpmn:endEvent id="end"><bpmn:signalEventDefinition signalRef="s2" /></bpmn:endEvent>`,
      signal('s1', throwName) + signal('s2', endName),
    );
    // when
    const throwing = await start(thrower);
    // then
    expect(await instanceState(h.engine, throwing)).toBe('COMPLETED');
    expect(await instanceState(h.engine, waiting)).toBe('COMPLETED');
    expect(await elementsWith(h.engine, waiting, 'ELEMENT_COMPLETED')).toEqual(
      expect.arrayContaining(['w1', 'w2']),
    );
  });
});

describe('link events', () => {
  it('should continue at the link catch event with the same name when a link throw event is reached', async () => {
    // given
    const pid = await deployProcess(
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'goB')}<bpmn:intermediateThrowEvent id="goB"><bpmn:linkEventDefinition name="B" /></bpmn:intermediateThrowEvent>
       <bpmn:intermediateCatchEvent id="fromA"><bpmn:linkEventDefinition name="A" /></bpmn:intermediateCatchEvent>${flow('f2', 'fromA', 'wrong')}${serviceTask('wrong', 'wrong-${pid}')}
       <bpmn:intermediateCatchEvent id="fromB"><bpmn:linkEventDefinition name="B" /></bpmn:intermediateCatchEvent>${flow('f3', 'fromB', 'right')}${serviceTask('right', 'right-${pid}')}`,
    );
    // when
    const key = await start(pid);
    // then
    expect(await activate(h.engine, `right-${pid}`)).toHaveLength(1);
    expect(await activate(h.engine, `wrong-${pid}`)).toHaveLength(0);
    expect(await elementsWith(h.engine, key, 'ELEMENT_COMPLETED')).toEqual(['start', 'goB', 'fromB']);
  });
});
