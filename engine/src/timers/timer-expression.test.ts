import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { isValidTimerValue, nextCycleDueAt, scheduleTimer } from './timer-expression.js';
import { parseIsoDuration, printIsoDuration } from './iso-duration.js';

const at = (iso: string): number => Date.parse(iso);
const iso = (ms: number | undefined): string => (ms === undefined ? 'undefined' : new Date(ms).toISOString());

function due(type: 'duration' | 'date' | 'cycle', value: string, now: string): string {
  const result = scheduleTimer(type, value, at(now));
  if (!result.ok) throw new Error(result.message);
  return iso(result.schedule.dueAt);
}

describe('duration timers', () => {
  it.each([
    ['PT10S', '2024-01-01T00:00:10.000Z'],
    ['PT2H30M', '2024-01-01T02:30:00.000Z'],
    ['P1D', '2024-01-02T00:00:00.000Z'],
    ['P2W', '2024-01-15T00:00:00.000Z'],
    ['P1Y2M', '2025-03-01T00:00:00.000Z'],
    ['PT0.5S', '2024-01-01T00:00:00.500Z'],
    ['pt1m', '2024-01-01T00:01:00.000Z'],
  ])('should be due at now + %s when the duration is positive', (value, expected) => {
    // given / when / then
    expect(due('duration', value, '2024-01-01T00:00:00Z')).toBe(expected);
  });

  it.each(['PT0S', '-PT5M', 'PT-5M'])(
    'should be due now when the duration %s is zero or negative',
    (value) => {
      // given / when / then
      expect(due('duration', value, '2024-01-01T00:00:00Z')).toBe('2024-01-01T00:00:00.000Z');
    },
  );

  it.each([
    ['2024-01-31T08:00:00Z', 'P1M', '2024-02-29T08:00:00.000Z'],
    ['2023-01-31T08:00:00Z', 'P1M', '2023-02-28T08:00:00.000Z'],
    ['2024-02-29T00:00:00Z', 'P1Y', '2025-02-28T00:00:00.000Z'],
    ['2024-03-31T00:00:00Z', 'P1M', '2024-04-30T00:00:00.000Z'],
    ['2024-12-31T23:00:00Z', 'PT2H', '2025-01-01T01:00:00.000Z'],
  ])('should follow the calendar when adding a period from %s + %s', (now, value, expected) => {
    // given / when / then
    expect(due('duration', value, now)).toBe(expected);
  });

  it.each(['P', 'PT', '1D', 'P1H', 'PT1D', 'P1DT', 'P1.5D', 'P1DT-1H', 'forever'])(
    'should reject %s when it is not an ISO duration',
    (value) => {
      // given / when / then
      expect(isValidTimerValue('duration', value)).toMatch(/duration/);
      expect(scheduleTimer('duration', value, 0).ok).toBe(false);
    },
  );

  it('should read back every printed duration when round-tripping', () => {
    const component = fc.integer({ min: 0, max: 400 });
    fc.assert(
      fc.property(
        fc.record({
          years: component,
          months: component,
          weeks: component,
          days: component,
          hours: component,
          minutes: component,
          seconds: component,
          milliseconds: fc.integer({ min: 0, max: 999 }),
        }),
        fc.boolean(),
        (fields, negative) => {
          // given
          const value = Temporal.Duration.from(fields);
          const signed = negative ? value.negated() : value;
          // when
          const parsed = parseIsoDuration(printIsoDuration(signed));
          // then
          expect(parsed.ok && parsed.value.toString()).toBe(signed.toString());
        },
      ),
    );
  });
});

