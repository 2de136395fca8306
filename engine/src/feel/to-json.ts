/**
 * Conversion of FEEL values (feelin 8.2) into JSON-compatible values, the only form the engine stores as
 * variables. Temporal values become the strings Zeebe writes: Zeebe's FeelToMessagePackTransformer writes
 * `java.time` `toString()` output, so the formats below follow Java's (seconds omitted when zero, durations
 * in hours not days, zone id in brackets). Functions and ranges have no JSON form and become null, as in
 * Zeebe ("No FEEL to MessagePack transformation ... Using 'null' instead").
 */
import { FeelDate, FeelDateTime, FeelDuration, FeelTime } from 'feelin';

/** Zeebe's names for result types, used in "Expected result ... to be 'X', but was 'Y'." messages. */
export type ZeebeResultType =
  | 'NULL'
  | 'BOOLEAN'
  | 'NUMBER'
  | 'STRING'
  | 'DURATION'
  | 'PERIOD'
  | 'DATE_TIME'
  | 'ARRAY'
  | 'OBJECT'
  | 'UNKNOWN';

/** A value that survives JSON.stringify/parse unchanged. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

// feelin reports both "...Z" and "...@UTC" as zone 'UTC'; we print the far more common "Z" form.
const OFFSET_ZONE = /^(Z|UTC|[+-]\d{2}:\d{2}(:\d{2})?)$/;

/**
 * The Zeebe result type of a raw FEEL value. Zeebe maps dates, times, functions and ranges to UNKNOWN
 * (its EvaluationResult only knows the types listed in {@link ZeebeResultType}).
 */
export function zeebeTypeOf(value: unknown): ZeebeResultType {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'number') return Number.isFinite(value) ? 'NUMBER' : 'NULL';
  if (typeof value === 'string') return 'STRING';
  if (value instanceof FeelDuration) return value.yearsMonths ? 'PERIOD' : 'DURATION';
  if (value instanceof FeelDateTime) return 'DATE_TIME';
  if (Array.isArray(value)) return 'ARRAY';
  if (isPlainObject(value)) return 'OBJECT';
  return 'UNKNOWN';
}

/** Whether the value is a plain object (a FEEL context or a JSON object), not a class instance. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Converts a FEEL result to a JSON-compatible value. Never returns a Temporal/feelin object; unknown
 * objects (functions, ranges, class instances) become null.
 */
export function feelToJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'object':
      break;
    default:
      return null;
  }
  if (Array.isArray(value)) return value.map(feelToJson);
  if (value instanceof FeelDate) return value.iso;
  if (value instanceof FeelDateTime) return formatDateTime(value);
  if (value instanceof FeelTime) return formatTime(value);
  if (value instanceof FeelDuration)
    return value.yearsMonths ? formatPeriod(value) : formatJavaDuration(value);
  if (isPlainObject(value)) {
    const out: Record<string, JsonValue> = {};
    for (const [key, entry] of Object.entries(value)) out[key] = feelToJson(entry);
    return out;
  }
  return null;
}

/** Java LocalTime.toString(): HH:mm, then :ss only when non-zero, then the fraction in groups of 3 digits. */
export function javaLocalTime(hour: number, minute: number, second: number, nanos: number): string {
  let text = `${pad(hour)}:${pad(minute)}`;
  if (second === 0 && nanos === 0) return text;
  text += `:${pad(second)}`;
  if (nanos === 0) return text;
  if (nanos % 1_000_000 === 0) return `${text}.${String(nanos / 1_000_000).padStart(3, '0')}`;
  if (nanos % 1000 === 0) return `${text}.${String(nanos / 1000).padStart(6, '0')}`;
  return `${text}.${String(nanos).padStart(9, '0')}`;
}

function nanosOf(t: { millisecond: number; microsecond: number; nanosecond: number }): number {
  return t.millisecond * 1_000_000 + t.microsecond * 1000 + t.nanosecond;
}

