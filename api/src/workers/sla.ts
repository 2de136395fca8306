/**
 * The legal clock (domain.md §4): `sla.start` (appointment and due date from the procedure's limit, working or
 * calendar days, after-hours roll-over), `sla.pause` / `sla.resume` (supplementation: the due date moves by
 * the paused working time), `sla.status` (still at risk of being late?) and `sla.step-due` (per-step due).
 */
import type { ActivatedJob } from '@motcua/engine';
import { dueWithPauses, remainingWorkingTime, type Pause, type TimeLimit } from '../domain/deadlines.js';
import { consumeWorkingTime } from '../domain/working-calendar.js';
import { calendarAt, isoDuration, isoVn } from '../modules/dossiers/calendar.js';
import type { DossierRow } from '../modules/dossiers/repository.js';
import { jobDossier, jobTime, procedureLimits, str, type Handler } from './context.js';

const HOUR = 3_600_000;

function limitOf(dayKind: 'working' | 'calendar', days: number): TimeLimit {
  return dayKind === 'calendar'
    ? { unit: 'calendar-days', amount: days }
    : { unit: 'working-days', amount: days };
}

/** Duration until one working day before `due` (PT0S when that has passed). */
function apologyDuration(now: number, due: number): string {
  const cal = calendarAt(now);
  const lead = remainingWorkingTime(now, due, cal) - cal.workingDayMs;
  if (lead <= 0) return 'PT0S';
  return isoDuration(consumeWorkingTime(now, lead, cal) - now);
}

const pausesOf = (d: DossierRow): Pause[] => (Array.isArray(d.pauses) ? d.pauses : []);

const start: Handler = async (job, ctx) => {
  const d = await jobDossier(job, ctx);
  const now = jobTime(job, ctx);
  const cal = calendarAt(now);
  const limits = await procedureLimits(ctx, d);
  const phase = job.variables.slaPhase;
  if (phase === 'acceptance') {
    const due = dueWithPauses(now, { unit: 'calendar-days', amount: 10 }, [], cal);
    return { acceptanceDueDate: isoVn(due) };
  }
  let days = limits.days;
  if (phase === 'resolution')
    days = (job.variables.isComplexCase === true ? 45 : 30) + (job.variables.isRemoteArea === true ? 15 : 0);
  const due = dueWithPauses(
    now,
    limitOf(phase === 'resolution' ? 'calendar' : limits.dayKind, days),
    [],
    cal,
  );
  await ctx.pool.query(
    `UPDATE dossier SET clock_started_at = $2, received_at = COALESCE(received_at, $2), appointment_at = $3, due_at = $3, updated_at = now() WHERE code = $1`,
    [d.code, new Date(now), limits.noAppointmentDate ? null : new Date(due)],
  );
  const out: Record<string, unknown> = {
    appointmentDate: isoVn(due),
    dossierDueDate: isoVn(due),
    apologyTimerDuration: apologyDuration(now, due),
  };
  if (phase === 'resolution') out.reminderTimerDuration = out.apologyTimerDuration;
  return out;
};

const pause: Handler = async (job, ctx) => {
  const d = await jobDossier(job, ctx);
  await ctx.pool.query(
    `UPDATE dossier SET paused_at = COALESCE(paused_at, $2), updated_at = now() WHERE code = $1`,
    [d.code, new Date(jobTime(job, ctx))],
  );
  return undefined;
};

const resume: Handler = async (job, ctx) => {
  const d = await jobDossier(job, ctx);
  const now = jobTime(job, ctx);
  const pauses = pausesOf(d);
  if (d.paused_at) pauses.push({ from: d.paused_at.getTime(), to: now });
  let due: number | undefined;
  if (d.clock_started_at) {
    const limits = await procedureLimits(ctx, d);
    due = dueWithPauses(
      d.clock_started_at.getTime(),
      limitOf(limits.dayKind, limits.days),
      pauses,
      calendarAt(now),
    );
  }
  await ctx.pool.query(
    `UPDATE dossier SET paused_at = NULL, pauses = $2, due_at = COALESCE($3, due_at), appointment_at = COALESCE($3, appointment_at), updated_at = now() WHERE code = $1`,
    [d.code, JSON.stringify(pauses), due === undefined ? null : new Date(due)],
  );
  return due === undefined ? {} : { appointmentDate: isoVn(due), dossierDueDate: isoVn(due) };
};

const status: Handler = async (job, ctx) => {
  const d = await jobDossier(job, ctx);
  const now = jobTime(job, ctx);
  const open = d.lifecycle === 'active' && d.finished_at === null && d.due_at !== null;
  const cal = calendarAt(now);
  return {
    apologyRequired:
      open &&
      d.due_at !== null &&
      remainingWorkingTime(now, d.due_at.getTime(), cal, pausesOf(d)) <= cal.workingDayMs,
  };
};

/** Hours of a step: the model's `stepHours` header, else a share of the procedure's limit by kind of step. */
export function stepHours(job: ActivatedJob, totalDays: number): number {
  const header = Number(job.customHeaders.stepHours);
  if (Number.isFinite(header) && header > 0) return header;
  const id = job.elementId;
  if (id === 'Task_CheckDossier') return 8;
  if (/Apology/.test(id)) return 4;
  const total = totalDays * 8;
  const share = /Apprais|Verif|Dialogue|Survey|Inspect/.test(id)
    ? 0.5
    : /Review/.test(id)
      ? 0.2
      : /Approv|Sign/.test(id)
        ? 0.2
        : 0.25;
  return Math.max(2, Math.round(total * share));
}

const stepDue: Handler = async (job, ctx) => {
  const code = str(job, 'dossierCode');
  if (!code) throw new Error(`Job ${job.type} has no dossierCode variable`);
  const now = jobTime(job, ctx);
  const limits = await procedureLimits(ctx, { code });
  const due = consumeWorkingTime(now, stepHours(job, limits.days) * HOUR, calendarAt(now));
  await ctx.pool.query({
    name: 'motcua_step_due',
    text: `WITH step AS (
             INSERT INTO dossier_step (element_instance_key, dossier_code, process_instance_key, element_id, started_at, due_at)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (element_instance_key) DO UPDATE SET due_at = EXCLUDED.due_at)
           UPDATE dossier SET current_element = $4, updated_at = now() WHERE code = $2`,
    values: [
      job.elementInstanceKey,
      code,
      job.processInstanceKey,
      job.elementId,
      new Date(now),
      new Date(due),
    ],
  });
  return { stepDueDate: isoVn(due) };
};

/** The SLA handlers by job type. */
export const slaHandlers: Record<string, Handler> = {
  'sla.start': start,
  'sla.pause': pause,
  'sla.resume': resume,
  'sla.status': status,
  'sla.step-due': stepDue,
};
