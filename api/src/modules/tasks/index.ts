/**
 * Officers' work: task lists ("mine", "my group"), claim, unclaim, assign (by a leader), complete with the
 * step's form and a decision, and comments on a dossier. A task is visible only through a candidate group
 * the officer holds (`<agencyCode>:<role>`); anything else answers 404, so nothing leaks.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Problem } from '../identity/schemas.js';
import { commentRoutes } from './comments.routes.js';
import { assignTask, claimTask, completeTask, loadTask, unclaimTask } from './commands.js';
import { listTasks } from './list.js';
import { AssignBody, CompleteBody, TaskDetail, TaskItem, TaskParams, TaskQuery } from './schemas.js';
import { dossiersOfTasks, taskView } from './views.js';

const OFFICERS = ['one-stop', 'specialist', 'section-head', 'agency-head'] as const;

/** Task routes. */
export async function taskRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['tasks'];
  const Done = Type.Object({ key: Type.String(), message_vi: Type.String() });
  const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

  app.get(
    '/tasks',
    {
      config: { access: [...OFFICERS] },
      schema: {
        tags,
        summary: 'Task list of the caller (scope mine or group), filtered and sorted',
        querystring: TaskQuery,
        response: {
          200: Type.Object({
            items: Type.Array(TaskItem),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
          ...errors,
        },
      },
    },
    async (request) => listTasks(app, request.principal!, request.query),
  );

  app.get(
    '/tasks/:key',
    {
      config: { access: [...OFFICERS] },
      schema: {
        tags,
        summary: 'A task with its form schema and dossier',
        params: TaskParams,
        response: { 200: TaskDetail, ...errors },
      },
    },
    async (request) => {
      const task = await loadTask(app, request.principal!, request.params.key);
      const dossiers = await dossiersOfTasks(app.pg, [task]);
      const form = task.formKey ? await app.engine.getForm(task.formKey) : null;
      return { ...taskView(task, dossiers.get(task.userTaskKey), app.clock.now()), form };
    },
  );

  app.post(
    '/tasks/:key/claim',
    {
      config: { access: [...OFFICERS] },
      schema: {
        tags,
        summary: 'Claim a task of one of my groups',
        params: TaskParams,
        response: { 200: Done, ...errors },
      },
    },
    async (request) => {
      await claimTask(app, request.principal!, request.params.key);
      return { key: request.params.key, message_vi: 'Đã nhận xử lý công việc.' };
    },
  );

  app.post(
    '/tasks/:key/unclaim',
    {
      config: { access: [...OFFICERS] },
      schema: {
        tags,
        summary: 'Give a claimed task back to the group',
        params: TaskParams,
        response: { 200: Done, ...errors },
      },
    },
    async (request) => {
      await unclaimTask(app, request.principal!, request.params.key);
      return { key: request.params.key, message_vi: 'Đã trả công việc về nhóm.' };
    },
  );

  app.post(
    '/tasks/:key/assign',
    {
      config: { access: ['section-head', 'agency-head'] },
      schema: {
        tags,
        summary: 'Assign a task to an officer of its group (leaders of the agency)',
        params: TaskParams,
        body: AssignBody,
        response: { 200: Done, ...errors },
      },
    },
    async (request) => {
      await assignTask(app, request.principal!, request.params.key, request.body.assignee);
      return { key: request.params.key, message_vi: `Đã phân công cho ${request.body.assignee}.` };
    },
  );

  app.post(
    '/tasks/:key/complete',
    {
      config: { access: [...OFFICERS] },
      schema: {
        tags,
        summary: "Complete a task with the step's form and a decision",
        params: TaskParams,
        body: CompleteBody,
        response: { 200: Done, ...errors },
      },
    },
    async (request) => {
      const code = await completeTask(app, request.principal!, request.params.key, request.body);
      request.auditTarget = code ?? request.params.key;
      return { key: request.params.key, message_vi: 'Đã hoàn thành bước xử lý.' };
    },
  );

  await app.register(commentRoutes);
}