/** Java ZoneOffset.toString(): "Z" for zero, otherwise ±HH:MM[:SS]. */
function javaOffset(offset: string): string {
  return offset === '+00:00' || offset === '-00:00' ? 'Z' : offset;
}

function formatDateTime(value: FeelDateTime): string {
  const dt = value.value;
  const local = `${dt.toPlainDate().toString()}T${javaLocalTime(dt.hour, dt.minute, dt.second, nanosOf(dt))}`;
  const zone = value.zone;
  if (zone === null) return local; // Java LocalDateTime
  if (OFFSET_ZONE.test(zone))
    return `${local}${javaOffset(zone === 'Z' || zone === 'UTC' ? '+00:00' : zone)}`;
  // A named zone: Java ZonedDateTime prints the resolved offset and the zone id in brackets.
  const zoned = dt.toZonedDateTime(zone);
  const resolved = `${zoned.toPlainDate().toString()}T${javaLocalTime(zoned.hour, zoned.minute, zoned.second, nanosOf(zoned))}`;
  return `${resolved}${javaOffset(zoned.offset)}[${zone}]`;
}

function formatTime(value: FeelTime): string {
  const t = value.value;
  const local = javaLocalTime(t.hour, t.minute, t.second, nanosOf(t));
  if (value.zone === null) return local;
  if (OFFSET_ZONE.test(value.zone))
    return `${local}${javaOffset(value.zone === 'Z' || value.zone === 'UTC' ? '+00:00' : value.zone)}`;
  return `${local}@${value.zone}`; // FEEL's own notation: a time with a zone id has no fixed offset
}

/** Java Period.toString() for a years-and-months duration; FEEL drops days from this type. */
function formatPeriod(value: FeelDuration): string {
  const d = value.value;
  const totalMonths = d.sign * (Math.abs(d.years) * 12 + Math.abs(d.months));
  if (totalMonths === 0) return 'P0D';
  const years = Math.trunc(totalMonths / 12);
  const months = totalMonths % 12;
  return `P${years !== 0 ? `${years}Y` : ''}${months !== 0 ? `${months}M` : ''}`;
}

/** Java Duration.toString() for a days-and-time duration: hours, minutes, seconds (days as 24 hours). */
function formatJavaDuration(value: FeelDuration): string {
  const d = value.value;
  const sign = d.sign;
  const absSeconds =
    Math.abs(d.days) * 86400 + Math.abs(d.hours) * 3600 + Math.abs(d.minutes) * 60 + Math.abs(d.seconds);
  const absNanos =
    Math.abs(d.milliseconds) * 1_000_000 + Math.abs(d.microseconds) * 1000 + Math.abs(d.nanoseconds);
  const totalSeconds = absSeconds + Math.floor(absNanos / 1e9);
  return javaDurationString(sign * totalSeconds, sign * (absNanos % 1e9));
}

/**
 * Java Duration.toString() given whole seconds and the nanosecond remainder, both carrying the sign.
 * Java stores (seconds floored, nanos >= 0); each printed unit carries the sign, e.g. "PT-1H-30M".
 */
export function javaDurationString(signedSeconds: number, signedNanos: number): string {
  if (signedSeconds === 0 && signedNanos === 0) return 'PT0S';
  const negative = signedSeconds < 0 || signedNanos < 0;
  const seconds = Math.abs(signedSeconds);
  const nanos = Math.abs(signedNanos);
  const s = negative ? '-' : '';
  const hours = Math.trunc(seconds / 3600);
  const minutes = Math.trunc((seconds % 3600) / 60);
  const secs = seconds % 60;
  let text = 'PT';
  if (hours !== 0) text += `${s}${hours}H`;
  if (minutes !== 0) text += `${s}${minutes}M`;
  if (secs === 0 && nanos === 0) return text;
  text += `${s}${secs}`;
  if (nanos !== 0) text += `.${String(nanos).padStart(9, '0').replace(/0+$/, '')}`;
  return `${text}S`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
