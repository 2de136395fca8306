/**
 * Tracking: the public look-up by dossier code and the secret printed on the receipt (rate-limited per
 * address, constant-time secret check, the same answer for "no such dossier" and "wrong secret"), and the
 * signed-in applicant's own dossiers.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Problem } from '../identity/schemas.js';
import { DiagramAnswer, instanceDiagram } from '../analyst/diagram.js';
import { dossierHistory, type DossierRow } from '../dossiers/repository.js';
import { DossierView, HistoryItem } from '../dossiers/schemas.js';
import { dossierView, historyView, labelOf } from '../dossiers/views.js';
import { trackedDossier, trackingNotFound } from './lookup.js';

const TrackingAnswer = Type.Object({
  code: Type.String(),
  procedureName: Type.String(),
  status: Type.Union([Type.Integer(), Type.Null()]),
  statusLabel: Type.String(),
  submittedAt: Type.String(),
  appointmentAt: Type.Union([Type.String(), Type.Null()]),
  currentStep: Type.Union([Type.String(), Type.Null()]),
  history: Type.Array(HistoryItem),
});

const TrackingParams = Type.Object({ code: Type.String({ maxLength: 40 }) });
const SecretQuery = Type.Object(
  { secret: Type.String({ minLength: 1, maxLength: 20 }) },
  { additionalProperties: false },
);

/** GET /tracking/:code, GET /tracking/:code/diagram, GET /me/dossiers. */
export async function trackingRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/tracking/:code',
    {
      config: { access: ['public'], rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags: ['tracking'],
        summary: 'Public look-up with the secret printed on the receipt (30 requests per minute per address)',
        params: TrackingParams,
        querystring: SecretQuery,
        response: { 200: TrackingAnswer, 400: Problem, 404: Problem, 429: Problem },
      },
    },
    async (request) => {
      const d = await trackedDossier(app.pg, request.params.code, request.query.secret);
      return {
        code: d.code,
        procedureName: d.procedure_name,
        status: d.status,
        statusLabel: labelOf(d.status),
        submittedAt: d.submitted_at.toISOString(),
        appointmentAt: d.appointment_at?.toISOString() ?? null,
        currentStep: d.current_element,
        history: historyView(await dossierHistory(app.pg, d.code)).map((h) => ({ ...h, actor: null })),
      };
    },
  );

  app.get(
    '/tracking/:code/diagram',
    {
      config: { access: ['public'], rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags: ['tracking'],
        summary:
          "The dossier's process diagram with completed and active elements, with the receipt's secret (30 requests per minute per address)",
        params: TrackingParams,
        querystring: SecretQuery,
        response: { 200: DiagramAnswer, 400: Problem, 404: Problem, 429: Problem },
      },
    },
    async (request) => {
      const d = await trackedDossier(app.pg, request.params.code, request.query.secret);
      if (!d.process_instance_key) throw trackingNotFound();
      return instanceDiagram(app.engine, d.process_instance_key);
    },
  );

  app.get(
    '/me/dossiers',
    {
      config: { access: ['citizen', 'business'] },
      schema: {
        tags: ['tracking'],
        summary: "The signed-in applicant's dossiers, newest first",
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
            page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
            pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(DossierView), total: Type.Integer() }),
          401: Problem,
          403: Problem,
        },
      },
    },
    async (request) => {
      const { status, page = 1, pageSize = 20 } = request.query;
      const r = await app.pg.query<DossierRow & { total: string }>(
        `SELECT *, count(*) OVER () AS total FROM dossier
          WHERE applicant_account_id = $1 AND lifecycle <> 'start-failed' AND ($2::int IS NULL OR status = $2)
          ORDER BY submitted_at DESC, code DESC LIMIT $3 OFFSET $4`,
        [request.principal!.accountId, status ?? null, pageSize, (page - 1) * pageSize],
      );
      return { items: r.rows.map(dossierView), total: Number(r.rows[0]?.total ?? 0) };
    },
  );
}
