/**
 * Vietnamese notification texts for the dossier events of §5.2 (receipt, supplementation request, refusal,
 * apology with a new date, result ready): an e-mail subject and body and a short SMS. The SMS is written
 * without diacritics on purpose: plain GSM-7 fits 160 characters per SMS, Unicode only 70, and operators
 * bill per segment.
 */
import { formatVnDateTime } from '../vn-format.js';

/** The events that notify the applicant. */
export type NotificationKind = 'receipt' | 'supplementation' | 'refusal' | 'apology' | 'result-ready';

/** What the templates need; fields not used by a kind may be omitted. */
export interface NotificationData {
  dossierCode: string;
  procedureName: string;
  applicantName: string;
  agencyName: string;
  receivedAt?: number;
  dueAt?: number;
  newDueAt?: number;
  /** Requirements (supplementation) or reasons (refusal, apology). */
  items?: string[];
  /** Latest date to supplement (§2.4 ThoiHanBoSung). */
  supplementBy?: number;
  /** Where the citizen follows the dossier, e.g. the portal's look-up page. */
  trackingUrl?: string;
  /** Where the result is collected, or that it is sent online / by post. */
  pickup?: string;
}

/** A rendered notification. */
export interface NotificationMessage {
  kind: NotificationKind;
  subject: string;
  text: string;
  sms: string;
}

const when = (t: number | undefined): string => (t === undefined ? '(chưa xác định)' : formatVnDateTime(t));
const list = (items: string[] | undefined): string =>
  (items ?? []).map((i, n) => `  ${n + 1}. ${i}`).join('\n');

/** Removes Vietnamese diacritics (đ → d) for SMS. */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

type Parts = { subject: string; body: string[]; sms: string };

const TEMPLATES: Record<NotificationKind, (d: NotificationData) => Parts> = {
  receipt: (d) => ({
    subject: `Tiếp nhận hồ sơ ${d.dossierCode}`,
    body: [
      `${d.agencyName} đã tiếp nhận hồ sơ "${d.procedureName}" của Ông/Bà lúc ${when(d.receivedAt)}.`,
      `Mã hồ sơ: ${d.dossierCode}.`,
      `Thời gian hẹn trả kết quả: ${when(d.dueAt)}.`,
    ],
    sms: `Ho so ${d.dossierCode} da duoc tiep nhan. Hen tra ket qua: ${when(d.dueAt)}.`,
  }),
  supplementation: (d) => ({
    subject: `Yêu cầu bổ sung hồ sơ ${d.dossierCode}`,
    body: [
      `Hồ sơ "${d.procedureName}" (mã ${d.dossierCode}) cần bổ sung, hoàn thiện các nội dung sau:`,
      list(d.items),
      `Đề nghị Ông/Bà bổ sung trước ${when(d.supplementBy)}. Thời gian chờ bổ sung không tính vào thời hạn giải quyết.`,
    ],
    sms: `Ho so ${d.dossierCode} can bo sung giay to. Han bo sung: ${when(d.supplementBy)}. Xem chi tiet trong email hoac cong dich vu cong.`,
  }),
  refusal: (d) => ({
    subject: `Từ chối tiếp nhận hồ sơ ${d.dossierCode}`,
    body: [
      `${d.agencyName} không tiếp nhận, giải quyết hồ sơ "${d.procedureName}" (mã ${d.dossierCode}) vì:`,
      list(d.items),
    ],
    sms: `Ho so ${d.dossierCode} khong duoc tiep nhan. Ly do xem trong email hoac cong dich vu cong.`,
  }),
  apology: (d) => ({
    subject: `Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${d.dossierCode}`,
    body: [
      `${d.agencyName} chưa trả kết quả hồ sơ "${d.procedureName}" (mã ${d.dossierCode}) đúng hẹn ${when(d.dueAt)}.`,
      ...(d.items?.length ? ['Lý do:', list(d.items)] : []),
      `${d.agencyName} xin lỗi Ông/Bà vì sự chậm trễ này và hẹn trả kết quả vào ${when(d.newDueAt)}.`,
    ],
    sms: `Xin loi Ong/Ba: ho so ${d.dossierCode} tre hen. Hen tra ket qua moi: ${when(d.newDueAt)}.`,
  }),
  'result-ready': (d) => ({
    subject: `Hồ sơ ${d.dossierCode} đã có kết quả`,
    body: [
      `Hồ sơ "${d.procedureName}" (mã ${d.dossierCode}) đã có kết quả giải quyết.`,
      `Nơi nhận kết quả: ${d.pickup ?? d.agencyName}.`,
      'Khi đến nhận, Ông/Bà vui lòng mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
    ],
    sms: `Ho so ${d.dossierCode} da co ket qua. Noi nhan: ${d.pickup ?? d.agencyName}.`,
  }),
};

/** Renders the notification of `kind` for a dossier. */
export function renderNotification(kind: NotificationKind, d: NotificationData): NotificationMessage {
  const parts = TEMPLATES[kind](d);
  const text = [
    `Kính gửi Ông/Bà ${d.applicantName},`,
    '',
    ...parts.body,
    ...(d.trackingUrl ? ['', `Theo dõi hồ sơ tại: ${d.trackingUrl}`] : []),
    '',
    `Trân trọng,`,
    d.agencyName,
  ].join('\n');
  return { kind, subject: parts.subject, text, sms: stripDiacritics(parts.sms) };
}
