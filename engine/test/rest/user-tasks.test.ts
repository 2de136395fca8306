/** REST user tasks: search, get, assignment, unassignment, completion, form, task variables. */
import { flow, uniqueId, bpmn } from '../harness';
import { createInstance, deployViaRest, expectProblem, send, startGateway, type Gateway } from './support';

let g: Gateway;
beforeAll(async () => {
  g = await startGateway('rest_user_tasks');
});
afterAll(() => g.close());

interface RestTask {
  userTaskKey: string;
  state: string;
  assignee?: string;
  formKey?: string;
}

function taskProcess(id: string, extensions: string): string {
  return bpmn(
    id,
    `<bpmn:startEvent id="start" />${flow('f1', 'start', 'review')}<bpmn:userTask id="review" name="Review dossier">` +
      `<bpmn:extensionElements><zeebe:userTask />${extensions}</bpmn:extensionElements></bpmn:userTask>${flow('f2', 'review', 'end')}<bpmn:endEvent id="end" />`,
  );
}

async function startTask(
  extensions = '<zeebe:assignmentDefinition candidateGroups="clerks" />',
  form?: (id: string) => string,
) {
  const id = uniqueId('rut');
  const files = [{ name: `${id}.bpmn`, content: taskProcess(id, extensions.replace('FORM', `form_${id}`)) }];
  if (form) files.push({ name: `${id}.form`, content: form(`form_${id}`) });
  await deployViaRest(g.app, files);
  const key = await createInstance(g.app, id, { dossier: 'HS-1' });
  const res = await send(g.app, 'POST', '/v2/user-tasks/search', { filter: { processInstanceKey: key } });
  return { id, key, task: res.json<{ items: RestTask[] }>().items[0]! };
}

describe('user tasks', () => {
  it('should find the task in Camunda shape when searching by candidate group and state', async () => {
    // given
    const { id, key, task } = await startTask();
    // when
    const res = await send(g.app, 'POST', '/v2/user-tasks/search', {
      filter: { candidateGroup: 'clerks', state: 'CREATED', processDefinitionId: id },
      sort: [{ field: 'creationDate', order: 'asc' }],
      page: { from: 0, limit: 10 },
    });
    // then
    expect(res.json()).toEqual({
      items: [
        {
          name: 'Review dossier',
          state: 'CREATED',
          elementId: 'review',
          candidateGroups: ['clerks'],
          candidateUsers: [],
          processDefinitionId: id,
          creationDate: '2026-03-02T01:00:00.000Z',
          tenantId: '<default>',
          processDefinitionVersion: 1,
          customHeaders: {},
          priority: 50,
          userTaskKey: task.userTaskKey,
          elementInstanceKey: expect.any(String),
          processName: id,
          processDefinitionKey: expect.any(String),
          processInstanceKey: key,
        },
      ],
      page: {
        totalItems: 1,
        hasMoreTotalItems: false,
        startCursor: expect.any(String),
        endCursor: expect.any(String),
      },
    });
  });

  it('should assign, reject a second assignment without override, unassign and complete when asked', async () => {
    // given
    const { key, task } = await startTask();
    const url = `/v2/user-tasks/${task.userTaskKey}`;
    // when
    const assigned = await send(g.app, 'POST', `${url}/assignment`, {
      assignee: 'an',
      allowOverride: true,
      action: 'assign',
    });
    const afterAssign = (await g.app.inject({ method: 'GET', url })).json<RestTask>();
    const conflict = await send(g.app, 'POST', `${url}/assignment`, {
      assignee: 'binh',
      allowOverride: false,
    });
    const unassigned = await g.app.inject({
      method: 'DELETE',
      url: `${url}/assignee`,
      headers: { 'content-type': 'application/json' },
    });
    const afterUnassign = (await g.app.inject({ method: 'GET', url })).json<RestTask>();
    const completed = await send(g.app, 'POST', `${url}/completion`, {
      variables: { approved: true },
      action: 'complete',
    });
    // then
    expect(assigned.statusCode).toBe(204);
    expect(afterAssign.assignee).toBe('an');
    expect(expectProblem(conflict, 409).title).toBe('INVALID_STATE');
    expect(unassigned.statusCode).toBe(204);
    expect(afterUnassign.assignee).toBeUndefined();
    expect(completed.statusCode).toBe(204);
    expect((await g.app.inject({ method: 'GET', url })).json<RestTask>().state).toBe('COMPLETED');
    const vars = await send(g.app, 'POST', '/v2/variables/search', {
      filter: { processInstanceKey: key, name: 'approved' },
    });
    expect(vars.json()).toMatchObject({ items: [{ name: 'approved', value: 'true' }] });
  });

  it('should answer 409 when a completed task is completed again', async () => {
    // given
    const { task } = await startTask();
    await send(g.app, 'POST', `/v2/user-tasks/${task.userTaskKey}/completion`, {});
    // when
    const res = await send(g.app, 'POST', `/v2/user-tasks/${task.userTaskKey}/completion`, {});
    // then
    expectProblem(res, 409);
  });

  it('should answer 404 when the task is unknown', async () => {
    // when
    const get = await g.app.inject({ method: 'GET', url: '/v2/user-tasks/31337' });
    const assign = await send(g.app, 'POST', '/v2/user-tasks/31337/assignment', { assignee: 'an' });
    // then
    expectProblem(get, 404);
    expectProblem(assign, 404);
  });

  it('should answer 400 naming the field when the assignee is missing', async () => {
    // when
    const res = await send(g.app, 'POST', '/v2/user-tasks/1/assignment', { allowOverride: true });
    // then
    expect(expectProblem(res, 400).detail).toContain("missing required property 'assignee'");
  });

  it('should return the linked form as a JSON string when the task has one', async () => {
    // given
    const { task } = await startTask('<zeebe:formDefinition formId="FORM" />', (formId) =>
      JSON.stringify({
        id: formId,
        type: 'default',
        components: [{ key: 'approved', type: 'checkbox', label: 'Approved' }],
      }),
    );
    // when
    const res = await g.app.inject({ method: 'GET', url: `/v2/user-tasks/${task.userTaskKey}/form` });
    // then
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      formKey: string;
      formId: string;
      version: number;
      schema: string;
      tenantId: string;
    }>();
    expect(body).toMatchObject({
      formKey: task.formKey,
      formId: expect.stringMatching(/^form_/),
      version: 1,
      tenantId: '<default>',
    });
    expect(JSON.parse(body.schema)).toMatchObject({ components: [{ key: 'approved' }] });
  });

  it('should answer 204 when the task has no form', async () => {
    // given
    const { task } = await startTask();
    // when
    const res = await g.app.inject({ method: 'GET', url: `/v2/user-tasks/${task.userTaskKey}/form` });
    // then
    expect(res.statusCode).toBe(204);
  });

  it('should list the variables visible to the task when its variables are searched', async () => {
    // given
    const { task } = await startTask();
    // when
    const res = await send(g.app, 'POST', `/v2/user-tasks/${task.userTaskKey}/variables/search`, {});
    // then
    expect(res.json()).toMatchObject({
      items: [{ name: 'dossier', value: '"HS-1"' }],
      page: { totalItems: 1 },
    });
  });
});
