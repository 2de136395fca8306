/** POST /dossiers (submit: JSON or multipart with files), GET /dossiers/:code (read), GET /dossiers/:code/history. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static, type TSchema } from 'typebox';
import { ProblemError } from '../../plugins/errors.js';
import { Problem } from '../identity/schemas.js';
import { ProcedureSchema, type Procedure } from '../reference/entities.js';
import { dossierRating } from './rating.routes.js';
import { dossierHistory, dossierReceiver, readableDossier } from './repository.js';
import { Attachment, CodeParams, DossierDetail, HistoryItem, SubmitAnswer, SubmitBody } from './schemas.js';
import { submitDossier, type Submission } from './submit.js';
import { attachmentView, checkPayload, readMultipartSubmission, type PurposedFile } from './uploads.js';
import { dossierView, historyView } from './views.js';

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ minLength: 8, maxLength: 128, pattern: '^[\\x21-\\x7e]+$' }),
  ),
});

/**
 * The multipart variant of a submission body, for the OpenAPI description only: Fastify does not parse multipart
 * bodies (`request.body` stays empty, hence `nullable`); the route reads the parts and validates `payload` itself.
 */
export function multipartBody(payloadSchemaName: string): TSchema {
  return Type.Unsafe({
    type: 'object',
    nullable: true,
    description:
      `payload: the JSON body (${payloadSchemaName}) as a text field; files: zero or more files (PDF, JPEG, PNG, DOCX, XLSX, ODT by ` +
      'magic bytes, each at most UPLOAD_MAX_BYTES, at most 10); purpose[i]: optional purpose of the i-th file part counted from 0 ' +
      '(lower-case letters, digits, hyphens; default application). A refused file (413, 415) or an invalid payload writes nothing.',
    properties: {
      payload: { type: 'string', description: `JSON text of ${payloadSchemaName}` },
      files: { type: 'array', items: { type: 'string', format: 'binary' } },
    },
  });
}

/** The answer of a submission: the dossier, `created`, the tracking secret of a new dossier and, for multipart, its files. */
export const SubmitWithFilesAnswer = Type.Intersect([
  SubmitAnswer,
  Type.Object({ attachments: Type.Optional(Type.Array(Attachment)) }),
]);

/**
 * The body of a submission request, JSON or multipart: a JSON body was validated by Fastify against `schema`; a
 * multipart one is read whole (files checked before anything is written) and its payload validated here.
 */
export async function readSubmission<S extends TSchema>(
  app: FastifyInstance,
  request: FastifyRequest,
  schema: S,
): Promise<{ body: Static<S>; files: PurposedFile[]; multipart: boolean }> {
  if (!request.isMultipart()) {
    // Fastify validated a JSON body; any other body (none at all, text) has no schema of its own: refuse it here.
    const body =
      request.mediaType === 'application/json'
        ? (request.body as Static<S>)
        : checkPayload<Static<S>>(request, schema, request.body ?? null);
    return { body: storableText(body), files: [], multipart: false };
  }
  const { payload, files } = await readMultipartSubmission(app, request);
  return { body: storableText(checkPayload<Static<S>>(request, schema, payload)), files, multipart: true };
}

/** Whether a value holds the NUL character in a string or a key anywhere: PostgreSQL text and jsonb cannot store it. */
function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value === null || typeof value !== 'object' || depth > 100) return false;
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v, depth + 1));
}

/** The body unchanged, or 400 when a string holds the NUL character (a user mistake, not a server fault). */
function storableText<T>(body: T): T {
  if (hasNul(body)) {
    throw new ProblemError(
      400,
      'Dữ liệu không hợp lệ: nội dung chứa ký tự NUL (\\u0000) không được phép.',
      'The body holds the NUL character (\\u0000), which cannot be stored.',
      {
        code: 'PAYLOAD_INVALID',
      },
    );
  }
  return body;
}

/** The answer body of a submission. */
export function submissionAnswer(result: Submission, multipart: boolean) {
  return {
    dossier: dossierView(result.dossier),
    created: result.created,
    ...(result.trackingSecret ? { trackingSecret: result.trackingSecret } : {}),
    ...(multipart ? { attachments: result.attachments.map(attachmentView) } : {}),
  };
}

/** The procedure a submission names, or 404 (online and paper submissions). */
export async function procedureToSubmit(request: FastifyRequest, id: string): Promise<Procedure> {
  const procedure = await request.em.findOne(ProcedureSchema, { id });
  if (!procedure) throw new ProblemError(404, 'Không tìm thấy thủ tục hành chính.', `No procedure ${id}.`);
  return procedure;
}

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
        summary:
          'Submit a dossier online, JSON or multipart with files (send Idempotency-Key so a retried submit creates one dossier)',
        headers: IdempotencyHeaders,
        body: {
          content: {
            'application/json': { schema: SubmitBody },
            'multipart/form-data': { schema: multipartBody('SubmitBody') },
          },
        },
        response: {
          200: SubmitWithFilesAnswer,
          201: SubmitWithFilesAnswer,
          400: Problem,
          404: Problem,
          409: Problem,
          413: Problem,
          415: Problem,
          503: Problem,
        },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const { body, files, multipart } = await readSubmission(app, request, SubmitBody);
      const procedure = await procedureToSubmit(request, body.procedureId);
      const result = await submitDossier(
        app,
        principal,
        procedure,
        body,
        request.headers['idempotency-key'],
        files,
      );
      request.auditTarget = result.dossier.code;
      return reply.code(result.created ? 201 : 200).send(submissionAnswer(result, multipart));
    },
  );

  app.get(
    '/dossiers/:code',
    {
      config: { access: ['authenticated'] },
      schema: {
        tags,
        summary:
          'A dossier with its status history and, for a paper dossier, the officer who received it (applicant, officers of its agency, manager, admin)',
        params: CodeParams,
        response: { 200: DossierDetail, 404: Problem },
      },
    },
    async (request) => {
      const d = await readableDossier(app.pg, request.principal, request.params.code);
      return {
        ...dossierView(d),
        history: historyView(await dossierHistory(app.pg, d.code)),
        rating: await dossierRating(app.pg, d.code),
        receivedBy: await dossierReceiver(app.pg, d.code),
      };
    },
  );

  app.get(
    '/dossiers/:code/history',
    {
      config: { access: ['authenticated'] },
      schema: {
        tags,
        summary: 'Status history (processing log) of a dossier',
        params: CodeParams,
        response: { 200: Type.Array(HistoryItem), 404: Problem },
      },
    },
    async (request) => {
      const d = await readableDossier(app.pg, request.principal, request.params.code);
      return historyView(await dossierHistory(app.pg, d.code));
    },
  );
}
