/**
 * Timer definitions (camunda-reference §1.7) turned into due times. Pure: the caller passes the clock.
 *
 * Choices (Zeebe leaves them to the JVM's zone; we make them explicit so every server agrees):
 * - a date-time without offset, and a bare date, are read in UTC; a zone id (`[Asia/Ho_Chi_Minh]`) makes
 *   calendar arithmetic follow that zone's wall clock (DST-aware);
 * - durations and cycles without a start date are added to "now" on the UTC calendar: P1M from Jan 31 is
 *   Feb 29 in a leap year and Feb 28 otherwise (Java Period / Temporal "constrain");
 * - a zero or negative duration is due now; a date in the past keeps its date (the scheduler fires
 *   anything with dueAt <= now at once);
 * - cron (Spring syntax) is evaluated in UTC.
 */
import { Temporal } from 'temporal-polyfill';
import { looksLikeCron, parseSpringCron } from './cron.js';
import { parseIsoDateTime } from './iso-date-time.js';
import { exactMillis, isCalendarDuration, parseIsoDuration } from './iso-duration.js';

/** When a timer is due, how often it repeats (-1 = forever; 1 for duration/date timers) and its cycle text. */
export type TimerSchedule = { dueAt: number; repetitions: number /* -1 = infinite */; cycle?: string };

/** The kind of a timer event definition (timeDuration, timeDate, timeCycle). */
export type TimerType = 'duration' | 'date' | 'cycle';

type Cycle =
  | { kind: 'interval'; repetitions: number; start?: Temporal.ZonedDateTime; interval: Temporal.Duration }
  | { kind: 'cron'; repetitions: -1; next: (afterMs: number) => number | undefined };

/** Fast-forward limit for calendar intervals when catching up after downtime (about 27 years of days). */
const MAX_CATCH_UP_STEPS = 10_000;

/**
 * Computes the first due time of a timer from its (already evaluated) value.
 * Durations: `P1D`, `PT2H30M`, `P1Y2M`. Dates: `2024-01-31T10:00:00+07:00`, `...Z`, `...[Asia/Ho_Chi_Minh]`.
 * Cycles: `R5/PT10S`, `R/P1D` (infinite), `R3/2022-04-27T17:20:00Z/P1D` (with a start), Spring cron.
 */
export function scheduleTimer(
  timerType: TimerType,
  value: string,
  nowMs: number,
): { ok: true; schedule: TimerSchedule } | { ok: false; message: string } {
  if (timerType === 'duration') {
    const parsed = parseIsoDuration(value);
    if (!parsed.ok) return parsed;
    const dueAt = utc(nowMs).add(parsed.value).epochMilliseconds;
    return { ok: true, schedule: { dueAt: Math.max(dueAt, nowMs), repetitions: 1 } };
  }
  if (timerType === 'date') {
    const parsed = parseIsoDateTime(value);
    if (!parsed.ok) return parsed;
    return { ok: true, schedule: { dueAt: parsed.value.epochMilliseconds, repetitions: 1 } };
  }
  const cycle = parseCycle(value);
  if (!cycle.ok) return cycle;
  const first = firstDueAt(cycle.value, nowMs);
  if (first === undefined) return { ok: false, message: `The cycle '${value}' has no future occurrence.` };
  return { ok: true, schedule: { dueAt: first, repetitions: cycle.value.repetitions, cycle: value.trim() } };
}

/**
 * The due time of the repetition after the one due at `previousDueAt`. Keeps the cadence (previous + interval,
 * not now + interval); occurrences missed while the engine was down are skipped, so the result is always
 * after `nowMs`. Undefined if the cycle is invalid or has no further occurrence. Counting repetitions is the
 * caller's job.
 */
export function nextCycleDueAt(cycle: string, previousDueAt: number, nowMs: number): number | undefined {
  const parsed = parseCycle(cycle);
  if (!parsed.ok) return undefined;
  const c = parsed.value;
  if (c.kind === 'cron') return c.next(Math.max(previousDueAt, nowMs));
  // With a start date the cadence stays anchored on it (Jan 31 + P1M: Feb 29, Mar 31, ...); without one,
  // each repetition counts from the previous due time, as in Zeebe (so month steps may drift to the 29th).
  if (c.start !== undefined) return firstAfter(c.start, c.interval, Math.max(previousDueAt, nowMs), false);
  return firstAfter(
    Temporal.Instant.fromEpochMilliseconds(previousDueAt).toZonedDateTimeISO('UTC'),
    c.interval,
    nowMs,
    false,
  );
}

