/**
 * Date and time as Vietnamese readers expect them (dd/MM/yyyy HH:mm, "ngày 05 tháng 3 năm 2025"), always in
 * Asia/Ho_Chi_Minh (fixed UTC+7) whatever the server's time zone, so a receipt printed anywhere says the same.
 */
import { VN_UTC_OFFSET_MINUTES } from './working-calendar.js';

/** Local calendar fields of an instant in Vietnam. */
export interface VnParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The Vietnam-local fields of an instant (epoch ms or Date). */
export function vnParts(at: number | Date): VnParts {
  const d = new Date((typeof at === 'number' ? at : at.getTime()) + VN_UTC_OFFSET_MINUTES * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

/** `dd/MM/yyyy`. */
export function formatVnDate(at: number | Date): string {
  const p = vnParts(at);
  return `${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** `dd/MM/yyyy HH:mm`, the format of notifications. */
export function formatVnDateTime(at: number | Date): string {
  const p = vnParts(at);
  return `${formatVnDate(at)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** `ngày 05 tháng 3 năm 2025`, the dateline of administrative documents. */
export function formatVnLongDate(at: number | Date): string {
  const p = vnParts(at);
  return `ngày ${pad(p.day)} tháng ${p.month < 3 ? pad(p.month) : p.month} năm ${p.year}`;
}

/** `15 giờ 00 phút, ngày 05/03/2025`, as the receipt states receipt and return times. */
export function formatVnTimeOfDay(at: number | Date): string {
  const p = vnParts(at);
  return `${pad(p.hour)} giờ ${pad(p.minute)} phút, ngày ${formatVnDate(at)}`;
}
