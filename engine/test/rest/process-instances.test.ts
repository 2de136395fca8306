/** REST process instances: create (and with result), get, search, cancellation, sequence flows, element instances, variables. */
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
  g = await startGateway('rest_instances');
});
afterAll(() => g.close());

const straight = () =>
  `<bpmn:startEvent id="start" />${flow('f1', 'start', 'end')}<bpmn:endEvent id="end" />`;
const waiting = () => serviceTaskBody('rest-wait');

describe('create', () => {
  it('should create an instance with Camunda fields when the process id is given', async () => {
    // given
    const id = await deployProcess(g.app, waiting);
    // when
    const res = await send(g.app, 'POST', '/v2/process-instances', {
      processDefinitionId: id,
      variables: { a: 1 },
      tenantId: '<default>',
    });
    // then
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      processDefinitionId: id,
      processDefinitionVersion: 1,
      tenantId: '<default>',
      variables: {},
      processDefinitionKey: expect.stringMatching(/^\d+$/),
      processInstanceKey: expect.stringMatching(/^\d+$/),
    });
  });

  it('should create an instance of that definition when the definition key is given', async () => {
    // given
    const id = await deployProcess(g.app, waiting);
    const search = await send(g.app, 'POST', '/v2/process-definitions/search', {
      filter: { processDefinitionId: id },
    });
    const [definition] = search.json<{ items: { processDefinitionKey: string }[] }>().items;
    // when
    const res = await send(g.app, 'POST', '/v2/process-instances', {
      processDefinitionKey: definition!.processDefinitionKey,
    });
    // then
    expect(res.json()).toMatchObject({
      processDefinitionId: id,
      processDefinitionKey: definition!.processDefinitionKey,
    });
  });

  it('should answer with the completed variables when awaitCompletion is set', async () => {
    // given
    const id = await deployProcess(g.app, straight);
    // when
    const res = await send(g.app, 'POST', '/v2/process-instances', {
      processDefinitionId: id,
      variables: { a: 1, b: 'two' },
      awaitCompletion: true,
      fetchVariables: ['b'],
      requestTimeout: 5000,
    });
    // then
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ processDefinitionId: id, variables: { b: 'two' } });
  });

  it('should answer 504 when the instance does not complete within requestTimeout', async () => {
    // given
    const id = await deployProcess(g.app, waiting);
    // when
    const res = await send(g.app, 'POST', '/v2/process-instances', {
      processDefinitionId: id,
      awaitCompletion: true,
      requestTimeout: 100,
    });
    // then
    expect(expectProblem(res, 504).title).toBe('DEADLINE_EXCEEDED');
  });

  it('should answer 404 when the process is not deployed', async () => {
    // when
    const res = await send(g.app, 'POST', '/v2/process-instances', {
      processDefinitionId: 'never_deployed_here',
    });
    // then
    expect(expectProblem(res, 404).title).toBe('NOT_FOUND');
  });

  it('should answer 400 when both the id and the key are given', async () => {
    // when
    const res = await send(g.app, 'POST', '/v2/process-instances', {
      processDefinitionId: 'a',
      processDefinitionKey: '1',
    });
    // then
    expect(expectProblem(res, 400).detail).toContain('both');
  });

  it('should answer 400 when start instructions are given', async () => {
    // when
    const res = await send(g.app, 'POST', '/v2/process-instances', {
      processDefinitionId: 'a',
      startInstructions: [{ elementId: 'x' }],
    });
    // then
    expect(expectProblem(res, 400).detail).toContain('body.startInstructions');
  });
});

