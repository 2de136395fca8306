/**
 * In-test job handlers for the job type vocabulary of processes/README.md §3: minimal but honest stand-ins for the
 * API's workers. Each handler declares the variables it must be able to read (a missing one fails the job, so the
 * scenario shows an incident instead of a silently wrong model) and returns the documented output variables.
 */
import type { ActivatedJob, Variables } from '@motcua/engine/client';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Knobs a scenario can turn to steer the stand-in workers. */
export interface HandlerSettings {
  /** Legal time limit in days used by `sla.start` (the apology timer fires one day before it). */
  timeLimitDays: number;
  /** What `sla.status` answers: is the dossier still at risk of being late? */
  apologyRequired: boolean;
  /** The supplementation deadline returned by `dossier.supplement-request`. */
  supplementDeadlineDays: number;
  /** The reply time allowed to a consulted agency (`interagency.consultation.request`). */
  consultationReplyDays: number;
  /** Days before the complaint resolution deadline at which the officers are reminded. */
  complaintReminderDays: number;
}

export const defaultSettings: HandlerSettings = {
  timeLimitDays: 10,
  apologyRequired: true,
  supplementDeadlineDays: 15,
  consultationReplyDays: 10,
  complaintReminderDays: 25,
};

export interface HandlerContext {
  now: number;
  settings: HandlerSettings;
  /** A short unique number for documents (receipt, refusal, ...). */
  serial(prefix: string): string;
}

export interface JobHandler {
  /** Variables the worker cannot do without. */
  reads: string[];
  run(job: ActivatedJob, ctx: HandlerContext): Variables;
}

/** An ISO-8601 date-time with the Vietnamese offset, as the workers write dates. */
export function isoVietnam(epochMs: number): string {
  return `${new Date(epochMs + 7 * HOUR_MS).toISOString().slice(0, 19)}+07:00`;
}

function days(n: number): string {
  return `P${Math.max(0, n)}D`;
}

function slaDates(ctx: HandlerContext, limitDays: number): Variables {
  const due = isoVietnam(ctx.now + limitDays * DAY_MS);
  return { appointmentDate: due, dossierDueDate: due };
}

function slaStart(job: ActivatedJob, ctx: HandlerContext): Variables {
  const { timeLimitDays, complaintReminderDays } = ctx.settings;
  const phase = job.variables.slaPhase;
  if (phase === 'acceptance')
    return { ...slaDates(ctx, 10), acceptanceDueDate: isoVietnam(ctx.now + 10 * DAY_MS) };
  if (phase === 'resolution')
    return { ...slaDates(ctx, 30), reminderTimerDuration: days(complaintReminderDays) };
  return { ...slaDates(ctx, timeLimitDays), apologyTimerDuration: days(timeLimitDays - 1) };
}

const none = (): Variables => ({});
const numbered =
  (name: string, prefix: string) =>
  (_job: ActivatedJob, ctx: HandlerContext): Variables => ({ [name]: ctx.serial(prefix) });

