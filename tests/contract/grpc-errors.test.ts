/** Bad input on the gRPC front: unknown RPCs, malformed variables and unknown keys answer statuses, never crash. */
import * as grpc from '@grpc/grpc-js';
import { loadGatewayService } from '../../engine/src/gateway/grpc/proto';
import { startGateways, type Gateways } from '../../engine/src/gateway/start';
import { testDatabase } from '../support/database';

type Unary = (
  request: Record<string, unknown>,
  callback: (error: grpc.ServiceError | null, response?: Record<string, unknown>) => void,
) => void;

describe('gRPC front error statuses', () => {
  let gateways: Gateways;
  let client: grpc.Client & Record<string, Unary>;
  const call = (method: string, request: Record<string, unknown>) =>
    new Promise<{ code: number; details: string; response?: Record<string, unknown> }>((resolve) =>
      client[method]!.call(client, request, (error, response) =>
        resolve(error ? { code: error.code, details: error.details } : { code: 0, details: '', response }),
      ),
    );
  beforeAll(async () => {
    gateways = await startGateways({
      databaseUrl: await testDatabase('contract_grpc_errors'),
      grpcPort: 0,
      restPort: false,
      log: () => {},
    });
    const Client = grpc.makeGenericClientConstructor(loadGatewayService(), 'Gateway');
    // gzip, as @camunda8/sdk sends it
    client = new Client(gateways.grpc.address, grpc.credentials.createInsecure(), {
      'grpc.default_compression_algorithm': 2,
    }) as grpc.Client & Record<string, Unary>;
  });
  afterAll(async () => {
    client?.close();
    await gateways?.close();
  });

  it('should answer UNIMPLEMENTED naming the RPC when the RPC is not served', async () => {
    // given / when
    const r = await call('EvaluateDecision', { decisionId: 'd' });
    // then
    expect(r.code).toBe(grpc.status.UNIMPLEMENTED);
    expect(r.details).toContain('EvaluateDecision');
  });

  it('should answer INVALID_ARGUMENT naming the field when variables are not a JSON object', async () => {
    // given / when
    const r = await call('CreateProcessInstance', { bpmnProcessId: 'x', variables: '{not json' });
    const array = await call('PublishMessage', { name: 'm', correlationKey: 'k', variables: '[1]' });
    // then
    expect(r.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(r.details).toContain("'variables'");
    expect(array.code).toBe(grpc.status.INVALID_ARGUMENT);
  });

  it('should answer NOT_FOUND and keep serving when a key is unknown', async () => {
    // given / when
    const r = await call('CompleteJob', { jobKey: '2251799813685249', variables: '{}' });
    const topology = await call('Topology', {});
    // then
    expect(r.code).toBe(grpc.status.NOT_FOUND);
    expect(topology.response).toMatchObject({ clusterSize: 1, partitionsCount: 1 });
  });
});
