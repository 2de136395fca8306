/**
 * The REST v2 half of the camunda adapter: user tasks, incidents, process instances, element instances,
 * variables and sequence flows, through @camunda8/sdk's CamundaRestClient (Camunda 8.8 request/response shapes).
 */
import type { CamundaRestClient } from '@camunda8/sdk';
import type {
  ElementInstance,
  Incident,
  IncidentFilter,
  Page,
  ProcessDefinition,
  ProcessInstance,
  UserTask,
  UserTaskFilter,
  VariableValue,
  Variables,
} from '../port.js';
import { translate } from './errors.js';

type Json = Record<string, unknown>;
interface SearchResponse {
  items?: Json[];
  page?: { totalItems?: number };
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== ''
    ? v
    : typeof v === 'number' || typeof v === 'bigint'
      ? String(v)
      : undefined;
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));
const time = (v: unknown): number | undefined =>
  typeof v === 'string' ? Date.parse(v) : typeof v === 'number' ? v : undefined;
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const headers = (v: unknown): Record<string, string> =>
  v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)])) : {};
const dropUndefined = (o: Json): Json =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

function toUserTask(t: Json): UserTask {
  const state = str(t.state);
  return {
    userTaskKey: str(t.userTaskKey) ?? '',
    state: state === 'COMPLETED' || state === 'CANCELED' ? state : 'CREATED',
    elementId: str(t.elementId) ?? '',
    name: str(t.name),
    elementInstanceKey: str(t.elementInstanceKey) ?? '',
    processInstanceKey: str(t.processInstanceKey) ?? '',
    processDefinitionKey: str(t.processDefinitionKey) ?? '',
    bpmnProcessId: str(t.processDefinitionId) ?? '',
    assignee: str(t.assignee),
    candidateGroups: list(t.candidateGroups),
    candidateUsers: list(t.candidateUsers),
    dueDate: str(t.dueDate),
    followUpDate: str(t.followUpDate),
    priority: num(t.priority ?? 50),
    formKey: str(t.formKey),
    externalFormReference: str(t.externalFormReference),
    customHeaders: headers(t.customHeaders),
    creationDate: time(t.creationDate) ?? 0,
    completionDate: time(t.completionDate),
  };
}

function toIncident(i: Json): Incident {
  return {
    incidentKey: str(i.incidentKey) ?? '',
    state: str(i.state) === 'RESOLVED' ? 'RESOLVED' : 'ACTIVE',
    errorType: str(i.errorType) ?? '',
    errorMessage: str(i.errorMessage) ?? '',
    processInstanceKey: str(i.processInstanceKey) ?? '',
    elementInstanceKey: str(i.elementInstanceKey) ?? '',
    elementId: str(i.elementId) ?? '',
    bpmnProcessId: str(i.processDefinitionId) ?? '',
    processDefinitionKey: str(i.processDefinitionKey) ?? '',
    jobKey: str(i.jobKey),
    creationTime: time(i.creationTime) ?? 0,
  };
}