/** The vocabulary: every job type of README §3 except the status listeners (see `isStatusJob`). */
export const jobHandlers: Record<string, JobHandler> = {
  'sla.start': { reads: ['dossierCode', 'procedureCode', 'variantKey', 'channel'], run: slaStart },
  'sla.pause': { reads: ['dossierCode'], run: none },
  'sla.resume': { reads: ['dossierCode'], run: (_j, ctx) => slaDates(ctx, ctx.settings.timeLimitDays) },
  'sla.status': {
    reads: ['dossierCode'],
    run: (_j, ctx) => ({ apologyRequired: ctx.settings.apologyRequired }),
  },
  'sla.step-due': {
    reads: ['dossierCode', 'procedureCode', 'variantKey'],
    run: (_j, ctx) => ({ stepDueDate: isoVietnam(ctx.now + 8 * HOUR_MS) }),
  },
  'dossier.receipt': { reads: ['dossierCode', 'appointmentDate'], run: numbered('receiptNumber', 'TN') },
  'dossier.refusal': {
    reads: ['dossierCode'],
    run: (job, ctx) => {
      if (job.variables.refusalReason === undefined && job.variables.refusalReasonCode === undefined) {
        throw new Error('dossier.refusal needs refusalReason or refusalReasonCode');
      }
      return { refusalNumber: ctx.serial('TC') };
    },
  },
  'dossier.supplement-request': {
    reads: ['dossierCode', 'supplementRequest'],
    run: (_j, ctx) => ({
      supplementDeadlineDuration: days(ctx.settings.supplementDeadlineDays),
      supplementRequestNumber: ctx.serial('BS'),
    }),
  },
  'dossier.apology': {
    reads: ['dossierCode', 'newAppointmentDate', 'delayReason'],
    run: (job) => ({ appointmentDate: job.variables.newAppointmentDate }),
  },
  'dossier.withdrawal': { reads: ['dossierCode', 'withdrawalReason'], run: none },
  'dossier.result': {
    reads: ['dossierCode', 'procedureCode'],
    run: (_j, ctx) => ({ resultDocumentId: ctx.serial('DOC'), resultNumber: ctx.serial('KQ') }),
  },
  'notify.citizen': { reads: ['dossierCode', 'notificationTemplate'], run: none },
  'notify.officer': { reads: ['dossierCode', 'notificationTemplate'], run: none },
  'fee.request': {
    reads: ['dossierCode', 'procedureCode', 'feeAmount', 'channel'],
    run: numbered('paymentRequestId', 'PAY'),
  },
  'post.dispatch': {
    reads: ['dossierCode', 'resultDocumentId', 'applicantAddress'],
    run: numbered('waybillNumber', 'VD'),
  },
  'result.publish-online': { reads: ['dossierCode', 'resultDocumentId'], run: none },
  'satisfaction.request': { reads: ['dossierCode'], run: none },
  'interagency.consultation.request': {
    reads: ['dossierCode', 'consultedAgency', 'consultationNote'],
    run: (_j, ctx) => ({ consultationReplyDuration: days(ctx.settings.consultationReplyDays) }),
  },
  'business-registry.household.check': {
    reads: ['dossierCode', 'businessName', 'applicantIdNumber'],
    run: () => ({ registryCheck: { nameAvailable: true, duplicates: [] } }),
  },
  'business-registry.household.register': {
    reads: ['dossierCode', 'businessName'],
    run: numbered('householdBusinessCode', '82A8'),
  },
  'investment.register': { reads: ['dossierCode', 'projectName'], run: numbered('projectCode', 'DA') },
  'promotion.acknowledge': { reads: ['dossierCode'], run: numbered('receiptNumber', 'KM') },
  'promotion.sync-national': {
    reads: ['dossierCode', 'promotionName'],
    run: numbered('nationalReference', 'TBKM'),
  },
  'register.driving-licence.check': {
    reads: ['currentLicenceNumber', 'applicantIdNumber'],
    run: (job) => ({
      licenceCheck: {
        found: true,
        licenceClass: job.variables.licenceClass ?? 'B',
        expiryDate: '2026-06-30',
      },
    }),
  },
  'register.driving-licence.exam-result': {
    reads: ['applicantIdNumber', 'licenceClass'],
    run: () => ({ examResult: { passed: true, examDate: '2026-02-20', council: 'HĐ sát hạch Tiền Giang' } }),
  },
  'driving-licence.print': {
    reads: ['dossierCode'],
    run: (job, ctx) => {
      if (job.variables.licenceCheck === undefined && job.variables.examResult === undefined) {
        throw new Error('driving-licence.print needs licenceCheck or examResult');
      }
      return { newLicenceNumber: ctx.serial('GPLX') };
    },
  },
  'complaint.acceptance-notice': { reads: ['dossierCode'], run: numbered('acceptanceNoticeNumber', 'TL') },
  'complaint.rejection-notice': {
    reads: ['dossierCode', 'rejectionReason'],
    run: numbered('rejectionNoticeNumber', 'KTL'),
  },
  'land.commune-confirmation.request': {
    reads: ['dossierCode', 'parcelAddress', 'landOrigin'],
    run: numbered('communeRequestNumber', 'XN'),
  },
  'tax.obligation': {
    reads: ['dossierCode', 'surveyedParcelNumber', 'surveyedArea', 'landUsePurpose'],
    run: numbered('taxTransferNumber', 'CT'),
  },
  'land.register.update': {
    reads: ['dossierCode', 'surveyedParcelNumber'],
    run: numbered('certificateSerial', 'GCN'),
  },
  'licence.register': { reads: ['dossierCode', 'licenceType'], run: numbered('licenceNumber', 'GP') },
  'website.technical-check': {
    reads: ['domainName', 'serverLocation'],
    run: () => ({ technicalCheck: { domainValid: true, serverInVietnam: true } }),
  },
};

/** The status listener types `dossier.status.1` … `dossier.status.10` (they read dossierCode, return nothing). */
export const statusJobTypes: string[] = Array.from({ length: 10 }, (_, i) => `dossier.status.${i + 1}`);

/** The national status code of a status listener job type, or undefined for other types. */
export function statusCode(type: string): number | undefined {
  const m = /^dossier\.status\.(\d+)$/.exec(type);
  return m ? Number(m[1]) : undefined;
}

/** Runs the handler of a job: returns the variables to complete it with, or throws the reason to fail it. */
export function handle(job: ActivatedJob, ctx: HandlerContext): Variables {
  if (statusCode(job.type) !== undefined) {
    if (typeof job.variables.dossierCode !== 'string') throw new Error(`${job.type} cannot read dossierCode`);
    return {};
  }
  const handler = jobHandlers[job.type];
  if (!handler) throw new Error(`no scenario handler for job type ${job.type}`);
  const missing = handler.reads.filter(
    (name) => job.variables[name] === undefined || job.variables[name] === null,
  );
  if (missing.length > 0)
    throw new Error(`${job.type} at ${job.elementId} cannot read ${missing.join(', ')}`);
  return handler.run(job, ctx);
}
