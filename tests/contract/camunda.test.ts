/**
 * The contract suite on the camunda adapter (@camunda8/sdk) talking to the embedded engine's gRPC and REST
 * fronts, started in-process on free ports. Time is moved with Camunda's clock endpoint (PUT /v2/clock).
 */
import { createCamundaEngine } from '../../engine/src/client/camunda/index';
import { startGateways } from '../../engine/src/gateway/start';
import { testDatabase } from '../support/database';
import { defineContract } from './contract';

process.env.ZEEBE_GRPC_CLIENT_CONNECTION_TOLERANCE_MS = '50';

for (const workerMode of ['poll', 'stream'] as const) {
  defineContract(`camunda adapter over gRPC + REST (${workerMode} workers)`, async () => {
    const gateways = await startGateways({
      databaseUrl: await testDatabase(`contract_camunda_${workerMode}`),
      grpcPort: 0,
      restPort: 0,
      log: () => {},
      poolSize: 10,
    });
    if (!gateways.restAddress)
      throw new Error(`the REST front did not start: ${gateways.restUnavailable ?? ''}`);
    const restAddress = gateways.restAddress;
    const engine = createCamundaEngine({
      workerMode,
      config: {
        ZEEBE_GRPC_ADDRESS: `grpc://${gateways.grpc.address}`,
        ZEEBE_REST_ADDRESS: restAddress,
        CAMUNDA_AUTH_STRATEGY: 'NONE',
        CAMUNDA_LOG_LEVEL: 'none',
        zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_CLIENT_CONNECTION_TOLERANCE_MS: 50 },
      },
    });
    return {
      engine,
      async advanceClock(ms) {
        const response = await fetch(`${restAddress}/v2/clock`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ timestamp: gateways.clock.now() + ms }),
        });
        if (response.status !== 204)
          throw new Error(`clock pin answered ${response.status}: ${await response.text()}`);
      },
      async close() {
        await engine.close();
        await gateways.close();
      },
    };
  });
}
