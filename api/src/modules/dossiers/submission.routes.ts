/** POST /dossiers (submit), GET /dossiers/:code (read), GET /dossiers/:code/history. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ProblemError } from '../../plugins/errors.js';
import { Problem } from '../identity/schemas.js';
import { ProcedureSchema } from '../reference/entities.js';
import { dossierRating } from './rating.routes.js';
import { dossierHistory, readableDossier } from './repository.js';
import { CodeParams, DossierDetail, HistoryItem, SubmitAnswer, SubmitBody } from './schemas.js';
import { submitDossier } from './submit.js';
import { dossierView, historyView } from './views.js';

const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 128, pattern: '^[\\x21-\\x7e]+$' })),
});

/** Submission and reading. */
export async function submissionRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['dossiers'];

  app.post(
    '/dossiers',
    {
      config: { access: ['citizen', 'business'] },
      schema: {
        tags,
        summary: 'Submit a dossier online (send Idempotency-Key so a retried submit creates one dossier)',
        headers: IdempotencyHeaders,
        body: SubmitBody,
        response: { 200: SubmitAnswer, 201: SubmitAnswer, 400: Problem, 404: Problem, 409: Problem, 503: Problem },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const procedure = await request.em.findOne(ProcedureSchema, { id: request.body.procedureId });
      if (!procedure) throw new ProblemError(404, 'Không tìm thấy thủ tục hành chính.', `No procedure ${request.body.procedureId}.`);
      const result = await submitDossier(app, principal, procedure, request.body, request.headers['idempotency-key']);
      request.auditTarget = result.dossier.code;
      return reply.code(result.created ? 201 : 200).send({
        dossier: dossierView(result.dossier),
        created: result.created,
        ...(result.trackingSecret ? { trackingSecret: result.trackingSecret } : {}),
      });
    },
  );

  app.get(
    '/dossiers/:code',
    {
      config: { access: ['authenticated'] },
      schema: { tags, summary: 'A dossier with its status history (applicant, officers of its agency, manager, admin)', params: CodeParams, response: { 200: DossierDetail, 404: Problem } },
    },
    async (request) => {
      const d = await readableDossier(app.pg, request.principal, request.params.code);
      return { ...dossierView(d), history: historyView(await dossierHistory(app.pg, d.code)), rating: await dossierRating(app.pg, d.code) };
    },
  );

  app.get(
    '/dossiers/:code/history',
    {
      config: { access: ['authenticated'] },
      schema: { tags, summary: 'Status history (processing log) of a dossier', params: CodeParams, response: { 200: Type.Array(HistoryItem), 404: Problem } },
    },
    async (request) => {
      const d = await readableDossier(app.pg, request.principal, request.params.code);
      return historyView(await dossierHistory(app.pg, d.code));
    },
  );
}
