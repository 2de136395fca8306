/**
 * The working calendar the dossier deadlines use: the §4.1 office hours and the stored holiday table (`holiday`,
 * editable by an admin; modules/calendar loads it into this cache at startup, after each change and every few
 * minutes). Years without stored rows fall back to the default tables of domain/holidays.ts; the swapped working
 * Saturdays always come from there. Calendars are cached per year range.
 */
import { defaultHolidayTable } from '../../domain/holidays.js';
import { createWorkingCalendar, type Holiday, type WorkingCalendar } from '../../domain/working-calendar.js';

const cache = new Map<number, WorkingCalendar>();
let stored = new Map<number, Holiday[]>();

/** Replaces the stored holidays (grouped by year) the calendars use, and drops the cached calendars. */
export function useStoredHolidays(holidays: readonly Holiday[]): void {
  const byYear = new Map<number, Holiday[]>();
  for (const h of holidays) {
    const year = Number(h.date.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), h]);
  }
  stored = byYear;
  cache.clear();
}

/** A calendar covering the year of `at`, the year before and the two after (long deadlines cross New Year). */
export function calendarAt(at: number): WorkingCalendar {
  const year = new Date(at + 7 * 3_600_000).getUTCFullYear();
  let cal = cache.get(year);
  if (!cal) {
    const years = [year - 1, year, year + 1, year + 2];
    const defaults = years.map((y) => defaultHolidayTable(y));
    const holidays = years.flatMap((y, i) => stored.get(y) ?? defaults[i]!.holidays);
    cal = createWorkingCalendar({
      holidays,
      workingWeekendDays: defaults.flatMap((t) => t.workingWeekendDays),
    });
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
