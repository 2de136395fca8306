/**
 * One-stop forms issued by the model: Mẫu 01 receipt (`dossier.receipt`), Mẫu 02 supplementation request,
 * Mẫu 03 refusal, Mẫu 04 apology, the withdrawal record and the result document. Each is numbered, stored as
 * PDF and announced to the applicant through the outbox.
 */
import type { ActivatedJob } from '@motcua/engine';
import {
  renderApology,
  renderForm,
  renderReceipt,
  renderRefusal,
  renderSupplementationRequest,
} from '../domain/forms-pdf/index.js';
import { agencyHeader, issueDocument, recordHistoryNote } from '../modules/dossiers/documents.js';
import { formatVnTimeOfDay } from '../domain/vn-format.js';
import type { DossierRow } from '../modules/dossiers/repository.js';
import { isoVn } from '../modules/dossiers/calendar.js';
import {
  agencyName,
  jobDossier,
  jobTime,
  lastActor,
  notifyApplicant,
  notifyPlain,
  procedureLimits,
  str,
  type Handler,
  type WorkerContext,
} from './context.js';

/** How long the applicant has to supplement (calendar days) [U]: not fixed by the sources; set per province. */
export const SUPPLEMENT_DAYS = 30;

const lines = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
const applicantOf = (d: DossierRow) => ({
  name: d.applicant_name,
  address: d.applicant_address ?? undefined,
  phone: d.applicant_phone ?? undefined,
  email: d.applicant_email ?? undefined,
});
const DELIVERY: Record<string, string> = {
  'in-person': 'Bộ phận tiếp nhận và trả kết quả',
  post: 'Qua dịch vụ bưu chính công ích',
  online: 'Trực tuyến trên Cổng dịch vụ công',
};

function issue(
  ctx: WorkerContext,
  job: ActivatedJob,
  d: DossierRow,
  kind: string,
  series: string,
  at: number,
  render: (n: string) => Promise<Buffer>,
  data?: Record<string, unknown>,
) {
  return issueDocument(ctx.pool, ctx.storage, {
    dossier: d,
    kind,
    series,
    at,
    jobKey: job.key,
    render,
    data,
  });
}

const receipt: Handler = async (job, ctx) => {
  const d = await jobDossier(job, ctx);
  const at = jobTime(job, ctx);
  const limits = await procedureLimits(ctx, d);
  const appointment = Date.parse(str(job, 'appointmentDate') ?? '') || d.appointment_at?.getTime() || at;
  const receiver = (await lastActor(ctx, d.code)) ?? 'Cán bộ một cửa';
  const doc = await issue(ctx, job, d, 'receipt', 'TNHS', at, async (number) =>
    renderReceipt({
      header: await agencyHeader(ctx.pool, d.agency_code, number, at),
      dossierCode: d.code,
      applicant: applicantOf(d),
      procedureName: d.procedure_name,
      documents: limits.documents.map((x) => ({ name: x.name })),
      setCount: 1,
      limitText: `${String(limits.days).padStart(2, '0')} ${limits.dayKind === 'calendar' ? 'ngày' : 'ngày làm việc'}`,
      receivedAt: d.received_at?.getTime() ?? at,
      dueAt: appointment,
      resultDelivery: DELIVERY[d.delivery_method] ?? DELIVERY['in-person']!,
      receiverName: receiver,
    }),
  );
  await notifyApplicant(ctx, d, 'receipt', {
    dueAt: appointment,
    receivedAt: d.received_at?.getTime() ?? at,
  });
  return { receiptNumber: doc.number };
};

const refusal: Handler = async (job, ctx) => {
  const d = await jobDossier(job, ctx);
  const at = jobTime(job, ctx);
  const reasons =
    str(job, 'refusalReasonCode') === 'supplement-expired'
      ? ['Quá thời hạn bổ sung, hoàn thiện hồ sơ theo Phiếu yêu cầu bổ sung mà Ông/Bà chưa bổ sung.']
      : lines(str(job, 'refusalReason') ?? str(job, 'rejectionReason'));
  const doc = await issue(
    ctx,
    job,
    d,
    'refusal',
    'TCHS',
    at,
    async (number) =>
      renderRefusal({
        header: await agencyHeader(ctx.pool, d.agency_code, number, at),
        dossierCode: d.code,
        applicant: applicantOf(d),
        procedureName: d.procedure_name,
        reasons,
        receiverName: (await lastActor(ctx, d.code)) ?? 'Cán bộ một cửa',
      }),
    { reasons },
  );
  await notifyApplicant(ctx, d, 'refusal', { items: reasons });
  return { refusalNumber: doc.number };
};

const supplementRequest: Handler = async (job, ctx) => {
  const d = await jobDossier(job, ctx);
  const at = jobTime(job, ctx);
  const requirements = lines(str(job, 'supplementRequest'));
  const doc = await issue(
    ctx,
    job,
    d,
    'supplement-request',
    'YCBS',
    at,
    async (number) =>
      renderSupplementationRequest({
        header: await agencyHeader(ctx.pool, d.agency_code, number, at),
        dossierCode: d.code,
        applicant: applicantOf(d),
        procedureName: d.procedure_name,
        requirements,
        reason: 'Hồ sơ chưa đầy đủ, hợp lệ theo quy định.',
        contact: { unit: await agencyName(ctx, d.agency_code), phone: '' },
        guideName: (await lastActor(ctx, d.code)) ?? 'Cán bộ một cửa',
      }),
    { requirements },
  );
  await notifyApplicant(ctx, d, 'supplementation', {
    items: requirements,
    supplementBy: at + SUPPLEMENT_DAYS * 86_400_000,
  });
  return { supplementDeadlineDuration: `P${SUPPLEMENT_DAYS}D`, supplementRequestNumber: doc.number };
};

