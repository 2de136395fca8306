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
  h = await startHarness('conformance-subprocesses');
});
afterAll(() => h.close());

async function startProcess(
  body: string,
  variables: Record<string, unknown> = {},
  extra = '',
): Promise<{ pid: string; key: string }> {
  const pid = uniqueId();
  await deploy(h.engine, bpmn(pid, body.replace(/\$\{pid\}/g, pid), extra.replace(/\$\{pid\}/g, pid)));
  return {
    pid,
    key: (await h.engine.createProcessInstance({ bpmnProcessId: pid, variables })).processInstanceKey,
  };
}

function calledElement(processId: string, attrs = ''): string {
  return `<zeebe:calledElement processId="${processId}" ${attrs} />`;
}

describe('embedded subprocesses', () => {
  it('should run the inner flow and continue after the subprocess when it completes', async () => {
    // given
    const { pid, key } = await startProcess(
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'sub')}
       <bpmn:subProcess id="sub"><bpmn:startEvent id="subStart" />${flow('s1', 'subStart', 'inner')}${serviceTask('inner', 'inner-${pid}')}${flow('s2', 'inner', 'subEnd')}<bpmn:endEvent id="subEnd" /></bpmn:subProcess>
       ${flow('f2', 'sub', 'end')}<bpmn:endEvent id="end" />`,
    );
    // when
    await completeOne(h.engine, `inner-${pid}`, { checked: true });
    // then
    expect(await elementsWith(h.engine, key, 'ELEMENT_COMPLETED')).toEqual([
      'start',
      'subStart',
      'inner',
      'subEnd',
      'sub',
      'end',
      pid,
    ]);
    expect(await rootVariables(h.engine, key)).toEqual({ checked: true });
  });
});

describe('event subprocesses', () => {
  const message = `<bpmn:message id="m_\${pid}" name="cancel-\${pid}"><bpmn:extensionElements><zeebe:subscription correlationKey="=id" /></bpmn:extensionElements></bpmn:message>`;
  function withEventSubprocess(interrupting: boolean): string {
    return `<bpmn:startEvent id="start" />${flow('f1', 'start', 'task')}${serviceTask('task', 'task-${pid}')}${flow('f2', 'task', 'end')}<bpmn:endEvent id="end" />
      <bpmn:subProcess id="esp" triggeredByEvent="true"><bpmn:startEvent id="espStart" isInterrupting="${interrupting}"><bpmn:messageEventDefinition messageRef="m_\${pid}" /></bpmn:startEvent>
      ${flow('e1', 'espStart', 'handle')}${serviceTask('handle', 'handle-${pid}')}${flow('e2', 'handle', 'espEnd')}<bpmn:endEvent id="espEnd" /></bpmn:subProcess>`;
  }

  it('should terminate the running task and complete through the event subprocess when an interrupting message start is triggered', async () => {
    // given
    const { pid, key } = await startProcess(withEventSubprocess(true), { id: 'A' }, message);
    // when
    await h.engine.publishMessage({ name: `cancel-${pid}`, correlationKey: 'A' });
    // then
    expect(await elementsWith(h.engine, key, 'ELEMENT_TERMINATED')).toEqual(['task']);
    await completeOne(h.engine, `handle-${pid}`);
    expect(await instanceState(h.engine, key)).toBe('COMPLETED');
  });

  it('should keep the task running when a non-interrupting message start is triggered', async () => {
    // given
    const { pid, key } = await startProcess(withEventSubprocess(false), { id: 'B' }, message);
    // when
    await h.engine.publishMessage({ name: `cancel-${pid}`, correlationKey: 'B' });
    await completeOne(h.engine, `handle-${pid}`);
    // then
    expect(await instanceState(h.engine, key)).toBe('ACTIVE');
    await completeOne(h.engine, `task-${pid}`);
    expect(await instanceState(h.engine, key)).toBe('COMPLETED');
    expect(await elementsWith(h.engine, key, 'ELEMENT_TERMINATED')).toEqual([]);
  });
});

describe('terminate end events', () => {
  it('should terminate only the subprocess siblings and continue the process when reached inside a subprocess', async () => {
    // given / when
    const { pid, key } = await startProcess(
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'sub')}
       <bpmn:subProcess id="sub"><bpmn:startEvent id="subStart" />${flow('s1', 'subStart', 'fork')}<bpmn:parallelGateway id="fork" />
         ${flow('s2', 'fork', 'inner')}${serviceTask('inner', 'inner-${pid}')}${flow('s3', 'fork', 'term')}<bpmn:endEvent id="term"><bpmn:terminateEventDefinition /></bpmn:endEvent></bpmn:subProcess>
       ${flow('f2', 'sub', 'after')}${serviceTask('after', 'after-${pid}')}`,
    );
    // then
    expect(await elementsWith(h.engine, key, 'ELEMENT_TERMINATED')).toEqual(['inner']);
    expect(await elementsWith(h.engine, key, 'ELEMENT_COMPLETED')).toContain('sub');
    expect(await activate(h.engine, `after-${pid}`)).toHaveLength(1);
  });

  it('should terminate all active elements and complete the instance when reached at process level', async () => {
    // given / when
    const { pid, key } = await startProcess(
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'fork')}<bpmn:parallelGateway id="fork" />
       ${flow('f2', 'fork', 'task')}${serviceTask('task', 'task-${pid}')}${flow('f3', 'fork', 'term')}<bpmn:endEvent id="term"><bpmn:terminateEventDefinition /></bpmn:endEvent>`,
    );
    // then
    expect(await instanceState(h.engine, key)).toBe('COMPLETED');
    expect(await elementsWith(h.engine, key, 'ELEMENT_TERMINATED')).toEqual(['task']);
    expect(await activate(h.engine, `task-${pid}`)).toHaveLength(0);
  });
});

describe('call activities', () => {
  async function deployChild(): Promise<string> {
    const child = uniqueId('child');
    await deploy(
      h.engine,
      bpmn(
        child,
        `<bpmn:startEvent id="cs" />${flow('c1', 'cs', 'work')}${serviceTask('work', `work-${child}`)}${flow('c2', 'work', 'ce')}<bpmn:endEvent id="ce" />`,
      ),
      'child.bpmn',
    );
    return child;
  }

  it('should copy variables into the child and merge the child result back when called by a static process id', async () => {
    // given
    const child = await deployChild();
    const { key } = await startProcess(
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'call')}<bpmn:callActivity id="call"><bpmn:extensionElements>${calledElement(child)}</bpmn:extensionElements></bpmn:callActivity>${flow('f2', 'call', 'end')}<bpmn:endEvent id="end" />`,
      { applicant: 'An' },
    );
    // when
    const job = await completeOne(h.engine, `work-${child}`, { approved: true });
    // then
    expect(job.variables).toEqual({ applicant: 'An' });
    expect(job.processInstanceKey).not.toBe(key);
    expect((await h.engine.getProcessInstance(job.processInstanceKey)).parentProcessInstanceKey).toBe(key);
    expect(await instanceState(h.engine, key)).toBe('COMPLETED');
    expect(await rootVariables(h.engine, key)).toEqual({ applicant: 'An', approved: true });
  });

  it('should resolve the called process from a FEEL expression', async () => {
    // given
    const child = await deployChild();
    // when
    const { key } = await startProcess(
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'call')}<bpmn:callActivity id="call"><bpmn:extensionElements>${calledElement('=target')}</bpmn:extensionElements></bpmn:callActivity>`,
      { target: child },
    );
    // then
    const [job] = await activate(h.engine, `work-${child}`);
    expect((await h.engine.getProcessInstance(job!.processInstanceKey)).parentProcessInstanceKey).toBe(key);
  });

  it('should merge only the output mappings when propagateAllChildVariables is false', async () => {
    // given
    const child = await deployChild();
    const { key } = await startProcess(
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'call')}<bpmn:callActivity id="call"><bpmn:extensionElements>${calledElement(child, 'propagateAllChildVariables="false"')}
         <zeebe:ioMapping><zeebe:input source="=amount * 2" target="doubled" /><zeebe:output source="=decision" target="result" /></zeebe:ioMapping></bpmn:extensionElements></bpmn:callActivity>${flow('f2', 'call', 'end')}<bpmn:endEvent id="end" />`,
      { amount: 21 },
    );
    // when
    const job = await completeOne(h.engine, `work-${child}`, { decision: 'ok', noise: 1 });
    // then
    expect(job.variables).toEqual({ amount: 21, doubled: 42 });
    expect(await rootVariables(h.engine, key)).toEqual({ amount: 21, result: 'ok' });
  });

  it('should copy only the input mappings into the child when propagateAllParentVariables is false', async () => {
    // given
    const child = await deployChild();
    const { key } = await startProcess(
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'call')}<bpmn:callActivity id="call"><bpmn:extensionElements>${calledElement(child, 'propagateAllParentVariables="false"')}
         <zeebe:ioMapping><zeebe:input source="=code" target="code" /><zeebe:input source="=amount * 2" target="doubled" /><zeebe:input source="=missing" target="missing" /></zeebe:ioMapping></bpmn:extensionElements></bpmn:callActivity>${flow('f2', 'call', 'end')}<bpmn:endEvent id="end" />`,
      { code: 'HS-1', amount: 21, applicant: 'An', formData: { a: 1 } },
    );
    // when
    const job = await completeOne(h.engine, `work-${child}`, { approved: true });
    // then
    expect(job.variables).toEqual({ code: 'HS-1', doubled: 42, missing: null });
    expect(await rootVariables(h.engine, key)).toEqual({
      code: 'HS-1',
      amount: 21,
      applicant: 'An',
      formData: { a: 1 },
      approved: true,
    });
  });

  it('should copy no variable into the child when propagateAllParentVariables is false and there are no input mappings', async () => {
    // given
    const child = await deployChild();
    await startProcess(
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'call')}<bpmn:callActivity id="call"><bpmn:extensionElements>${calledElement(child, 'propagateAllParentVariables="false"')}</bpmn:extensionElements></bpmn:callActivity>`,
      { applicant: 'An' },
    );
    // when
    const [job] = await activate(h.engine, `work-${child}`);
    // then
    expect(job!.variables).toEqual({});
  });

  it('should raise a CALLED_ELEMENT_ERROR incident when the called process is not deployed', async () => {
    // given / when
    const missing = uniqueId('missing');
    const { key } = await startProcess(
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'call')}<bpmn:callActivity id="call"><bpmn:extensionElements>${calledElement(missing)}</bpmn:extensionElements></bpmn:callActivity>`,
    );
    // then
    const incidents = await h.engine.searchIncidents({ processInstanceKey: key });
    expect(
      incidents.items.map((i) => ({ type: i.errorType, element: i.elementId, message: i.errorMessage })),
    ).toEqual([
      {
        type: 'CALLED_ELEMENT_ERROR',
        element: 'call',
        message: `Expected process with BPMN process id '${missing}' to be deployed, but not found.`,
      },
    ]);
  });

  it('should terminate the child instance when the parent instance is cancelled', async () => {
    // given
    const child = await deployChild();
    const { key } = await startProcess(
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'call')}<bpmn:callActivity id="call"><bpmn:extensionElements>${calledElement(child)}</bpmn:extensionElements></bpmn:callActivity>`,
    );
    const [job] = await activate(h.engine, `work-${child}`);
    // when
    await h.engine.cancelProcessInstance(key);
    // then
    expect(await instanceState(h.engine, key)).toBe('TERMINATED');
    expect(await instanceState(h.engine, job!.processInstanceKey)).toBe('TERMINATED');
    await expect(h.engine.completeJob({ jobKey: job!.key })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
