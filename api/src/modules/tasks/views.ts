/** Tasks with their dossier, due time, remaining working time and lateness. */
import type pg from 'pg';
import type { UserTask } from '@motcua/engine';
import { classifyOpen, remainingWorkingTime } from '../../domain/deadlines.js';
import { calendarAt } from '../dossiers/calendar.js';
import { labelOf } from '../dossiers/views.js';

/** The dossier summary a task shows. */
export interface TaskDossier {
  code: string;
  procedureId: string;
  procedureName: string;
  applicantName: string;
  status: number | null;
  statusLabel: string;
  agencyCode: string;
  dueAt: string | null;
  /** How the dossier came in: `online`, `direct` (paper at the desk) or `post`. */
  channel: string;
  /** The one-stop officer who received a paper dossier at the desk (channel `direct`); null otherwise. */
  receivedBy: { username: string; fullName: string } | null;
}

/** The dossier of each task (by its element instance, else its process instance). */
export async function dossiersOfTasks(
  pool: pg.Pool,
  tasks: readonly UserTask[],
): Promise<Map<string, TaskDossier>> {
  if (tasks.length === 0) return new Map();
  const r = await pool.query<{
    task_key: string;
    code: string;
    procedure_id: string;
    procedure_name: string;
    applicant_name: string;
    status: number | null;
    agency_code: string;
    due_at: Date | null;
    channel: string;
    received_by_username: string | null;
    received_by_name: string | null;
  }>(
    `SELECT t.task_key, d.code, d.procedure_id, d.procedure_name, d.applicant_name, d.status, d.agency_code, d.due_at,
            d.channel, a.username AS received_by_username, a.full_name AS received_by_name
       FROM unnest($1::text[], $2::text[], $3::text[]) AS t(task_key, element_instance_key, process_instance_key)
       LEFT JOIN dossier_step s ON s.element_instance_key = t.element_instance_key
       LEFT JOIN dossier_instance i ON i.process_instance_key = t.process_instance_key
       JOIN dossier d ON d.code = COALESCE(s.dossier_code, i.dossier_code)
       LEFT JOIN account a ON a.id = d.received_by AND d.channel = 'direct'`,
    [
      tasks.map((t) => t.userTaskKey),
      tasks.map((t) => t.elementInstanceKey),
      tasks.map((t) => t.processInstanceKey),
    ],
  );
  return new Map(
    r.rows.map((x) => [
      x.task_key,
      {
        code: x.code,
        procedureId: x.procedure_id,
        procedureName: x.procedure_name,
        applicantName: x.applicant_name,
        status: x.status,
        statusLabel: labelOf(x.status),
        agencyCode: x.agency_code,
        dueAt: x.due_at?.toISOString() ?? null,
        channel: x.channel,
        receivedBy:
          x.received_by_username !== null
            ? { username: x.received_by_username, fullName: x.received_by_name ?? '' }
            : null,
      },
    ]),
  );
}

/** One task as the officer's list shows it. */
export function taskView(t: UserTask, dossier: TaskDossier | undefined, now: number) {
  const due = t.dueDate ? Date.parse(t.dueDate) : NaN;
  const hasDue = Number.isFinite(due);
  const cal = calendarAt(now);
  return {
    key: t.userTaskKey,
    name: t.name ?? t.elementId,
    elementId: t.elementId,
    bpmnProcessId: t.bpmnProcessId,
    state: t.state,
    assignee: t.assignee ?? null,
    candidateGroups: t.candidateGroups,
    priority: t.priority,
    createdAt: new Date(t.creationDate).toISOString(),
    dueDate: hasDue ? new Date(due).toISOString() : null,
    remainingWorkingMinutes: hasDue ? Math.round(remainingWorkingTime(now, due, cal) / 60_000) : null,
    lateness: hasDue ? classifyOpen(now, due, cal) : null,
    formKey: t.formKey ?? null,
    dossier: dossier ?? null,
  };
}
