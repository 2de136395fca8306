import { recordStatus } from '../dossiers/status';
import {
  givenDossierWorld,
  householdForm,
  officer,
  signedIn,
  untilStatus,
  type DossierWorld,
} from '../../testing/dossiers.fixture';

interface Stats {
  agencyCode: string;
  received: number;
  inProgress: number;
  overdue: number;
  onTime: number;
  early: number;
  late: number;
  averageRating: number | null;
  ratingCount: number;
}
type Browser = Awaited<ReturnType<typeof signedIn>>['browser'];

describe('ratings and per-agency statistics', () => {
  let w: DossierWorld;
  let owner: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    w = await givenDossierWorld('ratings');
    owner = await signedIn(w, { roles: ['citizen'] });
  }, 120_000);
  afterAll(async () => w.close());

  const submit = async (): Promise<string> => {
    const created = await owner.browser.request('POST', '/api/dossiers', {
      procedureId: w.procedureId,
      formData: householdForm(),
    });
    const code = (created.json() as { dossier: { code: string } }).dossier.code;
    await untilStatus(w, code, 1);
    return code;
  };
  /** The dossier received at `received`, due at `due`; finished (9) and returned (10) at `finished` when given. */
  const givenDossier = async (received: string, due: string, finished?: string): Promise<string> => {
    const code = await submit();
    await w.t.app.pg.query(`UPDATE dossier SET received_at = $2, due_at = $3 WHERE code = $1`, [
      code,
      new Date(received),
      new Date(due),
    ]);
    if (finished) {
      await recordStatus(w.t.app.pg, {
        dossierCode: code,
        status: 9,
        at: new Date(finished),
        jobKey: `test-9-${code}`,
      });
      await recordStatus(w.t.app.pg, {
        dossierCode: code,
        status: 10,
        at: new Date(finished),
        jobKey: `test-10-${code}`,
      });
    }
    return code;
  };
  const rate = (browser: Browser, code: string, body: unknown) =>
    browser.post(`/api/dossiers/${code}/rating`, body);

  it('should refuse a rating with a Vietnamese message when the result was not returned yet', async () => {
    // given
    const code = await submit();

    // when
    const response = await rate(owner.browser, code, { score: 5 });

    // then
    expect(response.statusCode).toBe(409);
    expect((response.json() as { message_vi: string }).message_vi).toContain('sau khi hồ sơ đã trả kết quả');
  });

  it('should store the rating once and show it in the dossier when the applicant rates a returned dossier', async () => {
    // given
    const code = await givenDossier('2026-03-02T02:00:00Z', '2026-03-10T10:00:00Z', '2026-03-05T03:00:00Z');

    // when
    const first = await rate(owner.browser, code, { score: 4, comment: 'Nhanh, đúng hẹn' });
    const second = await rate(owner.browser, code, { score: 1 });
    const stranger = await rate((await signedIn(w, { roles: ['citizen'] })).browser, code, { score: 1 });

    // then
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(409);
    expect(stranger.statusCode).toBe(404);
    const detail = (await owner.browser.get(`/api/dossiers/${code}`)).json() as {
      rating: { score: number; comment: string } | null;
    };
    expect(detail.rating).toMatchObject({ score: 4, comment: 'Nhanh, đúng hẹn' });
  });

  it('should refuse a score outside 1..5 when the applicant rates', async () => {
    // given
    const code = await givenDossier('2026-03-02T02:00:00Z', '2026-03-10T10:00:00Z', '2026-03-05T03:00:00Z');

    // when
    const response = await rate(owner.browser, code, { score: 6 });

    // then
    expect(response.statusCode).toBe(400);
  });

  it('should count received, on-time, late and in-progress dossiers and the mean rating per agency when a manager asks', async () => {
    // given: this world's agency in April, alone: one early, one finished late (rated 2), one open and overdue
    const april = (day: string) => `2026-04-${day}T03:00:00Z`;
    await givenDossier(april('01'), april('10'), april('03'));
    const late = await givenDossier(april('01'), april('02'), april('06'));
    await givenDossier(april('02'), april('05'));
    w.t.clock.advance(40 * 86_400_000);
    expect((await rate(owner.browser, late, { score: 2 })).statusCode).toBe(201);
    const manager = await signedIn(w, { roles: ['manager'] });

    // when
    const response = await manager.browser.get('/api/statistics/agencies?from=2026-04-01&to=2026-04-30');

    // then
    expect(response.statusCode).toBe(200);
    const row = (response.json() as Stats[]).find((s) => s.agencyCode === w.agencyCode);
    expect(row).toMatchObject({
      received: 3,
      inProgress: 1,
      overdue: 1,
      onTime: 1,
      early: 1,
      late: 2,
      ratingCount: 1,
      averageRating: 2,
    });
  });

  it('should show an agency head only the agencies they head', async () => {
    // given
    const head = await officer(w, 'agency-head');

    // when
    const response = await head.browser.get('/api/statistics/agencies');

    // then
    expect(response.statusCode).toBe(200);
    expect((response.json() as Stats[]).map((s) => s.agencyCode)).toEqual([w.agencyCode]);
  });
});
