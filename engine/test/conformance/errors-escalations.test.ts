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
  h = await startHarness('conformance-errors');
});
afterAll(() => h.close());

const errors = `<bpmn:error id="errRejected" errorCode="REJECTED" /><bpmn:escalation id="escLate" escalationCode="LATE" />`;

function errorDef(ref?: string): string {
  return ref ? `<bpmn:errorEventDefinition errorRef="${ref}" />` : '<bpmn:errorEventDefinition />';
}

async function startProcess(body: string): Promise<{ pid: string; key: string }> {
  const pid = uniqueId();
  await deploy(h.engine, bpmn(pid, body.replace(/\$\{pid\}/g, pid), errors));
  return {
    pid,
    key: (await h.engine.createProcessInstance({ bpmnProcessId: pid, variables: { dossier: 'D-1' } }))
      .processInstanceKey,
  };
}

async function throwFromJob(
  type: string,
  errorCode: string,
  variables: Record<string, unknown> = {},
  errorMessage?: string,
): Promise<void> {
  const [job] = await activate(h.engine, type, 1);
  if (!job) throw new Error(`no job of type ${type}`);
  await h.engine.throwError({ jobKey: job.key, errorCode, errorMessage, variables });
}

describe('errors thrown by job workers', () => {
  it('should take the error boundary path with the error variables when the job throws a matching error', async () => {
    // given
    const { pid, key } = await startProcess(
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'task')}${serviceTask('task', 'check-${pid}')}${flow('f2', 'task', 'end')}<bpmn:endEvent id="end" />
       <bpmn:boundaryEvent id="onError" attachedToRef="task">${errorDef('errRejected')}</bpmn:boundaryEvent>${flow('f3', 'onError', 'rejected')}<bpmn:endEvent id="rejected" />`,
    );
    // when
    await throwFromJob(`check-${pid}`, 'REJECTED', { reason: 'missing document' });
    // then
    expect(await instanceState(h.engine, key)).toBe('COMPLETED');
    expect(await elementsWith(h.engine, key, 'ELEMENT_COMPLETED')).toEqual([
      'start',
      'onError',
      'rejected',
      pid,
    ]);
    expect(await rootVariables(h.engine, key)).toEqual({ dossier: 'D-1', reason: 'missing document' });
  });

  it('should start the error event subprocess when no boundary catches the error', async () => {
    // given
    const { pid, key } = await startProcess(
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'task')}${serviceTask('task', 'check-${pid}')}${flow('f2', 'task', 'end')}<bpmn:endEvent id="end" />
       <bpmn:subProcess id="esp" triggeredByEvent="true"><bpmn:startEvent id="espStart">${errorDef('errRejected')}</bpmn:startEvent>${flow('e1', 'espStart', 'notify')}${serviceTask('notify', 'notify-${pid}')}</bpmn:subProcess>`,
    );
    // when
    await throwFromJob(`check-${pid}`, 'REJECTED');
    // then
    expect(await elementsWith(h.engine, key, 'ELEMENT_TERMINATED')).toEqual(['task']);
    await completeOne(h.engine, `notify-${pid}`);
    expect(await instanceState(h.engine, key)).toBe('COMPLETED');
  });

  it('should terminate the subprocess and take its boundary path when an error is thrown inside it', async () => {
    // given
    const { pid, key } = await startProcess(
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'sub')}
       <bpmn:subProcess id="sub"><bpmn:startEvent id="subStart" />${flow('s1', 'subStart', 'task')}${serviceTask('task', 'check-${pid}')}</bpmn:subProcess>
       ${flow('f2', 'sub', 'end')}<bpmn:endEvent id="end" />
       <bpmn:boundaryEvent id="onError" attachedToRef="sub">${errorDef('errRejected')}</bpmn:boundaryEvent>${flow('f3', 'onError', 'rejected')}<bpmn:endEvent id="rejected" />`,
    );
    // when
    await throwFromJob(`check-${pid}`, 'REJECTED');
    // then
    expect(await elementsWith(h.engine, key, 'ELEMENT_TERMINATED')).toEqual(['task', 'sub']);
    expect(await elementsWith(h.engine, key, 'ELEMENT_COMPLETED')).toContain('rejected');
    expect(await instanceState(h.engine, key)).toBe('COMPLETED');
  });

  it('should prefer the boundary with the exact code over a catch-all when both are attached', async () => {
    // given
    const { pid, key } = await startProcess(
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'task')}${serviceTask('task', 'check-${pid}')}${flow('f2', 'task', 'end')}<bpmn:endEvent id="end" />
       <bpmn:boundaryEvent id="catchAll" attachedToRef="task">${errorDef()}</bpmn:boundaryEvent>${flow('f3', 'catchAll', 'endAll')}<bpmn:endEvent id="endAll" />
       <bpmn:boundaryEvent id="exact" attachedToRef="task">${errorDef('errRejected')}</bpmn:boundaryEvent>${flow('f4', 'exact', 'endExact')}<bpmn:endEvent id="endExact" />`,
    );
    // when
    await throwFromJob(`check-${pid}`, 'REJECTED');
    // then
    expect(await elementsWith(h.engine, key, 'ELEMENT_COMPLETED')).toEqual([
      'start',
      'exact',
      'endExact',
      pid,
    ]);
  });

  it('should catch any code with the catch-all boundary when no exact code matches', async () => {
    // given
    const { pid, key } = await startProcess(
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'task')}${serviceTask('task', 'check-${pid}')}${flow('f2', 'task', 'end')}<bpmn:endEvent id="end" />
       <bpmn:boundaryEvent id="catchAll" attachedToRef="task">${errorDef()}</bpmn:boundaryEvent>${flow('f3', 'catchAll', 'endAll')}<bpmn:endEvent id="endAll" />
       <bpmn:boundaryEvent id="exact" attachedToRef="task">${errorDef('errRejected')}</bpmn:boundaryEvent>${flow('f4', 'exact', 'endExact')}<bpmn:endEvent id="endExact" />`,
    );
    // when
    await throwFromJob(`check-${pid}`, 'OTHER');
    // then
    expect(await elementsWith(h.engine, key, 'ELEMENT_COMPLETED')).toEqual([
      'start',
      'catchAll',
      'endAll',
      pid,
    ]);
  });

  it('should raise an UNHANDLED_ERROR_EVENT incident with Zeebe message when nothing catches the error', async () => {
    // given
    const { pid, key } = await startProcess(
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'task')}${serviceTask('task', 'check-${pid}')}`,
    );
    // when
    await throwFromJob(`check-${pid}`, 'NOPE', {}, 'bad input');
    // then
    const incidents = await h.engine.searchIncidents({ processInstanceKey: key });
    expect(incidents.items).toHaveLength(1);
    expect(incidents.items[0]).toMatchObject({
      errorType: 'UNHANDLED_ERROR_EVENT',
      elementId: 'task',
      errorMessage:
        "Expected to throw an error event with the code 'NOPE' with message 'bad input', but it was not caught. No error events are available in the scope.",
    });
    expect(await instanceState(h.engine, key)).toBe('ACTIVE');
  });
});