describe('date timers', () => {
  it.each([
    ['2024-01-31T10:00:00+07:00', '2024-01-31T03:00:00.000Z'],
    ['2024-01-31T10:00:00Z', '2024-01-31T10:00:00.000Z'],
    ['2024-01-31T10:00:00[Asia/Ho_Chi_Minh]', '2024-01-31T03:00:00.000Z'],
    ['2024-01-31T10:00:00+07:00[Asia/Ho_Chi_Minh]', '2024-01-31T03:00:00.000Z'],
    ['2024-07-01T10:00:00[Europe/Berlin]', '2024-07-01T08:00:00.000Z'],
    ['2024-01-31T10:00:00', '2024-01-31T10:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
  ])('should be due at the instant of %s', (value, expected) => {
    // given / when / then
    expect(due('date', value, '2024-01-01T00:00:00Z')).toBe(expected);
  });

  it('should keep a past date so that the scheduler fires it at once', () => {
    // given / when / then
    expect(due('date', '2020-01-01T00:00:00Z', '2024-01-01T00:00:00Z')).toBe('2020-01-01T00:00:00.000Z');
  });

  it.each([
    '2023-02-29T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-01-31T10:00:00+07:00[Mars/Base]',
    '31/01/2024',
    '2024-01-31T10:00:00+08:00[Asia/Ho_Chi_Minh]',
  ])('should reject %s when it is not a valid date-time', (value) => {
    // given / when / then
    expect(isValidTimerValue('date', value)).toBeDefined();
  });
});

describe('cycle timers', () => {
  it('should repeat 5 times every 10 seconds when the cycle is R5/PT10S', () => {
    // given / when
    const result = scheduleTimer('cycle', 'R5/PT10S', at('2024-01-01T00:00:00Z'));
    // then
    expect(result).toEqual({
      ok: true,
      schedule: { dueAt: at('2024-01-01T00:00:10Z'), repetitions: 5, cycle: 'R5/PT10S' },
    });
    expect(iso(nextCycleDueAt('R5/PT10S', at('2024-01-01T00:00:10Z'), at('2024-01-01T00:00:10Z')))).toBe(
      '2024-01-01T00:00:20.000Z',
    );
  });

  it('should repeat forever when the cycle has no count', () => {
    // given / when
    const result = scheduleTimer('cycle', 'R/P1D', at('2024-01-01T00:00:00Z'));
    // then
    expect(result.ok && result.schedule.repetitions).toBe(-1);
  });

  it('should start at the start date when it is in the future', () => {
    // given / when / then
    expect(due('cycle', 'R3/2024-04-27T17:20:00Z/P1D', '2024-01-01T00:00:00Z')).toBe(
      '2024-04-27T17:20:00.000Z',
    );
    expect(
      iso(
        nextCycleDueAt('R3/2024-04-27T17:20:00Z/P1D', at('2024-04-27T17:20:00Z'), at('2024-04-27T17:20:00Z')),
      ),
    ).toBe('2024-04-28T17:20:00.000Z');
  });

  it('should keep the cadence of a past start date when scheduling now', () => {
    // given / when / then
    expect(due('cycle', 'R3/2022-04-27T17:20:00Z/P1D', '2024-01-01T00:00:00Z')).toBe(
      '2024-01-01T17:20:00.000Z',
    );
  });

  it('should keep month ends anchored on the start date when the interval is P1M', () => {
    // given
    const cycle = 'R/2024-01-31T09:00:00Z/P1M';
    // when
    const feb = nextCycleDueAt(cycle, at('2024-01-31T09:00:00Z'), at('2024-01-31T09:00:00Z'));
    const mar = nextCycleDueAt(cycle, feb ?? 0, feb ?? 0);
    // then
    expect([iso(feb), iso(mar)]).toEqual(['2024-02-29T09:00:00.000Z', '2024-03-31T09:00:00.000Z']);
  });

  it('should follow the wall clock across daylight saving when the start has a zone id', () => {
    // given
    const cycle = 'R/2024-03-30T09:00:00[Europe/Berlin]/P1D';
    // when
    const next = nextCycleDueAt(cycle, at('2024-03-30T08:00:00Z'), at('2024-03-30T08:00:00Z'));
    // then
    expect(iso(next)).toBe('2024-03-31T07:00:00.000Z');
  });

  it('should skip missed repetitions when the engine was down', () => {
    // given / when
    const next = nextCycleDueAt('R/PT1H', at('2024-01-01T00:00:00Z'), at('2024-01-01T05:30:00Z'));
    // then
    expect(iso(next)).toBe('2024-01-01T06:00:00.000Z');
  });

  it.each([
    'R5/PT0S',
    'R5/-PT1S',
    'Rx/PT1S',
    'R5',
    'R5/PT1S/2024-01-01T00:00:00Z/x',
    'every day',
    '0 9 * * *',
  ])('should reject %s when it is not a valid cycle', (value) => {
    // given / when / then
    expect(isValidTimerValue('cycle', value)).toBeDefined();
  });
});

describe('cron cycles', () => {
  it('should fire on weekday office hours and skip the weekend when the cron is 0 0 9-17 * * MON-FRI', () => {
    // given: Friday 2024-01-05 17:00 UTC is the last firing of the week
    const cron = '0 0 9-17 * * MON-FRI';
    // when
    const first = due('cycle', cron, '2024-01-05T16:30:00Z');
    const next = nextCycleDueAt(cron, at(first), at(first));
    // then
    expect(first).toBe('2024-01-05T17:00:00.000Z');
    expect(iso(next)).toBe('2024-01-08T09:00:00.000Z');
  });

  it('should require both day fields when both are restricted as Spring does', () => {
    // given / when / then: Friday the 13th
    expect(due('cycle', '0 0 0 13 * FRI', '2024-01-01T00:00:00Z')).toBe('2024-09-13T00:00:00.000Z');
  });

  it('should accept Spring macros and the ? wildcard', () => {
    // given / when / then
    expect(due('cycle', '@daily', '2024-01-01T10:00:00Z')).toBe('2024-01-02T00:00:00.000Z');
    expect(due('cycle', '0 30 8 ? * *', '2024-01-01T10:00:00Z')).toBe('2024-01-02T08:30:00.000Z');
  });

  it('should reject a cron with 5 fields or an out of range value', () => {
    // given / when / then
    expect(isValidTimerValue('cycle', '0 9 * * * *  *')).toMatch(/6 fields/);
    expect(isValidTimerValue('cycle', '0 0 25 * * *')).toMatch(/Invalid cron/);
  });

  it('should never return a time at or before now', () => {
    const crons = [
      '0 0 9-17 * * MON-FRI',
      '*/15 * * * * *',
      '0 0 0 1 * *',
      '0 30 8 * * SAT,SUN',
      '0 0 0 29 2 *',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...crons),
        fc.integer({ min: at('2000-01-01T00:00:00Z'), max: at('2100-01-01T00:00:00Z') }),
        (cron, now) => {
          // given / when
          const next = nextCycleDueAt(cron, now - 1000, now);
          // then
          expect(next).toBeDefined();
          expect(next as number).toBeGreaterThan(now);
        },
      ),
      { numRuns: 200 },
    );
  });
});
