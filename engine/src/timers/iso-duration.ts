/**
 * ISO-8601 durations as Zeebe reads them (its Interval: a java.time Period for Y/M/W/D plus a Duration for
 * H/M/S). Calendar parts are added on the calendar (P1M from Jan 31 is Feb 29 in a leap year, Feb 28
 * otherwise: Java's and Temporal's "constrain" rule); time parts are exact elapsed time.
 */
import { Temporal } from 'temporal-polyfill';

const DURATION =
  /^([-+]?)P(?:([-+]?\d+)Y)?(?:([-+]?\d+)M)?(?:([-+]?\d+)W)?(?:([-+]?\d+)D)?(?:T(?:([-+]?\d+)H)?(?:([-+]?\d+)M)?(?:([-+]?\d+)(?:[.,](\d{1,9}))?S)?)?$/i;

/** A parsed duration, or why the text is not one. */
export type ParsedDuration = { ok: true; value: Temporal.Duration } | { ok: false; message: string };

/**
 * Parses `P1Y2M`, `P2W`, `P1DT2H30M`, `PT0.5S`, `-PT5M`. Components may carry their own sign as in Java,
 * but mixed signs (`P1DT-1H`) are rejected: Temporal durations have one sign, and such a value is almost
 * certainly a modelling mistake.
 */
export function parseIsoDuration(text: string): ParsedDuration {
  const value = text.trim();
  const match = DURATION.exec(value);
  const invalid = { ok: false as const, message: `Invalid duration format '${text}'.` };
  if (!match || /T$/i.test(value) || /^[-+]?P$/i.test(value)) return invalid;
  const [, sign, y, mo, w, d, h, mi, s, fraction] = match;
  if ([y, mo, w, d, h, mi, s].every((part) => part === undefined)) return invalid;
  const overall = sign === '-' ? -1 : 1;
  const num = (part: string | undefined): number => (part === undefined ? 0 : Number(part) * overall);
  const seconds = num(s);
  const nanosTotal = fraction === undefined ? 0 : Number(fraction.padEnd(9, '0'));
  // The fraction takes the sign of the seconds field (Java: "-0.5S" is minus half a second).
  const fractionSign = (s?.startsWith('-') ? -1 : 1) * overall;
  const fields = {
    years: num(y),
    months: num(mo),
    weeks: num(w),
    days: num(d),
    hours: num(h),
    minutes: num(mi),
    seconds,
    milliseconds: fractionSign * Math.floor(nanosTotal / 1_000_000),
    microseconds: fractionSign * (Math.floor(nanosTotal / 1000) % 1000),
    nanoseconds: fractionSign * (nanosTotal % 1000),
  };
  const signs = new Set(
    Object.values(fields)
      .filter((n) => n !== 0)
      .map(Math.sign),
  );
  if (signs.size > 1)
    return {
      ok: false,
      message: `Invalid duration '${text}': components with different signs are not supported.`,
    };
  try {
    return { ok: true, value: Temporal.Duration.from(fields) };
  } catch (error) {
    return {
      ok: false,
      message: `Invalid duration '${text}': ${error instanceof Error ? error.message : String(error)}.`,
    };
  }
}

/** Prints a duration in the canonical form `parseIsoDuration` reads back (weeks kept, nothing balanced). */
export function printIsoDuration(value: Temporal.Duration): string {
  if (value.sign === 0) return 'PT0S';
  const d = value.abs();
  const part = (n: number, unit: string): string => (n === 0 ? '' : `${n}${unit}`);
  const nanos = d.milliseconds * 1_000_000 + d.microseconds * 1000 + d.nanoseconds;
  const fraction = nanos === 0 ? '' : `.${String(nanos).padStart(9, '0').replace(/0+$/, '')}`;
  const secs = d.seconds !== 0 || nanos !== 0 ? `${d.seconds}${fraction}S` : '';
  const time = `${part(d.hours, 'H')}${part(d.minutes, 'M')}${secs}`;
  const date = `${part(d.years, 'Y')}${part(d.months, 'M')}${part(d.weeks, 'W')}${part(d.days, 'D')}`;
  return `${value.sign < 0 ? '-' : ''}P${date}${time === '' ? '' : `T${time}`}`;
}

/** Whether the duration has calendar parts (whose length depends on the date they are added to). */
export function isCalendarDuration(duration: Temporal.Duration): boolean {
  return duration.years !== 0 || duration.months !== 0 || duration.weeks !== 0 || duration.days !== 0;
}

/** Exact length in milliseconds of a duration without calendar parts. */
export function exactMillis(duration: Temporal.Duration): number {
  return duration.total({ unit: 'millisecond' });
}
