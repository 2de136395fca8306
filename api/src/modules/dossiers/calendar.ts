/**
 * The working calendar the dossier deadlines use: the §4.1 office hours and the default holiday tables of the
 * years around an instant (holidays as data: domain/holidays.ts), cached per year range.
 */
import { defaultHolidayTables } from '../../domain/holidays.js';
import { createWorkingCalendar, type WorkingCalendar } from '../../domain/working-calendar.js';

const cache = new Map<number, WorkingCalendar>();

/** A calendar covering the year of `at`, the year before and the two after (long deadlines cross New Year). */
export function calendarAt(at: number): WorkingCalendar {
  const year = new Date(at + 7 * 3_600_000).getUTCFullYear();
  let cal = cache.get(year);
  if (!cal) {
    const table = defaultHolidayTables([year - 1, year, year + 1, year + 2]);
    cal = createWorkingCalendar({ holidays: table.holidays, workingWeekendDays: table.workingWeekendDays });
    cache.set(year, cal);
  }
  return cal;
}

/** ISO-8601 with the Vietnam offset, e.g. `2026-03-02T09:00:00+07:00` (what the models and forms expect). */
export function isoVn(t: number): string {
  return new Date(t + 7 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+07:00');
}

/** ISO-8601 duration in whole seconds, `PT0S` at least. */
export function isoDuration(ms: number): string {
  return `PT${Math.max(0, Math.floor(ms / 1000))}S`;
}
