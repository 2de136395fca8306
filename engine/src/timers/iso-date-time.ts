/**
 * Strict ISO-8601 date-time parsing shared by timers (timeDate, cycle start) and FEEL typed results
 * (due dates). Java's ZonedDateTime.parse, which Zeebe uses, needs an offset; we also accept a date-time
 * without offset and a bare date, and read them in UTC (deliberately not the server's zone, so that the same
 * model behaves the same on every machine).
 */
import { Temporal } from 'temporal-polyfill';

const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)?(Z|[+-]\d{2}:\d{2})?(\[[^\]]+\])?$/i;

/** A parsed instant with the zone its calendar arithmetic should use. */
export type ParsedDateTime = { ok: true; value: Temporal.ZonedDateTime } | { ok: false; message: string };

/**
 * Parses `2024-01-31T10:00:00+07:00`, `...Z`, `...[Asia/Ho_Chi_Minh]` (with or without offset),
 * `2024-01-31T10:00:00` (UTC) and `2024-01-31` (midnight UTC). Invalid calendar dates are rejected.
 */
export function parseIsoDateTime(text: string): ParsedDateTime {
  const value = text.trim();
  const match = DATE_TIME.exec(value);
  if (!match) return { ok: false, message: `Invalid date-time format '${text}'.` };
  const [, , time, offset, bracket] = match;
  try {
    if (bracket !== undefined) {
      if (time === undefined) return { ok: false, message: `Invalid date-time format '${text}'.` };
      return { ok: true, value: Temporal.ZonedDateTime.from(value.replace(',', '.')) };
    }
    if (offset !== undefined) {
      if (time === undefined) return { ok: false, message: `Invalid date-time format '${text}'.` };
      const zone = offset.toUpperCase() === 'Z' ? 'UTC' : offset;
      return { ok: true, value: Temporal.Instant.from(value.replace(',', '.')).toZonedDateTimeISO(zone) };
    }
    if (time !== undefined)
      return { ok: true, value: Temporal.PlainDateTime.from(value.replace(',', '.')).toZonedDateTime('UTC') };
    return { ok: true, value: Temporal.PlainDate.from(value).toZonedDateTime('UTC') };
  } catch (error) {
    return {
      ok: false,
      message: `Invalid date-time '${text}': ${error instanceof Error ? error.message : String(error)}.`,
    };
  }
}

/** ISO-8601 offset date-time with seconds, "Z" for UTC: the form the engine stores for due dates. */
export function formatOffsetDateTime(value: Temporal.ZonedDateTime): string {
  const text = value
    .toString({ timeZoneName: 'never', smallestUnit: 'millisecond' })
    .replace(/\.000(?=[+-]|Z)/, '');
  return text.replace(/\+00:00$/, 'Z');
}
