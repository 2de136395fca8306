/**
 * REST gateway basics: topology, multipart deployments, and the error contract (problem details, 400 naming
 * the field, 404 naming the route, nothing crashes the server).
 */
import { bpmn, flow, uniqueId } from '../harness';
import { expectProblem, multipart, send, startGateway, type Gateway } from './support';

let g: Gateway;
beforeAll(async () => {
  g = await startGateway('rest_gateway');
});
afterAll(() => g.close());

describe('topology', () => {
  it('should describe one healthy broker when the engine is up', async () => {
    // when
    const res = await g.app.inject({ method: 'GET', url: '/v2/topology' });
    // then
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      clusterSize: 1,
      partitionsCount: 1,
      replicationFactor: 1,
      gatewayVersion: expect.stringMatching(/^8\.8/),
      brokers: [{ nodeId: 0, partitions: [{ partitionId: 1, role: 'leader', health: 'healthy' }] }],
    });
  });
});

describe('deployments', () => {
  it('should deploy a process and a form when both are sent as multipart resources', async () => {
    // given
    const id = uniqueId('dep');
    const xml = bpmn(id, `<bpmn:startEvent id="s" />${flow('f', 's', 'e')}<bpmn:endEvent id="e" />`);
    const form = JSON.stringify({ id: `form_${id}`, type: 'default', components: [] });
    // when
    const res = await g.app.inject({
      method: 'POST',
      url: '/v2/deployments',
      ...multipart(
        [
          { name: 'a.bpmn', content: xml },
          { name: 'a.form', content: form },
        ],
        { tenantId: '<default>' },
      ),
    });
    // then
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      deploymentKey: expect.stringMatching(/^\d+$/),
      tenantId: '<default>',
      deployments: [
        {
          processDefinition: {
            processDefinitionId: id,
            processDefinitionVersion: 1,
            resourceName: 'a.bpmn',
            tenantId: '<default>',
            processDefinitionKey: expect.stringMatching(/^\d+$/),
          },
        },
        {
          form: {
            formId: `form_${id}`,
            version: 1,
            resourceName: 'a.form',
            tenantId: '<default>',
            formKey: expect.stringMatching(/^\d+$/),
          },
        },
      ],
    });
  });

  it('should answer 400 with the findings when the BPMN is invalid', async () => {
    // given
    const id = uniqueId('bad');
    const xml = bpmn(id, `<bpmn:startEvent id="s" />${flow('f', 's', 'nowhere')}`);
    // when
    const res = await g.app.inject({
      method: 'POST',
      url: '/v2/deployments',
      ...multipart([{ name: 'bad.bpmn', content: xml }]),
    });
    // then
    const problem = expectProblem(res, 400);
    expect(problem.title).toBe('INVALID_ARGUMENT');
    expect(problem.detail).toContain('bad.bpmn');
  });

  it('should answer 400 when the request is not multipart', async () => {
    // when
    const res = await send(g.app, 'POST', '/v2/deployments', { resources: [] });
    // then
    expect(expectProblem(res, 400).detail).toContain('multipart/form-data');
  });

  it('should answer 400 naming the field when a multipart field is unknown', async () => {
    // when
    const res = await g.app.inject({
      method: 'POST',
      url: '/v2/deployments',
      ...multipart([{ name: 'x.bpmn', content: '<x/>', field: 'resource' }]),
    });
    // then
    expect(expectProblem(res, 400).detail).toContain("'resource'");
  });

  it('should answer 400 when another tenant is named', async () => {
    // when
    const res = await g.app.inject({
      method: 'POST',
      url: '/v2/deployments',
      ...multipart([{ name: 'x.bpmn', content: '<x/>' }], { tenantId: 'other' }),
    });
    // then
    expect(expectProblem(res, 400).detail).toContain('tenantId');
  });
});

describe('error contract', () => {
  it('should answer 404 naming the route when the route is unknown', async () => {
    // when
    const res = await send(g.app, 'POST', '/v2/no-such-thing', {});
    // then
    const problem = expectProblem(res, 404);
    expect(problem.detail).toContain('POST /v2/no-such-thing');
    expect(problem.instance).toBe('/v2/no-such-thing');
  });

  it('should answer 400 when the body is not valid JSON', async () => {
    // when
    const res = await g.app.inject({
      method: 'POST',
      url: '/v2/process-instances',
      payload: '{"processDefinitionId": "x", "variables": {',
      headers: { 'content-type': 'application/json' },
    });
    // then
    const problem = expectProblem(res, 400);
    expect(problem.title).toBe('INVALID_ARGUMENT');
    expect(problem.detail).toContain('not valid JSON');
  });

  it('should answer 400 naming the field when variables are not a JSON object', async () => {
    // when
    const res = await send(g.app, 'POST', '/v2/process-instances', {
      processDefinitionId: 'x',
      variables: '{"a":1',
    });
    // then
    expect(expectProblem(res, 400).detail).toContain('body.variables must be object');
  });

  it('should answer 400 naming the property when a command has an unknown field', async () => {
    // when
    const res = await send(g.app, 'POST', '/v2/messages/publication', { name: 'm', corelationKey: 'typo' });
    // then
    expect(expectProblem(res, 400).detail).toContain("unknown property 'corelationKey'");
  });

  it('should answer 400 naming the parameter when a path key is not a number', async () => {
    // when
    const res = await g.app.inject({ method: 'GET', url: '/v2/process-instances/abc' });
    // then
    expect(expectProblem(res, 400).detail).toContain('params.key');
  });

  it('should keep serving when requests were rejected', async () => {
    // given
    await g.app.inject({
      method: 'POST',
      url: '/v2/jobs/activation',
      payload: 'garbage',
      headers: { 'content-type': 'application/json' },
    });
    await g.app.inject({
      method: 'POST',
      url: '/v2/jobs/activation',
      payload: 'x',
      headers: { 'content-type': 'text/plain' },
    });
    // when
    const res = await g.app.inject({ method: 'GET', url: '/v2/topology' });
    // then
    expect(res.statusCode).toBe(200);
  });
});
