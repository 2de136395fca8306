/**
 * Online submission (nộp hồ sơ trực tuyến). The order of writes is the design decision of this file:
 *
 * 1. Everything that can be checked is checked before writing (procedure, variant, deployed process, form).
 * 2. One short transaction allocates the gap-free code (`nextDossierCode`) and inserts the dossier in state
 *    `starting` with its idempotency key; the code counter's row lock is held only for this insert, so
 *    concurrent submissions of one agency are not serialised behind an engine call.
 * 3. The process instance is started outside the transaction; its key is stored and the dossier turns `active`.
 *    If the start fails, the dossier is marked `start-failed` (compensation by marking: the code stays used,
 *    so the daily register has no gap, and the row is hidden from every list). A retry with the same
 *    `Idempotency-Key` restarts the instance for the same dossier instead of creating another.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { nextDossierCode } from '../../domain/dossier-code.js';
import { generateTrackingSecret } from '../../domain/tracking-secret.js';
import { ProblemError } from '../../plugins/errors.js';
import type { Principal } from '../identity/principal.js';
import type { Procedure } from '../reference/entities.js';
import { validateForm } from './form-validation.js';
import { findDossier, type DossierRow } from './repository.js';
import { hashSecret, trackingPepper } from './secrets.js';

/** What the applicant sends. */
export interface SubmissionInput {
  procedureId: string;
  variantKey?: string;
  formData: Record<string, unknown>;
}

/** The outcome: the dossier and, only for a new one, the tracking secret (shown once). */
export interface Submission {
  dossier: DossierRow;
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
  const candidates = procedure.forms.filter((f) => f.fileName.endsWith('.form') || f.mediaType.includes('form+json'));
  const parsed = candidates.flatMap((f) => {
    try {
      return [JSON.parse(f.content) as { id?: string }];
    } catch {
      return [];
    }
  });
  return parsed.find((s) => s.id === `${bpmnProcessId}-application`) ?? parsed.find((s) => s.id?.endsWith('-application'));
}

