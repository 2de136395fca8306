/** Notifications, fees, result delivery (post, online), rating invitations and inter-agency consultations. */
import { issueDocument } from '../modules/dossiers/documents.js';
import { consumeWorkingTime } from '../domain/working-calendar.js';
import { OutboxMailSender, type NotificationKind } from '../domain/notifications/index.js';
import { calendarAt, isoDuration } from '../modules/dossiers/calendar.js';
import { jobDossier, jobTime, notifyApplicant, notifyPlain, str, type Handler } from './context.js';

const KINDS: readonly string[] = ['receipt', 'supplementation', 'refusal', 'apology', 'result-ready'];

const record =
  (kind: string, series: string, output?: string): Handler =>
  async (job, ctx) => {
    const d = await jobDossier(job, ctx);
    const doc = await issueDocument(ctx.pool, ctx.storage, {
      dossier: d,
      kind,
      series,
      at: jobTime(job, ctx),
      jobKey: job.key,
      data: { ...job.customHeaders },
    });
    return output ? { [output]: doc.number } : undefined;
  };

const notifyCitizen: Handler = async (job, ctx) => {
  const d = await jobDossier(job, ctx);
  const template = str(job, 'notificationTemplate') ?? 'result-ready';
  if (KINDS.includes(template)) {
    const pickup =
      d.delivery_method === 'post'
        ? 'Gửi qua dịch vụ bưu chính công ích'
        : d.delivery_method === 'online'
          ? 'Tài khoản của Ông/Bà trên Cổng dịch vụ công'
          : undefined;
    await notifyApplicant(ctx, d, template as NotificationKind, { pickup });
  } else {
    await notifyPlain(
      ctx,
      d,
      template,
      `Thông báo về hồ sơ ${d.code}`,
      `Hồ sơ "${d.procedure_name}" (mã ${d.code}) có thông báo mới (${template}).`,
    );
  }
  return undefined;
};

const notifyOfficer: Handler = async (job, ctx) => {
  const d = await jobDossier(job, ctx);
  const r = await ctx.pool.query<{ email: string }>(
    `SELECT email FROM account WHERE email IS NOT NULL AND NOT disabled AND memberships @> $1::jsonb
     UNION SELECT email FROM account WHERE email IS NOT NULL AND NOT disabled AND memberships @> $2::jsonb`,
    [
      JSON.stringify([{ agencyCode: d.agency_code, role: 'specialist' }]),
      JSON.stringify([{ agencyCode: d.agency_code, role: 'section-head' }]),
    ],
  );
  const mail = new OutboxMailSender(ctx.pool);
  for (const { email } of r.rows) {
    await mail.send({
      to: email,
      subject: `Nhắc việc: hồ sơ ${d.code}`,
      text: `Hồ sơ "${d.procedure_name}" (mã ${d.code}) sắp đến hạn giải quyết. Vui lòng xử lý.`,
      template: str(job, 'notificationTemplate') ?? 'officer-reminder',
      dossierCode: d.code,
    });
  }
  return undefined;
};

const feeRequest: Handler = async (job, ctx) => {
  const d = await jobDossier(job, ctx);
  const amount = Number(job.variables.feeAmount ?? 0);
  const doc = await issueDocument(ctx.pool, ctx.storage, {
    dossier: d,
    kind: 'fee-request',
    series: 'PHI',
    at: jobTime(job, ctx),
    jobKey: job.key,
    data: { amount, channel: d.channel },
  });
  await notifyPlain(
    ctx,
    d,
    'fee-request',
    `Yêu cầu nộp phí, lệ phí hồ sơ ${d.code}`,
    `Đề nghị Ông/Bà nộp ${amount.toLocaleString('vi-VN')} đồng phí, lệ phí cho hồ sơ ${d.code} (mã thanh toán ${doc.number}).`,
  );
  return { paymentRequestId: doc.number };
};

const postDispatch: Handler = async (job, ctx) => {
  const d = await jobDossier(job, ctx);
  const doc = await issueDocument(ctx.pool, ctx.storage, {
    dossier: d,
    kind: 'waybill',
    series: 'BCCI',
    at: jobTime(job, ctx),
    jobKey: job.key,
    data: { address: str(job, 'applicantAddress') ?? d.applicant_address },
  });
  const waybill = `EB${doc.number.split('/')[0]!.padStart(9, '0')}VN`;
  return { waybillNumber: waybill };
};

const consultation: Handler = async (job, ctx) => {
  const d = await jobDossier(job, ctx);
  const now = jobTime(job, ctx);
  await issueDocument(ctx.pool, ctx.storage, {
    dossier: d,
    kind: 'consultation',
    series: 'LYK',
    at: now,
    jobKey: job.key,
    data: { agency: str(job, 'consultedAgency'), note: str(job, 'consultationNote') },
  });
  const cal = calendarAt(now);
  // Consulted agencies answer within 7 working days (domain.md §9.6).
  return { consultationReplyDuration: isoDuration(consumeWorkingTime(now, 7 * cal.workingDayMs, cal) - now) };
};

const satisfaction: Handler = async (job, ctx) => {
  const d = await jobDossier(job, ctx);
  await notifyPlain(
    ctx,
    d,
    'satisfaction',
    `Mời đánh giá mức độ hài lòng - hồ sơ ${d.code}`,
    'Mời Ông/Bà đánh giá mức độ hài lòng (Rất hài lòng, Hài lòng, Không hài lòng, Rất không hài lòng) trên Cổng dịch vụ công.',
  );
  return undefined;
};

/** Delivery handlers by job type. */
export const deliveryHandlers: Record<string, Handler> = {
  'notify.citizen': notifyCitizen,
  'notify.officer': notifyOfficer,
  'fee.request': feeRequest,
  'post.dispatch': postDispatch,
  'result.publish-online': record('published-online', 'DVC'),
  'satisfaction.request': satisfaction,
  'interagency.consultation.request': consultation,
};

export { record };
