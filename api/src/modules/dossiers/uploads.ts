/**
 * The attachment machinery shared by the attachment upload (POST /dossiers/:code/attachments) and the multipart
 * submission (POST /dossiers, POST /dossiers/paper): reading a file part within UPLOAD_MAX_BYTES (413), recognising
 * its type by magic bytes (415), its sha256, the storage key, and the `dossier_attachment` row.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import type { TSchema } from 'typebox';
import type { Queryable } from '../../domain/dossier-code.js';
import { ProblemError } from '../../plugins/errors.js';
import { detectFileType, type FileType } from './file-types.js';
import { dossierFileKey } from './storage.js';
import { storageFor } from './storage-registry.js';

/** A file read from a request and accepted: checked, hashed, not stored yet. */
export interface UploadedFile {
  fileName: string;
  data: Buffer;
  type: FileType;
  sha256: string;
}

/** A stored attachment row. */
export interface AttachmentRow {
  id: string;
  dossier_code: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  purpose: string;
  created_at: Date;
  storage_key: string;
}

/** The public shape of an attachment (schema `Attachment`). */
export const attachmentView = (a: AttachmentRow) => ({
  id: a.id,
  fileName: a.file_name,
  mediaType: a.media_type,
  size: a.size_bytes,
  sha256: a.sha256,
  purpose: a.purpose,
  createdAt: a.created_at.toISOString(),
});

const megabytes = (app: FastifyInstance) => Math.round(app.config.UPLOAD_MAX_BYTES / 1048576);

/** 413 for a file over UPLOAD_MAX_BYTES. */
export function fileTooLarge(app: FastifyInstance, fileName: string): ProblemError {
  return new ProblemError(
    413,
    `Tệp "${fileName}" vượt quá dung lượng cho phép (${megabytes(app)} MB).`,
    'File too large.',
    { code: 'FILE_TOO_LARGE' },
  );
}

/**
 * Reads a file part whole and checks it: 413 when larger than UPLOAD_MAX_BYTES, 415 when its first bytes are not
 * an accepted type (the name and the declared media type are never trusted).
 */
export async function readUpload(app: FastifyInstance, part: MultipartFile): Promise<UploadedFile> {
  let data: Buffer;
  try {
    data = await part.toBuffer();
  } catch {
    throw fileTooLarge(app, part.filename);
  }
  if (part.file.truncated) throw fileTooLarge(app, part.filename);
  const type = detectFileType(data);
  if (!type) {
    throw new ProblemError(
      415,
      `Tệp "${part.filename}" không đúng định dạng cho phép (PDF, JPEG, PNG, DOCX, XLSX, ODT).`,
      'Unsupported file type.',
      { code: 'FILE_TYPE' },
    );
  }
  return {
    fileName: part.filename.slice(0, 255) || `tep.${type.extension}`,
    data,
    type,
    sha256: createHash('sha256').update(data).digest('hex'),
  };
}

/**
 * Maps the multipart plugin's limit errors (too many files or fields, a file over the limit) to a bilingual
 * 413; other errors are returned unchanged.
 */
export function multipartProblem(app: FastifyInstance, e: unknown): unknown {
  const code = (e as { code?: string }).code;
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new ProblemError(
      413,
      'Yêu cầu có quá nhiều tệp hoặc trường dữ liệu (tối đa 10 tệp và 10 trường).',
      `Too many parts in the multipart request (${code}).`,
      { code: 'TOO_MANY_PARTS' },
    );
  }
  if (code === 'FST_REQ_FILE_TOO_LARGE') return fileTooLarge(app, '');
  return e;
}

/** Where a file of a dossier goes: its id and storage key, chosen before anything is written. */
export interface PlannedAttachment {
  id: string;
  key: string;
}

/** Chooses the id and storage key of `file` for dossier `dossierCode`. */
export function planAttachment(dossierCode: string, file: UploadedFile): PlannedAttachment {
  const id = randomUUID();
  return { id, key: dossierFileKey(dossierCode, `${id}.${file.type.extension}`) };
}

