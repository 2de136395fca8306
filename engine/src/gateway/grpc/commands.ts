/** The unary RPCs of `gateway_protocol.Gateway`, each a function from request message to response message. */
import type { EmbeddedEngine } from '../../client/embedded.js';
import { EngineError, type CreateProcessInstanceRequest } from '../../client/port.js';
import { DEFAULT_TENANT, int64, key, parseVariables, strings, text } from './convert.js';

/** A decoded request message. */
export type Message = Record<string, unknown>;
/** A unary RPC implementation. */
export type UnaryHandler = (request: Message) => Promise<Message>;

/** The version of Camunda whose gateway protocol is served. */
export const GATEWAY_VERSION = '8.8.0';

async function creationRequest(engine: EmbeddedEngine, r: Message): Promise<CreateProcessInstanceRequest> {
  const variables = parseVariables('variables', r.variables);
  if (Array.isArray(r.startInstructions) && r.startInstructions.length > 0) {
    throw new EngineError(
      'INVALID_ARGUMENT',
      "Start instructions ('startInstructions') are not supported by this gateway",
    );
  }
  const definitionKey =
    typeof r.processDefinitionKey === 'string' && r.processDefinitionKey !== '0'
      ? r.processDefinitionKey
      : undefined;
  if (definitionKey) {
    const found = await engine.pool.query<{ bpmn_process_id: string; version: number }>(
      'SELECT bpmn_process_id, version FROM engine.process_definition WHERE key = $1',
      [key('processDefinitionKey', definitionKey)],
    );
    const row = found.rows[0];
    if (!row)
      throw new EngineError(
        'NOT_FOUND',
        `Expected to find process definition with key '${definitionKey}', but none found`,
      );
    return { bpmnProcessId: row.bpmn_process_id, version: row.version, variables };
  }
  const bpmnProcessId = text(r.bpmnProcessId);
  if (!bpmnProcessId)
    throw new EngineError(
      'INVALID_ARGUMENT',
      "Expected either 'bpmnProcessId' or 'processDefinitionKey' to be set",
    );
  const version = Number(r.version ?? -1);
  return { bpmnProcessId, version: version > 0 ? version : -1, variables };
}

/** Builds the unary handlers over `engine`. */
export function unaryHandlers(
  engine: EmbeddedEngine,
  address: () => { host: string; port: number },
): Record<string, UnaryHandler> {
  return {
    async Topology() {
      const { host, port } = address();
      return {
        brokers: [
          {
            nodeId: 0,
            host,
            port,
            version: GATEWAY_VERSION,
            partitions: [{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }],
          },
        ],
        clusterSize: 1,
        partitionsCount: 1,
        replicationFactor: 1,
        gatewayVersion: GATEWAY_VERSION,
      };
    },
    async DeployResource(r) {
      const resources = (Array.isArray(r.resources) ? r.resources : []).map((res: Message) => ({
        name: typeof res.name === 'string' ? res.name : '',
        content: res.content instanceof Uint8Array ? res.content : new Uint8Array(),
      }));
      if (resources.length === 0)
        throw new EngineError(
          'INVALID_ARGUMENT',
          "Expected argument 'resources' to contain at least one resource",
        );
      const d = await engine.deployResources(resources);
      return {
        key: d.key,
        tenantId: DEFAULT_TENANT,
        deployments: [
          ...d.processes.map((p) => ({
            process: {
              bpmnProcessId: p.bpmnProcessId,
              version: p.version,
              processDefinitionKey: p.processDefinitionKey,
              resourceName: p.resourceName,
              tenantId: DEFAULT_TENANT,
            },
          })),
          ...d.forms.map((f) => ({
            form: {
              formId: f.formId,
              version: f.version,
              formKey: f.formKey,
              resourceName: f.resourceName,
              tenantId: DEFAULT_TENANT,
            },
          })),
        ],
      };
    },
    async CreateProcessInstance(r) {
      const created = await engine.createProcessInstance(await creationRequest(engine, r));
      return { ...created, tenantId: DEFAULT_TENANT };
    },
    async CreateProcessInstanceWithResult(r) {
      const inner = (r.request ?? {}) as Message;
      const timeout = int64(r.requestTimeout);
      const result = await engine.createProcessInstanceWithResult({
        ...(await creationRequest(engine, inner)),
        requestTimeoutMs: timeout > 0 ? timeout : undefined,
        fetchVariables: strings(r.fetchVariables),
      });
      const { variables, ...created } = result;
      return { ...created, variables: JSON.stringify(variables), tenantId: DEFAULT_TENANT };
    },
    async CancelProcessInstance(r) {
      await engine.cancelProcessInstance(key('processInstanceKey', r.processInstanceKey));
      return {};
    },
    async CompleteJob(r) {
      await engine.completeJob({
        jobKey: key('jobKey', r.jobKey),
        variables: parseVariables('variables', r.variables),
      });
      return {};
    },
    async FailJob(r) {
      await engine.failJob({
        jobKey: key('jobKey', r.jobKey),
        retries: Number(r.retries ?? 0),
        errorMessage: text(r.errorMessage),
        retryBackOffMs: int64(r.retryBackOff),
        variables: parseVariables('variables', r.variables),
      });
      return {};
    },
    async ThrowError(r) {
      const errorCode = text(r.errorCode);
      if (!errorCode)
        throw new EngineError('INVALID_ARGUMENT', "Expected argument 'errorCode' to be a non-empty string");
      await engine.throwError({
        jobKey: key('jobKey', r.jobKey),
        errorCode,
        errorMessage: text(r.errorMessage),
        variables: parseVariables('variables', r.variables),
      });
      return {};
    },
    async UpdateJobRetries(r) {
      await engine.updateJobRetries({ jobKey: key('jobKey', r.jobKey), retries: Number(r.retries ?? 0) });
      return {};
    },
    async UpdateJobTimeout(r) {
      await engine.updateJobTimeout({ jobKey: key('jobKey', r.jobKey), timeoutMs: int64(r.timeout) });
      return {};
    },
    async PublishMessage(r) {
      const name = text(r.name);
      if (!name)
        throw new EngineError('INVALID_ARGUMENT', "Expected argument 'name' to be a non-empty string");
      const published = await engine.publishMessage({
        name,
        correlationKey: typeof r.correlationKey === 'string' ? r.correlationKey : '',
        timeToLiveMs: Math.max(0, int64(r.timeToLive)),
        messageId: text(r.messageId),
        variables: parseVariables('variables', r.variables),
      });
      return { key: published.messageKey, tenantId: DEFAULT_TENANT };
    },
    async BroadcastSignal(r) {
      const signalName = text(r.signalName);
      if (!signalName)
        throw new EngineError('INVALID_ARGUMENT', "Expected argument 'signalName' to be a non-empty string");
      const s = await engine.broadcastSignal({
        signalName,
        variables: parseVariables('variables', r.variables),
      });
      return { key: s.signalKey, tenantId: DEFAULT_TENANT };
    },
    async SetVariables(r) {
      const elementInstanceKey = key('elementInstanceKey', r.elementInstanceKey);
      const variables = parseVariables('variables', r.variables);
      if (!variables)
        throw new EngineError('INVALID_ARGUMENT', "Expected argument 'variables' to be a JSON object");
      await engine.setVariables({ elementInstanceKey, variables, local: r.local === true });
      // The embedded engine writes no separate variable-document record: answer with the scope's key.
      return { key: elementInstanceKey };
    },
    async ResolveIncident(r) {
      await engine.resolveIncident(key('incidentKey', r.incidentKey));
      return {};
    },
  };
}
