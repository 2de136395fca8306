/**
 * Forms of processing (Circular 01/2018/TT-VPCP annex, §2.3): Mẫu 04 apology with a new date, Mẫu 05
 * processing control sheet, Mẫu 06 tracking log (A4 landscape). Column sets after the annex as known [K].
 */
import type { Completion } from '../deadlines.js';
import { formatVnDate, formatVnDateTime, formatVnTimeOfDay } from '../vn-format.js';
import type { Applicant } from './intake-forms.js';
import type { FormHeader, FormModel } from './model.js';

/** Data of Mẫu 04. */
export interface ApologyData {
  header: FormHeader;
  dossierCode: string;
  applicant: Applicant;
  procedureName: string;
  receivedAt: number;
  dueAt: number;
  reason: string;
  newDueAt: number;
  signerTitle: string;
  signerName: string;
}

/** One hand-over on Mẫu 05: who gave the dossier to whom, when, and how the step ended. */
export interface ControlStep {
  from: string;
  to: string;
  at: number;
  /** Step outcome against its own due time (§4.1: each step has a due time). */
  outcome?: Completion;
  note?: string;
}

/** Data of Mẫu 05. */
export interface ControlSheetData {
  header: FormHeader;
  dossierCode: string;
  receiptNumber: string;
  leadAgency: string;
  cooperatingAgencies: string[];
  steps: ControlStep[];
}

/** One row of Mẫu 06. */
export interface TrackingLogRow {
  dossierCode: string;
  procedureName: string;
  setCount: number;
  applicant: Applicant;
  leadAgency: string;
  receivedAt: number;
  /** The legal due date (none for procedures without an appointment date). */
  dueAt?: number;
  transferredAt?: number;
  resultReceivedAt?: number;
  returnedAt?: number;
  note?: string;
}

/** Data of Mẫu 06. */
export interface TrackingLogData {
  header: FormHeader;
  /** Period covered, e.g. "Tháng 3 năm 2025". */
  period: string;
  rows: TrackingLogRow[];
}

const OUTCOME_VI: Record<Completion, string> = { early: 'Trước hạn', 'on-time': 'Đúng hạn', late: 'Quá hạn' };