/** `YYYY-MM-DD` means the end of that office day (17:00 local); a full date-time is taken as is. */
function appointmentOf(value: string | undefined, fallback: number): number {
  if (!value) return fallback;
  const t = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T17:00:00+07:00`) : Date.parse(value);
  return Number.isFinite(t) ? t : fallback;
}

const apology: Handler = async (job, ctx) => {
  const d = await jobDossier(job, ctx);
  const at = jobTime(job, ctx);
  const newDue = appointmentOf(str(job, 'newAppointmentDate'), d.appointment_at?.getTime() ?? at);
  const reason = str(job, 'delayReason') ?? '';
  const doc = await issue(
    ctx,
    job,
    d,
    'apology',
    'XL',
    at,
    async (number) =>
      renderApology({
        header: await agencyHeader(ctx.pool, d.agency_code, number, at),
        dossierCode: d.code,
        applicant: applicantOf(d),
        procedureName: d.procedure_name,
        receivedAt: d.received_at?.getTime() ?? at,
        dueAt: d.due_at?.getTime() ?? at,
        reason,
        newDueAt: newDue,
        signerTitle: 'THỦ TRƯỞNG CƠ QUAN',
        signerName: (await lastActor(ctx, d.code)) ?? '',
      }),
    { newAppointmentDate: isoVn(newDue), reason },
  );
  await ctx.pool.query(`UPDATE dossier SET appointment_at = $2, updated_at = now() WHERE code = $1`, [
    d.code,
    new Date(newDue),
  ]);
  await recordHistoryNote(ctx.pool, {
    dossierCode: d.code,
    at,
    elementId: job.elementId,
    jobKey: job.key,
    actor: await lastActor(ctx, d.code),
    note: `Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) số ${doc.number}; hẹn trả kết quả mới: ${formatVnTimeOfDay(newDue)}.${reason ? ` Lý do: ${reason}` : ''}`,
  });
  await notifyApplicant(ctx, d, 'apology', {
    dueAt: d.due_at?.getTime(),
    newDueAt: newDue,
    items: reason ? [reason] : [],
  });
  return { appointmentDate: isoVn(newDue) };
};

const withdrawal: Handler = async (job, ctx) => {
  const d = await jobDossier(job, ctx);
  const reason = str(job, 'withdrawalReason') ?? '';
  await issueDocument(ctx.pool, ctx.storage, {
    dossier: d,
    kind: 'withdrawal',
    series: 'RHS',
    at: jobTime(job, ctx),
    jobKey: job.key,
    data: { reason },
  });
  await notifyPlain(
    ctx,
    d,
    'withdrawal',
    `Đã rút hồ sơ ${d.code}`,
    `Hồ sơ "${d.procedure_name}" (mã ${d.code}) đã được rút theo yêu cầu của Ông/Bà.${reason ? `\nLý do: ${reason}` : ''}`,
  );
  return undefined;
};

const result: Handler = async (job, ctx) => {
  const d = await jobDossier(job, ctx);
  const at = jobTime(job, ctx);
  const refused = str(job, 'appraisalDecision') === 'propose-refuse';
  const title = refused ? 'VĂN BẢN TRẢ LỜI KHÔNG GIẢI QUYẾT HỒ SƠ' : 'KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH';
  const doc = await issue(
    ctx,
    job,
    d,
    'result',
    'KQ',
    at,
    async (number) =>
      renderForm({
        title: `${title} ${d.code}`,
        size: 'A4',
        blocks: [
          { kind: 'header', header: await agencyHeader(ctx.pool, d.agency_code, number, at) },
          { kind: 'title', text: title, lines: [d.procedure_name] },
          { kind: 'text', text: `Mã hồ sơ: ${d.code}` },
          { kind: 'text', text: `Người đề nghị: ${d.applicant_name}` },
          {
            kind: 'text',
            text: refused
              ? `Lý do: ${str(job, 'appraisalReason') ?? ''}`
              : `Nội dung: ${str(job, 'householdBusinessCode') ? `Mã số hộ kinh doanh ${str(job, 'householdBusinessCode')}` : 'Chấp thuận theo đề nghị.'}`,
          },
          ...(str(job, 'approvalComment')
            ? [{ kind: 'text' as const, text: `Ý kiến lãnh đạo: ${str(job, 'approvalComment')}` }]
            : []),
          {
            kind: 'signatures',
            items: [
              { title: 'THỦ TRƯỞNG CƠ QUAN', note: '(Ký số)', name: (await lastActor(ctx, d.code)) ?? '' },
            ],
          },
        ],
      }),
    { refused },
  );
  return { resultDocumentId: doc.id, resultNumber: doc.number };
};

/** The document handlers by job type. */
export const formHandlers: Record<string, Handler> = {
  'dossier.receipt': receipt,
  'dossier.refusal': refusal,
  'dossier.supplement-request': supplementRequest,
  'dossier.apology': apology,
  'dossier.withdrawal': withdrawal,
  'dossier.result': result,
};
