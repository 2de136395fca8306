/** Writing procedures: one place computes the normalized search columns, whoever writes (admin, loader, seed). */
import type { EntityManager } from '@mikro-orm/postgresql';
import { ProblemError } from '../../plugins/errors.js';
import { normalizeForSearch } from '../catalogue/normalize.js';
import { AgencySchema, ProcedureSchema, type Procedure, type Tier } from './entities.js';
import type { ProcedureDocument, ProcedureFee, ProcedureForm, ProcedureVariant } from './procedure-types.js';

/** Everything needed to create or replace a procedure. */
export interface ProcedureInput {
  packageKey?: string | null;
  nationalCode?: string | null;
  localCode?: string | null;
  name: string;
  field: string;
  agencyCode: string;
  tier?: Tier;
  serviceLevel: 1 | 2 | 3 | 4;
  scope?: 'toan-trinh' | 'mot-phan' | null;
  channels?: string[];
  applicantTypes?: string[];
  documents?: ProcedureDocument[];
  fees?: ProcedureFee[];
  dayKind?: 'working' | 'calendar';
  daysPaper?: number | null;
  daysOnline?: number | null;
  legalBasis?: string[];
  forms?: ProcedureForm[];
  variants?: ProcedureVariant[];
  steps?: string[];
  result?: string | null;
  conditions?: string | null;
  source?: Procedure['source'];
  validFrom?: string;
  validTo?: string | null;
}

/** Name and tier of every agency code (any period): what search text and defaults need. */
export async function agencyDirectory(
  em: EntityManager,
): Promise<Map<string, { name: string; shortName: string | null; tier: Tier }>> {
  const rows = await em.find(AgencySchema, {}, { orderBy: { validFrom: 'asc' } });
  return new Map(rows.map((a) => [a.code, { name: a.name, shortName: a.shortName ?? null, tier: a.tier }]));
}

type Directory = Awaited<ReturnType<typeof agencyDirectory>>;

function searchColumns(
  input: ProcedureInput,
  directory: Directory,
): { searchName: string; searchExtra: string } {
  const agency = directory.get(input.agencyCode);
  const extra = [
    input.nationalCode,
    input.localCode,
    input.field,
    agency?.name,
    agency?.shortName,
    input.result,
  ]
    .filter((s): s is string => typeof s === 'string' && s.length > 0)
    .join(' ');
  return { searchName: normalizeForSearch(input.name), searchExtra: normalizeForSearch(extra) };
}

/** Assigns `input` onto a procedure (new or existing), with its search columns. */
export function applyProcedure(
  target: Partial<Procedure>,
  input: ProcedureInput,
  directory: Directory,
): Partial<Procedure> {
  const agency = directory.get(input.agencyCode);
  if (!agency) {
    throw new ProblemError(
      400,
      `Không có cơ quan mã ${input.agencyCode}.`,
      `Unknown agency code ${input.agencyCode}.`,
      {
        code: 'UNKNOWN_AGENCY',
      },
    );
  }
  return Object.assign(target, {
    packageKey: input.packageKey ?? target.packageKey ?? null,
    nationalCode: input.nationalCode ?? null,
    localCode: input.localCode ?? null,
    name: input.name,
    field: input.field,
    agencyCode: input.agencyCode,
    tier: input.tier ?? agency.tier,
    serviceLevel: input.serviceLevel,
    scope: input.scope ?? null,
    channels: input.channels ?? ['direct'],
    applicantTypes: input.applicantTypes ?? [],
    documents: input.documents ?? [],
    fees: input.fees ?? [],
    dayKind: input.dayKind ?? 'working',
    daysPaper: input.daysPaper ?? null,
    daysOnline: input.daysOnline ?? input.daysPaper ?? null,
    legalBasis: input.legalBasis ?? [],
    forms: input.forms ?? [],
    variants: input.variants ?? [],
    steps: input.steps ?? [],
    result: input.result ?? null,
    conditions: input.conditions ?? null,
    source: input.source ?? target.source ?? 'manual',
    validFrom: input.validFrom ?? target.validFrom ?? '2013-09-11',
    validTo: input.validTo ?? null,
    ...searchColumns(input, directory),
  });
}

/** Creates a procedure. */
export async function createProcedure(
  em: EntityManager,
  input: ProcedureInput,
  directory?: Directory,
): Promise<Procedure> {
  const dir = directory ?? (await agencyDirectory(em));
  const procedure = em.create(ProcedureSchema, applyProcedure({}, input, dir) as Procedure);
  await em.flush();
  return procedure;
}

/** Creates or replaces the procedure of a package (keyed by `packageKey`, the folder under processes/). */
export async function upsertPackageProcedure(
  em: EntityManager,
  input: ProcedureInput & { packageKey: string },
  directory: Directory,
) {
  const existing = await em.findOne(ProcedureSchema, { packageKey: input.packageKey });
  if (existing) {
    applyProcedure(existing, input, directory);
    await em.flush();
    return { procedure: existing, created: false };
  }
  return { procedure: await createProcedure(em, input, directory), created: true };
}
