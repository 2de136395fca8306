/** Admin routes for procedures: /api/admin/procedures. Public reads are in the catalogue module. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ProblemError } from '../../plugins/errors.js';
import { Problem } from '../identity/schemas.js';
import { today } from './effective.js';
import { ProcedureSchema } from './entities.js';
import { agencyDirectory, applyProcedure, createProcedure, type ProcedureInput } from './procedures.js';
import { IdParams, ProcedureCreateBody, ProcedureDetail, ProcedureUpdateBody } from './schemas.js';
import { procedureView } from './views.js';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

/** POST/PATCH/DELETE /admin/procedures (role admin). */
export async function procedureAdminRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const config = { access: ['admin'] as const };
  const tags = ['admin'];

  app.post(
    '/admin/procedures',
    {
      config,
      schema: {
        tags,
        summary: 'Publish a procedure',
        body: ProcedureCreateBody,
        response: { 201: ProcedureDetail, ...errors },
      },
    },
    async (request, reply) => {
      const input: ProcedureInput = {
        ...request.body,
        serviceLevel: request.body.serviceLevel as ProcedureInput['serviceLevel'],
        source: 'manual',
      };
      const procedure = await createProcedure(request.em, input);
      return reply.code(201).send(await procedureView(request.em, procedure));
    },
  );

  app.patch(
    '/admin/procedures/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change a procedure',
        params: IdParams,
        body: ProcedureUpdateBody,
        response: { 200: ProcedureDetail, ...errors },
      },
    },
    async (request) => {
      const procedure = await request.em.findOne(ProcedureSchema, { id: request.params.id });
      if (!procedure)
        throw new ProblemError(404, 'Không tìm thấy thủ tục.', `No procedure ${request.params.id}.`);
      const current: ProcedureInput = { ...procedure };
      const merged = { ...current, ...request.body } as ProcedureInput;
      applyProcedure(procedure, merged, await agencyDirectory(request.em));
      await request.em.flush();
      return procedureView(request.em, procedure);
    },
  );

  app.delete(
    '/admin/procedures/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Withdraw a procedure from today (kept for dossiers in flight and history)',
        params: IdParams,
        response: { 200: ProcedureDetail, ...errors },
      },
    },
    async (request) => {
      const procedure = await request.em.findOne(ProcedureSchema, { id: request.params.id });
      if (!procedure)
        throw new ProblemError(404, 'Không tìm thấy thủ tục.', `No procedure ${request.params.id}.`);
      const end = today();
      if (end <= procedure.validFrom) {
        throw new ProblemError(
          409,
          'Thủ tục chưa có hiệu lực; hãy sửa thời hạn thay vì bãi bỏ.',
          'The procedure has not started yet: change its period instead.',
        );
      }
      if (!procedure.validTo || procedure.validTo > end) procedure.validTo = end;
      await request.em.flush();
      return procedureView(request.em, procedure);
    },
  );
}
