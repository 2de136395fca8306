/** TypeBox schemas of the dossier routes (also the OpenAPI documentation). */
import { Type } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const CodeParams = Type.Object({
  code: Type.String({ minLength: 10, maxLength: 40, description: 'Mã hồ sơ' }),
});

export const SubmitBody = Type.Object(
  {
    procedureId: Type.String({ format: 'uuid' }),
    variantKey: Type.Optional(Type.String({ maxLength: 100 })),
    formData: Type.Record(Type.String(), Type.Unknown(), {
      description: 'Fields of the application form (form-js keys)',
    }),
  },
  { additionalProperties: false },
);

export const HistoryItem = Type.Object({
  status: Type.Integer(),
  label: Type.String(),
  fromStatus: Nullable(Type.Integer()),
  elementId: Nullable(Type.String()),
  actor: Nullable(Type.String()),
  at: Type.String({ format: 'date-time' }),
  dueAt: Nullable(Type.String()),
  note: Nullable(Type.String()),
});

export const DossierView = Type.Object({
  code: Type.String(),
  agencyCode: Type.String(),
  procedureId: Type.String(),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  variantKey: Type.String(),
  status: Nullable(Type.Integer()),
  statusLabel: Type.String(),
  lifecycle: Type.String(),
  channel: Type.String(),
  deliveryMethod: Type.String(),
  applicant: Type.Object({
    type: Type.String(),
    name: Type.String(),
    idNumber: Nullable(Type.String()),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    address: Nullable(Type.String()),
  }),
  formData: Type.Record(Type.String(), Type.Unknown()),
  submittedAt: Type.String(),
  receivedAt: Nullable(Type.String()),
  appointmentAt: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
  returnedAt: Nullable(Type.String()),
  currentStep: Nullable(Type.String()),
  processInstanceKey: Nullable(Type.String()),
  processVersion: Nullable(Type.Integer()),
  stopReason: Nullable(Type.String()),
});

export const Rating = Type.Object({
  score: Type.Integer({ minimum: 1, maximum: 5 }),
  comment: Nullable(Type.String()),
  createdAt: Type.String(),
});

/** The one-stop officer who received a paper dossier at the desk (channel `direct`); null for other channels. */
export const ReceivedBy = Nullable(
  Type.Object(
    { username: Type.String(), fullName: Type.String() },
    {
      description:
        'The one-stop officer who received the dossier at the desk (channel direct); null for other channels',
    },
  ),
);

export const DossierDetail = Type.Intersect([
  DossierView,
  Type.Object({ history: Type.Array(HistoryItem), rating: Nullable(Rating), receivedBy: ReceivedBy }),
]);

export const SubmitAnswer = Type.Object({
  dossier: DossierView,
  trackingSecret: Type.Optional(Type.String({ description: 'Shown once; printed as XXXX-XXXX' })),
  created: Type.Boolean(),
});

export const ReasonBody = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 2000 }) },
  { additionalProperties: false },
);

export const SupplementBody = Type.Object(
  {
    formData: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), { description: 'Changed application fields' }),
    ),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const PaymentBody = Type.Object(
  { reference: Type.String({ minLength: 3, maxLength: 100 }) },
  { additionalProperties: false },
);

export const Attachment = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  purpose: Type.String(),
  createdAt: Type.String(),
});

export const DocumentItem = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  number: Type.String(),
  createdAt: Type.String(),
  hasPdf: Type.Boolean(),
});

export const Accepted = Type.Object({
  code: Type.String(),
  status: Nullable(Type.Integer()),
  message_vi: Type.String(),
});

export const Binary = Type.Unsafe<Buffer>({ description: 'A file', type: 'string', format: 'binary' });
