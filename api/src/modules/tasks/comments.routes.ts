/** Internal comments of the officers on a dossier (not shown to the applicant). */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Problem } from '../identity/schemas.js';
import { dossierNotFound, isAgencyOfficer, readableDossier } from '../dossiers/repository.js';
import { CodeParams } from '../dossiers/schemas.js';
import { Comment, CommentBody } from './schemas.js';

/** GET and POST /dossiers/:code/comments. */
export async function commentRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['tasks'];
  const officers = ['one-stop', 'specialist', 'section-head', 'agency-head'] as const;

  app.get(
    '/dossiers/:code/comments',
    {
      config: { access: [...officers, 'manager', 'admin'] },
      schema: {
        tags,
        summary: "Officers' comments on a dossier",
        params: CodeParams,
        response: { 200: Type.Array(Comment), 404: Problem },
      },
    },
    async (request) => {
      const d = await readableDossier(app.pg, request.principal, request.params.code);
      const r = await app.pg.query<{ id: string; author_name: string; body: string; created_at: Date }>(
        `SELECT id, author_name, body, created_at FROM dossier_comment WHERE dossier_code = $1 ORDER BY created_at, id`,
        [d.code],
      );
      return r.rows.map((c) => ({
        id: String(c.id),
        author: c.author_name,
        body: c.body,
        createdAt: c.created_at.toISOString(),
      }));
    },
  );

  app.post(
    '/dossiers/:code/comments',
    {
      config: { access: [...officers] },
      schema: {
        tags,
        summary: 'Add a comment (officers of the agency)',
        params: CodeParams,
        body: CommentBody,
        response: { 201: Comment, 404: Problem },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const d = await readableDossier(app.pg, principal, request.params.code);
      if (!isAgencyOfficer(principal, d)) throw dossierNotFound(d.code);
      const r = await app.pg.query<{ id: string; created_at: Date }>(
        `INSERT INTO dossier_comment (dossier_code, author_account_id, author_name, body) VALUES ($1, $2, $3, $4) RETURNING id, created_at`,
        [d.code, principal.accountId, principal.fullName, request.body.body],
      );
      const row = r.rows[0]!;
      return reply.code(201).send({
        id: String(row.id),
        author: principal.fullName,
        body: request.body.body,
        createdAt: row.created_at.toISOString(),
      });
    },
  );
}
