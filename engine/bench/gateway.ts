/**
 * `npm run bench:gateway`: jobs completed per second through @camunda8/sdk job workers over the gRPC front
 * (long polling and job streaming), next to the same work through the in-process embedded adapter, in one
 * run on one engine and one database (loopback only). For each variant BENCH_JOBS instances (default 1000)
 * wait at a service task before the worker starts; the figure is jobs / time until all instances completed.
 * Prints JSON lines.
 */
import os from 'node:os';
import { createCamundaEngine } from '../src/client/camunda/index.js';
import type { JobWorker, WorkflowEngine } from '../src/client/port.js';
import { startGateways } from '../src/gateway/start.js';
import { emit, r1, startBenchDatabase } from './support.js';

const JOBS = Number(process.env.BENCH_JOBS ?? 1000);
const LIMIT_MS = Number(process.env.BENCH_LIMIT_MS ?? 60_000);
process.env.ZEEBE_GRPC_CLIENT_CONNECTION_TOLERANCE_MS ??= '50';
process.env.ZEEBE_CLIENT_LOG_LEVEL ??= 'NONE';
process.env.CAMUNDA_LOG_LEVEL ??= 'none';

function model(id: string, type: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d_${id}" targetNamespace="http://motcua.bench">
  <bpmn:process id="${id}" isExecutable="true">
    <bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
    <bpmn:serviceTask id="work"><bpmn:extensionElements><zeebe:taskDefinition type="${type}" /></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" /><bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

async function main(): Promise<void> {
  emit({
    bench: 'gateway',
    jobs: JOBS,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    node: process.version,
  });
  const db = await startBenchDatabase();
  const gateways = await startGateways({
    databaseUrl: db.url,
    grpcPort: 0,
    restPort: false,
    log: () => {},
    poolSize: 20,
  });
  const embedded = gateways.engine;
  const config = {
    ZEEBE_GRPC_ADDRESS: `grpc://${gateways.grpc.address}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE' as const,
    CAMUNDA_LOG_LEVEL: 'none' as const,
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE' as const },
  };
  const variants: { name: string; engine: () => WorkflowEngine; owned: boolean }[] = [
    { name: 'in-process embedded adapter', engine: () => embedded, owned: false },
    {
      name: '@camunda8/sdk worker, gRPC ActivateJobs (long polling)',
      engine: () => createCamundaEngine({ config, workerMode: 'poll' }),
      owned: true,
    },
    {
      name: '@camunda8/sdk worker, gRPC StreamActivatedJobs',
      engine: () => createCamundaEngine({ config, workerMode: 'stream' }),
      owned: true,
    },
  ];
  try {
    for (const [i, variant] of variants.entries()) {
      const id = `bench_gateway_${i}_${Date.now().toString(36)}`;
      const type = `${id}-work`;
      await embedded.deployResources([{ name: `${id}.bpmn`, content: model(id, type) }]);
      const keys = new Set<string>();
      for (let n = 0; n < JOBS; n += 16) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(16, JOBS - n) }, () =>
            embedded.createProcessInstance({ bpmnProcessId: id }),
          ),
        );
        for (const c of batch) keys.add(c.processInstanceKey);
      }
      let done = 0;
      let resolveAll: () => void = () => {};
      const all = new Promise<void>((resolve) => (resolveAll = resolve));
      const onCompleted = (key: string) => {
        if (keys.delete(key) && ++done === JOBS) resolveAll();
      };
      embedded.core.on('completed', onCompleted);
      const engine = variant.engine();
      const started = performance.now();
      const worker: JobWorker = engine.createWorker({
        type,
        maxJobsToActivate: 32,
        timeoutMs: 60_000,
        pollTimeoutMs: 10_000,
        handler: async () => ({ outcome: 'complete', variables: { ok: true } }),
      });
      const limit = new Promise<void>((resolve) => setTimeout(resolve, LIMIT_MS).unref());
      await Promise.race([all, limit]);
      const seconds = (performance.now() - started) / 1000;
      embedded.core.off('completed', onCompleted);
      await worker.close();
      if (variant.owned) await engine.close();
      emit({
        variant: variant.name,
        jobsCompleted: done,
        seconds: r1(seconds),
        jobsPerSecond: r1(done / seconds),
        finished: done === JOBS,
      });
    }
  } finally {
    await gateways.close();
    await db.stop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
