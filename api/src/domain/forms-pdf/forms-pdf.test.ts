import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hasPdftotext, hasPopplerTool, pageCount, textOf } from '../../testing/pdf-text';
import {
  PdfFontMissingError,
  apologyForm,
  controlSheetForm,
  modelText,
  receiptForm,
  refusalForm,
  renderForm,
  resolveFontFiles,
  supplementationForm,
  trackingLogForm,
  type FormHeader,
  type FormModel,
} from './index.js';

const vn = (local: string): number => Date.parse(`${local.replace(' ', 'T')}:00+07:00`);
const header: FormHeader = {
  parentAgency: 'UBND tỉnh Đồng Tháp',
  agency: 'Trung tâm Phục vụ hành chính công',
  number: 'Số: 125/TNHS',
  place: 'Mỹ Tho',
  date: vn('2025-03-03 09:15'),
};
const applicant = {
  name: 'Nguyễn Thị Hồng Nhung',
  address: '12 Ấp Bắc, phường 5, Mỹ Tho',
  phone: '0912 345 678',
  email: 'nhung@example.vn',
};
const code = '000.00.12.H58-250303-0007';
const procedureName = 'Đăng ký thành lập hộ kinh doanh';

const forms: [string, FormModel][] = [
  [
    'Mẫu 01',
    receiptForm({
      header,
      dossierCode: code,
      trackingSecret: 'K75M-XR8D',
      applicant,
      procedureName,
      documents: [
        { name: 'Giấy đề nghị đăng ký hộ kinh doanh', quantity: '01 bản chính' },
        { name: 'Bản sao thẻ Căn cước của chủ hộ' },
      ],
      setCount: 1,
      limitText: '03 ngày làm việc',
      receivedAt: vn('2025-03-03 09:15'),
      dueAt: vn('2025-03-06 09:15'),
      resultDelivery: 'Trung tâm Phục vụ hành chính công tỉnh',
      logBook: { book: '03', entry: 125 },
      receiverName: 'Trần Văn Đức',
    }),
  ],
  [
    'Mẫu 02',
    supplementationForm({
      header: { ...header, number: 'Số: 18/PBSHS' },
      dossierCode: code,
      applicant,
      procedureName,
      requirements: ['Biên bản họp thành viên hộ gia đình (bản sao)'],
      reason: 'Hộ gia đình đăng ký nhưng thiếu biên bản họp',
      contact: { unit: 'Bộ phận Một cửa', phone: '0273 3 123 456' },
      guideName: 'Trần Văn Đức',
    }),
  ],
  [
    'Mẫu 03',
    refusalForm({
      header: { ...header, number: 'Số: 04/PTCHS' },
      applicant,
      procedureName,
      reasons: ['Ngành nghề đăng ký thuộc danh mục cấm kinh doanh'],
      receiverName: 'Trần Văn Đức',
    }),
  ],
  [
    'Mẫu 04',
    apologyForm({
      header: { ...header, number: 'Số: 02/PXLHS' },
      dossierCode: code,
      applicant,
      procedureName,
      receivedAt: vn('2025-03-03 09:15'),
      dueAt: vn('2025-03-06 09:15'),
      reason: 'Cần xác minh thêm thông tin tại địa phương',
      newDueAt: vn('2025-03-10 15:00'),
      signerTitle: 'Giám đốc',
      signerName: 'Lê Quốc Hưng',
    }),
  ],
  [
    'Mẫu 05',
    controlSheetForm({
      header: { ...header, number: undefined },
      dossierCode: code,
      receiptNumber: '125/TNHS',
      leadAgency: 'Phòng Kinh tế',
      cooperatingAgencies: [],
      steps: [
        {
          from: 'Bộ phận tiếp nhận và trả kết quả',
          to: 'Phòng Kinh tế',
          at: vn('2025-03-03 10:00'),
          outcome: 'early',
        },
        {
          from: 'Phòng Kinh tế',
          to: 'Lãnh đạo UBND',
          at: vn('2025-03-05 14:00'),
          outcome: 'on-time',
          note: 'Đã thẩm định',
        },
      ],
    }),
  ],
  [
    'Mẫu 06',
    trackingLogForm({
      header: { ...header, number: undefined },
      period: 'Tháng 3 năm 2025',
      rows: Array.from({ length: 12 }, (_, i) => ({
        dossierCode: code.replace('0007', String(i + 1).padStart(4, '0')),
        procedureName,
        setCount: 1,
        applicant,
        leadAgency: 'Phòng Kinh tế',
        receivedAt: vn('2025-03-03 09:15'),
        dueAt: vn('2025-03-06 09:15'),
        returnedAt: i % 2 ? vn('2025-03-05 16:00') : undefined,
      })),
    }),
  ],
];

