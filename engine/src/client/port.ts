/**
 * The WorkflowEngine port: the only way the application talks to a workflow engine. Its vocabulary is
 * Camunda 8's, so that the embedded adapter and the Camunda 8 adapter are interchangeable. Keys are int64
 * values carried as decimal strings, as on Camunda's wire protocols. Times are epoch milliseconds.
 */

/** JSON object of process variables. */
export type Variables = Record<string, unknown>;

/** Error codes, named after the gRPC status codes Zeebe's gateway uses for the same situations. */
export type EngineErrorCode =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'FAILED_PRECONDITION'
  | 'ALREADY_EXISTS'
  | 'RESOURCE_EXHAUSTED'
  | 'DEADLINE_EXCEEDED'
  | 'UNAVAILABLE';

/** An expected rejection of a command (bad input, unknown key, wrong state). Bugs throw other errors. */
export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    /** Per-element problems, e.g. the findings of a rejected deployment. */
    readonly details: readonly Problem[] = [],
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

/** One finding about a resource: which element, and why. */
export interface Problem {
  resourceName?: string;
  elementId?: string;
  message: string;
}

/** A resource to deploy: BPMN XML or a form-js schema (`*.form`). */
export interface Resource {
  name: string;
  content: string | Uint8Array;
}

export interface DeployedProcess {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: string;
  resourceName: string;
  /** False when an identical resource was already deployed and its version is reused. */
  isNew: boolean;
}

export interface DeployedForm {
  formId: string;
  version: number;
  formKey: string;
  resourceName: string;
  isNew: boolean;
}

export interface Deployment {
  key: string;
  processes: DeployedProcess[];
  forms: DeployedForm[];
}

export interface CreateProcessInstanceRequest {
  bpmnProcessId: string;
  /** A version number; omitted or -1 means the latest. */
  version?: number;
  variables?: Variables;
}

export interface ProcessInstanceCreated {
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
}

export interface ProcessInstanceResult extends ProcessInstanceCreated {
  variables: Variables;
}

export interface PublishMessageRequest {
  name: string;
  correlationKey?: string;
  /** How long an unmatched message is buffered, in ms; 0 = not buffered. */
  timeToLiveMs?: number;
  messageId?: string;
  variables?: Variables;
}

export interface ActivateJobsRequest {
  type: string;
  worker: string;
  /** How long the job stays locked for this worker, in ms. */
  timeoutMs: number;
  maxJobsToActivate: number;
  /** Variable names to fetch; empty or omitted means all visible variables. */
  fetchVariables?: string[];
  /** Long polling: how long to wait for a job when none is available, in ms; 0 = answer at once. */
  requestTimeoutMs?: number;
}

export type JobKind = 'BPMN_ELEMENT' | 'EXECUTION_LISTENER' | 'TASK_LISTENER';

export interface ActivatedJob {
  key: string;
  type: string;
  kind: JobKind;
  listenerEventType: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  processDefinitionKey: string;
  elementId: string;
  elementInstanceKey: string;
  customHeaders: Record<string, string>;
  worker: string;
  retries: number;
  deadline: number;
  variables: Variables;
}

export interface FailJobRequest {
  jobKey: string;
  retries: number;
  errorMessage?: string;
  retryBackOffMs?: number;
  variables?: Variables;
}

export interface ThrowErrorRequest {
  jobKey: string;
  errorCode: string;
  errorMessage?: string;
  variables?: Variables;
}

/** What a job handler decides. */
export type JobOutcome =
  | { outcome: 'complete'; variables?: Variables }
  | {
      outcome: 'fail';
      errorMessage: string;
      retries?: number;
      retryBackOffMs?: number;
      variables?: Variables;
    }
  | { outcome: 'error'; errorCode: string; errorMessage?: string; variables?: Variables };

export interface JobWorkerOptions {
  type: string;
  worker?: string;
  handler: (job: ActivatedJob) => Promise<JobOutcome>;
  maxJobsToActivate?: number;
  timeoutMs?: number;
  fetchVariables?: string[];
  /** Long-poll duration of each activation request, in ms. */
  pollTimeoutMs?: number;
}

export interface JobWorker {
  close(): Promise<void>;
}

export type UserTaskState = 'CREATED' | 'COMPLETED' | 'CANCELED';

export interface UserTask {
  userTaskKey: string;
  state: UserTaskState;
  elementId: string;
  name?: string;
  elementInstanceKey: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  assignee?: string;
  candidateGroups: string[];
  candidateUsers: string[];
  dueDate?: string;
  followUpDate?: string;
  priority: number;
  formKey?: string;
  externalFormReference?: string;
  customHeaders: Record<string, string>;
  creationDate: number;
  completionDate?: number;
}

export interface UserTaskFilter {
  state?: UserTaskState;
  assignee?: string;
  candidateGroups?: string[];
  candidateUser?: string;
  processInstanceKey?: string;
  bpmnProcessId?: string;
  elementId?: string;
  dueBefore?: string;
  dueAfter?: string;
  /** Sort order; default creationDate ascending. */
  sort?: { field: 'creationDate' | 'dueDate' | 'priority'; order: 'ASC' | 'DESC' };
  limit?: number;
  offset?: number;
}

