import {
  activate,
  bpmn,
  deploy,
  elementsWith,
  flow,
  instanceState,
  serviceTask,
  startHarness,
  uniqueId,
  type Harness,
} from '../harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('conformance-instances');
});
afterAll(() => h.close());

describe('cancelling instances', () => {
  it('should remove jobs, user tasks and timers and end TERMINATED when an instance is cancelled', async () => {
    // given
    const pid = uniqueId();
    await deploy(
      h.engine,
      bpmn(
        pid,
        `<bpmn:startEvent id="start" />${flow('f1', 'start', 'fork')}<bpmn:parallelGateway id="fork" />
         ${flow('f2', 'fork', 'job')}${serviceTask('job', `job-${pid}`)}
         ${flow('f3', 'fork', 'review')}<bpmn:userTask id="review"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>
         ${flow('f4', 'fork', 'wait')}<bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
         ${flow('f5', 'wait', 'late')}${serviceTask('late', `late-${pid}`)}`,
      ),
    );
    const { processInstanceKey: key } = await h.engine.createProcessInstance({ bpmnProcessId: pid });
    // when
    await h.engine.cancelProcessInstance(key);
    h.clock.advance(2 * 3_600_000);
    await h.engine.tick();
    // then
    const instance = await h.engine.getProcessInstance(key);
    expect(instance.state).toBe('TERMINATED');
    expect(instance.endDate).toBeDefined();
    expect(await activate(h.engine, `job-${pid}`)).toHaveLength(0);
    expect(await activate(h.engine, `late-${pid}`)).toHaveLength(0);
    expect(
      (await h.engine.searchUserTasks({ processInstanceKey: key, state: 'CREATED' })).items,
    ).toHaveLength(0);
    expect(
      (await h.engine.searchUserTasks({ processInstanceKey: key, state: 'CANCELED' })).items,
    ).toHaveLength(1);
    expect(await elementsWith(h.engine, key, 'ELEMENT_TERMINATED')).toEqual(
      expect.arrayContaining(['job', 'review', 'wait', pid]),
    );
    expect(
      (await h.engine.getRecords(key)).filter((r) => r.valueType === 'TIMER' && r.intent === 'TRIGGERED'),
    ).toHaveLength(0);
  });

  it('should reject with NOT_FOUND when the instance to cancel does not exist', async () => {
    // when / then
    await expect(h.engine.cancelProcessInstance('999999999999')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('should reject with NOT_FOUND when the instance was already completed', async () => {
    // given
    const pid = uniqueId();
    await deploy(
      h.engine,
      bpmn(pid, `<bpmn:startEvent id="start" />${flow('f1', 'start', 'end')}<bpmn:endEvent id="end" />`),
    );
    const { processInstanceKey } = await h.engine.createProcessInstance({ bpmnProcessId: pid });
    // when / then
    await expect(h.engine.cancelProcessInstance(processInstanceKey)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('creating instances', () => {
  it('should run the requested version when a version is given, and the latest otherwise', async () => {
    // given
    const pid = uniqueId();
    await deploy(
      h.engine,
      bpmn(
        pid,
        `<bpmn:startEvent id="start" />${flow('f1', 'start', 'task')}${serviceTask('task', `v1-${pid}`)}`,
      ),
    );
    await deploy(
      h.engine,
      bpmn(
        pid,
        `<bpmn:startEvent id="start" />${flow('f1', 'start', 'task')}${serviceTask('task', `v2-${pid}`)}`,
      ),
    );
    // when
    const first = await h.engine.createProcessInstance({ bpmnProcessId: pid, version: 1 });
    const latest = await h.engine.createProcessInstance({ bpmnProcessId: pid });
    // then
    expect(first.version).toBe(1);
    expect(latest.version).toBe(2);
    expect((await activate(h.engine, `v1-${pid}`)).map((j) => j.processInstanceKey)).toEqual([
      first.processInstanceKey,
    ]);
    expect((await activate(h.engine, `v2-${pid}`)).map((j) => j.processInstanceKey)).toEqual([
      latest.processInstanceKey,
    ]);
  });

  it('should reject with NOT_FOUND when the requested version does not exist', async () => {
    // given
    const pid = uniqueId();
    await deploy(h.engine, bpmn(pid, `<bpmn:startEvent id="start" />`));
    // when / then
    await expect(h.engine.createProcessInstance({ bpmnProcessId: pid, version: 7 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('should return the final variables when created with result and a worker completes the job', async () => {
    // given
    const pid = uniqueId();
    await deploy(
      h.engine,
      bpmn(
        pid,
        `<bpmn:startEvent id="start" />${flow('f1', 'start', 'task')}${serviceTask('task', `calc-${pid}`)}${flow('f2', 'task', 'end')}<bpmn:endEvent id="end" />`,
      ),
    );
    const worker = h.engine.createWorker({
      type: `calc-${pid}`,
      handler: async (job) => ({
        outcome: 'complete',
        variables: { fee: Number(job.variables.pages) * 2000 },
      }),
      // a short long-poll, so close() does not wait out the default 10 s poll
      pollTimeoutMs: 100,
    });
    try {
      // when
      const result = await h.engine.createProcessInstanceWithResult({
        bpmnProcessId: pid,
        variables: { pages: 3 },
        requestTimeoutMs: 10_000,
      });
      // then
      expect(result.variables).toEqual({ pages: 3, fee: 6000 });
      expect(await instanceState(h.engine, result.processInstanceKey)).toBe('COMPLETED');
    } finally {
      await worker.close();
    }
  });

  it('should write the records of an instance in the order the elements ran', async () => {
    // given
    const pid = uniqueId();
    await deploy(
      h.engine,
      bpmn(
        pid,
        `<bpmn:startEvent id="start" />${flow('f1', 'start', 'task')}${serviceTask('task', `t-${pid}`)}${flow('f2', 'task', 'end')}<bpmn:endEvent id="end" />`,
      ),
    );
    const { processInstanceKey } = await h.engine.createProcessInstance({ bpmnProcessId: pid });
    const [job] = await activate(h.engine, `t-${pid}`);
    // when
    await h.engine.completeJob({ jobKey: job!.key, variables: { ok: true } });
    // then
    const records = await h.engine.getRecords(processInstanceKey);
    const positions = records.map((r) => BigInt(r.position));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const lifecycle = records
      // the engine does not write Zeebe's ELEMENT_COMPLETING records, so only the states it writes are compared
      .filter(
        (r) =>
          (r.valueType === 'PROCESS_INSTANCE' && r.intent !== 'SEQUENCE_FLOW_TAKEN') || r.valueType === 'JOB',
      )
      .map((r) => `${r.valueType === 'JOB' ? 'JOB' : r.elementId} ${r.intent}`);
    expect(lifecycle).toEqual([
      `${pid} ELEMENT_ACTIVATING`,
      `${pid} ELEMENT_ACTIVATED`,
      'start ELEMENT_ACTIVATING',
      'start ELEMENT_ACTIVATED',
      'start ELEMENT_COMPLETED',
      'task ELEMENT_ACTIVATING',
      'task ELEMENT_ACTIVATED',
      'JOB CREATED',
      'JOB ACTIVATED',
      'JOB COMPLETED',
      'task ELEMENT_COMPLETED',
      'end ELEMENT_ACTIVATING',
      'end ELEMENT_ACTIVATED',
      'end ELEMENT_COMPLETED',
      `${pid} ELEMENT_COMPLETED`,
    ]);
  });
});
