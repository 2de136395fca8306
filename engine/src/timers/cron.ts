/**
 * Spring-syntax cron (6 fields: second minute hour day-of-month month day-of-week), the cron form Zeebe
 * accepts in timer cycles, on top of cron-parser v5. Two Spring rules differ from cron-parser's defaults:
 * exactly 6 fields (Spring rejects 5), and day-of-month AND day-of-week must both match when both are
 * restricted (`0 0 0 13 * FRI` = Friday the 13th; cron-parser follows POSIX "either"). Evaluated in UTC.
 */
import { CronExpressionParser } from 'cron-parser';

/** Spring's macros (CronExpression.parse). */
const MACROS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 0 1 1 *',
  '@annually': '0 0 0 1 1 *',
  '@monthly': '0 0 0 1 * *',
  '@weekly': '0 0 0 * * 0',
  '@daily': '0 0 0 * * *',
  '@midnight': '0 0 0 * * *',
  '@hourly': '0 0 * * * *',
};

/** Enough to cross several years of candidates when both day fields are restricted (Friday the 13th is rare). */
const MAX_CANDIDATES = 5000;

/** A parsed cron expression: `next(afterMs)` is the first fire time strictly after `afterMs`. */
export type SpringCron =
  { ok: true; next: (afterMs: number) => number | undefined } | { ok: false; message: string };

/** Whether a cycle value is a cron expression rather than an ISO-8601 repeating interval (`R...`). */
export function looksLikeCron(value: string): boolean {
  const text = value.trim();
  return text.startsWith('@') || text.split(/\s+/).length > 1;
}

/** Parses a Spring cron expression; the message names the problem (Spring's wording where it has one). */
export function parseSpringCron(value: string): SpringCron {
  const text = value.trim();
  const expression = MACROS[text.toLowerCase()] ?? text;
  const fields = expression.split(/\s+/);
  if (fields.length !== 6) {
    return {
      ok: false,
      message: `Cron expression must consist of 6 fields (found ${fields.length} in "${value}")`,
    };
  }
  try {
    // Parse once up front so that errors surface at deploy time.
    CronExpressionParser.parse(expression, { tz: 'UTC', currentDate: new Date(0) });
  } catch (error) {
    return {
      ok: false,
      message: `Invalid cron expression "${value}": ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const bothDaysRestricted = isRestricted(fields[3]) && isRestricted(fields[5]);
  return { ok: true, next: (afterMs) => nextFire(expression, afterMs, bothDaysRestricted) };
}

function isRestricted(field: string | undefined): boolean {
  return field !== undefined && field !== '*' && field !== '?';
}

function nextFire(expression: string, afterMs: number, bothDaysRestricted: boolean): number | undefined {
  try {
    const cron = CronExpressionParser.parse(expression, { tz: 'UTC', currentDate: new Date(afterMs) });
    const days = new Set(cron.fields.dayOfMonth.values.map(String));
    const weekdays = new Set(cron.fields.dayOfWeek.values.map((d) => String(d === 7 ? 0 : d)));
    // Special values (L, W, #) cannot be intersected by hand: keep cron-parser's answer for those.
    const intersect = bothDaysRestricted && [...days, ...weekdays].every((v) => /^\d+$/.test(v));
    for (let i = 0; i < MAX_CANDIDATES; i++) {
      const candidate = cron.next().toDate();
      if (candidate.getTime() <= afterMs) continue;
      if (!intersect) return candidate.getTime();
      if (days.has(String(candidate.getUTCDate())) && weekdays.has(String(candidate.getUTCDay())))
        return candidate.getTime();
    }
    return undefined;
  } catch {
    // cron-parser throws when no further date exists within its search limits.
    return undefined;
  }
}
