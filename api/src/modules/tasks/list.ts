/** The task-list query: engine search on the caller's candidate groups, then dossier filters and enrichment. */
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import type { UserTask, UserTaskFilter } from '@motcua/engine';
import { consumeWorkingTime } from '../../domain/working-calendar.js';
import type { Principal } from '../identity/principal.js';
import { calendarAt, isoVn } from '../dossiers/calendar.js';
import type { TaskQuery } from './schemas.js';
import { dossiersOfTasks, taskView } from './views.js';

/** Largest window searched when a filter needs dossier data (procedure, status, applicant). */
export const FILTER_WINDOW = 1000;

const SORT: Record<string, NonNullable<UserTaskFilter['sort']>> = {
  due: { field: 'dueDate', order: 'ASC' },
  priority: { field: 'priority', order: 'DESC' },
  created: { field: 'creationDate', order: 'ASC' },
};

/** Lists the caller's tasks: only candidate groups the principal holds (own agency and role). */
export async function listTasks(app: FastifyInstance, principal: Principal, q: Static<typeof TaskQuery>) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const now = app.clock.now();
  if (principal.groups.length === 0) return { items: [], total: 0, page, pageSize };
  const filter: UserTaskFilter = {
    state: 'CREATED',
    candidateGroups: principal.groups,
    sort: SORT[q.sort ?? 'due'],
  };
  if (q.scope === 'mine') filter.assignee = principal.username;
  if (q.overdue) filter.dueBefore = isoVn(now);
  else if (q.dueSoon) {
    filter.dueAfter = isoVn(now);
    const cal = calendarAt(now);
    filter.dueBefore = isoVn(consumeWorkingTime(now, cal.workingDayMs, cal));
  }
  const needsDossier = q.procedure !== undefined || q.status !== undefined || q.applicant !== undefined;
  let tasks: UserTask[];
  let total: number;
  if (q.code !== undefined) {
    const instances = await app.pg.query<{ process_instance_key: string }>(
      `SELECT process_instance_key FROM dossier_instance WHERE dossier_code = $1`,
      [q.code],
    );
    const pages = await Promise.all(
      instances.rows.map((i) =>
        app.engine.searchUserTasks({ ...filter, processInstanceKey: i.process_instance_key, limit: 100 }),
      ),
    );
    tasks = pages.flatMap((p) => p.items);
    total = tasks.length;
  } else if (needsDossier) {
    tasks = (await app.engine.searchUserTasks({ ...filter, limit: FILTER_WINDOW })).items;
    total = tasks.length;
  } else {
    const result = await app.engine.searchUserTasks({
      ...filter,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    const dossiers = await dossiersOfTasks(app.pg, result.items);
    return {
      items: result.items.map((t) => taskView(t, dossiers.get(t.userTaskKey), now)),
      total: result.total,
      page,
      pageSize,
    };
  }
  const dossiers = await dossiersOfTasks(app.pg, tasks);
  const applicant = q.applicant?.toLocaleLowerCase('vi');
  const kept = tasks.filter((t) => {
    const d = dossiers.get(t.userTaskKey);
    if (!needsDossier) return true;
    if (!d) return false;
    return (
      (q.procedure === undefined || d.procedureId === q.procedure) &&
      (q.status === undefined || d.status === q.status) &&
      (applicant === undefined || d.applicantName.toLocaleLowerCase('vi').includes(applicant))
    );
  });
  total = kept.length;
  const slice = kept.slice((page - 1) * pageSize, page * pageSize);
  return { items: slice.map((t) => taskView(t, dossiers.get(t.userTaskKey), now)), total, page, pageSize };
}
