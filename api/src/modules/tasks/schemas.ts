/** TypeBox schemas of the task routes. */
import { Type } from 'typebox';
import { ReceivedBy } from '../dossiers/schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const TaskDossierSchema = Type.Object({
  code: Type.String(),
  procedureId: Type.String(),
  procedureName: Type.String(),
  applicantName: Type.String(),
  status: Nullable(Type.Integer()),
  statusLabel: Type.String(),
  agencyCode: Type.String(),
  dueAt: Nullable(Type.String()),
  channel: Type.String({ description: 'online, direct (paper at the desk) or post' }),
  receivedBy: ReceivedBy,
});

export const TaskItem = Type.Object({
  key: Type.String(),
  name: Type.String(),
  elementId: Type.String(),
  bpmnProcessId: Type.String(),
  state: Type.String(),
  assignee: Nullable(Type.String()),
  candidateGroups: Type.Array(Type.String()),
  priority: Type.Integer(),
  createdAt: Type.String(),
  dueDate: Nullable(Type.String()),
  remainingWorkingMinutes: Nullable(
    Type.Integer({ description: 'Working time left (negative once overdue)' }),
  ),
  lateness: Nullable(
    Type.Union([Type.Literal('overdue'), Type.Literal('near-due'), Type.Literal('not-due')]),
  ),
  formKey: Nullable(Type.String()),
  dossier: Nullable(TaskDossierSchema),
});

export const TaskDetail = Type.Intersect([
  TaskItem,
  Type.Object({ form: Nullable(Type.Record(Type.String(), Type.Unknown())) }),
]);

export const TaskQuery = Type.Object(
  {
    scope: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('group')])),
    procedure: Type.Optional(Type.String({ description: 'Procedure id' })),
    status: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
    dueSoon: Type.Optional(Type.Boolean({ description: 'Due within one working day' })),
    overdue: Type.Optional(Type.Boolean()),
    code: Type.Optional(Type.String({ maxLength: 40 })),
    applicant: Type.Optional(Type.String({ maxLength: 100 })),
    sort: Type.Optional(Type.Union([Type.Literal('due'), Type.Literal('priority'), Type.Literal('created')])),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);

export const TaskParams = Type.Object({ key: Type.String({ pattern: '^[0-9]{1,20}$' }) });

export const CompleteBody = Type.Object(
  {
    data: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), { description: "Fields of the step's form" }),
    ),
    decision: Type.Optional(
      Type.String({
        maxLength: 50,
        description:
          "Value of the form's decision field, e.g. accepted, supplement, refused, approve, send-back",
      }),
    ),
    reason: Type.Optional(
      Type.String({
        maxLength: 4000,
        description: 'Reason / guidance text, put in the field the decision shows',
      }),
    ),
  },
  { additionalProperties: false },
);

export const AssignBody = Type.Object(
  { assignee: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);

export const CommentBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
);

export const Comment = Type.Object({
  id: Type.String(),
  author: Type.String(),
  body: Type.String(),
  createdAt: Type.String(),
});
