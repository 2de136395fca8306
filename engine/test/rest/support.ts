/**
 * REST gateway tests: the gateway on a real embedded engine (real PostgreSQL, controlled clock), driven with
 * `app.inject`, and helpers to build Camunda-style requests (multipart deployments, JSON bodies).
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createRestGateway } from '../../src/gateway/rest/index';
import { bpmn, flow, startHarness, uniqueId, type Harness } from '../harness';

export interface Gateway extends Harness {
  app: FastifyInstance;
}

/** Starts an engine on the database for `suite` and the REST gateway on it. */
export async function startGateway(suite: string): Promise<Gateway> {
  const h = await startHarness(suite);
  const app = await createRestGateway(h.engine, h.clock);
  return {
    ...h,
    app,
    close: async () => {
      await app.close();
      await h.close();
    },
  };
}

/** A multipart/form-data body as Camunda clients send deployments: `resources` files plus plain fields. */
export function multipart(
  files: { name: string; content: string; field?: string }[],
  fields: Record<string, string> = {},
) {
  const boundary = `----motcua${Date.now().toString(16)}`;
  const parts = [
    ...files.map(
      (f) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'resources'}"; filename="${f.name}"\r\n` +
        `Content-Type: application/octet-stream\r\n\r\n${f.content}\r\n`,
    ),
    ...Object.entries(fields).map(
      ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
    ),
  ];
  return {
    payload: `${parts.join('')}--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Deploys BPMN/form resources through POST /v2/deployments and returns the parsed answer. */
export async function deployViaRest(app: FastifyInstance, files: { name: string; content: string }[]) {
  const res = await app.inject({ method: 'POST', url: '/v2/deployments', ...multipart(files) });
  if (res.statusCode !== 200) throw new Error(`deployment failed: ${res.statusCode} ${res.body}`);
  return res.json<{
    deploymentKey: string;
    deployments: Record<string, Record<string, string | number>>[];
  }>();
}

/** POSTs (or other method) a JSON body. */
export function send(
  app: FastifyInstance,
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'GET',
  url: string,
  body?: unknown,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    ...(body === undefined
      ? {}
      : { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
}

/** Deploys `start -> <body> -> end` as a new process id and returns the id. */
export async function deployProcess(
  app: FastifyInstance,
  body: (first: string) => string,
  prefix = 'rest',
): Promise<string> {
  const id = uniqueId(prefix);
  await deployViaRest(app, [{ name: `${id}.bpmn`, content: bpmn(id, body(id)) }]);
  return id;
}

/** start -> service task of type `type` -> end. */
export function serviceTaskBody(type: string): string {
  return (
    `<bpmn:startEvent id="start" />${flow('f1', 'start', 'work')}<bpmn:serviceTask id="work"><bpmn:extensionElements>` +
    `<zeebe:taskDefinition type="${type}" /></bpmn:extensionElements></bpmn:serviceTask>${flow('f2', 'work', 'end')}<bpmn:endEvent id="end" />`
  );
}

/** Creates an instance over REST and returns its key. */
export async function createInstance(
  app: FastifyInstance,
  processDefinitionId: string,
  variables: Record<string, unknown> = {},
): Promise<string> {
  const res = await send(app, 'POST', '/v2/process-instances', { processDefinitionId, variables });
  if (res.statusCode !== 200) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  return res.json<{ processInstanceKey: string }>().processInstanceKey;
}

/** Asserts a problem-detail answer and returns it. */
export function expectProblem(res: LightMyRequestResponse, status: number) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json<{ type: string; title: string; status: number; detail: string; instance: string }>();
  expect(body).toEqual({
    type: 'about:blank',
    title: expect.any(String),
    status,
    detail: expect.any(String),
    instance: expect.stringMatching(/^\/v2\//),
  });
  return body;
}
