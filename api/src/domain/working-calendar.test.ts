import fc from 'fast-check';
import { defaultHolidayTables } from './holidays.js';
import {
  addCalendarDays,
  addWorkingDays,
  addWorkingHours,
  clockStart,
  createWorkingCalendar,
  isWorkingDay,
  localDay,
  workingTimeBetween,
} from './working-calendar.js';

const HOUR = 3_600_000;
/** An instant from a local Vietnam time, e.g. `vn('2025-03-03 09:00')`. */
const vn = (local: string): number => Date.parse(`${local.replace(' ', 'T')}:00+07:00`);
const cal = createWorkingCalendar(defaultHolidayTables([2024, 2025, 2026, 2027]));

/** Local minute of the day of an instant. */
const minuteOfDay = (t: number): number => Math.floor(((t + 7 * HOUR) % 86_400_000) / 60_000);
const insideOfficeHours = (t: number): boolean => {
  const m = minuteOfDay(t);
  return (m >= 420 && m <= 690) || (m >= 810 && m <= 1020);
};

describe('clock start (§4.1)', () => {
  it.each([
    ['before opening', '2025-03-03 06:15', '2025-03-03 07:00'],
    ['during office hours', '2025-03-03 09:20', '2025-03-03 09:20'],
    ['during the lunch break', '2025-03-03 12:00', '2025-03-03 13:30'],
    ['after the afternoon close', '2025-03-03 17:45', '2025-03-04 07:00'],
    ['on a Saturday', '2025-03-08 09:00', '2025-03-10 07:00'],
    ['on a holiday (Giỗ Tổ 2025)', '2025-04-07 08:00', '2025-04-08 07:00'],
  ])('should start the clock at the right instant when received %s', (_label, received, expected) => {
    // given a default calendar
    // when
    const start = clockStart(vn(received), cal);
    // then
    expect(start).toBe(vn(expected));
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['received Monday 09:00 with 1 day', '2025-03-03 09:00', 1, '2025-03-04 09:00'],
    ['received Friday 10:00 with 1 day', '2025-03-07 10:00', 1, '2025-03-10 10:00'],
    ['received at opening with 1 day', '2025-03-03 07:00', 1, '2025-03-03 17:00'],
    ['received after close with 1 day', '2025-03-03 18:00', 1, '2025-03-04 17:00'],
    ['received in the lunch break with half a day', '2025-03-03 12:10', 0.5, '2025-03-04 07:30'],
    ['received on Saturday with 3 days', '2025-03-08 11:00', 3, '2025-03-12 17:00'],
    ['received before Tết 2025 with 3 days', '2025-01-24 10:00', 3, '2025-02-05 10:00'],
    ['the next day is a swapped working Saturday', '2025-02-07 10:00', 1, '2025-02-08 10:00'],
    ['received before 30/4 2025 with 2 days', '2025-04-29 15:00', 2, '2025-05-06 15:00'],
  ])('should give the due time when %s', (_label, received, days, expected) => {
    // given a default calendar with the 2025 swaps
    // when
    const due = addWorkingDays(vn(received), days, cal);
    // then
    expect(due).toBe(vn(expected));
  });

  it('should reject a negative number of days when called with one', () => {
    // given / when / then
    expect(() => addWorkingDays(vn('2025-03-03 09:00'), -1, cal)).toThrow(RangeError);
  });

  it('should use configured office periods when they are given in any order', () => {
    // given a calendar open 08:00-12:00 and 13:00-17:00
    const custom = createWorkingCalendar({
      holidays: [],
      officeHours: [
        { start: '13:00', end: '17:00' },
        { start: '08:00', end: '12:00' },
      ],
    });
    // when
    const due = addWorkingDays(vn('2025-03-03 12:30'), 2, custom);
    // then
    expect(due).toBe(vn('2025-03-05 12:00'));
  });
});

