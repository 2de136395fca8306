/** What every job handler gets, and the helpers they share (dossier, procedure, notifications). */
import type pg from 'pg';
import type { ActivatedJob, WorkflowEngine } from '@motcua/engine';
import type { Clock } from '@motcua/engine/client';
import {
  OutboxMailSender,
  OutboxSmsSender,
  renderNotification,
  type NotificationData,
  type NotificationKind,
} from '../domain/notifications/index.js';
import { findDossier, type DossierRow } from '../modules/dossiers/repository.js';
import type { FileStorage } from '../modules/dossiers/storage.js';

/** Dependencies of the workers. */
export interface WorkerContext {
  pool: pg.Pool;
  engine: WorkflowEngine;
  clock: Clock;
  storage: FileStorage;
  /** Lock time of activated jobs, in ms (also used to read the activation time from the job's deadline). */
  jobTimeoutMs: number;
}

/** A job handler: returns the variables to complete with. */
export type Handler = (job: ActivatedJob, ctx: WorkerContext) => Promise<Record<string, unknown> | undefined>;

/** Time of the engine's activation of the job (its deadline minus the lock time), on the engine's clock. */
export function jobTime(job: ActivatedJob, ctx: WorkerContext): number {
  return job.deadline > 0 ? job.deadline - ctx.jobTimeoutMs : ctx.clock.now();
}

/** A string variable, or undefined. */
export function str(job: ActivatedJob, name: string): string | undefined {
  const v = job.variables[name];
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** The job's dossier (variable `dossierCode`); throws when missing, so the job is retried. */
export async function jobDossier(job: ActivatedJob, ctx: WorkerContext): Promise<DossierRow> {
  const code = str(job, 'dossierCode');
  if (!code) throw new Error(`Job ${job.type} has no dossierCode variable`);
  const d = await findDossier(ctx.pool, code);
  if (!d) throw new Error(`No dossier ${code}`);
  return d;
}

/** Time limit settings of the dossier's procedure. */
export interface ProcedureLimits {
  dayKind: 'working' | 'calendar';
  days: number;
  documents: { name: string }[];
  noAppointmentDate: boolean;
}

/**
 * The procedure's time limit for the dossier's channel (online or paper), read with the dossier's channel and
 * variant in one query; throws when the dossier is missing (the job is then retried).
 */
export async function procedureLimits(
  ctx: WorkerContext,
  d: Pick<DossierRow, 'code'>,
): Promise<ProcedureLimits> {
  const r = await ctx.pool.query<{
    channel: string;
    variant_key: string | null;
    day_kind: 'working' | 'calendar' | null;
    days_online: string | null;
    days_paper: string | null;
    documents: { name: string }[] | null;
    variants: { id: string; noAppointmentDate?: boolean }[] | null;
  }>({
    name: 'motcua_procedure_limits',
    text: `SELECT d.channel, d.variant_key, p.day_kind, p.days_online, p.days_paper, p.documents, p.variants
             FROM dossier d LEFT JOIN procedure p ON p.id = d.procedure_id WHERE d.code = $1`,
    values: [d.code],
  });
  const p = r.rows[0];
  if (!p) throw new Error(`No dossier ${d.code}`);
  const days = Number((p.channel === 'online' ? p.days_online : p.days_paper) ?? p.days_paper ?? 5);
  return {
    dayKind: p.day_kind ?? 'working',
    days: Number.isFinite(days) && days > 0 ? days : 5,
    documents: p.documents ?? [],
    noAppointmentDate: p.variants?.find((v) => v.id === p.variant_key)?.noAppointmentDate === true,
  };
}

/** The agency's name. */
export async function agencyName(ctx: WorkerContext, code: string): Promise<string> {
  const r = await ctx.pool.query<{ name: string }>(
    `SELECT name FROM agency WHERE code = $1 ORDER BY valid_from DESC LIMIT 1`,
    [code],
  );
  return r.rows[0]?.name ?? code;
}

/** Sends a templated notification to the applicant through the outbox (e-mail and SMS when known). */
export async function notifyApplicant(
  ctx: WorkerContext,
  d: DossierRow,
  kind: NotificationKind,
  extra: Partial<NotificationData> = {},
): Promise<void> {
  const data: NotificationData = {
    dossierCode: d.code,
    procedureName: d.procedure_name,
    applicantName: d.applicant_name,
    agencyName: await agencyName(ctx, d.agency_code),
    receivedAt: d.received_at?.getTime(),
    dueAt: d.appointment_at?.getTime(),
    ...extra,
  };
  const message = renderNotification(kind, data);
  if (d.applicant_email)
    await new OutboxMailSender(ctx.pool).send({
      to: d.applicant_email,
      subject: message.subject,
      text: message.text,
      template: kind,
      dossierCode: d.code,
    });
  if (d.applicant_phone)
    await new OutboxSmsSender(ctx.pool).send({
      to: d.applicant_phone,
      text: message.sms,
      template: kind,
      dossierCode: d.code,
    });
}

/** Sends a free-text notification (no template exists for the event) through the outbox. */
export async function notifyPlain(
  ctx: WorkerContext,
  d: DossierRow,
  template: string,
  subject: string,
  text: string,
): Promise<void> {
  if (d.applicant_email) {
    await new OutboxMailSender(ctx.pool).send({
      to: d.applicant_email,
      subject,
      text: `Kính gửi Ông/Bà ${d.applicant_name},\n\n${text}`,
      template,
      dossierCode: d.code,
    });
  }
}

/** Who completed the dossier's last user task (the actor of a transition), if any. */
export async function lastActor(ctx: WorkerContext, code: string): Promise<string | null> {
  const r = await ctx.pool.query<{ completed_by: string | null }>(
    `SELECT completed_by FROM dossier_step WHERE dossier_code = $1 AND completed_at IS NOT NULL ORDER BY completed_at DESC LIMIT 1`,
    [code],
  );
  return r.rows[0]?.completed_by ?? null;
}
