/**
 * Job workers (camunda-reference §1.2, §1.3): activation, complete, fail, retries, back-off, incidents,
 * timeouts and long polling, on the real engine with a controlled clock.
 */
import { EngineError } from '../../src/client/port';
import {
  activate,
  bpmn,
  deploy,
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
  h = await startHarness('conformance_jobs');
});
afterAll(() => h.close());

/** Deploys start -> task(type) -> end and returns the process id and job type. */
async function deployTask(extras = ''): Promise<{ id: string; type: string }> {
  const id = uniqueId('job');
  const type = `work-${id}`;
  await deploy(
    h.engine,
    bpmn(
      id,
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'task')}${serviceTask('task', type, '', extras)}${flow('f2', 'task', 'end')}<bpmn:endEvent id="end" />`,
    ),
  );
  return { id, type };
}

async function start(id: string, variables: Record<string, unknown> = {}): Promise<string> {
  return (await h.engine.createProcessInstance({ bpmnProcessId: id, variables })).processInstanceKey;
}

async function rejection(promise: Promise<unknown>): Promise<EngineError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof EngineError)) throw new Error(`expected an EngineError, got ${String(error)}`);
  return error;
}

async function activeIncidents(instanceKey: string) {
  return (await h.engine.searchIncidents({ processInstanceKey: instanceKey, state: 'ACTIVE' })).items;
}

describe('job activation', () => {
  it('should activate at most maxJobs jobs of the type when more are waiting', async () => {
    // given
    const { id, type } = await deployTask();
    for (let i = 0; i < 3; i += 1) await start(id);
    // when
    const first = await activate(h.engine, type, 2);
    const second = await activate(h.engine, type, 2);
    // then
    expect(first).toHaveLength(2);
    expect(second).toHaveLength(1);
    expect(await activate(h.engine, type)).toHaveLength(0);
  });

  it('should carry the worker name, headers, retries and only the fetched variables when activated', async () => {
    // given
    const { id, type } = await deployTask(
      '<zeebe:taskHeaders><zeebe:header key="channel" value="online" /><zeebe:header key="office" value="Q1" /></zeebe:taskHeaders>',
    );
    const instanceKey = await start(id, { a: 1, b: 'two', c: true });
    // when
    const [job] = await h.engine.activateJobs({
      type,
      worker: 'clerk-7',
      timeoutMs: 30_000,
      maxJobsToActivate: 1,
      fetchVariables: ['a', 'c'],
    });
    // then
    expect(job).toMatchObject({
      type,
      worker: 'clerk-7',
      retries: 3,
      kind: 'BPMN_ELEMENT',
      elementId: 'task',
      bpmnProcessId: id,
      processInstanceKey: instanceKey,
      customHeaders: { channel: 'online', office: 'Q1' },
      variables: { a: 1, c: true },
      deadline: h.clock.now() + 30_000,
    });
  });

  it('should return all visible variables when fetchVariables is empty', async () => {
    // given
    const { id, type } = await deployTask();
    await start(id, { a: 1, b: 'two' });
    // when
    const [job] = await h.engine.activateJobs({
      type,
      worker: 'w',
      timeoutMs: 1000,
      maxJobsToActivate: 1,
      fetchVariables: [],
    });
    // then
    expect(job!.variables).toEqual({ a: 1, b: 'two' });
  });

  it('should never hand the same job to two concurrent activations', async () => {
    // given
    const { id, type } = await deployTask();
    for (let i = 0; i < 6; i += 1) await start(id);
    // when
    const batches = await Promise.all([1, 2, 3, 4].map(() => activate(h.engine, type, 3)));
    // then
    const keys = batches.flat().map((j) => j.key);
    expect(keys).toHaveLength(6);
    expect(new Set(keys).size).toBe(6);
  });

  it('should answer a long poll when a job is created while it waits', async () => {
    // given
    const { id, type } = await deployTask();
    const polling = h.engine.activateJobs({
      type,
      worker: 'w',
      timeoutMs: 1000,
      maxJobsToActivate: 1,
      requestTimeoutMs: 5000,
    });
    // when
    await new Promise((resolve) => setTimeout(resolve, 50));
    const instanceKey = await start(id);
    // then
    const jobs = await polling;
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.processInstanceKey).toBe(instanceKey);
  });
});

describe('job completion', () => {
  it('should propagate result variables to the first scope that has the name when completed', async () => {
    // given
    const id = uniqueId('job');
    const type = `work-${id}`;
    await deploy(
      h.engine,
      bpmn(
        id,
        `<bpmn:startEvent id="start" />${flow('f1', 'start', 'sub')}
         <bpmn:subProcess id="sub"><bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=0" target="counter" /></zeebe:ioMapping></bpmn:extensionElements>
           <bpmn:startEvent id="s2" />${flow('g1', 's2', 'task')}${serviceTask('task', type)}${flow('g2', 'task', 'wait')}
           ${serviceTask('wait', `wait-${id}`)}${flow('g3', 'wait', 'e2')}<bpmn:endEvent id="e2" />
         </bpmn:subProcess>${flow('f2', 'sub', 'end')}<bpmn:endEvent id="end" />`,
      ),
    );
    const instanceKey = await start(id);
    const [job] = await activate(h.engine, type);
    const subScope = (await h.engine.getVariables(instanceKey)).find((v) => v.name === 'counter')!.scopeKey;
    // when
    await h.engine.completeJob({ jobKey: job!.key, variables: { counter: 5, result: 'ok' } });
    // then
    const inSub = await h.engine.getVariables(instanceKey, subScope);
    expect(inSub.map((v) => [v.name, v.value])).toEqual([['counter', 5]]);
    expect(await rootVariables(h.engine, instanceKey)).toEqual({ result: 'ok' });
  });

  it('should reject a second complete with NOT_FOUND when the job is already completed', async () => {
    // given
    const { id, type } = await deployTask();
    await start(id);
    const [job] = await activate(h.engine, type);
    await h.engine.completeJob({ jobKey: job!.key });
    // when
    const error = await rejection(h.engine.completeJob({ jobKey: job!.key }));
    // then
    expect(error.code).toBe('NOT_FOUND');
  });
});

describe('job failure and retries', () => {
  it('should make the job activatable again with the remaining retries when failed with retries left', async () => {
    // given
    const { id, type } = await deployTask();
    await start(id);
    const [job] = await activate(h.engine, type);
    // when
    await h.engine.failJob({ jobKey: job!.key, retries: 2, errorMessage: 'office system down' });
    // then
    const [again] = await activate(h.engine, type);
    expect(again).toMatchObject({ key: job!.key, retries: 2 });
  });

  it('should hold the job back until the retry back-off has elapsed when failed with a back-off', async () => {
    // given
    const { id, type } = await deployTask();
    await start(id);
    const [job] = await activate(h.engine, type);
    // when
    await h.engine.failJob({ jobKey: job!.key, retries: 1, errorMessage: 'busy', retryBackOffMs: 10_000 });
    // then
    expect(await activate(h.engine, type)).toHaveLength(0);
    h.clock.advance(9_999);
    await h.engine.tick();
    expect(await activate(h.engine, type)).toHaveLength(0);
    h.clock.advance(1);
    await h.engine.tick();
    expect(await activate(h.engine, type)).toHaveLength(1);
  });

  it('should raise a JOB_NO_RETRIES incident with the error message when failed with no retries', async () => {
    // given
    const { id, type } = await deployTask();
    const instanceKey = await start(id);
    const [job] = await activate(h.engine, type);
    // when
    await h.engine.failJob({ jobKey: job!.key, retries: 0, errorMessage: 'registry rejected the request' });
    // then
    const incidents = await activeIncidents(instanceKey);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      errorType: 'JOB_NO_RETRIES',
      errorMessage: 'registry rejected the request',
      elementId: 'task',
      jobKey: job!.key,
    });
    expect((await h.engine.getProcessInstance(instanceKey)).hasIncident).toBe(true);
    expect(await activate(h.engine, type)).toHaveLength(0);
  });

  it('should make the job activatable again when retries are updated and the incident resolved', async () => {
    // given
    const { id, type } = await deployTask();
    const instanceKey = await start(id);
    const [job] = await activate(h.engine, type);
    await h.engine.failJob({ jobKey: job!.key, retries: 0, errorMessage: 'down' });
    const [incident] = await activeIncidents(instanceKey);
    // when
    await h.engine.updateJobRetries({ jobKey: job!.key, retries: 2 });
    await h.engine.resolveIncident(incident!.incidentKey);
    // then
    expect(await activeIncidents(instanceKey)).toHaveLength(0);
    const [again] = await activate(h.engine, type);
    expect(again).toMatchObject({ key: job!.key, retries: 2 });
    await h.engine.completeJob({ jobKey: again!.key });
    expect(await instanceState(h.engine, instanceKey)).toBe('COMPLETED');
  });

  it('should reject resolving with FAILED_PRECONDITION when the job still has no retries', async () => {
    // given
    const { id, type } = await deployTask();
    const instanceKey = await start(id);
    const [job] = await activate(h.engine, type);
    await h.engine.failJob({ jobKey: job!.key, retries: 0, errorMessage: 'down' });
    const [incident] = await activeIncidents(instanceKey);
    // when
    const error = await rejection(h.engine.resolveIncident(incident!.incidentKey));
    // then
    expect(error.code).toBe('FAILED_PRECONDITION');
    expect(await activeIncidents(instanceKey)).toHaveLength(1);
  });
  it('should keep fail variables in the task scope only when failed with variables', async () => {
    // given
    const { id, type } = await deployTask();
    const instanceKey = await start(id, { a: 1 });
    const [job] = await activate(h.engine, type);
    // when
    await h.engine.failJob({
      jobKey: job!.key,
      retries: 1,
      errorMessage: 'x',
      variables: { lastError: 'timeout' },
    });
    // then
    const [again] = await activate(h.engine, type);
    expect(again!.variables).toEqual({ a: 1, lastError: 'timeout' });
    expect(await rootVariables(h.engine, instanceKey)).toEqual({ a: 1 });
  });

  it('should use the FEEL job type and the modelled retries when the task definition has them', async () => {
    // given
    const id = uniqueId('job');
    await deploy(
      h.engine,
      bpmn(
        id,
        `<bpmn:startEvent id="start" />${flow('f1', 'start', 'task')}<bpmn:serviceTask id="task"><bpmn:extensionElements><zeebe:taskDefinition type="=&quot;dyn-&quot; + office" retries="5" /></bpmn:extensionElements></bpmn:serviceTask>${flow('f2', 'task', 'end')}<bpmn:endEvent id="end" />`,
      ),
    );
    // when
    await start(id, { office: id });
    // then
    const [job] = await activate(h.engine, `dyn-${id}`);
    expect(job).toMatchObject({ type: `dyn-${id}`, retries: 5 });
  });
});

describe('job timeout', () => {
  it('should make the job activatable again with the same retries when its timeout elapses', async () => {
    // given
    const { id, type } = await deployTask();
    await start(id);
    const [job] = await h.engine.activateJobs({
      type,
      worker: 'slow',
      timeoutMs: 5_000,
      maxJobsToActivate: 1,
    });
    // when
    h.clock.advance(4_999);
    await h.engine.tick();
    expect(await activate(h.engine, type)).toHaveLength(0);
    h.clock.advance(1);
    await h.engine.tick();
    // then
    const [again] = await activate(h.engine, type);
    expect(again).toMatchObject({ key: job!.key, retries: 3 });
  });

  it('should count a new timeout from now when the timeout is updated', async () => {
    // given
    const { id, type } = await deployTask();
    await start(id);
    const [job] = await h.engine.activateJobs({
      type,
      worker: 'slow',
      timeoutMs: 5_000,
      maxJobsToActivate: 1,
    });
    h.clock.advance(4_000);
    // when
    await h.engine.updateJobTimeout({ jobKey: job!.key, timeoutMs: 10_000 });
    h.clock.advance(9_999);
    await h.engine.tick();
    // then
    expect(await activate(h.engine, type)).toHaveLength(0);
    h.clock.advance(1);
    await h.engine.tick();
    expect(await activate(h.engine, type)).toHaveLength(1);
  });
});
