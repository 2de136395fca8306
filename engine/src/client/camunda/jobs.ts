/** Jobs through @camunda8/sdk's gRPC client: activated-job mapping and port workers on SDK job workers. */
import type { Zeebe } from '@camunda8/sdk';
import type { ActivatedJob, JobOutcome, JobWorker, JobWorkerOptions, Variables } from '../port.js';

type ZeebeGrpcClient = InstanceType<typeof Zeebe.ZeebeGrpcClient>;

/** The fields of an SDK job the port needs (the SDK's job type carries methods and generics besides). */
export interface SdkJob {
  key: string;
  type: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  processDefinitionKey: string;
  elementId: string;
  elementInstanceKey: string;
  customHeaders: unknown;
  worker: string;
  retries: number;
  deadline: string | number;
  variables: unknown;
}

/** Port view of an SDK job. */
export function toActivatedJob(job: SdkJob): ActivatedJob {
  const headers = job.customHeaders && typeof job.customHeaders === 'object' ? job.customHeaders : {};
  return {
    key: String(job.key),
    type: job.type,
    kind: 'BPMN_ELEMENT',
    listenerEventType: 'UNSPECIFIED',
    processInstanceKey: String(job.processInstanceKey),
    bpmnProcessId: job.bpmnProcessId,
    processDefinitionVersion: Number(job.processDefinitionVersion),
    processDefinitionKey: String(job.processDefinitionKey),
    elementId: job.elementId,
    elementInstanceKey: String(job.elementInstanceKey),
    customHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)])),
    worker: job.worker,
    retries: Number(job.retries),
    deadline: Number(job.deadline),
    variables: (job.variables && typeof job.variables === 'object' ? job.variables : {}) as Variables,
  };
}

/** What a port handler's outcome asks of the SDK job. */
interface SdkJobActions {
  complete(variables?: Variables): Promise<unknown>;
  fail(conf: {
    errorMessage: string;
    retries?: number;
    retryBackOff?: number;
    variables?: Variables;
  }): Promise<unknown>;
  error(e: { errorCode: string; errorMessage?: string; variables: Variables }): Promise<unknown>;
}

async function report(job: SdkJob & SdkJobActions, outcome: JobOutcome): Promise<unknown> {
  if (outcome.outcome === 'complete') return job.complete(outcome.variables ?? {});
  if (outcome.outcome === 'fail') {
    return job.fail({
      errorMessage: outcome.errorMessage,
      retries: outcome.retries ?? Number(job.retries) - 1,
      retryBackOff: outcome.retryBackOffMs ?? 0,
      variables: outcome.variables,
    });
  }
  return job.error({
    errorCode: outcome.errorCode,
    errorMessage: outcome.errorMessage,
    variables: outcome.variables ?? {},
  });
}

/** Runs the port handler on an SDK job and reports its outcome; a throwing handler fails the job (retries - 1). */
export async function runHandler(options: JobWorkerOptions, job: SdkJob & SdkJobActions): Promise<unknown> {
  let outcome: JobOutcome;
  try {
    outcome = await options.handler(toActivatedJob(job));
  } catch (e) {
    outcome = {
      outcome: 'fail',
      errorMessage: e instanceof Error ? e.message : String(e),
      retries: Number(job.retries) - 1,
    };
  }
  return report(job, outcome);
}

/** A port worker on an SDK job worker: long polling (ActivateJobs) or a job stream (StreamActivatedJobs). */
export function startSdkWorker(
  zeebe: ZeebeGrpcClient,
  options: JobWorkerOptions,
  mode: 'poll' | 'stream',
): JobWorker {
  const taskHandler = (job: unknown) => runHandler(options, job as SdkJob & SdkJobActions) as Promise<never>;
  const worker = options.worker ?? `motcua-${options.type}`;
  const timeout = options.timeoutMs ?? 60_000;
  if (mode === 'stream') {
    const stream = zeebe.streamJobs({
      type: options.type,
      worker,
      timeout,
      fetchVariables: options.fetchVariables,
      tenantIds: [],
      taskHandler,
    });
    return {
      async close() {
        (await stream).close();
      },
    };
  }
  const w = zeebe.createWorker({
    taskType: options.type,
    id: worker,
    taskHandler,
    maxJobsToActivate: options.maxJobsToActivate ?? 32,
    timeout,
    fetchVariable: options.fetchVariables,
    longPoll: options.pollTimeoutMs ?? 10_000,
    pollInterval: 100,
    loglevel: 'NONE',
  });
  return {
    async close() {
      await w.close();
    },
  };
}
