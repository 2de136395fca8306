/**
 * Working calendar of a one-stop office: office hours, weekends, holidays and the deadline arithmetic of
 * domain.md §4.1 (working days of 8 h, clock starting at the next opening) and §4.2 (early/on time/late).
 * All instants are epoch milliseconds; local time is Vietnam's fixed UTC+7 (no DST), so a local day is
 * exactly 24 h and every result is deterministic.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** One calendar day in ms (exact: Asia/Ho_Chi_Minh has no DST). */
export const DAY_MS = 24 * HOUR;
/** Asia/Ho_Chi_Minh offset from UTC in minutes. */
export const VN_UTC_OFFSET_MINUTES = 7 * 60;
/** Longest search for working time, in days: a misconfigured calendar (no working day) must fail, not hang. */
const MAX_SEARCH_DAYS = 3660;

/** A period of office hours in local time, e.g. `{ start: '07:00', end: '11:30' }`. */
export interface OfficePeriod {
  start: string;
  end: string;
}

/** A day off in the holiday table (local date `YYYY-MM-DD`); an admin edits these as data (§4.1 NgayNghi). */
export interface Holiday {
  date: string;
  name: string;
  /** Where the entry comes from, for the admin screen (e.g. `date-holidays`, `Bộ luật Lao động 2019 Điều 112`). */
  source?: string;
}

/** Input of {@link createWorkingCalendar}; everything but the holidays has the §4.1 defaults. */
export interface WorkingCalendarConfig {
  holidays: readonly Holiday[];
  /** Weekend days (officially swapped working Saturdays, "làm bù", count as working days). */
  workingWeekendDays?: readonly string[];
  /** Default 07:00-11:30 and 13:30-17:00 (§4.1). */
  officeHours?: readonly OfficePeriod[];
  /** Days of the week off, 0 = Sunday ... 6 = Saturday; default Saturday and Sunday. */
  weekendDays?: readonly number[];
  /** Length of "1 working day" when a limit is given in days; §4.1 stores durations in hours, 1 day = 8 h. */
  hoursPerWorkingDay?: number;
  utcOffsetMinutes?: number;
}

/** A validated, immutable working calendar; build it with {@link createWorkingCalendar}. */
export interface WorkingCalendar {
  /** Office periods as [start, end) minutes after local midnight, sorted, not overlapping. */
  readonly periods: readonly (readonly [number, number])[];
  readonly weekendDays: ReadonlySet<number>;
  readonly holidays: ReadonlyMap<string, Holiday>;
  readonly workingWeekendDays: ReadonlySet<string>;
  readonly workingDayMs: number;
  readonly offsetMs: number;
}

/** The §4.1 default office hours. */
export const DEFAULT_OFFICE_HOURS: readonly OfficePeriod[] = [
  { start: '07:00', end: '11:30' },
  { start: '13:30', end: '17:00' },
];

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function parseClock(value: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[2]) > 59 || minutes > 24 * 60)
    throw new RangeError(`Expected a time HH:mm but got "${value}"`);
  return minutes;
}

function checkDate(date: string): string {
  const parsed = Date.parse(`${date}T00:00:00Z`);
  // The round trip rejects dates such as 2025-02-30 that Date.parse silently rolls over.
  if (!DATE_RE.test(date) || Number.isNaN(parsed) || new Date(parsed).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`Expected a date YYYY-MM-DD but got "${date}"`);
  }
  return date;
}

function parsePeriods(hours: readonly OfficePeriod[]): [number, number][] {
  const periods = hours.map((p): [number, number] => [parseClock(p.start), parseClock(p.end)]);
  periods.sort((a, b) => a[0] - b[0]);
  periods.forEach(([s, e], i) => {
    const prev = periods[i - 1];
    if (e <= s) throw new RangeError(`Office period ${i + 1} ends before it starts`);
    if (prev && prev[1] > s) throw new RangeError('Office periods overlap');
  });
  if (periods.length === 0) throw new RangeError('A working calendar needs at least one office period');
  return periods;
}

/** Validates a configuration (clear errors for an admin's typo) and builds the calendar. */
export function createWorkingCalendar(config: WorkingCalendarConfig): WorkingCalendar {
  const holidays = new Map<string, Holiday>();
  for (const h of config.holidays) holidays.set(checkDate(h.date), h);
  const workingWeekendDays = new Set((config.workingWeekendDays ?? []).map(checkDate));
  for (const d of workingWeekendDays) {
    if (holidays.has(d)) throw new RangeError(`${d} is both a holiday and a working day`);
  }
  const hoursPerDay = config.hoursPerWorkingDay ?? 8;
  if (!(hoursPerDay > 0)) throw new RangeError('hoursPerWorkingDay must be positive');
  return {
    periods: parsePeriods(config.officeHours ?? DEFAULT_OFFICE_HOURS),
    weekendDays: new Set(config.weekendDays ?? [0, 6]),
    holidays,
    workingWeekendDays,
    workingDayMs: hoursPerDay * HOUR,
    offsetMs: (config.utcOffsetMinutes ?? VN_UTC_OFFSET_MINUTES) * MINUTE,
  };
}

