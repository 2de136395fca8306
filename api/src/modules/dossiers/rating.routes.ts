/** POST /dossiers/:code/rating: the applicant's satisfaction rating (§4.3), once, after the result was returned. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Queryable } from '../../domain/dossier-code.js';
import { ProblemError } from '../../plugins/errors.js';
import { Problem } from '../identity/schemas.js';
import { dossierNotFound, findDossier, isOwner } from './repository.js';
import { CodeParams, Rating } from './schemas.js';

const RatingBody = Type.Object(
  {
    score: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

/** The rating of a dossier, or null. */
export async function dossierRating(db: Queryable, code: string) {
  const r = await db.query<{ score: number; comment: string | null; created_at: Date }>(
    `SELECT score, comment, created_at FROM dossier_rating WHERE dossier_code = $1`,
    [code],
  );
  const row = r.rows[0];
  return row ? { score: row.score, comment: row.comment, createdAt: row.created_at.toISOString() } : null;
}

/** Rating routes. */
export async function ratingRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/dossiers/:code/rating',
    {
      config: { access: ['citizen', 'business'] },
      schema: {
        tags: ['dossiers'],
        summary:
          'Rate the service (1-5, optional comment) once the result was returned (status 10); once per dossier',
        params: CodeParams,
        body: RatingBody,
        response: { 201: Rating, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const d = await findDossier(app.pg, request.params.code);
      if (!d || d.lifecycle === 'start-failed' || !isOwner(principal, d))
        throw dossierNotFound(request.params.code);
      if (d.status !== 10) {
        throw new ProblemError(
          409,
          'Chỉ có thể đánh giá sau khi hồ sơ đã trả kết quả.',
          'A dossier can be rated only after its result was returned (status 10).',
          {
            code: 'RATING_NOT_YET',
            status: d.status,
          },
        );
      }
      const r = await app.pg.query<{ created_at: Date }>(
        `INSERT INTO dossier_rating (dossier_code, account_id, score, comment, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (dossier_code) DO NOTHING RETURNING created_at`,
        [
          d.code,
          principal.accountId,
          request.body.score,
          request.body.comment ?? null,
          new Date(app.clock.now()),
        ],
      );
      const created = r.rows[0];
      if (!created)
        throw new ProblemError(409, 'Hồ sơ này đã được đánh giá.', 'This dossier was already rated.', {
          code: 'RATING_EXISTS',
        });
      return reply.code(201).send({
        score: request.body.score,
        comment: request.body.comment ?? null,
        createdAt: created.created_at.toISOString(),
      });
    },
  );
}
