/** TypeBox schemas of reference data (agencies, administrative units, procedures) and their admin commands. */
import { Type, type Static } from 'typebox';

const DateText = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const NullableDate = Type.Union([DateText, Type.Null()]);
export const AgencyCode = Type.String({
  pattern: '^[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}$',
  description: 'Mã định danh điện tử, e.g. 000.00.04.H58',
});
export const TierName = Type.Enum(['province', 'district', 'commune'] as const);
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const AgencyView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: AgencyCode,
  slug: Type.String(),
  name: Type.String(),
  shortName: nullable(Type.String()),
  tier: TierName,
  parentCode: nullable(Type.String()),
  adminUnitId: nullable(Type.String()),
  validFrom: DateText,
  validTo: NullableDate,
  legalBasis: nullable(Type.String()),
});

const agencyFields = {
  slug: Type.String({ pattern: '^[a-z0-9-]{2,40}$' }),
  name: Type.String({ minLength: 2, maxLength: 300 }),
  shortName: Type.Optional(nullable(Type.String({ maxLength: 100 }))),
  tier: TierName,
  parentCode: Type.Optional(nullable(AgencyCode)),
  adminUnitId: Type.Optional(nullable(Type.String({ maxLength: 40 }))),
  validFrom: DateText,
  validTo: Type.Optional(NullableDate),
  legalBasis: Type.Optional(nullable(Type.String({ maxLength: 500 }))),
};
export const AgencyCreateBody = Type.Object(
  { code: AgencyCode, ...agencyFields },
  { additionalProperties: false },
);
export type AgencyCreate = Static<typeof AgencyCreateBody>;
export const AgencyUpdateBody = Type.Partial(Type.Object(agencyFields, { additionalProperties: false }));
export type AgencyUpdate = Static<typeof AgencyUpdateBody>;

export const AtQuery = Type.Object(
  {
    at: Type.Optional(DateText),
    tier: Type.Optional(TierName),
    parent: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);

export const AdminUnitView = Type.Object({
  id: Type.String(),
  code: nullable(Type.String()),
  name: Type.String(),
  kind: Type.String(),
  tier: Type.Integer({ minimum: 1, maximum: 3 }),
  parentId: nullable(Type.String()),
  validFrom: DateText,
  validTo: NullableDate,
  legalBasis: nullable(Type.String()),
});

export const DocumentSchema = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    required: Type.Boolean(),
    originals: Type.Optional(Type.Integer({ minimum: 0 })),
    copies: Type.Optional(Type.Integer({ minimum: 0 })),
    formId: Type.Optional(Type.String()),
    note: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export const FeeSchema = Type.Object(
  {
    kind: Type.Enum(['phi', 'le-phi'] as const),
    amount: Type.Number({ minimum: 0, description: 'VND' }),
    channel: Type.Enum(['all', 'paper', 'online'] as const),
    timing: Type.Enum(['before', 'after', 'none'] as const),
    description: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export const VariantSchema = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    name: Type.String({ minLength: 1 }),
    bpmnProcessId: Type.String({ minLength: 1 }),
    dayKind: Type.Optional(Type.Enum(['working', 'calendar'] as const)),
    daysPaper: Type.Optional(nullable(Type.Number({ minimum: 0 }))),
    daysOnline: Type.Optional(nullable(Type.Number({ minimum: 0 }))),
    noAppointmentDate: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const FormInfo = Type.Object({
  id: Type.String(),
  name: Type.String(),
  fileName: Type.String(),
  mediaType: Type.String(),
});
const FormUpload = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Za-z0-9._-]{1,80}$' }),
    name: Type.String(),
    fileName: Type.String(),
    mediaType: Type.String(),
    content: Type.String(),
    encoding: Type.Enum(['utf8', 'base64'] as const),
  },
  { additionalProperties: false },
);

const procedureFields = {
  nationalCode: Type.Optional(nullable(Type.String({ pattern: '^[0-9]\\.[0-9]{6}' }))),
  localCode: Type.Optional(nullable(Type.String({ maxLength: 60 }))),
  name: Type.String({ minLength: 3, maxLength: 500 }),
  field: Type.String({ minLength: 2, maxLength: 200 }),
  agencyCode: AgencyCode,
  tier: Type.Optional(TierName),
  serviceLevel: Type.Integer({ minimum: 1, maximum: 4 }),
  scope: Type.Optional(nullable(Type.Enum(['toan-trinh', 'mot-phan'] as const))),
  channels: Type.Optional(
    Type.Array(Type.Enum(['direct', 'online', 'postal'] as const), { uniqueItems: true }),
  ),
  applicantTypes: Type.Optional(Type.Array(Type.String())),
  documents: Type.Optional(Type.Array(DocumentSchema)),
  fees: Type.Optional(Type.Array(FeeSchema)),
  dayKind: Type.Optional(Type.Enum(['working', 'calendar'] as const)),
  daysPaper: Type.Optional(nullable(Type.Number({ minimum: 0 }))),
  daysOnline: Type.Optional(nullable(Type.Number({ minimum: 0 }))),
  legalBasis: Type.Optional(Type.Array(Type.String())),
  forms: Type.Optional(Type.Array(FormUpload)),
  variants: Type.Optional(Type.Array(VariantSchema)),
  steps: Type.Optional(Type.Array(Type.String())),
  result: Type.Optional(nullable(Type.String())),
  conditions: Type.Optional(nullable(Type.String())),
  validFrom: Type.Optional(DateText),
  validTo: Type.Optional(NullableDate),
};
export const ProcedureCreateBody = Type.Object(procedureFields, { additionalProperties: false });
export type ProcedureCreate = Static<typeof ProcedureCreateBody>;
export const ProcedureUpdateBody = Type.Partial(
  Type.Object(procedureFields, { additionalProperties: false }),
);
export type ProcedureUpdate = Static<typeof ProcedureUpdateBody>;

/** The full public description of a procedure (level 1: everything the law asks to publish). */
export const ProcedureDetail = Type.Object({
  id: Type.String({ format: 'uuid' }),
  nationalCode: nullable(Type.String()),
  localCode: nullable(Type.String()),
  name: Type.String(),
  field: Type.String(),
  agency: Type.Object({ code: Type.String(), name: Type.String() }),
  tier: TierName,
  serviceLevel: Type.Integer(),
  scope: nullable(Type.String()),
  channels: Type.Array(Type.String()),
  applicantTypes: Type.Array(Type.String()),
  documents: Type.Array(DocumentSchema),
  fees: Type.Array(FeeSchema),
  dayKind: Type.String(),
  daysPaper: nullable(Type.Number()),
  daysOnline: nullable(Type.Number()),
  legalBasis: Type.Array(Type.String()),
  forms: Type.Array(FormInfo),
  variants: Type.Array(VariantSchema),
  steps: Type.Array(Type.String()),
  result: nullable(Type.String()),
  conditions: nullable(Type.String()),
  validFrom: DateText,
  validTo: NullableDate,
});

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const CodeParams = Type.Object({ code: Type.String({ maxLength: 40 }) });
