/**
 * The camunda adapter of the WorkflowEngine port: a Camunda 8 cluster (SaaS, Self-Managed, or `npm run
 * engine`) through @camunda8/sdk. gRPC (ZeebeGrpcClient) for deployment, instances, messages, signals and
 * jobs; REST v2 (CamundaRestClient) for user tasks, incidents and reads. Configured by Camunda's own
 * environment variables (ZEEBE_GRPC_ADDRESS, ZEEBE_REST_ADDRESS, CAMUNDA_AUTH_STRATEGY, OAuth settings) or
 * by `options.config` with the same names.
 */
import { Camunda8 } from '@camunda8/sdk';
import { EngineError } from '../port.js';
import type {
  ActivateJobsRequest,
  ActivatedJob,
  CreateProcessInstanceRequest,
  Deployment,
  EngineHealth,
  EngineRecord,
  FailJobRequest,
  JobWorker,
  JobWorkerOptions,
  ProcessInstanceCreated,
  ProcessInstanceResult,
  PublishMessageRequest,
  Resource,
  ThrowErrorRequest,
  Variables,
  WorkflowEngine,
} from '../port.js';
import { translate, unavailable } from './errors.js';
import { startSdkWorker, toActivatedJob, type SdkJob } from './jobs.js';
import { RestSide } from './rest.js';

/** Options of the camunda adapter. */
export interface CamundaEngineOptions {
  /** SDK configuration (the names of Camunda's environment variables); unset entries are read from the environment. */
  config?: ConstructorParameters<typeof Camunda8>[0];
  /** How `createWorker` receives jobs: long polling (default) or a job stream. */
  workerMode?: 'poll' | 'stream';
}

/** The SDK types JSON documents narrowly; the port's variables are JSON objects by contract. */
type Doc = Record<string, never>;
const doc = (v: Variables | undefined): Doc => (v ?? {}) as Doc;

interface DeployedItem {
  process?: { bpmnProcessId: string; version: number; processDefinitionKey: unknown; resourceName: string };
  form?: { formId: string; version: number; formKey: unknown; resourceName: string };
}

const buf = (c: string | Uint8Array): Buffer =>
  typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c);

/** The port on a Camunda 8 cluster. */
export class CamundaEngine implements WorkflowEngine {
  private readonly c8: Camunda8;
  private readonly zeebe;
  private readonly rest: RestSide;
  private readonly workers = new Set<JobWorker>();
  /** Forms deployed through this adapter, by key: Camunda 8.8's REST API serves forms only per user task or process. */
  private readonly forms = new Map<string, Record<string, unknown>>();

  constructor(private readonly options: CamundaEngineOptions = {}) {
    this.c8 = new Camunda8(options.config ?? {});
    this.zeebe = this.c8.getZeebeGrpcApiClient();
    this.rest = new RestSide(this.c8.getCamundaRestClient());
  }

  async health(): Promise<EngineHealth> {
    try {
      const t = await this.zeebe.topology();
      return {
        ok: true,
        engine: 'camunda',
        detail: `Camunda gateway ${t.gatewayVersion}, ${t.brokers.length} broker(s)`,
      };
    } catch (e) {
      return { ok: false, engine: 'camunda', detail: e instanceof Error ? e.message : String(e) };
    }
  }

  async deployResources(resources: Resource[]): Promise<Deployment> {
    const sdkResources = resources.map((r) =>
      r.name.endsWith('.form')
        ? { name: r.name, form: buf(r.content) }
        : { name: r.name, process: buf(r.content) },
    );
    const d = await translate('deployResources', () => this.zeebe.deployResources(sdkResources));
    const out: Deployment = { key: String(d.key), processes: [], forms: [] };
    for (const item of d.deployments as DeployedItem[]) {
      if (item.process) {
        const p = item.process;
        out.processes.push({
          bpmnProcessId: p.bpmnProcessId,
          version: p.version,
          processDefinitionKey: String(p.processDefinitionKey),
          resourceName: p.resourceName,
          isNew: true,
        });
      } else if (item.form) {
        const f = item.form;
        out.forms.push({
          formId: f.formId,
          version: f.version,
          formKey: String(f.formKey),
          resourceName: f.resourceName,
          isNew: true,
        });
        const source = resources.find((r) => r.name === f.resourceName);
        if (source)
          this.forms.set(
            String(f.formKey),
            JSON.parse(buf(source.content).toString('utf8')) as Record<string, unknown>,
          );
      }
    }
    return out;
  }

