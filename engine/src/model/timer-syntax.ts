/**
 * Syntax checks of static timer values, the forms Zeebe accepts: ISO 8601 durations (Java Duration and
 * Period, combined), zoned date-times, repeating intervals, and Spring cron expressions for cycles.
 * FEEL timer values are checked by the FEEL syntax check only: their value is known at runtime.
 */

const DURATION = /^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))(?:\[[A-Za-z0-9_/+-]+\])?$/;
const CRON_FIELD = /^[0-9A-Za-z*?,/#-]+$/;
const CRON_MACRO = /^@(yearly|annually|monthly|weekly|daily|midnight|hourly)$/;

/** True for an ISO 8601 duration such as `PT15M`, `P1DT2H` or `P2W`. */
export function isIsoDuration(value: string): boolean {
  return DURATION.test(value.trim());
}

/** True for an ISO 8601 date-time with an offset (and optionally a zone id), e.g. `2025-01-01T08:00:00+07:00`. */
export function isIsoDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value.trim());
  return match?.[1] !== undefined && !Number.isNaN(Date.parse(match[1]));
}

/** True for `R[n]/duration`, `R[n]/start/duration`, or a six-field Spring cron expression (or macro). */
export function isTimerCycle(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.startsWith('R')) {
    const [repetitions, ...rest] = trimmed.split('/');
    if (!/^R\d*$/.test(repetitions ?? '')) return false;
    if (rest.length === 1) return isIsoDuration(rest[0] ?? '');
    return rest.length === 2 && isIsoDateTime(rest[0] ?? '') && isIsoDuration(rest[1] ?? '');
  }
  if (CRON_MACRO.test(trimmed)) return true;
  const fields = trimmed.split(/\s+/);
  return fields.length === 6 && fields.every((field) => CRON_FIELD.test(field));
}

/** The reason a static timer value is malformed, or undefined when it is well-formed for its type. */
export function checkTimerValue(timerType: 'duration' | 'date' | 'cycle', value: string): string | undefined {
  switch (timerType) {
    case 'duration':
      return isIsoDuration(value) ? undefined : `'${value}' is not an ISO 8601 duration (e.g. PT15M, P2D)`;
    case 'date':
      return isIsoDateTime(value)
        ? undefined
        : `'${value}' is not an ISO 8601 date-time with offset (e.g. 2025-01-31T17:00:00+07:00)`;
    case 'cycle':
      return isTimerCycle(value)
        ? undefined
        : `'${value}' is not an ISO 8601 repeating interval (e.g. R3/PT10M) or a cron expression (e.g. 0 0 9 * * MON-FRI)`;
  }
}