function parseValue(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/** REST v2 calls of the adapter. */
export class RestSide {
  constructor(private readonly rest: CamundaRestClient) {}

  /** One JSON call; `undefined` body means none. Responses are parsed as plain JSON (keys are strings on v2). */
  call<T>(
    operation: string,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH',
    urlPath: string,
    body?: Json,
  ): Promise<T> {
    return translate(operation, async () => {
      const raw = await this.rest.callApiEndpoint({ method, urlPath, body, json: false });
      return (raw === '' ? undefined : JSON.parse(raw)) as T;
    });
  }

  private async search(
    operation: string,
    path: string,
    filter: Json,
    page?: { from?: number; limit?: number },
    sort?: Json[],
  ): Promise<{ items: Json[]; total: number }> {
    const body = dropUndefined({
      filter: dropUndefined(filter),
      page: page ? dropUndefined(page) : undefined,
      sort,
    });
    const r = await this.call<SearchResponse>(operation, 'POST', path, body);
    const items = r.items ?? [];
    return { items, total: r.page?.totalItems ?? items.length };
  }

  /** Pages through a search until every item is read (bounded). */
  private async searchAll(operation: string, path: string, filter: Json, sort?: Json[]): Promise<Json[]> {
    const all: Json[] = [];
    for (let from = 0; from < 10_000; from += 500) {
      const r = await this.search(operation, path, filter, { from, limit: 500 }, sort);
      all.push(...r.items);
      if (r.items.length < 500 || all.length >= r.total) break;
    }
    return all;
  }

  async searchUserTasks(f: UserTaskFilter): Promise<Page<UserTask>> {
    const groups = f.candidateGroups ?? [];
    const due = dropUndefined({ $lt: f.dueBefore, $gt: f.dueAfter });
    const filter = {
      state: f.state,
      assignee: f.assignee,
      candidateGroup: groups.length === 0 ? undefined : groups.length === 1 ? groups[0] : { $in: groups },
      candidateUser: f.candidateUser,
      processInstanceKey: f.processInstanceKey,
      processDefinitionId: f.bpmnProcessId,
      elementId: f.elementId,
      dueDate: Object.keys(due).length > 0 ? due : undefined,
    };
    const sort = [{ field: f.sort?.field ?? 'creationDate', order: f.sort?.order ?? 'ASC' }];
    const r = await this.search(
      'searchUserTasks',
      'user-tasks/search',
      filter,
      { from: f.offset ?? 0, limit: f.limit ?? 100 },
      sort,
    );
    return { items: r.items.map(toUserTask), total: r.total };
  }

  async getUserTask(key: string): Promise<UserTask> {
    return toUserTask(await this.call<Json>('getUserTask', 'GET', `user-tasks/${encodeURIComponent(key)}`));
  }

  async assignUserTask(r: { userTaskKey: string; assignee: string; allowOverride?: boolean }): Promise<void> {
    await this.call(
      'assignUserTask',
      'POST',
      `user-tasks/${encodeURIComponent(r.userTaskKey)}/assignment`,
      dropUndefined({ assignee: r.assignee, allowOverride: r.allowOverride }),
    );
  }

  async unassignUserTask(key: string): Promise<void> {
    await this.call('unassignUserTask', 'DELETE', `user-tasks/${encodeURIComponent(key)}/assignee`);
  }

  async completeUserTask(r: { userTaskKey: string; variables?: Variables; action?: string }): Promise<void> {
    await this.call(
      'completeUserTask',
      'POST',
      `user-tasks/${encodeURIComponent(r.userTaskKey)}/completion`,
      dropUndefined({ variables: r.variables, action: r.action }),
    );
  }

  async searchIncidents(f: IncidentFilter): Promise<Page<Incident>> {
    const filter = {
      processInstanceKey: f.processInstanceKey,
      state: f.state,
      processDefinitionId: f.bpmnProcessId,
    };
    const r = await this.search(
      'searchIncidents',
      'incidents/search',
      filter,
      { from: f.offset ?? 0, limit: f.limit ?? 100 },
      [{ field: 'creationTime', order: 'ASC' }],
    );
    return { items: r.items.map(toIncident), total: r.total };
  }

  async resolveIncident(key: string): Promise<void> {
    await this.call('resolveIncident', 'POST', `incidents/${encodeURIComponent(key)}/resolution`, {});
  }

  async getProcessInstance(key: string): Promise<ProcessInstance> {
    const p = await this.call<Json>(
      'getProcessInstance',
      'GET',
      `process-instances/${encodeURIComponent(key)}`,
    );
    const state = str(p.state);
    return {
      processInstanceKey: str(p.processInstanceKey) ?? key,
      processDefinitionKey: str(p.processDefinitionKey) ?? '',
      bpmnProcessId: str(p.processDefinitionId) ?? '',
      version: num(p.processDefinitionVersion),
      state: state === 'COMPLETED' || state === 'TERMINATED' ? state : 'ACTIVE',
      parentProcessInstanceKey: str(p.parentProcessInstanceKey),
      hasIncident: p.hasIncident === true,
      startDate: time(p.startDate) ?? 0,
      endDate: time(p.endDate),
    };
  }

  async searchElementInstances(processInstanceKey: string): Promise<ElementInstance[]> {
    const items = await this.searchAll(
      'searchElementInstances',
      'element-instances/search',
      { processInstanceKey },
      [{ field: 'startDate', order: 'ASC' }],
    );
    return items.map((e) => ({
      elementInstanceKey: str(e.elementInstanceKey) ?? '',
      processInstanceKey: str(e.processInstanceKey) ?? processInstanceKey,
      elementId: str(e.elementId) ?? '',
      elementType: str(e.type) ?? '',
      flowScopeKey: str(e.flowScopeKey),
      state: str(e.state) ?? '',
      startDate: time(e.startDate) ?? 0,
      endDate: time(e.endDate),
    }));
  }

  async getVariables(processInstanceKey: string, scopeKey?: string): Promise<VariableValue[]> {
    const items = await this.searchAll('getVariables', 'variables/search', { processInstanceKey, scopeKey });
    const out: VariableValue[] = [];
    for (const v of items) {
      let value = v.value;
      if (v.isTruncated === true && str(v.variableKey)) {
        value = (await this.call<Json>('getVariables', 'GET', `variables/${str(v.variableKey)}`)).value;
      }
      out.push({ scopeKey: str(v.scopeKey) ?? '', name: str(v.name) ?? '', value: parseValue(value) });
    }
    return out;
  }

  async getTakenSequenceFlows(processInstanceKey: string): Promise<string[]> {
    const r = await this.call<Json[] | SearchResponse>(
      'getTakenSequenceFlows',
      'GET',
      `process-instances/${encodeURIComponent(processInstanceKey)}/sequence-flows`,
    );
    const items = Array.isArray(r) ? r : (r.items ?? []);
    return [
      ...new Set(items.map((f) => str(f.sequenceFlowId) ?? str(f.elementId) ?? '').filter((id) => id !== '')),
    ];
  }

  async listProcessDefinitions(bpmnProcessId?: string): Promise<ProcessDefinition[]> {
    const items = await this.searchAll(
      'listProcessDefinitions',
      'process-definitions/search',
      { processDefinitionId: bpmnProcessId },
      [{ field: 'version', order: 'ASC' }],
    );
    return items.map((d) => ({
      processDefinitionKey: str(d.processDefinitionKey) ?? '',
      bpmnProcessId: str(d.processDefinitionId) ?? '',
      version: num(d.version),
      versionTag: str(d.versionTag),
      resourceName: str(d.resourceName) ?? '',
      deploymentKey: '',
      createdAt: 0,
    }));
  }

  async getProcessDefinitionXml(key: string): Promise<string> {
    return translate('getProcessDefinitionXml', () =>
      this.rest.callApiEndpoint({
        method: 'GET',
        urlPath: `process-definitions/${encodeURIComponent(key)}/xml`,
        json: false,
      }),
    );
  }

  async correlateMessage(r: {
    name: string;
    correlationKey?: string;
    variables?: Variables;
  }): Promise<{ messageKey: string; processInstanceKey: string }> {
    const c = await this.call<Json>(
      'correlateMessage',
      'POST',
      'messages/correlation',
      dropUndefined({ name: r.name, correlationKey: r.correlationKey ?? '', variables: r.variables }),
    );
    return { messageKey: str(c.messageKey) ?? '', processInstanceKey: str(c.processInstanceKey) ?? '' };
  }
}
