/**
 * Default holiday table for a year, to seed the editable NgayNghi table (§4.1). The calendar never computes
 * holidays itself: the Government fixes Tết, bridge and swapped days each year, so an admin must review
 * the seeded rows.
 *
 * What `date-holidays` (3.x, country 'VN', type 'public') gives, and the gaps filled here:
 * - 1/1, Giỗ Tổ Hùng Vương (10/3 lunar), 30/4, 1/5 and 2/9: one day each, correct dates.
 * - Tết Nguyên Đán: 5 calendar days from Giao thừa (30 Tết) to mùng 4, weekends included. The Labour Code
 *   gives 5 days off, and civil servants' actual days are set yearly (e.g. 2024: 8/2-14/2 incl. 29 Tết).
 * - Missing: the second National Day (Labour Code 2019 Art. 112(1)(đ): 2/9 plus one adjacent day),
 *   compensatory days when a holiday falls on a weekend (Art. 112(3)), and the yearly swapped days
 *   ("hoán đổi ngày làm việc" with a working Saturday "làm bù").
 * The first two are filled by rules below [K]; the third only for years listed in OFFICIAL_ADJUSTMENTS [K].
 */
import Holidays from 'date-holidays';
import { DAY_MS, type Holiday } from './working-calendar.js';

/** A year's holidays plus its swapped working weekend days; input of `createWorkingCalendar`. */
export interface HolidayTable {
  holidays: Holiday[];
  workingWeekendDays: string[];
}

/** Government changes to the rule-based table for one year: days added, days removed, working Saturdays. */
export interface YearAdjustment {
  add: Holiday[];
  remove: string[];
  workingWeekendDays: string[];
}

const LAW = 'Bộ luật Lao động 2019, Điều 112';
const SWAP = 'Thông báo lịch nghỉ của Chính phủ [K]';

/**
 * Civil servants' schedules announced for past years, from memory of the announcements [K]: verify against
 * the Government notices before relying on them, and add each new year when it is announced.
 */
export const OFFICIAL_ADJUSTMENTS: Readonly<Record<number, YearAdjustment>> = {
  2024: {
    add: [
      { date: '2024-02-08', name: 'Nghỉ Tết Nguyên Đán (29 Tết)', source: SWAP },
      { date: '2024-04-29', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 04/5)', source: SWAP },
    ],
    remove: ['2024-02-15'],
    workingWeekendDays: ['2024-05-04'],
  },
  2025: {
    add: [
      { date: '2025-01-27', name: 'Nghỉ hoán đổi Tết (làm bù thứ Bảy 08/02)', source: SWAP },
      { date: '2025-05-02', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4)', source: SWAP },
    ],
    remove: ['2025-02-03'],
    workingWeekendDays: ['2025-02-08', '2025-04-26'],
  },
};

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Public holidays of 'VN' in date-holidays, each multi-day entry (Tết) expanded to its local dates. */
export function dateHolidaysVn(year: number): Holiday[] {
  const out: Holiday[] = [];
  for (const h of new Holidays('VN').getHolidays(year, 'vi')) {
    if (h.type !== 'public') continue;
    const first = h.date.slice(0, 10);
    const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
    const name = h.name.includes('Tết Nguyên Đán') ? 'Tết Nguyên Đán' : h.name;
    for (let i = 0; i < days; i++) out.push({ date: shiftDate(first, i), name, source: 'date-holidays' });
  }
  return out;
}

/**
 * The day next to 2/9 [U]: the Government picks it each year; this takes the one that joins a weekend
 * when there is one (Tue → 1/9, Fri or Sat → 1/9, else 3/9), which matched 2021-2025.
 */
function nationalDayBridge(year: number): string {
  const day = weekday(`${year}-09-02`);
  return day === 2 || day === 5 || day === 6 ? `${year}-09-01` : `${year}-09-03`;
}

/** Adds the compensatory weekday after each holiday that falls on a weekend (Art. 112(3)). */
function addCompensatoryDays(byDate: Map<string, Holiday>): void {
  const onWeekend = [...byDate.values()].filter((h) => weekday(h.date) === 0 || weekday(h.date) === 6);
  for (const h of onWeekend.sort((a, b) => a.date.localeCompare(b.date))) {
    let date = shiftDate(h.date, 1);
    while (weekday(date) === 0 || weekday(date) === 6 || byDate.has(date)) date = shiftDate(date, 1);
    byDate.set(date, { date, name: `Nghỉ bù ${h.name}`, source: LAW });
  }
}

/**
 * Builds the default, editable holiday table of `year`: date-holidays' public days, the 2/9 bridge day,
 * compensatory days, then the known official swaps of that year.
 */
export function defaultHolidayTable(year: number, adjustments = OFFICIAL_ADJUSTMENTS): HolidayTable {
  const byDate = new Map<string, Holiday>();
  for (const h of dateHolidaysVn(year)) byDate.set(h.date, h);
  const bridge = nationalDayBridge(year);
  if (!byDate.has(bridge))
    byDate.set(bridge, { date: bridge, name: 'Quốc khánh (ngày liền kề)', source: LAW });
  addCompensatoryDays(byDate);
  const adjustment = adjustments[year];
  for (const date of adjustment?.remove ?? []) byDate.delete(date);
  for (const h of adjustment?.add ?? []) byDate.set(h.date, h);
  const holidays = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  return { holidays, workingWeekendDays: [...(adjustment?.workingWeekendDays ?? [])] };
}

/** Merges the tables of several years (e.g. a deadline that crosses New Year needs both). */
export function defaultHolidayTables(years: readonly number[]): HolidayTable {
  const tables = years.map((y) => defaultHolidayTable(y));
  return {
    holidays: tables.flatMap((t) => t.holidays),
    workingWeekendDays: tables.flatMap((t) => t.workingWeekendDays),
  };
}