describe('addWorkingHours and workingTimeBetween', () => {
  it('should skip the lunch break when the hours cross it', () => {
    // given / when
    const due = addWorkingHours(vn('2025-03-03 10:00'), 2, cal);
    // then
    expect(due).toBe(vn('2025-03-03 14:00'));
  });

  it('should count only office hours when the interval spans a weekend', () => {
    // given / when
    const ms = workingTimeBetween(vn('2025-03-07 16:00'), vn('2025-03-10 08:00'), cal);
    // then
    expect(ms).toBe(2 * HOUR);
  });

  it('should be negative when the end is before the start', () => {
    // given / when
    const ms = workingTimeBetween(vn('2025-03-03 17:00'), vn('2025-03-03 07:00'), cal);
    // then
    expect(ms).toBe(-8 * HOUR);
  });
});

describe('addCalendarDays', () => {
  it('should ignore holidays while counting when the period crosses them', () => {
    // given a complaint received before 30/4 2025
    // when
    const due = addCalendarDays(vn('2025-04-21 09:00'), 10, cal);
    // then 01/5 is a holiday, 02/5 a swapped day off, 03-04/5 weekend
    expect(due).toBe(vn('2025-05-05 09:00'));
  });

  it('should move the due date to Monday when the last day is a Sunday', () => {
    // given / when
    const due = addCalendarDays(vn('2025-03-03 09:00'), 13, cal);
    // then
    expect(due).toBe(vn('2025-03-17 09:00'));
  });

  it('should start from the next working morning when received after close', () => {
    // given / when
    const due = addCalendarDays(vn('2025-03-03 20:00'), 30, cal);
    // then
    expect(due).toBe(vn('2025-04-03 07:00'));
  });
});

describe('createWorkingCalendar', () => {
  it.each([
    [
      'an overlapping office period',
      {
        holidays: [],
        officeHours: [
          { start: '07:00', end: '12:00' },
          { start: '11:00', end: '17:00' },
        ],
      },
    ],
    ['a malformed time', { holidays: [], officeHours: [{ start: '7:00', end: '11:30' }] }],
    ['a malformed holiday date', { holidays: [{ date: '2025-13-01', name: 'x' }] }],
    [
      'a day both off and working',
      { holidays: [{ date: '2025-04-26', name: 'x' }], workingWeekendDays: ['2025-04-26'] },
    ],
  ])('should throw a RangeError when the configuration has %s', (_label, config) => {
    // given / when / then
    expect(() => createWorkingCalendar(config)).toThrow(RangeError);
  });

  it('should fail instead of looping when no day is a working day', () => {
    // given
    const never = createWorkingCalendar({ holidays: [], weekendDays: [0, 1, 2, 3, 4, 5, 6] });
    // when / then
    expect(() => addWorkingHours(vn('2025-03-03 09:00'), 1, never)).toThrow(/No working time/);
  });
});

describe('working calendar properties', () => {
  const instant = fc.integer({ min: vn('2024-01-01 00:00'), max: vn('2026-12-31 23:59') });
  const days = fc.integer({ min: 0, max: 60 });

  it('should land inside office hours on a working day when adding working days', () => {
    fc.assert(
      fc.property(instant, days, (start, n) => {
        // given / when
        const due = addWorkingDays(start, n, cal);
        // then
        expect(insideOfficeHours(due)).toBe(true);
        expect(isWorkingDay(cal, localDay(cal, due))).toBe(true);
      }),
    );
  });

  it('should never give an earlier due time when more days are added', () => {
    fc.assert(
      fc.property(instant, days, days, (start, a, b) => {
        // given / when
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        // then
        expect(addWorkingDays(start, lo, cal)).toBeLessThanOrEqual(addWorkingDays(start, hi, cal));
      }),
    );
  });

  it('should measure exactly the added hours when measuring back from the start', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 400 }), (start, quarterHours) => {
        // given
        const hours = quarterHours / 4;
        // when
        const due = addWorkingHours(start, hours, cal);
        // then
        expect(workingTimeBetween(start, due, cal)).toBe(hours * HOUR);
      }),
    );
  });

  it('should never be earlier than the start when adding calendar days', () => {
    fc.assert(
      fc.property(instant, days, (start, n) => {
        // given / when
        const due = addCalendarDays(start, n, cal);
        // then
        expect(due).toBeGreaterThanOrEqual(start + n * 86_400_000);
        expect(isWorkingDay(cal, localDay(cal, due))).toBe(true);
      }),
    );
  });
});
