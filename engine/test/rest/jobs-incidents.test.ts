/** REST jobs (activation, completion, failure, error, PATCH) and incidents (search, get, resolution). */
import { flow } from '../harness';
import {
  createInstance,
  deployProcess,
  expectProblem,
  send,
  serviceTaskBody,
  startGateway,
  type Gateway,
} from './support';

let g: Gateway;
beforeAll(async () => {
  g = await startGateway('rest_jobs');
});
afterAll(() => g.close());

interface RestJob {
  jobKey: string;
  type: string;
  processInstanceKey: string;
  variables: Record<string, unknown>;
  retries: number;
  deadline: number;
}

async function activate(type: string, extra: Record<string, unknown> = {}): Promise<RestJob[]> {
  const res = await send(g.app, 'POST', '/v2/jobs/activation', {
    type,
    worker: 'rest-test',
    timeout: 60_000,
    maxJobsToActivate: 5,
    requestTimeout: -1,
    ...extra,
  });
  expect(res.statusCode).toBe(200);
  return res.json<{ jobs: RestJob[] }>().jobs;
}

async function state(key: string): Promise<string> {
  return (await g.app.inject({ method: 'GET', url: `/v2/process-instances/${key}` })).json<{
    state: string;
  }>().state;
}

describe('jobs', () => {
  it('should activate the job in Camunda shape and complete the instance when completed', async () => {
    // given
    const id = await deployProcess(g.app, () => serviceTaskBody('rest-complete'));
    const key = await createInstance(g.app, id, { orderId: 'A', secret: 1 });
    // when
    const [job] = await activate('rest-complete', { fetchVariable: ['orderId'], tenantIds: ['<default>'] });
    const done = await send(g.app, 'POST', `/v2/jobs/${job!.jobKey}/completion`, {
      variables: { result: 'ok' },
    });
    // then
    expect(job).toEqual({
      type: 'rest-complete',
      processDefinitionId: id,
      processDefinitionVersion: 1,
      elementId: 'work',
      customHeaders: {},
      worker: 'rest-test',
      retries: 3,
      deadline: Date.parse('2026-03-02T01:00:00Z') + 60_000,
      variables: { orderId: 'A' },
      tenantId: '<default>',
      jobKey: expect.stringMatching(/^\d+$/),
      processInstanceKey: key,
      processDefinitionKey: expect.any(String),
      elementInstanceKey: expect.any(String),
      kind: 'BPMN_ELEMENT',
      listenerEventType: 'UNSPECIFIED',
    });
    expect(done.statusCode).toBe(204);
    expect(await state(key)).toBe('COMPLETED');
  });

  it('should wait for a job when the activation long-polls', async () => {
    // given
    const id = await deployProcess(g.app, () => serviceTaskBody('rest-longpoll'));
    // when
    const pending = send(g.app, 'POST', '/v2/jobs/activation', {
      type: 'rest-longpoll',
      timeout: 1000,
      maxJobsToActivate: 1,
      requestTimeout: 5000,
    });
    await new Promise((r) => setTimeout(r, 100));
    await createInstance(g.app, id);
    const res = await pending;
    // then
    expect(res.json<{ jobs: RestJob[] }>().jobs).toHaveLength(1);
  });

  it('should answer 404 when an unknown job is completed', async () => {
    // when
    const res = await send(g.app, 'POST', '/v2/jobs/424242/completion', {});
    // then
    expect(expectProblem(res, 404).title).toBe('NOT_FOUND');
  });

  it('should answer 400 naming the field when maxJobsToActivate is missing', async () => {
    // when
    const res = await send(g.app, 'POST', '/v2/jobs/activation', { type: 'x', timeout: 1 });
    // then
    expect(expectProblem(res, 400).detail).toContain("missing required property 'maxJobsToActivate'");
  });

  it('should catch the BPMN error when a job reports one', async () => {
    // given
    const id = await deployProcess(
      g.app,
      () =>
        serviceTaskBody('rest-error') +
        `<bpmn:boundaryEvent id="caught" attachedToRef="work"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>${flow('f3', 'caught', 'handled')}<bpmn:endEvent id="handled" />`,
    );
    const key = await createInstance(g.app, id);
    const [job] = await activate('rest-error');
    // when
    const res = await send(g.app, 'POST', `/v2/jobs/${job!.jobKey}/error`, {
      errorCode: 'REJECTED',
      errorMessage: 'no',
    });
    // then
    expect(res.statusCode).toBe(204);
    expect(await state(key)).toBe('COMPLETED');
  });
});

describe('incidents', () => {
  it('should raise, find, retry and resolve an incident when a job fails without retries', async () => {
    // given
    const id = await deployProcess(g.app, () => serviceTaskBody('rest-fail'));
    const key = await createInstance(g.app, id);
    const [job] = await activate('rest-fail');
    // when
    const failed = await send(g.app, 'POST', `/v2/jobs/${job!.jobKey}/failure`, {
      retries: 0,
      errorMessage: 'boom',
      retryBackOff: 0,
    });
    const search = await send(g.app, 'POST', '/v2/incidents/search', {
      filter: { processInstanceKey: key, state: 'ACTIVE' },
    });
    const perInstance = await send(g.app, 'POST', `/v2/process-instances/${key}/incidents/search`, {});
    const [incident] = search.json<{ items: { incidentKey: string }[] }>().items;
    const got = await g.app.inject({ method: 'GET', url: `/v2/incidents/${incident!.incidentKey}` });
    const instance = await g.app.inject({ method: 'GET', url: `/v2/process-instances/${key}` });
    const patched = await send(g.app, 'PATCH', `/v2/jobs/${job!.jobKey}`, { changeset: { retries: 2 } });
    const resolved = await g.app.inject({
      method: 'POST',
      url: `/v2/incidents/${incident!.incidentKey}/resolution`,
      headers: { 'content-type': 'application/json' },
    });
    // then
    expect(failed.statusCode).toBe(204);
    expect(got.json()).toEqual({
      processDefinitionId: id,
      errorType: 'JOB_NO_RETRIES',
      errorMessage: 'boom',
      elementId: 'work',
      creationTime: expect.any(String),
      state: 'ACTIVE',
      tenantId: '<default>',
      incidentKey: incident!.incidentKey,
      processDefinitionKey: expect.any(String),
      processInstanceKey: key,
      elementInstanceKey: expect.any(String),
      jobKey: job!.jobKey,
    });
    expect(perInstance.json()).toMatchObject({
      items: [{ incidentKey: incident!.incidentKey }],
      page: { totalItems: 1 },
    });
    expect(instance.json()).toMatchObject({ hasIncident: true });
    expect(patched.statusCode).toBe(204);
    expect(resolved.statusCode).toBe(204);
    expect((await activate('rest-fail'))[0]).toMatchObject({ jobKey: job!.jobKey, retries: 2 });
  });

  it('should answer 404 when an unknown incident is read or resolved', async () => {
    // when
    const read = await g.app.inject({ method: 'GET', url: '/v2/incidents/777' });
    const resolve = await send(g.app, 'POST', '/v2/incidents/777/resolution', {});
    // then
    expectProblem(read, 404);
    expectProblem(resolve, 404);
  });

  it('should answer 400 when a PATCH changes nothing', async () => {
    // when
    const res = await send(g.app, 'PATCH', '/v2/jobs/1', { changeset: {} });
    // then
    expect(expectProblem(res, 400).detail).toContain('changeset');
  });
});
