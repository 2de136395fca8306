import { seedDemoDossiers, DEMO_PLANS, type DemoDossierReport } from './demo-dossiers';
import { givenDossierWorld, type DossierWorld } from '../testing/dossiers.fixture';

describe('demo dossiers', () => {
  let w: DossierWorld;
  let first: DemoDossierReport;
  beforeAll(async () => {
    w = await givenDossierWorld('demo_dossiers');
    first = await seedDemoDossiers(w.t.app);
  }, 120_000);
  afterAll(async () => w.close());

  const dossiers = async () =>
    (
      await w.t.app.pg.query<{ procedure_code: string; status: number | null; idempotency_key: string }>(
        `SELECT procedure_code, status, idempotency_key FROM dossier WHERE idempotency_key LIKE 'demo-seed:%' ORDER BY procedure_code`,
      )
    ).rows;

  it('should leave one dossier of each key service in its planned status when the seed runs on a fresh database', async () => {
    // given: the seed ran once (beforeAll)
    // when
    const rows = await dossiers();
    // then
    expect(first.skipped).toEqual([]);
    expect(first.failed).toEqual([]);
    expect(rows.map((r) => r.idempotency_key).sort()).toEqual(
      DEMO_PLANS.map((p) => `demo-seed:${p.pkg}`).sort(),
    );
    const planned = Object.fromEntries(DEMO_PLANS.map((p) => [`demo-seed:${p.pkg}`, p.status]));
    for (const r of rows)
      expect({ key: r.idempotency_key, status: r.status }).toEqual({
        key: r.idempotency_key,
        status: planned[r.idempotency_key],
      });
    expect(new Set(rows.map((r) => r.status)).size).toBeGreaterThanOrEqual(9);
    expect(new Set(DEMO_PLANS.map((p) => p.label)).size).toBe(DEMO_PLANS.length);
    const incidents = await w.t.engine.searchIncidents({ state: 'ACTIVE', limit: 10 });
    expect(incidents.items).toEqual([]);
  }, 60_000);

  it('should add nothing when the seed runs a second time', async () => {
    // given
    const before = await dossiers();
    // when
    const second = await seedDemoDossiers(w.t.app);
    // then
    expect(second.created).toEqual([]);
    expect(second.existing).toBe(DEMO_PLANS.length);
    expect(await dossiers()).toEqual(before);
  }, 60_000);
});
