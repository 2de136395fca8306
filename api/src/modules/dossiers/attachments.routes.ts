/** Attachments: upload (multipart, size and type checked by magic bytes, sha256), list, download. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ProblemError } from '../../plugins/errors.js';
import { Problem } from '../identity/schemas.js';
import { dossierNotFound, isAgencyOfficer, isOwner, readableDossier } from './repository.js';
import { Attachment, Binary, CodeParams } from './schemas.js';
import { storageFor } from './storage-registry.js';
import {
  attachmentView as view,
  multipartProblem,
  readUpload,
  storeAttachment,
  type AttachmentRow,
} from './uploads.js';

/** Upload, list and download. */
export async function attachmentRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['dossiers'];

  app.post(
    '/dossiers/:code/attachments',
    {
      config: { access: ['citizen', 'business', 'one-stop'] },
      schema: {
        tags,
        summary:
          'Upload attachments (multipart; PDF, JPEG, PNG, DOCX, XLSX, ODT; at most UPLOAD_MAX_BYTES each)',
        consumes: ['multipart/form-data'],
        params: CodeParams,
        response: {
          201: Type.Array(Attachment),
          400: Problem,
          404: Problem,
          409: Problem,
          413: Problem,
          415: Problem,
        },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const d = await readableDossier(app.pg, principal, request.params.code);
      const mayUpload =
        isOwner(principal, d) ||
        (isAgencyOfficer(principal, d) &&
          principal.memberships.some((m) => m.agencyCode === d.agency_code && m.role === 'one-stop'));
      if (!mayUpload) throw dossierNotFound(d.code);
      if (d.lifecycle !== 'active' || (d.status !== null && ![1, 2, 4, 5].includes(d.status))) {
        throw new ProblemError(
          409,
          'Hồ sơ đã kết thúc hoặc đang ở bước không nhận thêm giấy tờ.',
          'The dossier does not accept attachments now.',
          { code: 'NOT_ACCEPTING' },
        );
      }
      if (!request.isMultipart())
        throw new ProblemError(
          415,
          'Vui lòng gửi tệp đính kèm dạng multipart/form-data.',
          'Expected multipart/form-data.',
        );
      const purpose = d.status === 5 ? 'supplement' : 'application';
      const saved: AttachmentRow[] = [];
      try {
        for await (const part of request.files()) {
          saved.push(
            await storeAttachment(app, d.code, await readUpload(app, part), purpose, principal.accountId),
          );
        }
      } catch (e) {
        throw multipartProblem(app, e);
      }
      if (saved.length === 0)
        throw new ProblemError(400, 'Chưa có tệp nào được gửi.', 'No file in the request.', {
          code: 'NO_FILE',
        });
      request.auditTarget = d.code;
      return reply.code(201).send(saved.map(view));
    },
  );

  app.get(
    '/dossiers/:code/attachments',
    {
      config: { access: ['authenticated'] },
      schema: {
        tags,
        summary: 'Attachments of a dossier',
        params: CodeParams,
        response: { 200: Type.Array(Attachment), 404: Problem },
      },
    },
    async (request) => {
      const d = await readableDossier(app.pg, request.principal, request.params.code);
      const r = await app.pg.query<AttachmentRow>(
        `SELECT * FROM dossier_attachment WHERE dossier_code = $1 ORDER BY created_at, id`,
        [d.code],
      );
      return r.rows.map(view);
    },
  );

  app.get(
    '/dossiers/:code/attachments/:id',
    {
      config: { access: ['authenticated'] },
      schema: {
        tags,
        summary: 'Download an attachment',
        params: Type.Object({ code: Type.String(), id: Type.String({ format: 'uuid' }) }),
        response: { 200: Binary, 404: Problem },
      },
    },
    async (request, reply) => {
      const d = await readableDossier(app.pg, request.principal, request.params.code);
      const r = await app.pg.query<AttachmentRow>(
        `SELECT * FROM dossier_attachment WHERE dossier_code = $1 AND id = $2`,
        [d.code, request.params.id],
      );
      const a = r.rows[0];
      if (!a) throw new ProblemError(404, 'Không tìm thấy tệp đính kèm.', 'No such attachment.');
      return reply
        .type(a.media_type)
        .header('x-content-sha256', a.sha256)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.file_name)}`)
        .send(await storageFor(app).get(a.storage_key));
    },
  );
}