  listProcessDefinitions(bpmnProcessId?: string) {
    return this.rest.listProcessDefinitions(bpmnProcessId);
  }
  getProcessDefinitionXml(key: string) {
    return this.rest.getProcessDefinitionXml(key);
  }
  async getForm(formKey: string): Promise<Record<string, unknown>> {
    const form = this.forms.get(formKey);
    if (!form)
      throw unavailable(
        'getForm',
        `Camunda 8.8 has no form-by-key endpoint and form '${formKey}' was not deployed through this process`,
      );
    return form;
  }

  async createProcessInstance(r: CreateProcessInstanceRequest): Promise<ProcessInstanceCreated> {
    const c = await translate('createProcessInstance', () =>
      this.zeebe.createProcessInstance({
        bpmnProcessId: r.bpmnProcessId,
        version: r.version ?? -1,
        variables: doc(r.variables),
      }),
    );
    return {
      processInstanceKey: String(c.processInstanceKey),
      processDefinitionKey: String(c.processDefinitionKey),
      bpmnProcessId: c.bpmnProcessId,
      version: c.version,
    };
  }

  async createProcessInstanceWithResult(
    r: CreateProcessInstanceRequest & { requestTimeoutMs?: number; fetchVariables?: string[] },
  ): Promise<ProcessInstanceResult> {
    const c = await translate('createProcessInstanceWithResult', () =>
      this.zeebe.createProcessInstanceWithResult({
        bpmnProcessId: r.bpmnProcessId,
        version: r.version ?? -1,
        variables: doc(r.variables),
        requestTimeout: r.requestTimeoutMs ?? 20_000,
        fetchVariables: r.fetchVariables,
      }),
    );
    return {
      processInstanceKey: String(c.processInstanceKey),
      processDefinitionKey: String(c.processDefinitionKey),
      bpmnProcessId: c.bpmnProcessId,
      version: c.version,
      variables: (c.variables ?? {}) as Variables,
    };
  }

  async cancelProcessInstance(key: string): Promise<void> {
    await translate('cancelProcessInstance', () => this.zeebe.cancelProcessInstance(key));
  }
  async setVariables(r: {
    elementInstanceKey: string;
    variables: Variables;
    local?: boolean;
  }): Promise<void> {
    await translate('setVariables', () =>
      this.zeebe.setVariables({
        elementInstanceKey: r.elementInstanceKey,
        variables: doc(r.variables),
        local: r.local ?? false,
      }),
    );
  }

  async publishMessage(r: PublishMessageRequest): Promise<{ messageKey: string }> {
    const m = await translate('publishMessage', () =>
      this.zeebe.publishMessage({
        name: r.name,
        correlationKey: r.correlationKey ?? '',
        timeToLive: r.timeToLiveMs ?? 0,
        messageId: r.messageId,
        variables: doc(r.variables),
      }),
    );
    return { messageKey: String(m.key) };
  }
  correlateMessage(r: { name: string; correlationKey?: string; variables?: Variables }) {
    return this.rest.correlateMessage(r);
  }
  async broadcastSignal(r: { signalName: string; variables?: Variables }): Promise<{ signalKey: string }> {
    const s = await translate('broadcastSignal', () =>
      this.zeebe.broadcastSignal({ signalName: r.signalName, variables: doc(r.variables) }),
    );
    return { signalKey: String(s.key) };
  }

