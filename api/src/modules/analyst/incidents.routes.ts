/** Incidents (failed jobs, FEEL errors ...) and retry, for managers and administrators. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Problem } from '../identity/schemas.js';

const IncidentItem = Type.Object({
  incidentKey: Type.String(),
  state: Type.String(),
  errorType: Type.String(),
  errorMessage: Type.String(),
  processInstanceKey: Type.String(),
  elementId: Type.String(),
  bpmnProcessId: Type.String(),
  jobKey: Type.Optional(Type.String()),
  creationTime: Type.Number(),
  dossierCode: Type.Union([Type.String(), Type.Null()]),
});

/** GET /incidents, POST /incidents/:key/retry. */
export async function incidentRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['analyst'];
  app.get(
    '/incidents',
    {
      config: { access: ['manager', 'admin'] },
      schema: {
        tags,
        summary: 'Incidents, active by default',
        querystring: Type.Object(
          {
            state: Type.Optional(Type.Union([Type.Literal('ACTIVE'), Type.Literal('RESOLVED')])),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(IncidentItem), total: Type.Integer() }) },
      },
    },
    async (request) => {
      const page = await app.engine.searchIncidents({
        state: request.query.state ?? 'ACTIVE',
        limit: request.query.limit ?? 100,
      });
      const keys = page.items.map((i) => i.processInstanceKey);
      const r = await app.pg.query<{ process_instance_key: string; dossier_code: string }>(
        `SELECT process_instance_key, dossier_code FROM dossier_instance WHERE process_instance_key = ANY($1::text[])`,
        [keys],
      );
      const codes = new Map(r.rows.map((x) => [x.process_instance_key, x.dossier_code]));
      return {
        total: page.total,
        items: page.items.map((i) => ({
          incidentKey: i.incidentKey,
          state: i.state,
          errorType: i.errorType,
          errorMessage: i.errorMessage,
          processInstanceKey: i.processInstanceKey,
          elementId: i.elementId,
          bpmnProcessId: i.bpmnProcessId,
          jobKey: i.jobKey,
          creationTime: i.creationTime,
          dossierCode: codes.get(i.processInstanceKey) ?? null,
        })),
      };
    },
  );

  app.post(
    '/incidents/:key/retry',
    {
      config: { access: ['manager', 'admin'] },
      schema: {
        tags,
        summary: 'Give the failed job 3 more retries and resolve the incident',
        params: Type.Object({ key: Type.String({ pattern: '^[0-9]{1,20}$' }) }),
        response: {
          200: Type.Object({ key: Type.String(), message_vi: Type.String() }),
          404: Problem,
          409: Problem,
        },
      },
    },
    async (request) => {
      const page = await app.engine.searchIncidents({ state: 'ACTIVE', limit: 1000 });
      const incident = page.items.find((i) => i.incidentKey === request.params.key);
      if (incident?.jobKey) await app.engine.updateJobRetries({ jobKey: incident.jobKey, retries: 3 });
      await app.engine.resolveIncident(request.params.key);
      return { key: request.params.key, message_vi: 'Đã thử lại bước bị lỗi.' };
    },
  );
}
