/**
 * The demo seed: Tiền Giang's administrative units and agencies, demo accounts, the ten key services and the
 * procedure packages under processes/. Every step upserts, so running it twice adds nothing; `npm start`
 * also guards it with the `seed.demo` marker in app_meta (startup/seeds.ts).
 */
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { findProjectRoot } from '@motcua/engine/postgres';
import type { SeedContext } from '../startup/seeds.js';
import { AccountSchema } from '../modules/identity/entities.js';
import { hashPassword } from '../modules/identity/password.js';
import { AdministrativeUnitSchema, AgencySchema } from '../modules/reference/entities.js';
import { loadProcedurePackages, type PackageLoadReport } from '../modules/reference/procedure-packages.js';
import { agencyDirectory, upsertPackageProcedure } from '../modules/reference/procedures.js';
import { DEMO_ACCOUNTS, DEMO_LOGINS, DEMO_PASSWORD } from './demo-accounts.js';
import { demoDossierSummary, seedDemoDossiers } from './demo-dossiers.js';
import { KEY_SERVICES } from './key-services.js';
import { TIEN_GIANG_AGENCIES } from './tien-giang-agencies.js';
import { TIEN_GIANG_UNITS } from './tien-giang-units.js';

export { DEMO_PASSWORD } from './demo-accounts.js';
export { generateCatalogue, insertGeneratedCatalogue } from './generate-catalogue.js';

/** Printed by `npm start` (see startup/seeds.ts). */
export const demoLogins = DEMO_LOGINS;

/** What one run added. */
export interface SeedReport {
  units: number;
  agencies: number;
  accounts: number;
  keyServices: number;
  packages: PackageLoadReport;
}

async function seedUnits(em: EntityManager): Promise<number> {
  let added = 0;
  for (const unit of TIEN_GIANG_UNITS) {
    if (await em.findOne(AdministrativeUnitSchema, { id: unit.id })) continue;
    em.create(AdministrativeUnitSchema, {
      code: null,
      legalBasis: null,
      validTo: null,
      parentId: null,
      ...unit,
    });
    await em.flush(); // parents before children
    added += 1;
  }
  return added;
}

async function seedAgencies(em: EntityManager): Promise<number> {
  let added = 0;
  for (const a of TIEN_GIANG_AGENCIES) {
    if (await em.findOne(AgencySchema, { code: a.code })) continue;
    em.create(AgencySchema, {
      ...a,
      shortName: a.shortName ?? null,
      parentCode: a.parentCode ?? null,
      validFrom: '2008-01-01',
      validTo: null,
      legalBasis: 'Dữ liệu minh họa (mã định danh suy đoán, xem docs/domain.md §3.1)',
    });
    added += 1;
  }
  await em.flush();
  return added;
}

async function seedAccounts(em: EntityManager): Promise<number> {
  const hash = await hashPassword(DEMO_PASSWORD); // one hash for all: hashing 50 demo accounts would take seconds
  let added = 0;
  for (const a of DEMO_ACCOUNTS) {
    if (await em.findOne(AccountSchema, { username: a.username })) continue;
    em.create(AccountSchema, {
      username: a.username,
      fullName: a.fullName,
      email: a.email ?? null,
      phone: null,
      citizenId: a.citizenId ?? null,
      passwordHash: hash,
      roles: a.roles,
      memberships: a.memberships,
      passwordChangedAt: new Date(),
    });
    added += 1;
  }
  await em.flush();
  return added;
}

/** Seeds everything into `em`'s database; safe to run again. */
export async function seedDemoData(
  em: EntityManager,
  options: { processesRoot: string },
): Promise<SeedReport> {
  const units = await seedUnits(em);
  const agencies = await seedAgencies(em);
  const accounts = await seedAccounts(em);
  const directory = await agencyDirectory(em);
  let keyServices = 0;
  for (const service of KEY_SERVICES) {
    const { created } = await upsertPackageProcedure(em, { ...service, source: 'seed' }, directory);
    if (created) keyServices += 1;
  }
  const packages = await loadProcedurePackages(em, options.processesRoot);
  return { units, agencies, accounts, keyServices, packages };
}

/** Entry point used by `npm start` through startup/seeds.ts. */
export async function seedDemo(context: SeedContext): Promise<void> {
  const root = findProjectRoot(process.argv[1] ? path.dirname(process.argv[1]) : process.cwd());
  const report = await seedDemoData(context.app.orm.em.fork(), {
    processesRoot: path.join(root, 'processes'),
  });
  context.log(
    `Demo data: ${report.units} administrative units, ${report.agencies} agencies, ${report.accounts} accounts, ` +
      `${report.keyServices} key services, ${report.packages.loaded.length} procedure packages loaded` +
      (report.packages.skipped.length
        ? ` (skipped: ${report.packages.skipped.map((s) => `${s.key}: ${s.reason}`).join('; ')})`
        : ''),
  );
  // Dossiers need the deployed models and the running job workers (server.ts starts them before the seed).
  if (!context.config.DEPLOY_PROCESSES) {
    context.log('Demo dossiers: skipped (DEPLOY_PROCESSES=false)');
    return;
  }
  context.log(demoDossierSummary(await seedDemoDossiers(context.app)));
}