describe('get, search and cancel', () => {
  it('should return the instance in Camunda shape when it exists', async () => {
    // given
    const id = await deployProcess(g.app, waiting);
    const key = await createInstance(g.app, id);
    // when
    const res = await g.app.inject({ method: 'GET', url: `/v2/process-instances/${key}` });
    // then
    expect(res.json()).toEqual({
      processDefinitionId: id,
      processDefinitionName: id,
      processDefinitionVersion: 1,
      startDate: '2026-03-02T01:00:00.000Z',
      state: 'ACTIVE',
      hasIncident: false,
      tenantId: '<default>',
      processInstanceKey: key,
      processDefinitionKey: expect.stringMatching(/^\d+$/),
    });
  });

  it('should answer 404 when the instance is unknown', async () => {
    // when
    const res = await g.app.inject({ method: 'GET', url: '/v2/process-instances/1234567' });
    // then
    expect(expectProblem(res, 404).detail).toContain('1234567');
  });

  it('should page and filter instances when searching', async () => {
    // given
    const id = await deployProcess(g.app, waiting);
    const keys = [
      await createInstance(g.app, id),
      await createInstance(g.app, id),
      await createInstance(g.app, id),
    ];
    // when
    const first = await send(g.app, 'POST', '/v2/process-instances/search', {
      filter: { processDefinitionId: id, state: 'ACTIVE' },
      sort: [{ field: 'processInstanceKey', order: 'desc' }],
      page: { limit: 2 },
    });
    const body = first.json<{
      items: { processInstanceKey: string }[];
      page: { totalItems: number; endCursor: string };
    }>();
    const next = await send(g.app, 'POST', '/v2/process-instances/search', {
      filter: { processDefinitionId: id },
      sort: [{ field: 'processInstanceKey', order: 'DESC' }],
      page: { limit: 2, after: body.page.endCursor },
    });
    // then
    expect(body.page.totalItems).toBe(3);
    expect(body.items.map((i) => i.processInstanceKey)).toEqual([keys[2], keys[1]]);
    expect(
      next.json<{ items: { processInstanceKey: string }[] }>().items.map((i) => i.processInstanceKey),
    ).toEqual([keys[0]]);
  });

  it('should answer 400 naming the filter field when it is unknown', async () => {
    // when
    const res = await send(g.app, 'POST', '/v2/process-instances/search', { filter: { bpmnProcessId: 'x' } });
    // then
    expect(expectProblem(res, 400).detail).toContain("unknown property 'bpmnProcessId'");
  });

  it('should terminate the instance when cancellation is posted', async () => {
    // given
    const id = await deployProcess(g.app, waiting);
    const key = await createInstance(g.app, id);
    // when
    const res = await g.app.inject({
      method: 'POST',
      url: `/v2/process-instances/${key}/cancellation`,
      headers: { 'content-type': 'application/json' },
    });
    // then
    expect(res.statusCode).toBe(204);
    const again = await send(g.app, 'POST', `/v2/process-instances/${key}/cancellation`, {});
    expect([404, 409]).toContain(again.statusCode);
    expect((await g.app.inject({ method: 'GET', url: `/v2/process-instances/${key}` })).json()).toMatchObject(
      { state: 'TERMINATED', endDate: expect.any(String) },
    );
  });
});

describe('history of one instance', () => {
  it('should list taken sequence flows, element instances and variables when the instance ran', async () => {
    // given
    const id = await deployProcess(g.app, waiting);
    const key = await createInstance(g.app, id, { orderId: 'A-1', amount: 3 });
    // when
    const flows = await g.app.inject({ method: 'GET', url: `/v2/process-instances/${key}/sequence-flows` });
    const elements = await send(g.app, 'POST', '/v2/element-instances/search', {
      filter: { processInstanceKey: key },
      sort: [{ field: 'startDate' }],
    });
    const active = await send(g.app, 'POST', '/v2/element-instances/search', {
      filter: { processInstanceKey: key, state: 'ACTIVE', type: 'SERVICE_TASK' },
    });
    const vars = await send(g.app, 'POST', '/v2/variables/search', {
      filter: { processInstanceKey: key, name: { $in: ['orderId'] } },
    });
    const byValue = await send(g.app, 'POST', '/v2/variables/search', {
      filter: { processInstanceKey: key, value: '3' },
    });
    // then
    expect(flows.json()).toEqual({
      items: [
        {
          processInstanceKey: key,
          sequenceFlowId: 'f1',
          processDefinitionKey: expect.any(String),
          processDefinitionId: id,
          elementId: 'f1',
          tenantId: '<default>',
        },
      ],
    });
    expect(elements.json<{ items: { elementId: string }[] }>().items.map((e) => e.elementId)).toEqual([
      'start',
      'work',
    ]);
    expect(active.json()).toMatchObject({
      items: [
        {
          elementId: 'work',
          type: 'SERVICE_TASK',
          state: 'ACTIVE',
          hasIncident: false,
          processInstanceKey: key,
        },
      ],
      page: { totalItems: 1 },
    });
    expect(vars.json()).toMatchObject({
      items: [
        { name: 'orderId', value: '"A-1"', isTruncated: false, scopeKey: key, processInstanceKey: key },
      ],
    });
    expect(byValue.json<{ items: { name: string }[] }>().items.map((v) => v.name)).toEqual(['amount']);
  });

  it('should answer 404 when sequence flows of an unknown instance are asked for', async () => {
    // when
    const res = await g.app.inject({ method: 'GET', url: '/v2/process-instances/999/sequence-flows' });
    // then
    expectProblem(res, 404);
  });
});
