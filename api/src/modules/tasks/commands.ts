/** Task commands, each checked against the caller's candidate groups (own agency and role). */
import type { FastifyInstance } from 'fastify';
import type { UserTask } from '@motcua/engine';
import { ProblemError } from '../../plugins/errors.js';
import type { Principal } from '../identity/principal.js';
import { parseCandidateGroup } from '../identity/roles.js';
import { formFields, isHidden, validateForm } from '../dossiers/form-validation.js';

const notFound = (key: string) =>
  new ProblemError(404, 'Không tìm thấy công việc.', `No task ${key} for you.`, { code: 'TASK_NOT_FOUND' });

/** Loads an open task the principal may see (a shared candidate group), else 404. */
export async function loadTask(app: FastifyInstance, principal: Principal, key: string): Promise<UserTask> {
  let task: UserTask;
  try {
    task = await app.engine.getUserTask(key);
  } catch {
    throw notFound(key);
  }
  if (!task.candidateGroups.some((g) => principal.groups.includes(g))) throw notFound(key);
  if (task.state !== 'CREATED')
    throw new ProblemError(409, 'Công việc đã được xử lý xong.', 'The task is not open.', {
      code: 'TASK_CLOSED',
    });
  return task;
}

function assertFree(task: UserTask, principal: Principal): void {
  if (task.assignee && task.assignee !== principal.username) {
    throw new ProblemError(
      409,
      `Công việc đang do ${task.assignee} xử lý.`,
      `The task is assigned to ${task.assignee}.`,
      { code: 'TASK_TAKEN', assignee: task.assignee },
    );
  }
}

/** Claim: assign to the caller. */
export async function claimTask(app: FastifyInstance, principal: Principal, key: string): Promise<void> {
  const task = await loadTask(app, principal, key);
  assertFree(task, principal);
  if (!task.assignee) await app.engine.assignUserTask({ userTaskKey: key, assignee: principal.username });
}

/** Unclaim: only the assignee (or a leader of the task's agency). */
export async function unclaimTask(app: FastifyInstance, principal: Principal, key: string): Promise<void> {
  const task = await loadTask(app, principal, key);
  if (task.assignee && task.assignee !== principal.username && !isLeaderOf(principal, task))
    assertFree(task, principal);
  await app.engine.unassignUserTask(key);
}

function isLeaderOf(principal: Principal, task: UserTask): boolean {
  const agencies = task.candidateGroups.map((g) => parseCandidateGroup(g)?.agencyCode);
  return principal.memberships.some(
    (m) => (m.role === 'section-head' || m.role === 'agency-head') && agencies.includes(m.agencyCode),
  );
}

/** Assign by a leader of the task's agency, to an officer who holds one of its candidate groups. */
export async function assignTask(
  app: FastifyInstance,
  principal: Principal,
  key: string,
  assignee: string,
): Promise<void> {
  let task: UserTask;
  try {
    task = await app.engine.getUserTask(key);
  } catch {
    throw notFound(key);
  }
  if (!isLeaderOf(principal, task)) throw notFound(key);
  const groups = task.candidateGroups.map(parseCandidateGroup).filter((m) => m !== undefined);
  const r = await app.pg.query<{ username: string }>(
    `SELECT username FROM account WHERE lower(username) = lower($1) AND NOT disabled AND memberships @> ANY($2::jsonb[])`,
    [assignee, groups.map((g) => JSON.stringify([g]))],
  );
  const user = r.rows[0];
  if (!user) {
    throw new ProblemError(
      400,
      'Người được phân công không thuộc nhóm xử lý của công việc này.',
      "The assignee holds none of the task's candidate groups.",
      { code: 'BAD_ASSIGNEE' },
    );
  }
  await app.engine.assignUserTask({ userTaskKey: key, assignee: user.username, allowOverride: true });
}

/** The decision field of a form: the first select whose key ends with "Decision". */
function decisionField(schema: unknown): string | undefined {
  return formFields(schema).find((f) => f.type === 'select' && f.key?.endsWith('Decision'))?.key;
}

/** Completes the task with its form data (+ decision and reason shorthands); returns the dossier code. */
export async function completeTask(
  app: FastifyInstance,
  principal: Principal,
  key: string,
  body: { data?: Record<string, unknown>; decision?: string; reason?: string },
): Promise<string | undefined> {
  const task = await loadTask(app, principal, key);
  assertFree(task, principal);
  const schema = task.formKey ? await app.engine.getForm(task.formKey) : undefined;
  const data: Record<string, unknown> = { ...body.data };
  const decisionKey = schema ? decisionField(schema) : undefined;
  if (body.decision !== undefined && decisionKey) data[decisionKey] = body.decision;
  if (body.reason !== undefined && schema) {
    const target = formFields(schema).find(
      (f) =>
        f.type === 'textarea' &&
        f.key &&
        data[f.key] === undefined &&
        !isHidden(f.conditional?.hide, data) &&
        f.validate?.required,
    );
    const fallback = formFields(schema).find(
      (f) => f.type === 'textarea' && f.key && data[f.key] === undefined,
    );
    const field = target ?? fallback;
    if (field?.key) data[field.key] = body.reason;
  }
  const { data: clean, problems } = schema ? validateForm(schema, data) : { data, problems: [] };
  if (problems.length > 0) {
    throw new ProblemError(
      400,
      `Biểu mẫu chưa hợp lệ: ${problems.map((p) => p.message_vi).join(' ')}`,
      'The form is not valid.',
      { code: 'FORM_INVALID', problems },
    );
  }
  if (!task.assignee) await app.engine.assignUserTask({ userTaskKey: key, assignee: principal.username });
  await app.engine.completeUserTask({ userTaskKey: key, variables: clean });
  const r = await app.pg.query<{ dossier_code: string }>(
    `UPDATE dossier_step SET completed_at = $2, completed_by = $3, decision = $4 WHERE element_instance_key = $1 RETURNING dossier_code`,
    [
      task.elementInstanceKey,
      new Date(app.clock.now()),
      principal.username,
      decisionKey ? String(clean[decisionKey] ?? '') : null,
    ],
  );
  return r.rows[0]?.dossier_code;
}
