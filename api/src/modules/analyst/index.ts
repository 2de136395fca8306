/**
 * Analysts' and managers' routes: deploy procedure models (BPMN + forms) with lint and engine validation
 * findings per element, list versions, read a version's XML, the instance view of a dossier for diagram
 * highlighting, and incidents with retry.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { EngineError, type Resource } from '@motcua/engine';
import { ProblemError } from '../../plugins/errors.js';
import { Problem } from '../identity/schemas.js';
import { incidentRoutes } from './incidents.routes.js';
import { instanceRoutes } from './instance.routes.js';
import { lintBpmn } from './lint.js';

const Finding = Type.Object({
  resourceName: Type.String(),
  elementId: Type.Union([Type.String(), Type.Null()]),
  rule: Type.String(),
  category: Type.String(),
  message: Type.String(),
});
const Definition = Type.Object({
  processDefinitionKey: Type.String(),
  bpmnProcessId: Type.String(),
  version: Type.Integer(),
  versionTag: Type.Optional(Type.String()),
  resourceName: Type.String(),
  deploymentKey: Type.String(),
  createdAt: Type.Number(),
});

/** Analyst routes. */
export async function analystRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['analyst'];

  app.post(
    '/analyst/deployments',
    {
      config: { access: ['analyst', 'admin'] },
      schema: {
        tags,
        summary:
          'Deploy BPMN models and forms (multipart files *.bpmn, *.form); lint errors or engine validation problems answer 422 per element',
        consumes: ['multipart/form-data'],
        response: {
          201: Type.Object({
            deploymentKey: Type.String(),
            processes: Type.Array(
              Type.Object({ bpmnProcessId: Type.String(), version: Type.Integer(), isNew: Type.Boolean() }),
            ),
            forms: Type.Array(Type.Object({ formId: Type.String(), version: Type.Integer() })),
            findings: Type.Array(Finding),
          }),
          400: Problem,
          415: Problem,
          422: Problem,
        },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new ProblemError(
          415,
          'Vui lòng gửi tệp mô hình dạng multipart/form-data.',
          'Expected multipart/form-data.',
        );
      const resources: Resource[] = [];
      for await (const part of request.files()) {
        if (!/\.(bpmn|form)$/.test(part.filename)) {
          throw new ProblemError(
            400,
            `Tệp "${part.filename}" không phải mô hình BPMN (.bpmn) hoặc biểu mẫu (.form).`,
            'Only .bpmn and .form files.',
            { code: 'BAD_MODEL_FILE' },
          );
        }
        resources.push({ name: part.filename, content: (await part.toBuffer()).toString('utf8') });
      }
      if (resources.length === 0)
        throw new ProblemError(400, 'Chưa có tệp mô hình nào được gửi.', 'No file.', { code: 'NO_FILE' });
      const findings = await lintBpmn(
        resources
          .filter((r) => r.name.endsWith('.bpmn'))
          .map((r) => ({ name: r.name, xml: String(r.content) })),
      );
      const errors = findings.filter((f) => f.category === 'error');
      if (errors.length > 0) {
        throw new ProblemError(
          422,
          `Mô hình có ${errors.length} lỗi kiểm tra (lint), chưa được triển khai.`,
          'Lint errors; nothing deployed.',
          { code: 'LINT_FAILED', findings },
        );
      }
      try {
        const d = await app.engine.deployResources(resources);
        request.auditTarget = `deployment:${d.key}`;
        return reply.code(201).send({
          deploymentKey: d.key,
          processes: d.processes.map((p) => ({
            bpmnProcessId: p.bpmnProcessId,
            version: p.version,
            isNew: p.isNew,
          })),
          forms: d.forms.map((f) => ({ formId: f.formId, version: f.version })),
          findings,
        });
      } catch (e) {
        if (e instanceof EngineError) {
          const problems = e.details.map((p) => ({
            resourceName: p.resourceName ?? '',
            elementId: p.elementId ?? null,
            rule: 'engine',
            category: 'error',
            message: p.message,
          }));
          throw new ProblemError(422, `Máy xử lý quy trình từ chối mô hình: ${e.message}`, e.message, {
            code: 'DEPLOY_REJECTED',
            findings: [...findings, ...problems],
          });
        }
        throw e;
      }
    },
  );

  app.get(
    '/analyst/processes',
    {
      config: { access: ['analyst', 'manager', 'admin'] },
      schema: {
        tags,
        summary: 'Deployed process versions',
        querystring: Type.Object(
          { bpmnProcessId: Type.Optional(Type.String()) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(Definition) },
      },
    },
    async (request) => app.engine.listProcessDefinitions(request.query.bpmnProcessId),
  );

  app.get(
    '/analyst/processes/:key/xml',
    {
      config: { access: ['analyst', 'manager', 'admin'] },
      schema: {
        tags,
        summary: "A version's BPMN XML",
        params: Type.Object({ key: Type.String({ pattern: '^[0-9]{1,20}$' }) }),
        response: { 200: Type.String(), 404: Problem },
      },
    },
    async (request, reply) =>
      reply.type('application/xml').send(await app.engine.getProcessDefinitionXml(request.params.key)),
  );

  await app.register(instanceRoutes);
  await app.register(incidentRoutes);
}
