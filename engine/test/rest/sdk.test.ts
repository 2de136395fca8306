/**
 * The official client against the gateway over HTTP: @camunda8/sdk's CamundaRestClient (8.8) deploys, starts,
 * works a user task and a job, pins the clock and reads incidents through the REST gateway on a real socket.
 */
import { CamundaRestClient } from '@camunda8/sdk';
import { bpmn, flow, uniqueId } from '../harness';
import { serviceTaskBody, startGateway, type Gateway } from './support';

let g: Gateway;
let client: CamundaRestClient;
beforeAll(async () => {
  g = await startGateway('rest_sdk');
  const address = await g.app.listen({ port: 0, host: '127.0.0.1' });
  client = new CamundaRestClient({
    config: {
      ZEEBE_REST_ADDRESS: address,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      CAMUNDA_LOG_LEVEL: 'none',
      ZEEBE_GRPC_ADDRESS: 'grpc://127.0.0.1:1',
    },
  });
});
afterAll(() => g.close());

describe('@camunda8/sdk CamundaRestClient', () => {
  it('should read the topology and deploy resources when asked by the SDK', async () => {
    // given
    const id = uniqueId('sdk');
    // when
    const topology = await client.getTopology();
    const deployment = await client.deployResources([
      { name: `${id}.bpmn`, content: bpmn(id, serviceTaskBody('sdk-job')) },
    ]);
    // then
    expect(topology).toMatchObject({ clusterSize: 1, brokers: [expect.objectContaining({ nodeId: 0 })] });
    expect(deployment.processes).toEqual([
      expect.objectContaining({ processDefinitionId: id, processDefinitionVersion: 1 }),
    ]);
  });

  it('should run a service task and a user task when the SDK drives them', async () => {
    // given
    const id = uniqueId('sdk');
    const xml = bpmn(
      id,
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'work')}<bpmn:serviceTask id="work"><bpmn:extensionElements><zeebe:taskDefinition type="sdk-${id}" /></bpmn:extensionElements></bpmn:serviceTask>` +
        `${flow('f2', 'work', 'review')}<bpmn:userTask id="review"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>${flow('f3', 'review', 'end')}<bpmn:endEvent id="end" />`,
    );
    await client.deployResources([{ name: `${id}.bpmn`, content: xml }]);
    const created = await client.createProcessInstance({ processDefinitionId: id, variables: { amount: 5 } });
    // when
    const jobs = await client.activateJobs({
      type: `sdk-${id}`,
      worker: 'sdk',
      maxJobsToActivate: 1,
      timeout: 30_000,
      requestTimeout: -1,
    });
    await jobs[0]!.complete({ doubled: 10 });
    const tasks = await client.searchUserTasks({
      filter: { processInstanceKey: created.processInstanceKey, state: 'CREATED' },
    });
    const task = tasks.items[0]!;
    await client.assignUserTask({ userTaskKey: task.userTaskKey, assignee: 'an' });
    await client.unassignUserTask({ userTaskKey: task.userTaskKey });
    await client.completeUserTask({ userTaskKey: task.userTaskKey, variables: { approved: true } });
    const instances = await client.searchProcessInstances({
      filter: { processInstanceKey: created.processInstanceKey },
    });
    const variables = await client.searchVariables({
      filter: { processInstanceKey: created.processInstanceKey, name: 'doubled' },
    });
    // then
    expect(jobs[0]!.variables).toMatchObject({ amount: 5 });
    expect(instances.items[0]!.state).toBe('COMPLETED');
    expect(variables.items[0]!.value).toBe('10');
  });

  it('should return the result when createProcessInstanceWithResult is used', async () => {
    // given
    const id = uniqueId('sdk');
    await client.deployResources([
      {
        name: `${id}.bpmn`,
        content: bpmn(id, `<bpmn:startEvent id="s" />${flow('f', 's', 'e')}<bpmn:endEvent id="e" />`),
      },
    ]);
    // when
    const result = await client.createProcessInstanceWithResult({
      processDefinitionId: id,
      variables: { x: 'y' },
    });
    // then
    expect(result.variables).toMatchObject({ x: 'y' });
  });

  it('should fire a timer when the SDK pins the clock', async () => {
    // given
    const id = uniqueId('sdk');
    await client.deployResources([
      {
        name: `${id}.bpmn`,
        content: bpmn(
          id,
          `<bpmn:startEvent id="s" />${flow('f1', 's', 't')}<bpmn:intermediateCatchEvent id="t"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>${flow('f2', 't', 'e')}<bpmn:endEvent id="e" />`,
        ),
      },
    ]);
    const created = await client.createProcessInstance({ processDefinitionId: id, variables: {} });
    // when
    await client.pinInternalClock(g.clock.now() + 25 * 3600_000);
    // then
    const instances = await client.searchProcessInstances({
      filter: { processInstanceKey: created.processInstanceKey },
    });
    expect(instances.items[0]!.state).toBe('COMPLETED');
  });

  it('should fail a job into an incident and resolve it when the SDK asks', async () => {
    // given
    const id = uniqueId('sdk');
    await client.deployResources([{ name: `${id}.bpmn`, content: bpmn(id, serviceTaskBody(`fail-${id}`)) }]);
    const created = await client.createProcessInstance({ processDefinitionId: id, variables: {} });
    const [job] = await client.activateJobs({
      type: `fail-${id}`,
      worker: 'sdk',
      maxJobsToActivate: 1,
      timeout: 30_000,
      requestTimeout: -1,
    });
    // when
    await job!.fail({ errorMessage: 'down', retries: 0 });
    const incidents = await client.searchIncidents({
      filter: { processInstanceKey: created.processInstanceKey },
    });
    await client.updateJob({ jobKey: job!.jobKey, retries: 1 });
    await client.resolveIncident(incidents.items[0]!.incidentKey);
    // then
    expect(incidents.items[0]).toMatchObject({ errorType: 'JOB_NO_RETRIES', errorMessage: 'down' });
    const again = await client.activateJobs({
      type: `fail-${id}`,
      worker: 'sdk',
      maxJobsToActivate: 1,
      timeout: 30_000,
      requestTimeout: -1,
    });
    expect(again).toHaveLength(1);
  });
});
