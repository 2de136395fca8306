/**
 * Submission: online by the applicant (nộp hồ sơ trực tuyến, channel `online`) and on paper at the one-stop desk by
 * an officer on the applicant's behalf (tiếp nhận hồ sơ trực tiếp, channel `direct`). The order of writes is the
 * design decision of this file:
 *
 * 1. Everything that can be checked is checked before writing (procedure, variant, deployed process, form, and
 *    every attached file: size, type by magic bytes, sha256; the routes read the files whole before calling).
 * 2. One statement allocates the gap-free code (`codeAllocationSql`) and inserts the dossier in state `starting`
 *    with its idempotency key (with attachments: one short transaction that also inserts their rows). The code
 *    counter's row lock is held only for that statement or transaction, so concurrent submissions of one agency
 *    are not serialised behind client round trips, file writes or an engine call. A refused file or an invalid
 *    form therefore leaves no dossier row and no stored file.
 * 3. After the commit the files are written to storage, then the process instance is started outside the
 *    transaction; its key is stored and the dossier turns `active`. If storing or the start fails, the dossier
 *    is marked `start-failed` (compensation by marking: the code stays used, so the daily register has no gap,
 *    and the row is hidden from every list). A retry with the same `Idempotency-Key` stores the files again
 *    (same keys, overwritten) and restarts the instance for the same dossier instead of creating another.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { withTransaction } from '../../db/transaction.js';
import { codeAllocationSql, type Queryable } from '../../domain/dossier-code.js';
import { generateTrackingSecret } from '../../domain/tracking-secret.js';
import { ProblemError } from '../../plugins/errors.js';
import type { Principal } from '../identity/principal.js';
import type { Procedure } from '../reference/entities.js';
import { validateForm } from './form-validation.js';
import { findDossier, type DossierRow } from './repository.js';
import { hashSecret, trackingPepper } from './secrets.js';
import { storageFor } from './storage-registry.js';
import { insertAttachment, planAttachment, type AttachmentRow, type PurposedFile } from './uploads.js';

/** What the applicant sends. */
export interface SubmissionInput {
  procedureId: string;
  variantKey?: string;
  formData: Record<string, unknown>;
}

/** Identity of an applicant without an account, typed by the one-stop officer from the papers. */
export interface PaperApplicant {
  type?: 'citizen' | 'business';
  name: string;
  idNumber: string;
  phone: string;
  email?: string;
  address: string;
}

/** Who submits: the applicant online, or a one-stop officer at the desk on behalf of an applicant. */
export type Submitter =
  | { channel: 'online'; principal: Principal }
  | { channel: 'direct'; officer: Principal; applicant: PaperApplicant };

/** A checked file sent with the submission and what it is for (`application` unless told). */
export type SubmissionFile = PurposedFile;

/** A dossier row with the officer who received it at the desk (`direct` channel; NULL online). */
export type SubmittedDossier = DossierRow & { received_by?: string | null };

/** The outcome: the dossier, its attachments and, only for a new one, the tracking secret (shown once). */
export interface Submission {
  dossier: SubmittedDossier;
  attachments: AttachmentRow[];
  trackingSecret?: string;
  created: boolean;
}

const START_FIELDS = ['deliveryMethod'] as const;

/** Whether a process id has a deployed version, cached briefly (deployments are rare; a miss is re-checked). */
const deployed = new Map<string, number>();
const DEPLOYED_TTL_MS = 30_000;

async function isDeployed(app: FastifyInstance, bpmnProcessId: string): Promise<boolean> {
  const seen = deployed.get(bpmnProcessId);
  if (seen !== undefined && Date.now() - seen < DEPLOYED_TTL_MS) return true;
  const found = (await app.engine.listProcessDefinitions(bpmnProcessId)).length > 0;
  if (found) deployed.set(bpmnProcessId, Date.now());
  return found;
}

