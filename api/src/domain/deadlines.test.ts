import fc from 'fast-check';
import {
  classifyCompletion,
  classifyOpen,
  dueDate,
  dueWithPauses,
  remainingWorkingTime,
  type Pause,
} from './deadlines.js';
import { defaultHolidayTables } from './holidays.js';
import { createWorkingCalendar } from './working-calendar.js';

const HOUR = 3_600_000;
const vn = (local: string): number => Date.parse(`${local.replace(' ', 'T')}:00+07:00`);
const cal = createWorkingCalendar(defaultHolidayTables([2024, 2025, 2026, 2027]));

describe('dueWithPauses', () => {
  it('should push the due time by the paused working time when supplementation was requested', () => {
    // given 3 working days from Monday 09:00, paused Tuesday 09:00 to Wednesday 09:00
    const pauses = [{ from: vn('2025-03-04 09:00'), to: vn('2025-03-05 09:00') }];
    // when
    const due = dueWithPauses(vn('2025-03-03 09:00'), { unit: 'working-days', amount: 3 }, pauses, cal);
    // then
    expect(due).toBe(vn('2025-03-07 09:00'));
  });

  it('should not move the due time when the pause lies outside working time', () => {
    // given a pause over the weekend
    const pauses = [{ from: vn('2025-03-07 17:30'), to: vn('2025-03-10 06:00') }];
    // when
    const due = dueWithPauses(vn('2025-03-06 09:00'), { unit: 'working-days', amount: 2 }, pauses, cal);
    // then
    expect(due).toBe(dueDate(vn('2025-03-06 09:00'), { unit: 'working-days', amount: 2 }, cal));
  });

  it('should count overlapping pauses once when they overlap', () => {
    // given
    const pauses = [
      { from: vn('2025-03-03 10:00'), to: vn('2025-03-03 15:00') },
      { from: vn('2025-03-03 14:00'), to: vn('2025-03-03 16:00') },
    ];
    // when
    const due = dueWithPauses(vn('2025-03-03 07:00'), { unit: 'working-hours', amount: 8 }, pauses, cal);
    // then 10:00-11:30 and 13:30-16:00 are paused: 4 h later
    expect(due).toBe(vn('2025-03-04 11:00'));
  });

  it('should add the paused calendar time when the limit is in calendar days', () => {
    // given 10 calendar days, paused for 3 days
    const pauses = [{ from: vn('2025-03-05 09:00'), to: vn('2025-03-08 09:00') }];
    // when
    const due = dueWithPauses(vn('2025-03-03 09:00'), { unit: 'calendar-days', amount: 10 }, pauses, cal);
    // then 13/3 → 16/3 is a Sunday → Monday 17/3
    expect(due).toBe(vn('2025-03-17 09:00'));
  });

  it('should never give an earlier due time when pauses are added', () => {
    const instant = fc.integer({ min: vn('2024-01-01 00:00'), max: vn('2026-06-30 00:00') });
    const pause = fc.record({ from: instant, length: fc.integer({ min: 0, max: 30 * 24 * HOUR }) });
    const unit = fc.constantFrom('working-hours' as const, 'working-days' as const, 'calendar-days' as const);
    fc.assert(
      fc.property(
        instant,
        unit,
        fc.integer({ min: 0, max: 30 }),
        fc.array(pause, { maxLength: 4 }),
        (start, u, n, ps) => {
          // given
          const pauses: Pause[] = ps.map((p) => ({ from: p.from, to: p.from + p.length }));
          const limit = { unit: u, amount: n };
          // when
          const paused = dueWithPauses(start, limit, pauses, cal);
          // then
          expect(paused).toBeGreaterThanOrEqual(dueDate(start, limit, cal));
        },
      ),
    );
  });
});

describe('classifyCompletion (§4.2)', () => {
  const due = vn('2025-03-05 15:00');
  it.each([
    ['early', 'finished on a day before the due day', '2025-03-04 16:00'],
    ['on-time', 'finished on the due day before the due time', '2025-03-05 08:00'],
    ['on-time', 'finished exactly at the due time', '2025-03-05 15:00'],
    ['late', 'finished after the due time on the due day', '2025-03-05 15:01'],
    ['late', 'finished the day after', '2025-03-06 07:30'],
  ])('should classify as %s when %s', (expected, _label, completed) => {
    // given / when / then
    expect(classifyCompletion(due, vn(completed))).toBe(expected);
  });
});

describe('remainingWorkingTime and classifyOpen', () => {
  it('should give the working time left when the due time is ahead', () => {
    // given / when
    const left = remainingWorkingTime(vn('2025-03-07 16:00'), vn('2025-03-10 09:00'), cal);
    // then
    expect(left).toBe(3 * HOUR);
  });

  it('should be negative when the dossier is overdue', () => {
    // given / when
    const left = remainingWorkingTime(vn('2025-03-10 09:00'), vn('2025-03-07 16:00'), cal);
    // then
    expect(left).toBe(-3 * HOUR);
  });

  it.each([
    ['overdue', '2025-03-12 09:00'],
    ['near-due', '2025-03-10 09:00'],
    ['not-due', '2025-03-05 09:00'],
  ])('should report %s when checked at %s', (expected, now) => {
    // given a due time of Tuesday 11/3 09:00
    // when / then
    expect(classifyOpen(vn(now), vn('2025-03-11 09:00'), cal)).toBe(expected);
  });
});
