/**
 * Forms of the counter (Circular 01/2018/TT-VPCP annex, §2.3): Mẫu 01 receipt and appointment slip, Mẫu 02
 * supplementation request, Mẫu 03 refusal. Wording after the annex as known [K]; the full text of the
 * circular was not available (domain.md notes), so compare with a printed original before go-live.
 */
import { formatVnTimeOfDay } from '../vn-format.js';
import type { FormHeader, FormModel } from './model.js';

/** The person or organisation that filed the dossier. */
export interface Applicant {
  name: string;
  address?: string;
  phone?: string;
  email?: string;
}

/** Data of Mẫu 01. */
export interface ReceiptData {
  header: FormHeader;
  dossierCode: string;
  /** Printed so the citizen can look the dossier up online (see tracking-secret.ts). */
  trackingSecret?: string;
  applicant: Applicant;
  procedureName: string;
  documents: { name: string; quantity?: string }[];
  setCount: number;
  /** The legal limit as written, e.g. "05 ngày làm việc". */
  limitText: string;
  receivedAt: number;
  /** The appointment; unknown (not yet set by the completeness check) prints a blank to fill in by hand. */
  dueAt?: number;
  /** Appended to the appointment, e.g. "(dự kiến)" for an estimate. */
  dueNote?: string;
  /** Where the result is returned, e.g. "Trung tâm Phục vụ hành chính công tỉnh" or "Qua dịch vụ bưu chính công ích". */
  resultDelivery: string;
  logBook?: { book: string; entry: number };
  receiverName: string;
}

/** Data of Mẫu 02. */
export interface SupplementationData {
  header: FormHeader;
  dossierCode: string;
  applicant: Applicant;
  procedureName: string;
  requirements: string[];
  reason: string;
  contact: { unit: string; phone: string };
  guideName: string;
}

/** Data of Mẫu 03. */
export interface RefusalData {
  header: FormHeader;
  dossierCode?: string;
  applicant: Applicant;
  procedureName: string;
  reasons: string[];
  receiverName: string;
}

function contactLine(a: Applicant): string {
  return `Số điện thoại: ${a.phone ?? '…………'}     Email: ${a.email ?? '…………'}`;
}

/** Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
export function receiptForm(d: ReceiptData): FormModel {
  const docs = d.documents.map((doc, i) => ({
    kind: 'text' as const,
    text: `${i + 1}. ${doc.name}${doc.quantity ? ` (${doc.quantity})` : ''}`,
    indent: 12,
    align: 'left' as const,
  }));
  return {
    title: `Giấy tiếp nhận hồ sơ và hẹn trả kết quả ${d.dossierCode}`,
    size: 'A5',
    blocks: [
      { kind: 'header', header: d.header },
      {
        kind: 'title',
        text: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
        lines: [
          `Mã hồ sơ: ${d.dossierCode}`,
          ...(d.trackingSecret ? [`Mã tra cứu: ${d.trackingSecret}`] : []),
        ],
      },
      { kind: 'text', text: `${d.header.agency} tiếp nhận hồ sơ của: ${d.applicant.name}` },
      { kind: 'text', text: `Địa chỉ: ${d.applicant.address ?? '…………'}` },
      { kind: 'text', text: contactLine(d.applicant) },
      { kind: 'text', text: `Nội dung yêu cầu giải quyết: ${d.procedureName}` },
      { kind: 'text', text: '1. Thành phần hồ sơ nộp gồm:' },
      ...docs,
      { kind: 'text', text: `2. Số lượng hồ sơ: ${String(d.setCount).padStart(2, '0')} (bộ)` },
      { kind: 'text', text: `3. Thời gian giải quyết hồ sơ theo quy định là: ${d.limitText}` },
      { kind: 'text', text: `4. Thời gian nhận hồ sơ: ${formatVnTimeOfDay(d.receivedAt)}` },
      {
        kind: 'text',
        text: `5. Thời gian trả kết quả giải quyết hồ sơ: ${d.dueAt !== undefined ? formatVnTimeOfDay(d.dueAt) : '…………'}${d.dueNote ? ` ${d.dueNote}` : ''}`,
      },
      { kind: 'text', text: `6. Đăng ký nhận kết quả tại: ${d.resultDelivery}` },
      {
        kind: 'text',
        text: `Vào Sổ theo dõi hồ sơ, Quyển số: ${d.logBook?.book ?? '……'}, Số thứ tự: ${d.logBook?.entry ?? '……'}`,
      },
      {
        kind: 'signatures',
        items: [
          { title: 'NGƯỜI NỘP HỒ SƠ', note: '(Ký và ghi rõ họ tên)', name: d.applicant.name },
          { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: '(Ký và ghi rõ họ tên)', name: d.receiverName },
        ],
      },
    ],
  };
}

/** Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (the one-time written guidance of §2.2). */
export function supplementationForm(d: SupplementationData): FormModel {
  return {
    title: `Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ ${d.dossierCode}`,
    size: 'A5',
    blocks: [
      { kind: 'header', header: d.header },
      {
        kind: 'title',
        text: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
        lines: [`Mã hồ sơ: ${d.dossierCode}`],
      },
      { kind: 'text', text: `Hồ sơ của: ${d.applicant.name}` },
      { kind: 'text', text: `Nội dung yêu cầu giải quyết: ${d.procedureName}` },
      { kind: 'text', text: `Địa chỉ: ${d.applicant.address ?? '…………'}` },
      { kind: 'text', text: contactLine(d.applicant) },
      {
        kind: 'text',
        text: 'Sau khi nghiên cứu, xem xét thành phần hồ sơ, yêu cầu Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:',
      },
      ...d.requirements.map((r, i) => ({
        kind: 'text' as const,
        text: `${i + 1}. ${r}`,
        indent: 12,
        align: 'left' as const,
      })),
      { kind: 'text', text: `Lý do: ${d.reason}` },
      {
        kind: 'text',
        text:
          'Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với ' +
          `${d.contact.unit}, số điện thoại ${d.contact.phone} để được hướng dẫn.`,
      },
      { kind: 'text', text: 'Xin trân trọng cảm ơn!', italic: true },
      {
        kind: 'signatures',
        items: [{ title: 'NGƯỜI HƯỚNG DẪN', note: '(Ký và ghi rõ họ tên)', name: d.guideName }],
      },
    ],
  };
}

/** Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ (refusal must state reasons, §2.2). */
export function refusalForm(d: RefusalData): FormModel {
  return {
    title: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
    size: 'A5',
    blocks: [
      { kind: 'header', header: d.header },
      {
        kind: 'title',
        text: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
        lines: d.dossierCode ? [`Mã hồ sơ: ${d.dossierCode}`] : [],
      },
      { kind: 'text', text: `${d.header.agency} tiếp nhận hồ sơ của: ${d.applicant.name}` },
      { kind: 'text', text: `Nội dung yêu cầu giải quyết: ${d.procedureName}` },
      {
        kind: 'text',
        text: 'Qua xem xét, cơ quan có thẩm quyền thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:',
      },
      ...d.reasons.map((r, i) => ({
        kind: 'text' as const,
        text: `${i + 1}. ${r}`,
        indent: 12,
        align: 'left' as const,
      })),
      { kind: 'text', text: 'Xin thông báo cho Ông/Bà được biết và thực hiện./.' },
      {
        kind: 'signatures',
        items: [{ title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: '(Ký và ghi rõ họ tên)', name: d.receiverName }],
      },
    ],
  };
}