function feeOf(procedure: Procedure): { feeTiming: 'before' | 'after' | 'none'; feeAmount: number } {
  const fees = procedure.fees.filter((f) => f.channel !== 'paper' && f.amount > 0 && f.timing !== 'none');
  const amount = fees.reduce((s, f) => s + f.amount, 0);
  if (amount === 0) return { feeTiming: 'none', feeAmount: 0 };
  return { feeTiming: fees.some((f) => f.timing === 'before') ? 'before' : 'after', feeAmount: amount };
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

function requestHash(input: SubmissionInput): string {
  const canonical = JSON.stringify([input.procedureId, input.variantKey ?? null, Object.entries(input.formData).sort(([a], [b]) => a.localeCompare(b))]);
  return createHash('sha256').update(canonical).digest('hex');
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
    ...feeOf(procedure),
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
    const created = await app.engine.createProcessInstance({ bpmnProcessId: d.bpmn_process_id, variables: startVariables(d, procedure) });
    const r = await app.pg.query<DossierRow>(
      `UPDATE dossier SET process_instance_key = $2, process_version = $3, lifecycle = 'active', start_error = NULL, updated_at = now()
        WHERE code = $1 RETURNING *`,
      [d.code, created.processInstanceKey, created.version],
    );
    await app.pg.query(
      `INSERT INTO dossier_instance (process_instance_key, dossier_code, bpmn_process_id, process_definition_key) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [created.processInstanceKey, d.code, created.bpmnProcessId, created.processDefinitionKey],
    );
    return r.rows[0] ?? d;
  } catch (e) {
    await app.pg.query(`UPDATE dossier SET lifecycle = 'start-failed', start_error = $2, updated_at = now() WHERE code = $1`, [d.code, (e as Error).message]);
    throw new ProblemError(
      503,
      'Hệ thống chưa thể tiếp nhận hồ sơ lúc này. Vui lòng gửi lại (hồ sơ sẽ không bị tạo trùng).',
      `The process instance could not be started: ${(e as Error).message}`,
      { code: 'START_FAILED' },
    );
  }
}

async function insertDossier(client: pg.PoolClient, row: Record<string, unknown>): Promise<DossierRow> {
  const cols = Object.keys(row);
  const r = await client.query<DossierRow>(
    `INSERT INTO dossier (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`,
    Object.values(row),
  );
  const d = r.rows[0];
  if (!d) throw new Error('dossier insert returned no row');
  return d;
}

/** Submits a dossier for `principal`; see the file comment for the order of writes. */
export async function submitDossier(
  app: FastifyInstance,
  principal: Principal,
  procedure: Procedure,
  input: SubmissionInput,
  idempotencyKey: string | undefined,
): Promise<Submission> {
  const hash = requestHash(input);
  if (idempotencyKey) {
    const r = await app.pg.query<DossierRow>(`SELECT * FROM dossier WHERE applicant_account_id = $1 AND idempotency_key = $2`, [principal.accountId, idempotencyKey]);
    const existing = r.rows[0];
    if (existing) return replay(app, existing, hash, procedure);
  }
  const variant = input.variantKey ? procedure.variants.find((v) => v.id === input.variantKey) : procedure.variants[0];
  if (!variant) {
    throw new ProblemError(400, 'Trường hợp thủ tục không hợp lệ.', `Unknown variant ${input.variantKey ?? '(none)'}.`, { code: 'UNKNOWN_VARIANT' });
  }
  if (procedure.serviceLevel < 3) {
    throw new ProblemError(409, 'Thủ tục này chưa được cung cấp trực tuyến mức độ 3 trở lên.', 'The procedure is not offered online (level 3+).', { code: 'NOT_ONLINE' });
  }
  const schema = applicationForm(procedure, variant.bpmnProcessId);
  if (!schema || !(await isDeployed(app, variant.bpmnProcessId))) {
    throw new ProblemError(409, 'Thủ tục này chưa có quy trình điện tử để nộp trực tuyến.', `No deployed process or application form for ${variant.bpmnProcessId}.`, { code: 'NOT_ONLINE' });
  }
  const { data, problems } = validateForm(schema, input.formData);
  if (problems.length > 0) {
    throw new ProblemError(400, `Biểu mẫu chưa hợp lệ: ${problems.map((p) => p.message_vi).join(' ')}`, 'The application form is not valid.', { code: 'FORM_INVALID', problems });
  }
  const delivery = text(data[START_FIELDS[0]]) ?? 'online';
  if (!['in-person', 'post', 'online'].includes(delivery)) {
    throw new ProblemError(400, 'Hình thức nhận kết quả không hợp lệ.', 'deliveryMethod must be in-person, post or online.', { code: 'FORM_INVALID' });
  }
  const secret = generateTrackingSecret();
  const pepper = await trackingPepper(app.pg);
  const now = app.clock.now();
  const client = await app.pg.connect();
  let dossier: DossierRow;
  try {
    await client.query('BEGIN');
    const code = await nextDossierCode(client, procedure.agencyCode, new Date(now));
    dossier = await insertDossier(client, {
      code,
      agency_code: procedure.agencyCode,
      procedure_id: procedure.id,
      procedure_code: procedure.packageKey ?? procedure.nationalCode ?? procedure.id,
      procedure_name: procedure.name,
      variant_key: variant.id,
      bpmn_process_id: variant.bpmnProcessId,
      channel: 'online',
      delivery_method: delivery,
      applicant_account_id: principal.accountId,
      applicant_type: principal.roles.includes('business') ? 'business' : 'citizen',
      applicant_name: text(data.applicantName) ?? text(data.organisationName) ?? principal.fullName,
      applicant_id_number: text(data.applicantIdNumber) ?? principal.citizenId,
      applicant_email: text(data.applicantEmail),
      applicant_phone: text(data.applicantPhone),
      applicant_address: text(data.applicantAddress),
      form_data: JSON.stringify(data),
      tracking_hash: hashSecret(pepper, code, secret),
      idempotency_key: idempotencyKey ?? null,
      request_hash: hash,
      submitted_at: new Date(now),
    });
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    // A concurrent retry with the same key won the insert: answer with its dossier.
    if ((e as { code?: string }).code === '23505' && idempotencyKey) {
      const again = await app.pg.query<DossierRow>(`SELECT * FROM dossier WHERE applicant_account_id = $1 AND idempotency_key = $2`, [principal.accountId, idempotencyKey]);
      if (again.rows[0]) return replay(app, again.rows[0], hash, procedure);
    }
    throw e;
  } finally {
    client.release();
  }
  return { dossier: await startInstance(app, dossier, procedure), trackingSecret: secret, created: true };
}

async function replay(app: FastifyInstance, existing: DossierRow, hash: string, procedure: Procedure): Promise<Submission> {
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
    if (fresh.lifecycle === 'start-failed') return { dossier: await startInstance(app, fresh, procedure), created: false };
    return { dossier: fresh, created: false };
  }
  return { dossier: existing, created: false };
}
