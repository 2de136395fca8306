/**
 * National dossier status codes 1-10 (domain.md §2.5), as synchronised to the National Public Service Portal
 * (DVCQG), and the transitions between them. Internal BPMN task states are separate (§0.3); this is the
 * external status a citizen and DVCQG see.
 */

/** A national status code. */
export type DossierStatusCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/** One status with its labels; `key` is the stable English name used in code and JSON. */
export interface DossierStatus {
  code: DossierStatusCode;
  key: string;
  vi: string;
  en: string;
  /** No further change: the dossier is closed. */
  terminal: boolean;
}

/** The ten statuses, labels verbatim from §2.5. */
export const DOSSIER_STATUSES: readonly DossierStatus[] = [
  { code: 1, key: 'submitted', vi: 'Mới đăng ký', en: 'Newly registered', terminal: false },
  { code: 2, key: 'accepted', vi: 'Được tiếp nhận', en: 'Accepted', terminal: false },
  { code: 3, key: 'refused', vi: 'Không được tiếp nhận', en: 'Not accepted', terminal: true },
  { code: 4, key: 'processing', vi: 'Đang xử lý', en: 'In process', terminal: false },
  {
    code: 5,
    key: 'supplementation-requested',
    vi: 'Yêu cầu bổ sung giấy tờ',
    en: 'Supplementation requested',
    terminal: false,
  },
  {
    code: 6,
    key: 'financial-obligation',
    vi: 'Yêu cầu thực hiện nghĩa vụ tài chính',
    en: 'Waiting for financial obligation',
    terminal: false,
  },
  { code: 7, key: 'withdrawn', vi: 'Công dân yêu cầu rút hồ sơ', en: 'Citizen withdrew', terminal: true },
  { code: 8, key: 'stopped', vi: 'Dừng xử lý', en: 'Processing stopped', terminal: false },
  { code: 9, key: 'processed', vi: 'Đã xử lý xong', en: 'Processed, waiting for return', terminal: false },
  { code: 10, key: 'returned', vi: 'Đã trả kết quả', en: 'Result returned', terminal: true },
];

/**
 * Allowed moves. The sources list the codes, not a transition table, so this is derived from the lifecycle
 * of §2.2-§2.4 and §10.3 [U]:
 * - 1 (online, not yet accepted) → accepted, refused (Mẫu 03), asked to supplement (Mẫu 02), withdrawn;
 * - 2/4 → processing, supplementation (clock paused), fees/taxes (6), withdrawal (7), stop (8), processed;
 *   2 → 9 directly for procedures without processing steps (e.g. promotion notifications, §9.3);
 * - 5 → back to 1 (before acceptance) or 4 (during processing), refused when not supplemented in time
 *   (§2.4 "Không tiếp nhận hồ sơ bổ sung quá hạn"), withdrawn or stopped;
 * - 6 → 4 or 9 once paid, withdrawn or stopped; 9 → 6 when the fee is collected at return ("Thu sau", §2.5);
 * - 8 → 10 when the stop notice and papers are handed back; 9 → 10 when the result is returned.
 */
const TRANSITIONS: Readonly<Record<DossierStatusCode, readonly DossierStatusCode[]>> = {
  1: [2, 3, 5, 7],
  2: [4, 5, 6, 7, 8, 9],
  3: [],
  4: [5, 6, 7, 8, 9],
  5: [1, 2, 3, 4, 7, 8],
  6: [4, 7, 8, 9, 10],
  7: [],
  8: [10],
  9: [6, 10],
  10: [],
};

/** Whether a number is a national status code. */
export function isDossierStatusCode(value: number): value is DossierStatusCode {
  return Number.isInteger(value) && value >= 1 && value <= 10;
}

/** The status of a code. */
export function dossierStatus(code: DossierStatusCode): DossierStatus {
  const status = DOSSIER_STATUSES[code - 1];
  if (!status) throw new RangeError(`Unknown dossier status ${code}`);
  return status;
}

/** The label of a code for the citizen (vi) or for logs and the API docs (en). */
export function statusLabel(code: DossierStatusCode, lang: 'vi' | 'en' = 'vi'): string {
  return dossierStatus(code)[lang];
}

/** The statuses reachable from `from`. */
export function allowedTransitions(from: DossierStatusCode): readonly DossierStatusCode[] {
  return TRANSITIONS[from];
}

/** Whether a dossier may move from `from` to `to`. */
export function canTransition(from: DossierStatusCode, to: DossierStatusCode): boolean {
  return TRANSITIONS[from].includes(to);
}

/** A refused status change: an expected failure the API maps to 409 with the Vietnamese message. */
export class StatusTransitionError extends Error {
  constructor(
    readonly from: DossierStatusCode,
    readonly to: DossierStatusCode,
  ) {
    super(`Không thể chuyển hồ sơ từ trạng thái "${statusLabel(from)}" sang "${statusLabel(to)}"`);
    this.name = 'StatusTransitionError';
  }
}

/** Throws {@link StatusTransitionError} unless the move is allowed. */
export function assertTransition(from: DossierStatusCode, to: DossierStatusCode): void {
  if (!canTransition(from, to)) throw new StatusTransitionError(from, to);
}

/** The code pushed to DVCQG: 5, 6 and 8 are sent as 9, as the real sync does (§2.5). */
export function toDvcqgStatus(code: DossierStatusCode): DossierStatusCode {
  return code === 5 || code === 6 || code === 8 ? 9 : code;
}