export interface Page<T> {
  items: T[];
  /** Matching items; a user-task search stops counting at 10,000 (see `hasMoreTotalItems`). */
  total: number;
  /** Set when more items match than `total` says (the count was capped). */
  hasMoreTotalItems?: boolean;
}

export interface Incident {
  incidentKey: string;
  state: 'ACTIVE' | 'RESOLVED';
  errorType: string;
  errorMessage: string;
  processInstanceKey: string;
  elementInstanceKey: string;
  elementId: string;
  bpmnProcessId: string;
  processDefinitionKey: string;
  jobKey?: string;
  creationTime: number;
}

export interface IncidentFilter {
  processInstanceKey?: string;
  state?: 'ACTIVE' | 'RESOLVED';
  bpmnProcessId?: string;
  limit?: number;
  offset?: number;
}

export type ProcessInstanceState = 'ACTIVE' | 'COMPLETED' | 'TERMINATED';

export interface ProcessInstance {
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  state: ProcessInstanceState;
  parentProcessInstanceKey?: string;
  hasIncident: boolean;
  startDate: number;
  endDate?: number;
}

export interface ElementInstance {
  elementInstanceKey: string;
  processInstanceKey: string;
  elementId: string;
  elementType: string;
  flowScopeKey?: string;
  state: string;
  startDate: number;
  endDate?: number;
}

export interface VariableValue {
  scopeKey: string;
  name: string;
  value: unknown;
}

/** One entry of the engine's ordered log, for audit and history. */
export interface EngineRecord {
  position: string;
  key: string;
  valueType: string;
  intent: string;
  processInstanceKey?: string;
  elementId?: string;
  elementType?: string;
  value: Record<string, unknown>;
  timestamp: number;
}

export interface ProcessDefinition {
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  versionTag?: string;
  resourceName: string;
  deploymentKey: string;
  createdAt: number;
}

export interface EngineHealth {
  ok: boolean;
  engine: 'embedded' | 'camunda';
  detail: string;
}

/** The port. Adapters: embedded (engine/src/client/embedded) and Camunda 8 (engine/src/client/camunda). */
export interface WorkflowEngine {
  health(): Promise<EngineHealth>;
  deployResources(resources: Resource[]): Promise<Deployment>;
  listProcessDefinitions(bpmnProcessId?: string): Promise<ProcessDefinition[]>;
  getProcessDefinitionXml(processDefinitionKey: string): Promise<string>;
  getForm(formKey: string): Promise<Record<string, unknown>>;

  createProcessInstance(request: CreateProcessInstanceRequest): Promise<ProcessInstanceCreated>;
  createProcessInstanceWithResult(
    request: CreateProcessInstanceRequest & { requestTimeoutMs?: number; fetchVariables?: string[] },
  ): Promise<ProcessInstanceResult>;
  cancelProcessInstance(processInstanceKey: string): Promise<void>;
  setVariables(request: { elementInstanceKey: string; variables: Variables; local?: boolean }): Promise<void>;

  publishMessage(request: PublishMessageRequest): Promise<{ messageKey: string }>;
  correlateMessage(request: Omit<PublishMessageRequest, 'timeToLiveMs' | 'messageId'>): Promise<{
    messageKey: string;
    processInstanceKey: string;
  }>;
  broadcastSignal(request: { signalName: string; variables?: Variables }): Promise<{ signalKey: string }>;

  activateJobs(request: ActivateJobsRequest): Promise<ActivatedJob[]>;
  completeJob(request: { jobKey: string; variables?: Variables }): Promise<void>;
  failJob(request: FailJobRequest): Promise<void>;
  throwError(request: ThrowErrorRequest): Promise<void>;
  updateJobRetries(request: { jobKey: string; retries: number }): Promise<void>;
  updateJobTimeout(request: { jobKey: string; timeoutMs: number }): Promise<void>;
  createWorker(options: JobWorkerOptions): JobWorker;

  searchUserTasks(filter: UserTaskFilter): Promise<Page<UserTask>>;
  getUserTask(userTaskKey: string): Promise<UserTask>;
  assignUserTask(request: { userTaskKey: string; assignee: string; allowOverride?: boolean }): Promise<void>;
  unassignUserTask(userTaskKey: string): Promise<void>;
  completeUserTask(request: { userTaskKey: string; variables?: Variables; action?: string }): Promise<void>;

  searchIncidents(filter: IncidentFilter): Promise<Page<Incident>>;
  resolveIncident(incidentKey: string): Promise<void>;

  getProcessInstance(processInstanceKey: string): Promise<ProcessInstance>;
  searchElementInstances(processInstanceKey: string): Promise<ElementInstance[]>;
  getVariables(processInstanceKey: string, scopeKey?: string): Promise<VariableValue[]>;
  getTakenSequenceFlows(processInstanceKey: string): Promise<string[]>;
  getRecords(processInstanceKey: string): Promise<EngineRecord[]>;

  close(): Promise<void>;
}