describe('error end events', () => {
  it('should be caught by the subprocess boundary when an error end event is reached inside it', async () => {
    // given / when
    const { key } = await startProcess(
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'sub')}
       <bpmn:subProcess id="sub"><bpmn:startEvent id="subStart" />${flow('s1', 'subStart', 'fail')}<bpmn:endEvent id="fail">${errorDef('errRejected')}</bpmn:endEvent></bpmn:subProcess>
       ${flow('f2', 'sub', 'end')}<bpmn:endEvent id="end" />
       <bpmn:boundaryEvent id="onError" attachedToRef="sub">${errorDef('errRejected')}</bpmn:boundaryEvent>${flow('f3', 'onError', 'rejected')}<bpmn:endEvent id="rejected" />`,
    );
    // then
    expect(await instanceState(h.engine, key)).toBe('COMPLETED');
    const completed = await elementsWith(h.engine, key, 'ELEMENT_COMPLETED');
    expect(completed).toContain('rejected');
    expect(completed).not.toContain('end');
  });

  it('should raise an incident when an error end event is not caught', async () => {
    // given / when
    const { key } = await startProcess(
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'fail')}<bpmn:endEvent id="fail">${errorDef('errRejected')}</bpmn:endEvent>`,
    );
    // then
    const incidents = await h.engine.searchIncidents({ processInstanceKey: key });
    expect(incidents.items.map((i) => [i.errorType, i.elementId])).toEqual([
      ['UNHANDLED_ERROR_EVENT', 'fail'],
    ]);
    expect(incidents.items[0]!.errorMessage).toContain("'REJECTED'");
  });
});

describe('escalations', () => {
  it('should continue the subprocess and start the boundary path when a non-interrupting boundary catches an escalation', async () => {
    // given / when
    const { pid, key } = await startProcess(
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'sub')}
       <bpmn:subProcess id="sub"><bpmn:startEvent id="subStart" />${flow('s1', 'subStart', 'raise')}
         <bpmn:intermediateThrowEvent id="raise"><bpmn:escalationEventDefinition escalationRef="escLate" /></bpmn:intermediateThrowEvent>${flow('s2', 'raise', 'work')}${serviceTask('work', 'work-${pid}')}</bpmn:subProcess>
       ${flow('f2', 'sub', 'end')}<bpmn:endEvent id="end" />
       <bpmn:boundaryEvent id="onLate" attachedToRef="sub" cancelActivity="false"><bpmn:escalationEventDefinition escalationRef="escLate" /></bpmn:boundaryEvent>
       ${flow('f3', 'onLate', 'inform')}${serviceTask('inform', 'inform-${pid}')}`,
    );
    // then
    await completeOne(h.engine, `inform-${pid}`);
    await completeOne(h.engine, `work-${pid}`);
    expect(await instanceState(h.engine, key)).toBe('COMPLETED');
    expect(await elementsWith(h.engine, key, 'ELEMENT_TERMINATED')).toEqual([]);
  });

  it('should continue after the throw event when an escalation is not caught', async () => {
    // given / when
    const { pid, key } = await startProcess(
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'raise')}<bpmn:intermediateThrowEvent id="raise"><bpmn:escalationEventDefinition escalationRef="escLate" /></bpmn:intermediateThrowEvent>
       ${flow('f2', 'raise', 'work')}${serviceTask('work', 'work-${pid}')}`,
    );
    // then
    expect(await activate(h.engine, `work-${pid}`)).toHaveLength(1);
    expect((await h.engine.searchIncidents({ processInstanceKey: key })).items).toHaveLength(0);
  });
});
