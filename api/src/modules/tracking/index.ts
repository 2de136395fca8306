/**
 * Tracking: the public look-up by dossier code and the secret printed on the receipt (rate-limited per
 * address, constant-time secret check, the same answer for "no such dossier" and "wrong secret"), and the
 * signed-in applicant's own dossiers.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { isDossierCode } from '../../domain/dossier-code.js';
import { ProblemError } from '../../plugins/errors.js';
import { Problem } from '../identity/schemas.js';
import { dossierHistory, type DossierRow } from '../dossiers/repository.js';
import { DossierView, HistoryItem } from '../dossiers/schemas.js';
import { checkSecret, hashSecret, trackingPepper } from '../dossiers/secrets.js';
import { dossierView, historyView, labelOf } from '../dossiers/views.js';

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

const notFound = () =>
  new ProblemError(404, 'Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu đã nhập.', 'No dossier matches this code and secret.', { code: 'TRACKING_NOT_FOUND' });

/** GET /tracking/:code, GET /me/dossiers. */
export async function trackingRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const dummy = hashSecret(Buffer.alloc(32), 'dummy', 'AAAAAAAA');

  app.get(
    '/tracking/:code',
    {
      config: { access: ['public'], rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags: ['tracking'],
        summary: 'Public look-up with the secret printed on the receipt (30 requests per minute per address)',
        params: Type.Object({ code: Type.String({ maxLength: 40 }) }),
        querystring: Type.Object({ secret: Type.String({ minLength: 1, maxLength: 20 }) }, { additionalProperties: false }),
        response: { 200: TrackingAnswer, 400: Problem, 404: Problem, 429: Problem },
      },
    },
    async (request) => {
      const { code } = request.params;
      const pepper = await trackingPepper(app.pg);
      const r = isDossierCode(code)
        ? await app.pg.query<DossierRow>(
            `SELECT code, procedure_name, status, submitted_at, appointment_at, current_element, tracking_hash, lifecycle FROM dossier WHERE code = $1`,
            [code],
          )
        : { rows: [] as DossierRow[] };
      const d = r.rows[0];
      // Same work whether the dossier exists or not: the answer time tells nothing.
      const ok = await checkSecret(pepper, code, request.query.secret, d?.tracking_hash ?? dummy);
      if (!d || !ok || d.lifecycle === 'start-failed') throw notFound();
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
    '/me/dossiers',
    {
      config: { access: ['citizen', 'business'] },
      schema: {
        tags: ['tracking'],
        summary: "The signed-in applicant's dossiers, newest first",
        querystring: Type.Object(
          { status: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })), page: Type.Optional(Type.Integer({ minimum: 1 })), pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(DossierView), total: Type.Integer() }), 401: Problem, 403: Problem },
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
