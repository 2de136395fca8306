/** Persistent identity records: accounts and server-side sessions (MikroORM `defineEntity`). */
import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { AccountRole, Membership } from './roles.js';

/** A person who signs in: citizen, business representative, officer, analyst, manager or admin. */
export const AccountSchema = defineEntity({
  name: 'Account',
  tableName: 'account',
  properties: (p) => ({
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    username: p.text(),
    fullName: p.text(),
    email: p.text().nullable(),
    phone: p.text().nullable(),
    citizenId: p.text().nullable(),
    passwordHash: p.text().nullable().hidden(),
    roles: p.array().columnType('text[]').$type<AccountRole[]>(),
    memberships: p.json<Membership[]>(),
    failedAttempts: p.integer().default(0),
    lockedUntil: p.datetime().nullable(),
    disabled: p.boolean().default(false),
    identityProvider: p.text().default('password'),
    externalSubject: p.text().nullable(),
    passwordChangedAt: p.datetime().nullable(),
    lastLoginAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  }),
});

/** An account row. */
export type Account = InferEntity<typeof AccountSchema>;

/** A signed-in browser: the cookie carries a random token, the table only its SHA-256. */
export const SessionSchema = defineEntity({
  name: 'Session',
  tableName: 'session',
  properties: (p) => ({
    tokenHash: p.text().primary(),
    accountId: p.uuid(),
    csrfToken: p.text(),
    identityProvider: p.text(),
    ip: p.text().nullable(),
    userAgent: p.text().nullable(),
    createdAt: p.datetime(),
    lastSeenAt: p.datetime(),
    expiresAt: p.datetime(),
  }),
});

/** A session row. */
export type Session = InferEntity<typeof SessionSchema>;