/** Local day number (days since 1970-01-01 local) of an instant. */
export function localDay(cal: Pick<WorkingCalendar, 'offsetMs'>, t: number): number {
  return Math.floor((t + cal.offsetMs) / DAY_MS);
}

/** Local date `YYYY-MM-DD` of a local day number. */
export function dayToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Whether a local day is a working day: weekend and holidays are off unless it is a swapped working day. */
export function isWorkingDay(cal: WorkingCalendar, day: number): boolean {
  const date = dayToDate(day);
  if (cal.workingWeekendDays.has(date)) return true;
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  return !cal.weekendDays.has(weekday) && !cal.holidays.has(date);
}

/** Absolute [start, end) office periods of a local day (none on a day off). */
function periodsOfDay(cal: WorkingCalendar, day: number): [number, number][] {
  if (!isWorkingDay(cal, day)) return [];
  const midnight = day * DAY_MS - cal.offsetMs;
  return cal.periods.map(([s, e]) => [midnight + s * MINUTE, midnight + e * MINUTE]);
}

/** Intervals during which the clock does not run (e.g. supplementation), sorted and merged by the caller. */
export type Blocked = readonly (readonly [number, number])[];

/** Parts of [from, to) outside the blocked intervals. */
function subtractBlocked(from: number, to: number, blocked: Blocked): [number, number][] {
  const out: [number, number][] = [];
  let cursor = from;
  for (const [bs, be] of blocked) {
    if (be <= cursor) continue;
    if (bs >= to) break;
    if (bs > cursor) out.push([cursor, bs]);
    cursor = Math.max(cursor, be);
  }
  if (cursor < to) out.push([cursor, to]);
  return out;
}

function checkAmount(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`${what} must be a finite number >= 0, got ${value}`);
}

/**
 * The earliest instant at which `ms` of unblocked working time has elapsed since `start`. With `ms = 0` this is
 * where the clock starts (§4.1: before opening → opening, lunch → afternoon start, after close or on a day
 * off → next working morning). A due time that fills a period exactly is that period's end (e.g. 17:00),
 * not the next opening: same working time, and what the appointment slip should say.
 */
export function consumeWorkingTime(
  start: number,
  ms: number,
  cal: WorkingCalendar,
  blocked: Blocked = [],
): number {
  checkAmount(ms, 'Working time');
  let remaining = ms;
  const first = localDay(cal, start);
  for (let day = first; day < first + MAX_SEARCH_DAYS; day++) {
    for (const [ps, pe] of periodsOfDay(cal, day)) {
      if (pe <= start) continue;
      for (const [s, e] of subtractBlocked(Math.max(ps, start), pe, blocked)) {
        if (remaining <= e - s) return s + remaining;
        remaining -= e - s;
      }
    }
  }
  throw new RangeError(`No working time found within ${MAX_SEARCH_DAYS} days: check the calendar`);
}

/** Where the legal clock starts for a dossier received at `t` (§4.1 "Where the clock starts"). */
export function clockStart(t: number, cal: WorkingCalendar): number {
  return consumeWorkingTime(t, 0, cal);
}

/** Due time of a limit in working hours (§4.1: durations are stored in hours). */
export function addWorkingHours(start: number, hours: number, cal: WorkingCalendar): number {
  checkAmount(hours, 'Hours');
  return consumeWorkingTime(start, hours * HOUR, cal);
}

/**
 * Due time of a limit in working days ("Ngày làm việc", 1 day = 8 h): received Monday 09:00 with 1 day is
 * due Tuesday 09:00; the day of receipt counts from the receipt time, as in the TH system (§4.1).
 */
export function addWorkingDays(start: number, days: number, cal: WorkingCalendar): number {
  checkAmount(days, 'Days');
  return consumeWorkingTime(start, days * cal.workingDayMs, cal);
}

/** Working time in ms between two instants (negative when `b` is before `a`), e.g. for per-step lateness. */
export function workingTimeBetween(
  a: number,
  b: number,
  cal: WorkingCalendar,
  blocked: Blocked = [],
): number {
  if (b < a) return -workingTimeBetween(b, a, cal, blocked);
  let total = 0;
  for (let day = localDay(cal, a); day <= localDay(cal, b); day++) {
    for (const [ps, pe] of periodsOfDay(cal, day)) {
      for (const [s, e] of subtractBlocked(Math.max(ps, a), Math.min(pe, b), blocked)) total += e - s;
    }
  }
  return total;
}

/** Moves an instant to the same local time on the next working day when it falls on a day off. */
export function rollToWorkingDay(t: number, cal: WorkingCalendar): number {
  let result = t;
  for (let i = 0; !isWorkingDay(cal, localDay(cal, result)); i++) {
    if (i > MAX_SEARCH_DAYS) throw new RangeError('No working day found: check the calendar');
    result += DAY_MS;
  }
  return result;
}

/**
 * Due time of a limit in calendar days ("Ngày", e.g. complaints, §9.7): holidays are ignored while counting
 * but the due date is moved off a weekend or holiday (§4.1). The clock starts as for working days.
 */
export function addCalendarDays(start: number, days: number, cal: WorkingCalendar): number {
  checkAmount(days, 'Days');
  return rollToWorkingDay(clockStart(start, cal) + days * DAY_MS, cal);
}