  async activateJobs(r: ActivateJobsRequest): Promise<ActivatedJob[]> {
    const jobs = await translate('activateJobs', () =>
      this.zeebe.activateJobs({
        type: r.type,
        worker: r.worker,
        timeout: r.timeoutMs,
        maxJobsToActivate: r.maxJobsToActivate,
        fetchVariable: r.fetchVariables ?? [],
        // Port: 0 = answer at once; gateway: 0 = default long poll, < 0 = none.
        requestTimeout: r.requestTimeoutMs && r.requestTimeoutMs > 0 ? r.requestTimeoutMs : -1,
      }),
    );
    return jobs.map((j) => toActivatedJob(j as unknown as SdkJob));
  }
  async completeJob(r: { jobKey: string; variables?: Variables }): Promise<void> {
    await translate('completeJob', () =>
      this.zeebe.completeJob({ jobKey: r.jobKey, variables: doc(r.variables) }),
    );
  }
  async failJob(r: FailJobRequest): Promise<void> {
    await translate('failJob', () =>
      this.zeebe.failJob({
        jobKey: r.jobKey,
        retries: r.retries,
        errorMessage: r.errorMessage ?? '',
        retryBackOff: r.retryBackOffMs ?? 0,
        variables: doc(r.variables),
      }),
    );
  }
  async throwError(r: ThrowErrorRequest): Promise<void> {
    await translate('throwError', () =>
      this.zeebe.throwError({
        jobKey: r.jobKey,
        errorCode: r.errorCode,
        errorMessage: r.errorMessage ?? '',
        variables: doc(r.variables),
      }),
    );
  }
  async updateJobRetries(r: { jobKey: string; retries: number }): Promise<void> {
    await translate('updateJobRetries', () =>
      this.zeebe.updateJobRetries({ jobKey: r.jobKey, retries: r.retries }),
    );
  }
  async updateJobTimeout(r: { jobKey: string; timeoutMs: number }): Promise<void> {
    await translate('updateJobTimeout', () =>
      this.zeebe.updateJobTimeout({ jobKey: r.jobKey, timeout: r.timeoutMs }),
    );
  }
  createWorker(options: JobWorkerOptions): JobWorker {
    const worker = startSdkWorker(this.zeebe, options, this.options.workerMode ?? 'poll');
    const tracked: JobWorker = {
      close: async () => {
        this.workers.delete(tracked);
        await worker.close();
      },
    };
    this.workers.add(tracked);
    return tracked;
  }

  searchUserTasks(f: Parameters<WorkflowEngine['searchUserTasks']>[0]) {
    return this.rest.searchUserTasks(f);
  }
  getUserTask(key: string) {
    return this.rest.getUserTask(key);
  }
  assignUserTask(r: { userTaskKey: string; assignee: string; allowOverride?: boolean }) {
    return this.rest.assignUserTask(r);
  }
  unassignUserTask(key: string) {
    return this.rest.unassignUserTask(key);
  }
  completeUserTask(r: { userTaskKey: string; variables?: Variables; action?: string }) {
    return this.rest.completeUserTask(r);
  }
  searchIncidents(f: Parameters<WorkflowEngine['searchIncidents']>[0]) {
    return this.rest.searchIncidents(f);
  }
  resolveIncident(key: string) {
    return this.rest.resolveIncident(key);
  }
  getProcessInstance(key: string) {
    return this.rest.getProcessInstance(key);
  }
  searchElementInstances(key: string) {
    return this.rest.searchElementInstances(key);
  }
  getVariables(key: string, scopeKey?: string) {
    return this.rest.getVariables(key, scopeKey);
  }
  getTakenSequenceFlows(key: string) {
    return this.rest.getTakenSequenceFlows(key);
  }
  async getRecords(_key: string): Promise<EngineRecord[]> {
    throw unavailable(
      'getRecords',
      'the record stream is exported to Elasticsearch/OpenSearch, not offered by the gateway',
    );
  }

  async close(): Promise<void> {
    await Promise.all([...this.workers].map((w) => w.close()));
    await this.zeebe.close().catch(() => null);
  }
}

/** Creates the camunda adapter (no connection is made until the first call). */
export function createCamundaEngine(options?: CamundaEngineOptions): CamundaEngine {
  return new CamundaEngine(options);
}

export { EngineError };