/** Mẫu 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả (sent at least 1 working day before the due date, §2.3). */
export function apologyForm(d: ApologyData): FormModel {
  const agency = d.header.agency;
  return {
    title: `Phiếu xin lỗi và hẹn lại ngày trả kết quả ${d.dossierCode}`,
    size: 'A5',
    blocks: [
      { kind: 'header', header: d.header },
      { kind: 'title', text: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', lines: [] },
      { kind: 'text', text: `Kính gửi: ${d.applicant.name}`, align: 'center' },
      {
        kind: 'text',
        text:
          `Ngày ${formatVnDate(d.receivedAt)}, ${agency} tiếp nhận giải quyết hồ sơ của Ông/Bà đề nghị giải quyết ` +
          `thủ tục: ${d.procedureName}; mã hồ sơ: ${d.dossierCode}.`,
      },
      { kind: 'text', text: `Thời hẹn trả kết quả giải quyết hồ sơ: ${formatVnTimeOfDay(d.dueAt)}.` },
      {
        kind: 'text',
        text:
          `Tuy nhiên đến nay, ${agency} chưa trả kết quả giải quyết hồ sơ của Ông/Bà đúng hạn ghi trên ` +
          'Giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
      },
      { kind: 'text', text: `Lý do: ${d.reason}` },
      {
        kind: 'text',
        text:
          `Sự chậm trễ này đã gây phiền hà cho Ông/Bà. ${agency} xin lỗi Ông/Bà và sẽ trả kết quả giải quyết ` +
          `hồ sơ cho Ông/Bà vào: ${formatVnTimeOfDay(d.newDueAt)}.`,
      },
      { kind: 'text', text: 'Xin trân trọng cảm ơn!', italic: true },
      {
        kind: 'signatures',
        items: [
          { title: d.signerTitle.toUpperCase(), note: '(Ký, ghi rõ họ tên và đóng dấu)', name: d.signerName },
        ],
      },
    ],
  };
}

/** Mẫu 05: Phiếu kiểm soát quá trình giải quyết hồ sơ; one row per hand-over. */
export function controlSheetForm(d: ControlSheetData): FormModel {
  const rows = d.steps.map((s, i) => [
    `${i + 1}. Giao: ${s.from}\n    Nhận: ${s.to}`,
    formatVnTimeOfDay(s.at),
    s.outcome ? OUTCOME_VI[s.outcome] : '',
    s.note ?? '',
  ]);
  return {
    title: `Phiếu kiểm soát quá trình giải quyết hồ sơ ${d.dossierCode}`,
    size: 'A5',
    blocks: [
      { kind: 'header', header: d.header },
      {
        kind: 'title',
        text: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
        lines: [
          `Mã hồ sơ: ${d.dossierCode}`,
          `(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả số: ${d.receiptNumber})`,
        ],
      },
      { kind: 'text', text: `Cơ quan (bộ phận) giải quyết hồ sơ: ${d.leadAgency}` },
      {
        kind: 'text',
        text: `Cơ quan phối hợp giải quyết hồ sơ: ${d.cooperatingAgencies.join('; ') || 'Không'}`,
      },
      {
        kind: 'table',
        columns: [
          { header: 'TÊN CƠ QUAN', width: 34 },
          { header: 'THỜI GIAN GIAO, NHẬN HỒ SƠ', width: 28 },
          { header: 'KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/đúng hạn/quá hạn)', width: 24 },
          { header: 'GHI CHÚ', width: 14 },
        ],
        rows,
      },
    ],
  };
}

/** Mẫu 06: Sổ theo dõi hồ sơ, A4 landscape. */
export function trackingLogForm(d: TrackingLogData): FormModel {
  const when = (t?: number): string => (t === undefined ? '' : formatVnDateTime(t));
  const rows = d.rows.map((r, i) => [
    String(i + 1),
    r.dossierCode,
    r.procedureName,
    String(r.setCount),
    r.applicant.name,
    [r.applicant.address, r.applicant.phone].filter(Boolean).join(', '),
    r.leadAgency,
    when(r.receivedAt),
    when(r.dueAt),
    when(r.transferredAt),
    when(r.resultReceivedAt),
    when(r.returnedAt),
    r.note ?? '',
  ]);
  // Shares of the width (sum 100): on A4 landscape the dossier code (25 characters) stays on one line and the
  // date columns hold "dd/mm/yyyy" on one line, the time below.
  const headers: [string, number][] = [
    ['STT', 3.5],
    ['Mã hồ sơ', 16],
    ['Tên TTHC', 9],
    ['Số lượng hồ sơ (bộ)', 5.5],
    ['Tên cá nhân, tổ chức', 8.5],
    ['Địa chỉ, số điện thoại', 8.5],
    ['Cơ quan chủ trì giải quyết', 7.5],
    ['Nhận hồ sơ (ngày, giờ)', 6.8],
    ['Hẹn trả kết quả (ngày, giờ)', 6.8],
    ['Chuyển hồ sơ đến cơ quan giải quyết', 6.8],
    ['Nhận kết quả từ cơ quan giải quyết', 6.8],
    ['Trả kết quả cho cá nhân, tổ chức', 6.8],
    ['Ghi chú', 7.5],
  ];
  return {
    title: `Sổ theo dõi hồ sơ ${d.period}`,
    size: 'A4',
    landscape: true,
    pageNumbers: true,
    blocks: [
      { kind: 'header', header: d.header },
      { kind: 'title', text: 'SỔ THEO DÕI HỒ SƠ', lines: [d.period] },
      { kind: 'table', columns: headers.map(([header, width]) => ({ header, width })), rows },
      {
        kind: 'text',
        text:
          rows.length === 0
            ? 'Không có hồ sơ nào được tiếp nhận trong kỳ.'
            : `Tổng số: ${rows.length} hồ sơ.`,
        italic: true,
        align: 'left',
      },
    ],
  };
}
