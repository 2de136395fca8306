/**
 * Due dates with the supplementation pause (§2.4 "Supplementation clock", §4.1) and the on-time statistics
 * (§4.2) on top of the working calendar.
 */
import {
  DAY_MS,
  VN_UTC_OFFSET_MINUTES,
  clockStart,
  consumeWorkingTime,
  rollToWorkingDay,
  workingTimeBetween,
  type Blocked,
  type WorkingCalendar,
} from './working-calendar.js';

/** A legal time limit: working hours or days ("Ngày làm việc") or calendar days ("Ngày"), §4.1. */
export type TimeLimit =
  | { unit: 'working-hours'; amount: number }
  | { unit: 'working-days'; amount: number }
  | { unit: 'calendar-days'; amount: number };

/** A stretch during which the legal clock stood still, e.g. waiting for supplementation; `to` is exclusive. */
export interface Pause {
  from: number;
  to: number;
}

/** Pauses clipped to start after `start`, sorted and merged; empty or inverted pauses are dropped. */
export function normalizePauses(start: number, pauses: readonly Pause[]): [number, number][] {
  const sorted = pauses
    .map((p): [number, number] => [Math.max(p.from, start), p.to])
    .filter(([f, t]) => t > f)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [f, t] of sorted) {
    const last = merged[merged.length - 1];
    if (last && f <= last[1]) last[1] = Math.max(last[1], t);
    else merged.push([f, t]);
  }
  return merged;
}

/** Wall-clock time of the blocked intervals inside [from, to). */
function blockedWithin(from: number, to: number, blocked: Blocked): number {
  let total = 0;
  for (const [bs, be] of blocked) total += Math.max(0, Math.min(be, to) - Math.max(bs, from));
  return total;
}

/**
 * Due time of `limit` for a dossier received at `start`, with the clock paused during `pauses`
 * (supplementation: the appointment date is pushed forward by the waiting time, §2.4). For an ongoing pause
 * pass `to = now`. Working limits skip paused working time; calendar limits add the paused wall-clock time
 * and are then moved off a day off (§4.1).
 */
export function dueWithPauses(
  start: number,
  limit: TimeLimit,
  pauses: readonly Pause[],
  cal: WorkingCalendar,
): number {
  const blocked = normalizePauses(start, pauses);
  if (limit.unit === 'working-hours')
    return consumeWorkingTime(start, limit.amount * 3_600_000, cal, blocked);
  if (limit.unit === 'working-days')
    return consumeWorkingTime(start, limit.amount * cal.workingDayMs, cal, blocked);
  if (!Number.isFinite(limit.amount) || limit.amount < 0)
    throw new RangeError('Days must be a finite number >= 0');
  const base = clockStart(start, cal) + limit.amount * DAY_MS;
  // Each extension can reach into a later pause, so extend until the paused time inside the window is stable.
  let due = base;
  for (;;) {
    const next = base + blockedWithin(start, due, blocked);
    if (next === due) break;
    due = next;
  }
  return rollToWorkingDay(due, cal);
}

/** Due time of `limit` without pauses. */
export function dueDate(start: number, limit: TimeLimit, cal: WorkingCalendar): number {
  return dueWithPauses(start, limit, [], cal);
}

/** Outcome of a finished dossier or step against its due time (§4.2 "Đã xử lý (trễ / sớm)"). */
export type Completion = 'early' | 'on-time' | 'late';

/**
 * Classifies a completion: late after the due instant; early when finished on a local day before the due
 * day; on time when finished on the due day itself, by the due time. The early/on-time split follows the
 * dashboards of §4.2 (early, on time, late); the exact line between them is not in the sources [U].
 */
export function classifyCompletion(
  due: number,
  completedAt: number,
  utcOffsetMinutes = VN_UTC_OFFSET_MINUTES,
): Completion {
  if (completedAt > due) return 'late';
  const offset = utcOffsetMinutes * 60_000;
  const day = (t: number) => Math.floor((t + offset) / DAY_MS);
  return day(completedAt) < day(due) ? 'early' : 'on-time';
}

/**
 * Working time left until `due` (negative, in working time, once overdue), for "còn X giờ" displays and
 * SLA timers; paused intervals do not count.
 */
export function remainingWorkingTime(
  now: number,
  due: number,
  cal: WorkingCalendar,
  pauses: readonly Pause[] = [],
): number {
  return workingTimeBetween(now, due, cal, normalizePauses(Math.min(now, due), pauses));
}

/** State of an unfinished dossier (§4.2 "Đang xử lý (trễ / sắp trễ / chưa đến)"). */
export type OpenState = 'overdue' | 'near-due' | 'not-due';

/**
 * Classifies an unfinished dossier. "Near due" defaults to at most 1 working day left: the apology slip
 * (Mẫu 04) must go out at least 1 working day before the due date (§2.3), so that is when officers must act.
 */
export function classifyOpen(
  now: number,
  due: number,
  cal: WorkingCalendar,
  nearMs = cal.workingDayMs,
): OpenState {
  if (now > due) return 'overdue';
  return remainingWorkingTime(now, due, cal) <= nearMs ? 'near-due' : 'not-due';
}
