/** Public views of reference rows (what the API returns). */
import type { EntityManager } from '@mikro-orm/postgresql';
import { AgencySchema, type Agency, type Procedure } from './entities.js';

/** An agency as the API shows it. */
export function agencyView(a: Agency) {
  return {
    id: a.id,
    code: a.code,
    slug: a.slug,
    name: a.name,
    shortName: a.shortName ?? null,
    tier: a.tier,
    parentCode: a.parentCode ?? null,
    adminUnitId: a.adminUnitId ?? null,
    validFrom: a.validFrom,
    validTo: a.validTo ?? null,
    legalBasis: a.legalBasis ?? null,
  };
}

/** A procedure's full public description; form contents are left out (they have their own download route). */
export async function procedureView(em: EntityManager, p: Procedure) {
  const agency = await em.findOne(AgencySchema, { code: p.agencyCode }, { orderBy: { validFrom: 'desc' } });
  return {
    id: p.id,
    nationalCode: p.nationalCode ?? null,
    localCode: p.localCode ?? null,
    name: p.name,
    field: p.field,
    agency: { code: p.agencyCode, name: agency?.name ?? p.agencyCode },
    tier: p.tier,
    serviceLevel: p.serviceLevel,
    scope: p.scope ?? null,
    channels: p.channels,
    applicantTypes: p.applicantTypes,
    documents: p.documents,
    fees: p.fees,
    dayKind: p.dayKind,
    daysPaper: p.daysPaper === null || p.daysPaper === undefined ? null : Number(p.daysPaper),
    daysOnline: p.daysOnline === null || p.daysOnline === undefined ? null : Number(p.daysOnline),
    legalBasis: p.legalBasis,
    forms: p.forms.map(({ id, name, fileName, mediaType }) => ({ id, name, fileName, mediaType })),
    variants: p.variants,
    steps: p.steps,
    result: p.result ?? null,
    conditions: p.conditions ?? null,
    validFrom: p.validFrom,
    validTo: p.validTo ?? null,
  };
}