/** Deploy-time validation of a static timer value: the problem, or undefined when valid. */
export function isValidTimerValue(timerType: TimerType, value: string): string | undefined {
  if (timerType === 'duration') {
    const parsed = parseIsoDuration(value);
    return parsed.ok ? undefined : parsed.message;
  }
  if (timerType === 'date') {
    const parsed = parseIsoDateTime(value);
    return parsed.ok ? undefined : parsed.message;
  }
  const parsed = parseCycle(value);
  return parsed.ok ? undefined : parsed.message;
}

function parseCycle(value: string): { ok: true; value: Cycle } | { ok: false; message: string } {
  const text = value.trim();
  if (!/^R\d*\//i.test(text)) {
    if (!looksLikeCron(text))
      return {
        ok: false,
        message: `Invalid cycle '${value}': expected 'R[n]/[start/]duration' or a cron expression.`,
      };
    const cron = parseSpringCron(text);
    return cron.ok ? { ok: true, value: { kind: 'cron', repetitions: -1, next: cron.next } } : cron;
  }
  // The start may contain '/' itself (zone ids such as [Europe/Berlin]): split at the first and last '/'.
  const first = text.indexOf('/');
  const last = text.lastIndexOf('/');
  const count = text.slice(1, first);
  const repetitions = count === '' ? -1 : Number(count);
  const interval = parseIsoDuration(text.slice(last + 1));
  if (!interval.ok) return { ok: false, message: `Invalid cycle '${value}': ${interval.message}` };
  if (interval.value.sign <= 0)
    return { ok: false, message: `Invalid cycle '${value}': the interval must be positive.` };
  if (first === last) return { ok: true, value: { kind: 'interval', repetitions, interval: interval.value } };
  const start = parseIsoDateTime(text.slice(first + 1, last));
  if (!start.ok) return { ok: false, message: `Invalid cycle '${value}': ${start.message}` };
  return { ok: true, value: { kind: 'interval', repetitions, interval: interval.value, start: start.value } };
}

function firstDueAt(cycle: Cycle, nowMs: number): number | undefined {
  if (cycle.kind === 'cron') return cycle.next(nowMs);
  if (cycle.start === undefined) return utc(nowMs).add(cycle.interval).epochMilliseconds;
  // A start in the future is the first occurrence; a past start anchors the cadence (first one from now on).
  if (cycle.start.epochMilliseconds >= nowMs) return cycle.start.epochMilliseconds;
  return firstAfter(cycle.start, cycle.interval, nowMs, true);
}

/** The first of `from + k·interval` (k ≥ 1) that is after `nowMs` (or at it, when `inclusive`). */
function firstAfter(
  from: Temporal.ZonedDateTime,
  interval: Temporal.Duration,
  nowMs: number,
  inclusive: boolean,
): number | undefined {
  const due = (ms: number): boolean => (inclusive ? ms >= nowMs : ms > nowMs);
  if (!isCalendarDuration(interval)) {
    const step = exactMillis(interval);
    const first = from.epochMilliseconds + step;
    if (due(first)) return first;
    const k = Math.floor((nowMs - from.epochMilliseconds) / step);
    const candidate = from.epochMilliseconds + k * step;
    return due(candidate) ? candidate : candidate + step;
  }
  // Calendar steps have different lengths: add k·interval to the anchor rather than step by step.
  for (let k = 1; k <= MAX_CATCH_UP_STEPS; k++) {
    const candidate = from.add(scale(interval, k)).epochMilliseconds;
    if (due(candidate)) return candidate;
  }
  return undefined;
}

function scale(d: Temporal.Duration, k: number): Temporal.Duration {
  return Temporal.Duration.from({
    years: d.years * k,
    months: d.months * k,
    weeks: d.weeks * k,
    days: d.days * k,
    hours: d.hours * k,
    minutes: d.minutes * k,
    seconds: d.seconds * k,
    milliseconds: d.milliseconds * k,
    microseconds: d.microseconds * k,
    nanoseconds: d.nanoseconds * k,
  });
}

function utc(ms: number): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO('UTC');
}
