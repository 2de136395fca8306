/** TypeBox schemas of the identity routes (also the OpenAPI documentation). */
import { Type, type Static } from 'typebox';
import { ACCOUNT_ROLES, OFFICER_ROLES, ROLE_NAMES } from './roles.js';

/** The problem+json body every error has. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    message_vi: Type.String(),
    code: Type.Optional(Type.String()),
  },
  { additionalProperties: true, description: 'RFC 9457 problem details, with a Vietnamese message' },
);

export const RoleName = Type.Enum(ROLE_NAMES, { description: 'A role (see docs/api.md)' });
export const AccountRoleName = Type.Enum(ACCOUNT_ROLES, { description: 'A role held by the account itself' });
export const OfficerRoleName = Type.Enum(OFFICER_ROLES, { description: 'A role held in one agency' });

export const Membership = Type.Object(
  {
    agencyCode: Type.String({
      pattern: '^[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}$',
      description: 'Mã định danh',
    }),
    role: OfficerRoleName,
  },
  { additionalProperties: false },
);

/** What `GET /api/me` and login answer. */
export const Me = Type.Object({
  id: Type.String({ format: 'uuid' }),
  username: Type.String(),
  fullName: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  citizenId: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(RoleName),
  memberships: Type.Array(Membership),
  groups: Type.Array(Type.String(), { description: 'BPMN candidate groups, <agencyCode>:<role>' }),
  csrfToken: Type.String({
    description: 'Send it back in the x-csrf-token header of state-changing requests',
  }),
});
export type MeBody = Static<typeof Me>;

export const LoginBody = Type.Object(
  {
    username: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'Username, or the 12-digit citizen ID',
    }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

export const PasswordChangeBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
    newPassword: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

export const CsrfAnswer = Type.Object({ csrfToken: Type.String() });
export const Done = Type.Object({ ok: Type.Boolean() });

/** An account as an admin sees it. */
export const AccountView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  username: Type.String(),
  fullName: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  citizenId: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(AccountRoleName),
  memberships: Type.Array(Membership),
  disabled: Type.Boolean(),
  lockedUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  failedAttempts: Type.Integer(),
  lastLoginAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});

const Email = Type.String({ format: 'email', maxLength: 200 });
const Phone = Type.String({ pattern: '^\\+?[0-9 .-]{8,15}$' });
const CitizenId = Type.String({ pattern: '^[0-9]{12}$', description: 'Căn cước (CCCD), 12 digits' });

export const AccountCreateBody = Type.Object(
  {
    username: Type.String({ pattern: '^[a-zA-Z0-9._-]{3,64}$' }),
    fullName: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
    email: Type.Optional(Type.Union([Email, Type.Null()])),
    phone: Type.Optional(Type.Union([Phone, Type.Null()])),
    citizenId: Type.Optional(Type.Union([CitizenId, Type.Null()])),
    roles: Type.Optional(Type.Array(AccountRoleName, { uniqueItems: true })),
    memberships: Type.Optional(Type.Array(Membership)),
  },
  { additionalProperties: false },
);
export type AccountCreate = Static<typeof AccountCreateBody>;

export const AccountUpdateBody = Type.Object(
  {
    fullName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    email: Type.Optional(Type.Union([Email, Type.Null()])),
    phone: Type.Optional(Type.Union([Phone, Type.Null()])),
    citizenId: Type.Optional(Type.Union([CitizenId, Type.Null()])),
    roles: Type.Optional(Type.Array(AccountRoleName, { uniqueItems: true })),
    memberships: Type.Optional(Type.Array(Membership)),
    disabled: Type.Optional(Type.Boolean()),
    unlock: Type.Optional(Type.Boolean({ description: 'Clear a lockout after failed logins' })),
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 256, description: 'Reset the password' })),
  },
  { additionalProperties: false },
);
export type AccountUpdate = Static<typeof AccountUpdateBody>;

export const AccountQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    role: Type.Optional(RoleName),
    agency: Type.Optional(Type.String({ maxLength: 20 })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