/** The application form (form-js schema) of a procedure variant, from the package forms. */
export function applicationForm(procedure: Procedure, bpmnProcessId: string): unknown {
  const candidates = procedure.forms.filter(
    (f) => f.fileName.endsWith('.form') || f.mediaType.includes('form+json'),
  );
  const parsed = candidates.flatMap((f) => {
    try {
      return [JSON.parse(f.content) as { id?: string }];
    } catch {
      return [];
    }
  });
  return (
    parsed.find((s) => s.id === `${bpmnProcessId}-application`) ??
    parsed.find((s) => s.id?.endsWith('-application'))
  );
}

/** The fees of the dossier's channel: `online` fees online, `paper` fees at the desk or by post, `all` always. */
function feeOf(
  procedure: Procedure,
  channel: DossierRow['channel'],
): { feeTiming: 'before' | 'after' | 'none'; feeAmount: number } {
  const other = channel === 'online' ? 'paper' : 'online';
  const fees = procedure.fees.filter((f) => f.channel !== other && f.amount > 0 && f.timing !== 'none');
  const amount = fees.reduce((s, f) => s + f.amount, 0);
  if (amount === 0) return { feeTiming: 'none', feeAmount: 0 };
  return { feeTiming: fees.some((f) => f.timing === 'before') ? 'before' : 'after', feeAmount: amount };
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/**
 * The fingerprint of a request, compared on an idempotent retry. A JSON submission hashes exactly as before files
 * and paper submission existed (stored hashes stay valid); files (sha256 and purpose) and a paper applicant are
 * appended only when present.
 */
function requestHash(
  input: SubmissionInput,
  files: readonly SubmissionFile[],
  applicant?: PaperApplicant,
): string {
  const parts: unknown[] = [
    input.procedureId,
    input.variantKey ?? null,
    Object.entries(input.formData).sort(([a], [b]) => a.localeCompare(b)),
  ];
  if (files.length > 0) parts.push(files.map((f) => [f.sha256, f.purpose]));
  if (applicant) parts.push(Object.entries(applicant).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** The process variables the models read (processes/README.md §5). */
export function startVariables(d: DossierRow, procedure: Procedure): Record<string, unknown> {
  const variant = procedure.variants.find((v) => v.id === d.variant_key);
  return {
    ...d.form_data,
    formData: d.form_data,
    dossierCode: d.code,
    agencyCode: d.agency_code,
    signingAgencyCode: d.agency_code,
    procedureCode: d.procedure_code,
    procedureId: d.procedure_id,
    variantKey: d.variant_key,
    licenceVariant: d.variant_key,
    ...((variant as { startVariables?: Record<string, unknown> } | undefined)?.startVariables ?? {}),
    channel: d.channel,
    deliveryMethod: d.delivery_method,
    ...feeOf(procedure, d.channel),
    applicantType: d.applicant_type,
    applicantName: d.applicant_name,
    applicantIdNumber: d.applicant_id_number,
    applicantEmail: d.applicant_email,
    applicantPhone: d.applicant_phone,
    applicantAddress: d.applicant_address,
  };
}

async function startInstance(app: FastifyInstance, d: DossierRow, procedure: Procedure): Promise<DossierRow> {
  try {
    const created = await app.engine.createProcessInstance({
      bpmnProcessId: d.bpmn_process_id,
      variables: startVariables(d, procedure),
    });
    const r = await app.pg.query<DossierRow>({
      name: 'motcua_dossier_started',
      text: `WITH link AS (
               INSERT INTO dossier_instance (process_instance_key, dossier_code, bpmn_process_id, process_definition_key)
               VALUES ($2, $1, $4, $5) ON CONFLICT DO NOTHING)
             UPDATE dossier SET process_instance_key = $2, process_version = $3, lifecycle = 'active', start_error = NULL, updated_at = now()
              WHERE code = $1 RETURNING *`,
      values: [
        d.code,
        created.processInstanceKey,
        created.version,
        created.bpmnProcessId,
        created.processDefinitionKey,
      ],
    });
    return r.rows[0] ?? d;
  } catch (e) {
    throw await markStartFailed(app, d.code, e, 'The process instance could not be started');
  }
}

/** Inserts the dossier with the next code of its agency and day allocated in the same statement (see codeAllocationSql). */
async function insertDossier(
  db: Queryable,
  agencyId: string,
  at: Date,
  columns: Record<string, unknown>,
): Promise<DossierRow> {
  const alloc = codeAllocationSql(agencyId, at);
  const names = Object.keys(columns);
  const r = await db.query<DossierRow>(
    `WITH ${alloc.cte}
     INSERT INTO dossier (code, ${names.join(', ')})
     VALUES ((SELECT ${alloc.code} FROM code_seq), ${names.map((_, i) => `$${i + 1 + alloc.values.length}`).join(', ')}) RETURNING *`,
    [...alloc.values, ...Object.values(columns)],
  );
  const d = r.rows[0];
  if (!d) throw new Error('dossier insert returned no row');
  return d;
}

/** The 503 of a failed start or file write: the dossier is marked, a retry with the same key resumes it. */
async function markStartFailed(
  app: FastifyInstance,
  code: string,
  e: unknown,
  what: string,
): Promise<ProblemError> {
  await app.pg.query(
    `UPDATE dossier SET lifecycle = 'start-failed', start_error = $2, updated_at = now() WHERE code = $1`,
    [code, (e as Error).message],
  );
  return new ProblemError(
    503,
    'Hệ thống chưa thể tiếp nhận hồ sơ lúc này. Vui lòng gửi lại (hồ sơ sẽ không bị tạo trùng).',
    `${what}: ${(e as Error).message}`,
    { code: 'START_FAILED' },
  );
}

/** Writes the bytes of the dossier's attachment rows, taken from `files` by sha256 (overwrites: safe to repeat). */
async function storeFiles(
  app: FastifyInstance,
  code: string,
  rows: readonly AttachmentRow[],
  files: readonly SubmissionFile[],
): Promise<void> {
  try {
    for (const row of rows) {
      const file = files.find((f) => f.sha256 === row.sha256);
      if (file) await storageFor(app).put(row.storage_key, file.data);
    }
  } catch (e) {
    throw await markStartFailed(app, code, e, 'The attached files could not be stored');
  }
}

async function attachmentsOf(app: FastifyInstance, code: string): Promise<AttachmentRow[]> {
  const r = await app.pg.query<AttachmentRow>(
    `SELECT * FROM dossier_attachment WHERE dossier_code = $1 ORDER BY created_at, id`,
    [code],
  );
  return r.rows;
}

/** The dossier a submitter already created with `idempotencyKey`, if any. */
async function findByKey(
  app: FastifyInstance,
  submitter: Submitter,
  idempotencyKey: string,
): Promise<DossierRow | undefined> {
  const r =
    submitter.channel === 'online'
      ? await app.pg.query<DossierRow>(
          `SELECT * FROM dossier WHERE applicant_account_id = $1 AND idempotency_key = $2`,
          [submitter.principal.accountId, idempotencyKey],
        )
      : await app.pg.query<DossierRow>(
          `SELECT * FROM dossier WHERE received_by = $1 AND applicant_account_id IS NULL AND idempotency_key = $2`,
          [submitter.officer.accountId, idempotencyKey],
        );
  return r.rows[0];
}

/** The dossier columns that depend on who submits. */
function applicantColumns(submitter: Submitter, data: Record<string, unknown>): Record<string, unknown> {
  if (submitter.channel === 'direct') {
    const a = submitter.applicant;
    return {
      channel: 'direct',
      applicant_account_id: null,
      received_by: submitter.officer.accountId,
      applicant_type: a.type ?? 'citizen',
      applicant_name: a.name.trim(),
      applicant_id_number: a.idNumber.trim(),
      applicant_email: text(a.email),
      applicant_phone: a.phone.trim(),
      applicant_address: a.address.trim(),
    };
  }
  const principal = submitter.principal;
  return {
    channel: 'online',
    applicant_account_id: principal.accountId,
    applicant_type: principal.roles.includes('business') ? 'business' : 'citizen',
    applicant_name: text(data.applicantName) ?? text(data.organisationName) ?? principal.fullName,
    applicant_id_number: text(data.applicantIdNumber) ?? principal.citizenId,
    applicant_email: text(data.applicantEmail),
    applicant_phone: text(data.applicantPhone),
    applicant_address: text(data.applicantAddress),
  };
}

/** Submits a dossier online for `principal` (JSON or multipart); see the file comment for the order of writes. */
export async function submitDossier(
  app: FastifyInstance,
  principal: Principal,
  procedure: Procedure,
  input: SubmissionInput,
  idempotencyKey: string | undefined,
  files: readonly SubmissionFile[] = [],
): Promise<Submission> {
  return submit(app, { channel: 'online', principal }, procedure, input, idempotencyKey, files);
}

/**
 * Registers a paper dossier received at the desk by the one-stop `officer` for `applicant` (channel `direct`,
 * no applicant account). The caller checks that the procedure belongs to one of the officer's agencies.
 */
export async function submitPaperDossier(
  app: FastifyInstance,
  officer: Principal,
  procedure: Procedure,
  input: SubmissionInput,
  applicant: PaperApplicant,
  idempotencyKey: string | undefined,
  files: readonly SubmissionFile[] = [],
): Promise<Submission> {
  return submit(app, { channel: 'direct', officer, applicant }, procedure, input, idempotencyKey, files);
}

async function submit(
  app: FastifyInstance,
  submitter: Submitter,
  procedure: Procedure,
  input: SubmissionInput,
  idempotencyKey: string | undefined,
  files: readonly SubmissionFile[],
): Promise<Submission> {
  const hash = requestHash(input, files, submitter.channel === 'direct' ? submitter.applicant : undefined);
  if (idempotencyKey) {
    const existing = await findByKey(app, submitter, idempotencyKey);
    if (existing) return replay(app, existing, hash, procedure, files);
  }
  const variant = input.variantKey
    ? procedure.variants.find((v) => v.id === input.variantKey)
    : procedure.variants[0];
  if (!variant) {
    throw new ProblemError(
      400,
      'Trường hợp thủ tục không hợp lệ.',
      `Unknown variant ${input.variantKey ?? '(none)'}.`,
      { code: 'UNKNOWN_VARIANT' },
    );
  }
  const online = submitter.channel === 'online';
  // The service level limits what is offered online only: the desk receives paper for any procedure with a process.
  if (online && procedure.serviceLevel < 3) {
    throw new ProblemError(
      409,
      'Thủ tục này chưa được cung cấp trực tuyến mức độ 3 trở lên.',
      'The procedure is not offered online (level 3+).',
      { code: 'NOT_ONLINE' },
    );
  }
  const schema = applicationForm(procedure, variant.bpmnProcessId);
  if (online && (!schema || !(await isDeployed(app, variant.bpmnProcessId)))) {
    throw new ProblemError(
      409,
      'Thủ tục này chưa có quy trình điện tử để nộp trực tuyến.',
      `No deployed process or application form for ${variant.bpmnProcessId}.`,
      { code: 'NOT_ONLINE' },
    );
  }
  if (!online && !(await isDeployed(app, variant.bpmnProcessId))) {
    throw new ProblemError(
      409,
      'Thủ tục này chưa có quy trình điện tử để tiếp nhận hồ sơ.',
      `No deployed process for ${variant.bpmnProcessId}.`,
      { code: 'NO_PROCESS' },
    );
  }
  // A paper dossier of a procedure without an application form keeps the fields as the officer typed them.
  const { data, problems } = schema
    ? validateForm(schema, input.formData)
    : { data: input.formData, problems: [] };
  if (problems.length > 0) {
    throw new ProblemError(
      400,
      `Biểu mẫu chưa hợp lệ: ${problems.map((p) => p.message_vi).join(' ')}`,
      'The application form is not valid.',
      { code: 'FORM_INVALID', problems },
    );
  }
  const delivery = text(data[START_FIELDS[0]]) ?? (online ? 'online' : 'in-person');
  if (!['in-person', 'post', 'online'].includes(delivery)) {
    throw new ProblemError(
      400,
      'Hình thức nhận kết quả không hợp lệ.',
      'deliveryMethod must be in-person, post or online.',
      { code: 'FORM_INVALID' },
    );
  }
  const secret = generateTrackingSecret();
  const pepper = await trackingPepper(app.pg);
  const now = app.clock.now();
  const columns = {
    agency_code: procedure.agencyCode,
    procedure_id: procedure.id,
    procedure_code: procedure.packageKey ?? procedure.nationalCode ?? procedure.id,
    procedure_name: procedure.name,
    variant_key: variant.id,
    bpmn_process_id: variant.bpmnProcessId,
    delivery_method: delivery,
    ...applicantColumns(submitter, data),
    form_data: JSON.stringify(data),
    tracking_hash: hashSecret(pepper, secret),
    idempotency_key: idempotencyKey ?? null,
    request_hash: hash,
    submitted_at: new Date(now),
  };
  let dossier: DossierRow;
  const attachments: AttachmentRow[] = [];
  try {
    if (files.length === 0) {
      dossier = await insertDossier(app.pg, procedure.agencyCode, new Date(now), columns);
    } else {
      dossier = await withTransaction(app.pg, async (client) => {
        const inserted = await insertDossier(client, procedure.agencyCode, new Date(now), columns);
        const uploadedBy = online ? submitter.principal.accountId : submitter.officer.accountId;
        for (const file of files)
          attachments.push(
            await insertAttachment(
              client,
              inserted.code,
              file,
              planAttachment(inserted.code, file),
              file.purpose,
              uploadedBy,
            ),
          );
        return inserted;
      });
    }
  } catch (e) {
    // A concurrent retry with the same key won the insert: answer with its dossier.
    if ((e as { code?: string }).code === '23505' && idempotencyKey) {
      const again = await findByKey(app, submitter, idempotencyKey);
      if (again) return replay(app, again, hash, procedure, files);
    }
    throw e;
  }
  await storeFiles(app, dossier.code, attachments, files);
  return {
    dossier: await startInstance(app, dossier, procedure),
    attachments,
    trackingSecret: secret,
    created: true,
  };
}

async function replay(
  app: FastifyInstance,
  existing: DossierRow,
  hash: string,
  procedure: Procedure,
  files: readonly SubmissionFile[],
): Promise<Submission> {
  if (existing.request_hash !== hash) {
    throw new ProblemError(
      409,
      'Khóa chống gửi trùng (Idempotency-Key) đã được dùng cho một hồ sơ khác.',
      'The Idempotency-Key was used with a different request body.',
      { code: 'IDEMPOTENCY_MISMATCH' },
    );
  }
  // Only a failed start is retried: a dossier still `starting` belongs to a request in flight.
  if (existing.lifecycle === 'start-failed') {
    const fresh = (await findDossier(app.pg, existing.code)) ?? existing;
    const attachments = await attachmentsOf(app, fresh.code);
    if (fresh.lifecycle === 'start-failed') {
      await storeFiles(app, fresh.code, attachments, files);
      return { dossier: await startInstance(app, fresh, procedure), attachments, created: false };
    }
    return { dossier: fresh, attachments, created: false };
  }
  return { dossier: existing, attachments: await attachmentsOf(app, existing.code), created: false };
}
