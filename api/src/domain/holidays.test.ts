import { dateHolidaysVn, defaultHolidayTable, defaultHolidayTables } from './holidays.js';
import { createWorkingCalendar } from './working-calendar.js';

const dates = (year: number): string[] => defaultHolidayTable(year).holidays.map((h) => h.date);

describe('dateHolidaysVn', () => {
  it('should give five calendar days of Tết from Giao thừa when asked for 2024', () => {
    // given / when
    const tet = dateHolidaysVn(2024)
      .filter((h) => h.name === 'Tết Nguyên Đán')
      .map((h) => h.date);
    // then
    expect([...new Set(tet)]).toEqual(['2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13']);
  });

  it('should give only one day for National Day when asked for any year (a gap filled by the table)', () => {
    // given / when
    const september = dateHolidaysVn(2025).filter((h) => h.date.startsWith('2025-09'));
    // then
    expect(september.map((h) => h.date)).toEqual(['2025-09-02']);
  });
});

describe('defaultHolidayTable', () => {
  it('should match the announced civil-service days off when built for 2024', () => {
    // given / when
    const table = defaultHolidayTable(2024);
    // then
    expect(table.holidays.map((h) => h.date)).toEqual([
      '2024-01-01',
      '2024-02-08',
      '2024-02-09',
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
      '2024-04-18',
      '2024-04-29',
      '2024-04-30',
      '2024-05-01',
      '2024-09-02',
      '2024-09-03',
    ]);
    expect(table.workingWeekendDays).toEqual(['2024-05-04']);
  });

  it('should include the 2025 Tết swap and its working Saturday when built for 2025', () => {
    // given / when
    const table = defaultHolidayTable(2025);
    // then
    expect(table.holidays.map((h) => h.date)).toEqual(
      expect.arrayContaining(['2025-01-27', '2025-01-31', '2025-09-01']),
    );
    expect(table.holidays.map((h) => h.date)).not.toContain('2025-02-03');
    expect(table.workingWeekendDays).toEqual(['2025-02-08', '2025-04-26']);
  });

  it('should add a compensatory Monday when Giỗ Tổ falls on a Sunday (2026)', () => {
    // given / when
    const table = defaultHolidayTable(2026);
    // then
    const monday = table.holidays.find((h) => h.date === '2026-04-27');
    expect(monday?.name).toBe('Nghỉ bù Giỗ tổ Hùng Vương');
  });

  it('should add Friday 1/9 and a compensatory Monday when 2/9 is a Saturday (2028)', () => {
    // given / when
    const september = dates(2028).filter((d) => d.startsWith('2028-09'));
    // then
    expect(september).toEqual(['2028-09-01', '2028-09-02', '2028-09-04']);
  });

  it('should give eleven weekdays off by law when built for a year without announced swaps', () => {
    // given / when
    const weekdays = dates(2027).filter((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
    // then Labour Code Art. 112: 1 + 5 + 1 + 1 + 1 + 2 days
    expect(weekdays).toHaveLength(11);
  });

  it('should build a valid calendar when several years are merged', () => {
    // given / when / then
    expect(() => createWorkingCalendar(defaultHolidayTables([2024, 2025, 2026]))).not.toThrow();
  });
});
