import path from 'node:path';
import { buildTestApp, type TestApp } from '../../../tests/support/app';
import { runSeeds, type SeedContext } from '../startup/seeds';
import * as seedModule from './index';
import { generateCatalogue } from './generate-catalogue';
import { TestBrowser } from '../testing/http-client';
import { DEMO_PASSWORD } from './demo-accounts';

const counts = async (t: TestApp) => {
  const { rows } = await t.app.pg.query<{ t: string; n: string }>(
    `SELECT 'account' AS t, count(*) AS n FROM account UNION ALL SELECT 'agency', count(*) FROM agency
     UNION ALL SELECT 'procedure', count(*) FROM procedure UNION ALL SELECT 'unit', count(*) FROM administrative_unit`,
  );
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
};

describe('demo seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ suffix: 'seed', env: { SEED_DEMO: 'true' } });
  });
  afterAll(async () => t.close());

  it('should add nothing when the seed runs a second time', async () => {
    // given
    const context: SeedContext = {
      app: t.app,
      pool: t.app.pg,
      databaseUrl: t.databaseUrl,
      engine: t.engine,
      config: t.app.config,
      log: () => undefined,
    };
    const first = await runSeeds(context, seedModule);
    const afterFirst = await counts(t);
    // when
    const second = await runSeeds(context, seedModule);
    const direct = await seedModule.seedDemoData(t.app.orm.em.fork(), {
      processesRoot: path.resolve(__dirname, '../../../processes'),
    });
    // then
    expect(first).toBe('seeded');
    expect(second).toBe('already-seeded');
    expect(await counts(t)).toEqual(afterFirst);
    expect(direct).toMatchObject({ units: 0, agencies: 0, accounts: 0, keyServices: 0 });
    expect(afterFirst.procedure).toBe(10);
  });

  it('should let every printed demo login sign in when seeded', async () => {
    for (const [i, login] of seedModule.demoLogins.entries()) {
      // given
      const browser = new TestBrowser(t.app, `10.9.0.${i + 1}`);
      // when
      const response = await browser.login(login.username, DEMO_PASSWORD);
      // then
      expect(response.statusCode).toBe(200);
    }
  });
});

describe('generated catalogue', () => {
  it('should follow the 2013 proportions when asked for 1,441 procedures', () => {
    // when
    const catalogue = generateCatalogue(1441);
    // then
    const byTier = (tier: string) => catalogue.filter((p) => p.tier === tier).length;
    expect(catalogue).toHaveLength(1441);
    expect([byTier('province'), byTier('district'), byTier('commune')]).toEqual([1146, 152, 143]);
    expect(new Set(catalogue.map((p) => p.name)).size).toBe(1441);
    expect(generateCatalogue(20)).toEqual(generateCatalogue(20));
  });
});
