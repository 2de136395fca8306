/** Effective dating: a row is in force on `at` when validFrom <= at < validTo (validTo null = open-ended). */

/** Today's date (UTC) as YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** True when the period [validFrom, validTo) contains `at` (all YYYY-MM-DD). */
export function inForce(row: { validFrom: string; validTo?: string | null }, at: string): boolean {
  return row.validFrom <= at && (!row.validTo || at < row.validTo);
}
