/**
 * Test fixture for the dossier modules: the real app and embedded engine (buildTestApp), the demo catalogue,
 * the models under processes/ deployed, the job workers running, and officers of the household-business
 * agency. `until` polls a condition with a bounded loop (workers run asynchronously; no fixed sleeps).
 */
import path from 'node:path';
import { randomInt } from 'node:crypto';
import { buildTestApp, type TestApp } from '../../../tests/support/app';
import { seedDemoData } from '../seed/index';
import { deployProcesses } from '../startup/deploy-processes';
import { startWorkers, type Workers } from '../workers/index';
import type { Membership, OfficerRole } from '../modules/identity/roles';
import { givenAccount } from './fixtures';
import { TestBrowser } from './http-client';

/** Everything a dossier test needs. */
export interface DossierWorld {
  t: TestApp;
  workers: Workers;
  procedureId: string;
  agencyCode: string;
  otherAgencyCode: string;
  close(): Promise<void>;
}

const root = path.resolve(__dirname, '../../..');

/** Builds the world on database `suffix`. */
export async function givenDossierWorld(suffix: string): Promise<DossierWorld> {
  const t = await buildTestApp({
    suffix,
    env: { DATA_DIR: path.join(root, '.data', `test-${suffix}-${process.env.JEST_WORKER_ID ?? '0'}`) },
  });
  await seedDemoData(t.app.orm.em.fork(), { processesRoot: path.join(root, 'processes') });
  await deployProcesses(t.engine, path.join(root, 'processes'), () => {});
  const workers = startWorkers(t.app, { pollTimeoutMs: 200, retryBackOffMs: 50 });
  const p = await t.app.pg.query<{ id: string; agency_code: string }>(
    `SELECT id, agency_code FROM procedure WHERE package_key = 'business-household-registration'`,
  );
  const other = await t.app.pg.query<{ code: string }>(
    `SELECT code FROM agency WHERE code <> $1 AND slug LIKE 'tckh-%' LIMIT 1`,
    [p.rows[0]!.agency_code],
  );
  return {
    t,
    workers,
    procedureId: p.rows[0]!.id,
    agencyCode: p.rows[0]!.agency_code,
    otherAgencyCode: other.rows[0]!.code,
    async close() {
      await workers.close();
      await t.close();
    },
  };
}

/** A signed-in browser for a new account with the given roles or memberships. */
export async function signedIn(
  w: DossierWorld,
  who: { roles?: ('citizen' | 'business' | 'analyst' | 'manager' | 'admin')[]; memberships?: Membership[] },
  ip = `10.0.${randomInt(255)}.${randomInt(255)}`,
) {
  const account = await givenAccount(w.t.app, {
    roles: who.roles ?? [],
    memberships: who.memberships ?? [],
    prefix: 'dt',
  });
  const browser = new TestBrowser(w.t.app, ip);
  const login = await browser.login(account.username, account.password);
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
  return { browser, username: account.username, id: account.id };
}

/** An officer of `agencyCode` with `role`. */
export function officer(w: DossierWorld, role: OfficerRole, agencyCode = w.agencyCode) {
  return signedIn(w, { memberships: [{ agencyCode, role }] });
}

/** A valid application for the household-business procedure. */
export function householdForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    registrantType: 'individual',
    applicantName: 'Nguyễn Văn An',
    applicantDateOfBirth: '1990-05-01',
    applicantIdNumber: '082201000123',
    applicantPhone: '0912345678',
    applicantEmail: 'an.nguyen@example.vn',
    applicantAddress: '12 Lê Lợi, phường 1, Mỹ Tho',
    businessName: `Tạp hóa An Bình ${randomInt(1_000_000)}`,
    businessAddress: '12 Lê Lợi, phường 1, Mỹ Tho',
    businessLines: 'Bán lẻ hàng tạp hóa',
    capital: 100_000_000,
    employeeCount: 2,
    deliveryMethod: 'in-person',
    ...overrides,
  };
}

/** Polls `probe` until `done` holds (at most `tries` times, `everyMs` apart); returns the last value. */
export async function until<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  tries = 400,
  everyMs = 50,
): Promise<T> {
  let value = await probe();
  for (let i = 0; i < tries && !done(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, everyMs));
    value = await probe();
  }
  return value;
}

/** The dossier's status as stored. */
export async function statusOf(w: DossierWorld, code: string): Promise<number | null> {
  const r = await w.t.app.pg.query<{ status: number | null }>(`SELECT status FROM dossier WHERE code = $1`, [
    code,
  ]);
  return r.rows[0]?.status ?? null;
}

/** Waits for the dossier to reach `status`. */
export function untilStatus(w: DossierWorld, code: string, status: number): Promise<number | null> {
  return until(
    () => statusOf(w, code),
    (s) => s === status,
  );
}