describe('one-stop forms as PDF (§2.3)', () => {
  it.each(forms)(
    'should embed a Vietnamese font and show the national motto when rendering %s',
    async (name, model) => {
      // given the model of the form
      // when
      const pdf = await renderForm(model, { compress: false });
      // then
      const raw = pdf.toString('latin1');
      expect(raw.startsWith('%PDF-')).toBe(true);
      expect(raw).toMatch(/\/FontFile2/);
      expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+(NotoSerif|DejaVuSerif)/);
      expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
      expect(modelText(model)).toContain(header.agency);
      if (hasPdftotext) {
        const text = textOf(pdf);
        expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
        expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
        expect(text).toContain('Mỹ Tho, ngày 03 tháng 3 năm 2025');
      }
      if (hasPopplerTool('pdftoppm')) {
        const dir = path.join(os.tmpdir(), 'motcua-forms');
        fs.mkdirSync(dir, { recursive: true });
        const out = path.join(dir, name.replace(' ', '-'));
        execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-', out], { input: pdf });
        expect(fs.readdirSync(dir).some((f) => f.startsWith(name.replace(' ', '-')))).toBe(true);
      }
    },
  );

  it('should state the receipt and return times and the tracking code when building Mẫu 01', () => {
    // given / when
    const text = modelText(forms[0]?.[1] as FormModel);
    // then
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(`Mã hồ sơ: ${code}`);
    expect(text).toContain('Mã tra cứu: K75M-XR8D');
    expect(text).toContain('4. Thời gian nhận hồ sơ: 09 giờ 15 phút, ngày 03/03/2025');
    expect(text).toContain('5. Thời gian trả kết quả giải quyết hồ sơ: 09 giờ 15 phút, ngày 06/03/2025');
  });

  it('should give the new date and the apology when building Mẫu 04', () => {
    // given / when
    const text = modelText(forms[3]?.[1] as FormModel);
    // then
    expect(text).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(text).toContain('vào: 15 giờ 00 phút, ngày 10/03/2025.');
  });

  it('should print step outcomes in Vietnamese when building Mẫu 05', () => {
    // given / when
    const text = modelText(forms[4]?.[1] as FormModel);
    // then
    expect(text).toContain('Trước hạn');
    expect(text).toContain('Đúng hạn');
  });

  it('should render Mẫu 06 on A4 landscape when the log has rows', async () => {
    // given / when
    const pdf = await renderForm(forms[5]?.[1] as FormModel, { compress: false });
    // then 842 x 595 pt
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
  });
});

describe('resolveFontFiles', () => {
  it('should prefer the npm package when it is installed in a parent node_modules', () => {
    // given a fake package two levels up
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-font-'));
    const pkg = path.join(root, 'node_modules', '@expo-google-fonts', 'noto-serif');
    for (const f of [
      '400Regular/NotoSerif_400Regular.ttf',
      '700Bold/NotoSerif_700Bold.ttf',
      '400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
    ]) {
      fs.mkdirSync(path.dirname(path.join(pkg, f)), { recursive: true });
      fs.writeFileSync(path.join(pkg, f), '');
    }
    fs.mkdirSync(path.join(root, 'api', 'src'), { recursive: true });
    // when
    const fonts = resolveFontFiles(path.join(root, 'api', 'src'), []);
    // then
    expect(fonts.bold).toBe(path.join(pkg, '700Bold/NotoSerif_700Bold.ttf'));
  });

  it('should throw a clear error naming the package when no font is found', () => {
    // given an empty directory and no system fallback
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-nofont-'));
    // when / then
    expect(() => resolveFontFiles(empty, [])).toThrow(PdfFontMissingError);
    expect(() => resolveFontFiles(empty, [])).toThrow(/@expo-google-fonts\/noto-serif/);
  });
});
