/** The stored holiday table (`holiday`): seeding from domain/holidays.ts, reading, replacing a year. */
import type pg from 'pg';
import { withTransaction } from '../../db/transaction.js';
import { defaultHolidayTable } from '../../domain/holidays.js';
import type { Holiday } from '../../domain/working-calendar.js';
import { useStoredHolidays } from '../dossiers/calendar.js';

/** Seeds the default table of every listed year that has no stored row yet; returns the years seeded. */
export async function seedHolidayYears(pool: pg.Pool, years: readonly number[]): Promise<number[]> {
  const seeded: number[] = [];
  for (const year of years) {
    const rows = defaultHolidayTable(year).holidays;
    const r = await pool.query(
      `INSERT INTO holiday (date, name, source)
       SELECT d::date, n, s FROM unnest($2::text[], $3::text[], $4::text[]) AS x(d, n, s)
        WHERE NOT EXISTS (SELECT 1 FROM holiday WHERE date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1))
       ON CONFLICT (date) DO NOTHING`,
      [year, rows.map((h) => h.date), rows.map((h) => h.name), rows.map((h) => h.source ?? 'date-holidays')],
    );
    if ((r.rowCount ?? 0) > 0) seeded.push(year);
  }
  return seeded;
}

/** The stored holidays of `year` (every year when omitted), by date. */
export async function storedHolidays(pool: pg.Pool, year?: number): Promise<Holiday[]> {
  const r = await pool.query<{ date: string; name: string; source: string }>(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, name, source FROM holiday
      WHERE $1::int IS NULL OR (date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1)) ORDER BY date`,
    [year ?? null],
  );
  return r.rows;
}

/** Loads the whole table into the working calendar the deadlines and SLA workers use. */
export async function refreshWorkingCalendar(pool: pg.Pool): Promise<void> {
  useStoredHolidays(await storedHolidays(pool));
}

/** Replaces the holidays of `year` (one transaction), then refreshes the working calendar. */
export async function replaceHolidayYear(
  pool: pg.Pool,
  year: number,
  holidays: readonly { date: string; name: string }[],
): Promise<void> {
  await withTransaction(pool, async (client) => {
    await client.query(
      `DELETE FROM holiday WHERE date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1)`,
      [year],
    );
    await client.query(
      `INSERT INTO holiday (date, name, source) SELECT d::date, n, 'admin' FROM unnest($1::text[], $2::text[]) AS x(d, n)`,
      [holidays.map((h) => h.date), holidays.map((h) => h.name)],
    );
  });
  await refreshWorkingCalendar(pool);
}
