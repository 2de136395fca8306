import { formatVnDate, formatVnDateTime, formatVnLongDate, formatVnTimeOfDay } from './vn-format.js';

describe('Vietnamese date formats', () => {
  it('should use Vietnam time when the instant is late in the UTC day', () => {
    // given 2025-01-31 18:05 UTC = 01/02/2025 01:05 in Vietnam
    const at = Date.parse('2025-01-31T18:05:00Z');
    // when / then
    expect(formatVnDateTime(at)).toBe('01/02/2025 01:05');
    expect(formatVnDate(new Date(at))).toBe('01/02/2025');
  });

  it.each([
    ['2025-02-05T10:00:00+07:00', 'ngày 05 tháng 02 năm 2025'],
    ['2025-11-15T10:00:00+07:00', 'ngày 15 tháng 11 năm 2025'],
    ['2025-03-03T10:00:00+07:00', 'ngày 03 tháng 3 năm 2025'],
  ])(
    'should pad day and months 1-2 with a zero as administrative documents do when dated %s',
    (iso, expected) => {
      // given / when / then
      expect(formatVnLongDate(Date.parse(iso))).toBe(expected);
    },
  );

  it('should spell hours and minutes when formatting a time of day for a form', () => {
    // given / when / then
    expect(formatVnTimeOfDay(Date.parse('2025-03-06T09:05:00+07:00'))).toBe(
      '09 giờ 05 phút, ngày 06/03/2025',
    );
  });
});