/** Inserts the attachment row of a planned file (the caller stores the bytes). */
export async function insertAttachment(
  db: Queryable,
  dossierCode: string,
  file: UploadedFile,
  planned: PlannedAttachment,
  purpose: string,
  uploadedBy: string | null,
): Promise<AttachmentRow> {
  const r = await db.query<AttachmentRow>(
    `INSERT INTO dossier_attachment (id, dossier_code, file_name, media_type, size_bytes, sha256, storage_key, purpose, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
    [
      planned.id,
      dossierCode,
      file.fileName,
      file.type.mediaType,
      file.data.length,
      file.sha256,
      planned.key,
      purpose,
      uploadedBy,
    ],
  );
  const row = r.rows[0];
  if (!row) throw new Error('attachment insert returned no row');
  return row;
}

/** Stores `file` for dossier `dossierCode` and records it (file first, then the row): one uploaded attachment. */
export async function storeAttachment(
  app: FastifyInstance,
  dossierCode: string,
  file: UploadedFile,
  purpose: string,
  uploadedBy: string | null,
): Promise<AttachmentRow> {
  const planned = planAttachment(dossierCode, file);
  await storageFor(app).put(planned.key, file.data);
  return insertAttachment(app.pg, dossierCode, file, planned, purpose, uploadedBy);
}

/** A checked file of a multipart submission and its purpose. */
export interface PurposedFile extends UploadedFile {
  purpose: string;
}

const PURPOSE_FIELD = /^purpose\[(\d{1,2})\]$/;
const PURPOSE_VALUE = /^[a-z0-9][a-z0-9-]{0,63}$/;

const badPart = (vi: string, en: string) => new ProblemError(400, vi, en, { code: 'MULTIPART_INVALID' });

/**
 * Reads a multipart submission whole, before anything is written: the text field `payload` (the JSON body of the
 * JSON variant, as text or as a part of type application/json), the file parts `files` (each read and checked by
 * `readUpload`: 413, 415) and the optional text fields `purpose[<i>]`, the purpose of the i-th file part counted
 * from 0 (`application` when absent; lower-case letters, digits and hyphens). Any other part is refused (400).
 */
export async function readMultipartSubmission(
  app: FastifyInstance,
  request: FastifyRequest,
): Promise<{ payload: unknown; files: PurposedFile[] }> {
  let payload: unknown;
  let hasPayload = false;
  const files: UploadedFile[] = [];
  const purposes = new Map<number, string>();
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'files') {
          part.file.resume();
          throw badPart(
            `Phần tệp "${part.fieldname}" không hợp lệ: tệp đính kèm phải gửi trong trường "files".`,
            `Unexpected file field ${part.fieldname}; send files as "files".`,
          );
        }
        files.push(await readUpload(app, part));
        continue;
      }
      if (part.valueTruncated) {
        throw new ProblemError(
          413,
          `Trường "${part.fieldname}" quá dài.`,
          `Field ${part.fieldname} is too long.`,
          { code: 'FIELD_TOO_LARGE' },
        );
      }
      const purpose = PURPOSE_FIELD.exec(part.fieldname);
      if (part.fieldname === 'payload') {
        hasPayload = true;
        if (typeof part.value === 'string') {
          try {
            payload = JSON.parse(part.value) as unknown;
          } catch {
            throw badPart('Trường "payload" không phải JSON hợp lệ.', 'The payload field is not valid JSON.');
          }
        } else {
          payload = part.value;
        }
      } else if (purpose) {
        const value = String(part.value);
        if (!PURPOSE_VALUE.test(value))
          throw badPart(
            `Mục đích của tệp "${value}" không hợp lệ.`,
            `Invalid purpose ${value}: lower-case letters, digits and hyphens.`,
          );
        purposes.set(Number(purpose[1]), value);
      } else {
        throw badPart(
          `Trường "${part.fieldname}" không có trong yêu cầu nộp hồ sơ.`,
          `Unexpected field ${part.fieldname}.`,
        );
      }
    }
  } catch (e) {
    const problem = multipartProblem(app, e);
    if (problem instanceof ProblemError) throw problem;
    // Anything else the multipart parser throws (no boundary, a truncated or garbled body) is the client's body.
    throw badPart(
      'Yêu cầu multipart không đúng định dạng, vui lòng gửi lại.',
      `Malformed multipart body: ${(e as Error).message}`,
    );
  }
  if (!hasPayload)
    throw badPart(
      'Thiếu trường "payload" chứa nội dung hồ sơ (JSON).',
      'The multipart request has no payload field.',
    );
  for (const i of purposes.keys()) {
    if (i >= files.length)
      throw badPart(`Trường purpose[${i}] không ứng với tệp nào.`, `purpose[${i}] names no file part.`);
  }
  return { payload, files: files.map((f, i) => ({ ...f, purpose: purposes.get(i) ?? 'application' })) };
}

/**
 * Validates a multipart `payload` against `schema` with the route's own validator (the same rules as the JSON body:
 * unknown properties refused); 400 otherwise.
 */
export function checkPayload<T>(request: FastifyRequest, schema: TSchema, payload: unknown): T {
  const validate = request.compileValidationSchema(schema as unknown as Record<string, unknown>);
  if (!validate(payload)) {
    const errors = (validate.errors ?? [])
      .map((e) => `payload${e.instancePath ?? ''} ${e.message ?? ''}`.trim())
      .join('; ');
    throw new ProblemError(400, `Dữ liệu không hợp lệ: ${errors}`, `Invalid payload: ${errors}`, {
      code: 'PAYLOAD_INVALID',
    });
  }
  return payload as T;
}
