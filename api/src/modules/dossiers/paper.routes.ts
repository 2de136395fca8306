/**
 * POST /dossiers/paper: a one-stop officer registers a paper dossier received at the desk on behalf of an applicant
 * without an account (tiếp nhận hồ sơ trực tiếp, channel `direct`), JSON or multipart with the scanned papers.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ProblemError } from '../../plugins/errors.js';
import { hasRoleIn } from '../identity/principal.js';
import { Problem } from '../identity/schemas.js';
import { submitPaperDossier } from './submit.js';
import {
  IdempotencyHeaders,
  multipartBody,
  procedureToSubmit,
  readSubmission,
  submissionAnswer,
  SubmitWithFilesAnswer,
} from './submission.routes.js';

/** The applicant's identity as written on the papers (there is no applicant account). */
export const PaperApplicant = Type.Object(
  {
    type: Type.Optional(
      Type.Union([Type.Literal('citizen'), Type.Literal('business')], { description: 'Default citizen' }),
    ),
    name: Type.String({ minLength: 2, maxLength: 200, description: 'Họ và tên, or the organisation name' }),
    idNumber: Type.String({
      minLength: 6,
      maxLength: 20,
      pattern: '^[0-9A-Za-z-]+$',
      description: 'CCCD (12 digits), CMND, passport or tax code',
    }),
    phone: Type.String({ pattern: '^(\\+84|0)[0-9]{9,10}$' }),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
    address: Type.String({ minLength: 5, maxLength: 500 }),
  },
  { additionalProperties: false },
);

export const PaperSubmitBody = Type.Object(
  {
    procedureId: Type.String({ format: 'uuid' }),
    variantKey: Type.Optional(Type.String({ maxLength: 100 })),
    formData: Type.Record(Type.String(), Type.Unknown(), {
      description: 'Fields of the application form (form-js keys), typed by the officer',
    }),
    applicant: PaperApplicant,
  },
  { additionalProperties: false },
);

const PaperAnswer = Type.Intersect([
  SubmitWithFilesAnswer,
  Type.Object({
    receivedBy: Type.Object({ accountId: Type.String(), username: Type.String(), fullName: Type.String() }),
  }),
]);

/** Paper submission at the desk. */
export async function paperRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/dossiers/paper',
    {
      config: { access: ['one-stop'] },
      schema: {
        tags: ['dossiers'],
        summary:
          "Register a paper dossier received at the desk (one-stop officer of the procedure's agency; channel direct; JSON or multipart with files; Idempotency-Key per officer)",
        headers: IdempotencyHeaders,
        body: {
          content: {
            'application/json': { schema: PaperSubmitBody },
            'multipart/form-data': { schema: multipartBody('PaperSubmitBody') },
          },
        },
        response: {
          200: PaperAnswer,
          201: PaperAnswer,
          400: Problem,
          403: Problem,
          404: Problem,
          409: Problem,
          413: Problem,
          415: Problem,
          503: Problem,
        },
      },
    },
    async (request, reply) => {
      const officer = request.principal!;
      const { body, files, multipart } = await readSubmission(app, request, PaperSubmitBody);
      const procedure = await procedureToSubmit(request, body.procedureId);
      if (!hasRoleIn(officer, procedure.agencyCode, 'one-stop')) {
        throw new ProblemError(
          403,
          'Bạn chỉ được tiếp nhận hồ sơ của thủ tục thuộc cơ quan mình (bộ phận một cửa).',
          `Only a one-stop officer of agency ${procedure.agencyCode} may receive dossiers of this procedure.`,
          { code: 'OTHER_AGENCY' },
        );
      }
      const { applicant, ...input } = body;
      const result = await submitPaperDossier(
        app,
        officer,
        procedure,
        input,
        applicant,
        request.headers['idempotency-key'],
        files,
      );
      request.auditTarget = result.dossier.code;
      return reply.code(result.created ? 201 : 200).send({
        ...submissionAnswer(result, multipart),
        receivedBy: { accountId: officer.accountId, username: officer.username, fullName: officer.fullName },
      });
    },
  );
}
