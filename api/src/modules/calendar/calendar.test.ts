import { buildTestApp, type TestApp } from '../../../../tests/support/app';
import { isWorkingDay, localDay } from '../../domain/working-calendar';
import { givenAccount } from '../../testing/fixtures';
import { TestBrowser } from '../../testing/http-client';
import { calendarAt } from '../dossiers/calendar';

type Holidays = { date: string; name: string }[];

describe('holiday calendar', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ suffix: 'calendar' });
  }, 60_000);
  afterAll(async () => t.close());

  const browserFor = async (roles: ('citizen' | 'admin')[]) => {
    const account = await givenAccount(t.app, { roles, prefix: 'cal' });
    const browser = new TestBrowser(t.app, '10.3.3.3');
    expect((await browser.login(account.username, account.password)).statusCode).toBe(200);
    return browser;
  };
  /** Whether the SLA workers' calendar counts `date` (YYYY-MM-DD) as a working day. */
  const working = (date: string) => {
    const at = Date.parse(`${date}T03:00:00Z`);
    const cal = calendarAt(at);
    return isWorkingDay(cal, localDay(cal, at));
  };

  it('should list the seeded holidays of the current year when a signed-in user asks', async () => {
    // given
    const citizen = await browserFor(['citizen']);

    // when
    const response = await citizen.get('/api/calendar/holidays?year=2026');

    // then
    expect(response.statusCode).toBe(200);
    const dates = (response.json() as Holidays).map((h) => h.date);
    expect(dates).toEqual(expect.arrayContaining(['2026-01-01', '2026-04-30', '2026-05-01', '2026-09-02']));
  });

  it("should replace a year's list and make the working calendar use it when an admin puts it", async () => {
    // given
    const admin = await browserFor(['admin']);
    const current = (await admin.get('/api/calendar/holidays?year=2027')).json() as Holidays;
    expect(current.length).toBeGreaterThan(0);
    expect(working('2027-06-09')).toBe(true);

    // when: 9 June 2027 (a Wednesday) becomes a holiday, 1 January stays
    const response = await admin.request('PUT', '/api/calendar/holidays/2027', [
      { date: '2027-01-01', name: 'Tết Dương lịch' },
      { date: '2027-06-09', name: 'Nghỉ theo thông báo' },
    ]);

    // then
    expect(response.statusCode).toBe(200);
    expect(
      ((await admin.get('/api/calendar/holidays?year=2027')).json() as Holidays).map((h) => h.date),
    ).toEqual(['2027-01-01', '2027-06-09']);
    expect(working('2027-06-09')).toBe(false);
    expect(working('2027-04-30')).toBe(true);
  });

  it('should refuse a date outside the year when an admin puts a list', async () => {
    // given
    const admin = await browserFor(['admin']);

    // when
    const response = await admin.request('PUT', '/api/calendar/holidays/2028', [
      { date: '2029-01-01', name: 'Sai năm' },
    ]);

    // then
    expect(response.statusCode).toBe(400);
    expect((response.json() as { message_vi: string }).message_vi).toContain('không thuộc năm 2028');
  });
});
