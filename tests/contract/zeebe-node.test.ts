/**
 * Smoke test: a job worker written with the older, deprecated `zeebe-node` 8.3 client deploys, starts and
 * completes work against the embedded engine's gRPC front, as much existing Camunda 8 code does.
 */
import { ZBClient } from 'zeebe-node';
import { bpmn, flow, serviceTask, uniqueId } from '../../engine/test/harness';
import { startGateways, type Gateways } from '../../engine/src/gateway/start';
import { testDatabase } from '../support/database';

describe('zeebe-node 8.3 against the gRPC front', () => {
  let gateways: Gateways;
  let zbc: ZBClient;
  beforeAll(async () => {
    gateways = await startGateways({
      databaseUrl: await testDatabase('contract_zeebe_node'),
      grpcPort: 0,
      restPort: false,
      log: () => {},
    });
    zbc = new ZBClient(gateways.grpc.address, {
      useTLS: false,
      loglevel: 'NONE',
      connectionTolerance: 50,
      retry: false,
    });
  });
  afterAll(async () => {
    await zbc?.close(1_000);
    await gateways?.close();
  });

  it('should deploy, start and complete a process when a zeebe-node worker handles its job', async () => {
    // given
    const id = uniqueId('legacy');
    const type = `${id}-greet`;
    const xml = bpmn(
      id,
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'greet')}${serviceTask('greet', type)}${flow('f2', 'greet', 'end')}<bpmn:endEvent id="end" />`,
    );
    const deployed = await zbc.deployResource({ process: Buffer.from(xml), name: `${id}.bpmn` });
    expect(deployed.deployments[0]?.process?.bpmnProcessId).toBe(id);
    const worker = zbc.createWorker({
      taskType: type,
      longPoll: 2_000,
      taskHandler: (job) => job.complete({ greeting: `Xin chào ${String(job.variables.name)}` }),
    });
    try {
      // when
      const result = await zbc.createProcessInstanceWithResult({
        bpmnProcessId: id,
        variables: { name: 'Lan' },
        requestTimeout: 10_000,
      });
      // then
      expect(result.variables).toMatchObject({ name: 'Lan', greeting: 'Xin chào Lan' });
      expect(result.processInstanceKey).toMatch(/^\d+$/);
    } finally {
      await worker.close(1_000);
    }
  });
});
