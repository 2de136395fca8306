/**
 * Effective-dated reference data. Every row carries `validFrom` / `validTo` (exclusive) because the province
 * reorganised in 2025 and procedures change with the law: nothing here is ever hard-coded in processes.
 */
import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { ProcedureDocument, ProcedureFee, ProcedureForm, ProcedureVariant } from './procedure-types.js';

/** Tier of government an agency or procedure belongs to (cấp tỉnh / huyện / xã). */
export type Tier = 'province' | 'district' | 'commune';

/** Province, district-level unit (city, town, district) or commune-level unit (ward, commune, township). */
export const AdministrativeUnitSchema = defineEntity({
  name: 'AdministrativeUnit',
  tableName: 'administrative_unit',
  properties: (p) => ({
    id: p.text().primary(),
    code: p.text().nullable(),
    name: p.text(),
    kind: p.text().$type<'province' | 'city' | 'town' | 'district' | 'ward' | 'commune' | 'township'>(),
    tier: p.smallint().$type<1 | 2 | 3>(),
    parentId: p.text().nullable(),
    validFrom: p.date(),
    validTo: p.date().nullable(),
    legalBasis: p.text().nullable(),
  }),
});

/** An administrative unit row. */
export type AdministrativeUnit = InferEntity<typeof AdministrativeUnitSchema>;

/** A state agency, identified by its electronic identifier (mã định danh, Decision 20/2020/QĐ-TTg). */
export const AgencySchema = defineEntity({
  name: 'Agency',
  tableName: 'agency',
  properties: (p) => ({
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    code: p.text(),
    slug: p.text(),
    name: p.text(),
    shortName: p.text().nullable(),
    tier: p.text().$type<Tier>(),
    parentCode: p.text().nullable(),
    adminUnitId: p.text().nullable(),
    validFrom: p.date(),
    validTo: p.date().nullable(),
    legalBasis: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  }),
});

/** An agency row. */
export type Agency = InferEntity<typeof AgencySchema>;

/** An administrative procedure (thủ tục hành chính) as published in the catalogue. */
export const ProcedureSchema = defineEntity({
  name: 'Procedure',
  tableName: 'procedure',
  properties: (p) => ({
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    packageKey: p.text().nullable(),
    nationalCode: p.text().nullable(),
    localCode: p.text().nullable(),
    name: p.text(),
    field: p.text(),
    agencyCode: p.text(),
    tier: p.text().$type<Tier>(),
    serviceLevel: p.smallint().$type<1 | 2 | 3 | 4>(),
    scope: p.text().$type<'toan-trinh' | 'mot-phan'>().nullable(),
    channels: p.array().columnType('text[]').$type<string[]>(),
    applicantTypes: p.array().columnType('text[]').$type<string[]>(),
    documents: p.json<ProcedureDocument[]>(),
    fees: p.json<ProcedureFee[]>(),
    dayKind: p.text().$type<'working' | 'calendar'>(),
    daysPaper: p.decimal('number').nullable(),
    daysOnline: p.decimal('number').nullable(),
    legalBasis: p.json<string[]>(),
    forms: p.json<ProcedureForm[]>(),
    variants: p.json<ProcedureVariant[]>(),
    steps: p.json<string[]>(),
    result: p.text().nullable(),
    conditions: p.text().nullable(),
    source: p.text().$type<'package' | 'seed' | 'generated' | 'manual'>(),
    validFrom: p.date(),
    validTo: p.date().nullable(),
    searchName: p.text().hidden(),
    searchExtra: p.text().hidden(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  }),
});

/** A procedure row. */
export type Procedure = InferEntity<typeof ProcedureSchema>;
