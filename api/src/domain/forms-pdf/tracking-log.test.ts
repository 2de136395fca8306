import { hasPdftotext, pageCount, textOf } from '../../testing/pdf-text';
import { modelText, renderTrackingLog, trackingLogForm, type TrackingLogData } from './index.js';

const vn = (local: string): number => Date.parse(`${local.replace(' ', 'T')}:00+07:00`);

function logOf(n: number): TrackingLogData {
  return {
    header: {
      parentAgency: 'UBND TỈNH TIỀN GIANG',
      agency: 'PHÒNG TÀI CHÍNH - KẾ HOẠCH',
      place: 'Mỹ Tho',
      date: vn('2026-04-01 08:00'),
    },
    period: 'Tháng 3 năm 2026',
    rows: Array.from({ length: n }, (_, i) => ({
      dossierCode: `000.00.12.H58-260302-${String(i + 1).padStart(4, '0')}`,
      procedureName: 'Đăng ký thành lập hộ kinh doanh',
      setCount: 1,
      applicant: {
        name: 'Nguyễn Thị Hồng Nhung',
        address: '12 Ấp Bắc, phường 5, Mỹ Tho',
        phone: '0912 345 678',
      },
      leadAgency: 'Phòng Tài chính - Kế hoạch',
      receivedAt: vn('2026-03-02 09:15'),
      dueAt: vn('2026-03-05 09:15'),
      transferredAt: vn('2026-03-02 10:00'),
      resultReceivedAt: i % 3 === 0 ? vn('2026-03-06 16:00') : undefined,
      returnedAt: i % 3 === 0 ? vn('2026-03-06 16:30') : undefined,
      note: i % 3 === 0 ? 'Trễ hạn' : i % 3 === 1 ? 'Công dân đã rút hồ sơ' : '',
    })),
  };
}

describe('Mẫu 06 Sổ theo dõi hồ sơ', () => {
  it('should list the columns of the template and the total when building the log', () => {
    // given / when
    const text = modelText(trackingLogForm(logOf(2)));
    // then
    for (const column of [
      'STT',
      'Mã hồ sơ',
      'Tên TTHC',
      'Số lượng hồ sơ (bộ)',
      'Tên cá nhân, tổ chức',
      'Địa chỉ, số điện thoại',
      'Cơ quan chủ trì giải quyết',
      'Nhận hồ sơ (ngày, giờ)',
      'Hẹn trả kết quả (ngày, giờ)',
      'Chuyển hồ sơ đến cơ quan giải quyết',
      'Trả kết quả cho cá nhân, tổ chức',
      'Ghi chú',
    ]) {
      expect(text).toContain(column);
    }
    expect(text).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(text).toContain('02/03/2026 09:15');
    expect(text).toContain('Tổng số: 2 hồ sơ.');
  });

  it('should say that no dossier was received when the period is empty', async () => {
    // given / when
    const model = trackingLogForm(logOf(0));
    const pdf = await renderTrackingLog(logOf(0));
    // then
    expect(modelText(model)).toContain('Không có hồ sơ nào được tiếp nhận trong kỳ.');
    expect(pageCount(pdf)).toBe(1);
  });

  it('should flow rows onto several A4 landscape pages with the header row and page numbers on each when the log is long', async () => {
    // given
    const data = logOf(120);
    // when
    const pdf = await renderTrackingLog(data, { compress: false });
    // then
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    if (hasPdftotext) {
      const text = textOf(pdf);
      const perPage = text.split('\f').filter((p) => p.trim() !== '');
      expect(perPage).toHaveLength(pages);
      perPage.forEach((page, i) => {
        expect(page).toContain('Mã hồ sơ');
        expect(page).toContain(`Trang ${i + 1}/${pages}`);
      });
      for (const row of data.rows) expect(text).toContain(row.dossierCode);
      expect(text).toContain('Tổng số: 120 hồ sơ.');
      expect(text).toContain('rút hồ sơ');
    }
  });
});
