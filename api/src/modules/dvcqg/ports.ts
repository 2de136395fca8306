/**
 * The DVCQG sync port: what is pushed to the National Public Service Portal (Cổng Dịch vụ công quốc gia) for a
 * dossier, and the client that pushes it. domain.md §2.5: the external status is the national code with 5, 6
 * and 8 sent as 9, and each processing-history entry is pushed (Mẫu 05 / QuaTrinhXuLyHoSo, §10.4).
 */

/** One processing-history entry as DVCQG receives it. */
export interface DvcqgHistoryEntry {
  /** Our `dossier_history.id`: stable, so the receiver can drop an entry it already has (at-least-once delivery). */
  id: string;
  /** External status (`dvcqg_status`: 5, 6 and 8 are sent as 9). */
  status: number;
  /** When the step happened (ISO 8601). */
  at: string;
  /** Who did it (officer's name), when known. */
  actor: string | null;
  /** The process step (BPMN element id). */
  step: string | null;
  /** Due time of the dossier at that step (ISO 8601). */
  dueAt: string | null;
  note: string | null;
}

/** Channel codes (KenhThucHien, domain.md §2.5): 1 in person, 2 online, 3 public postal service. */
export type DvcqgChannelCode = 1 | 2 | 3;

/** A dossier and its history entries not yet synchronised, oldest first. */
export interface DvcqgSyncPayload {
  /** Version of this payload's shape. */
  schema: 'motcua.dvcqg-sync/1';
  dossier: {
    code: string;
    /** National procedure code (mã TTHC, `d.dddddd`), null for a procedure without one. */
    procedureNationalCode: string | null;
    procedureName: string;
    /** Receiving agency's electronic identifier (mã định danh). */
    agencyCode: string;
    /** The applicant as stored: the portal links the dossier to the citizen's account by the identifier. */
    applicant: { type: string; name: string; idNumber: string | null };
    submittedAt: string;
    receivedAt: string | null;
    /** Appointment date for the result (ngày hẹn trả). */
    appointmentAt: string | null;
    dueAt: string | null;
    finishedAt: string | null;
    returnedAt: string | null;
    channel: 'direct' | 'online' | 'post';
    channelCode: DvcqgChannelCode;
    /** External status after the last entry of this payload. */
    status: number;
  };
  history: DvcqgHistoryEntry[];
}

/** Pushes one dossier's payload to DVCQG; throws {@link DvcqgSyncError} (or any error) when it was not accepted. */
export interface DvcqgClient {
  /** `http` sends to DVCQG_SYNC_URL; `record` keeps the payload in the database (no URL configured). */
  readonly kind: 'http' | 'record';
  push(payload: DvcqgSyncPayload): Promise<void>;
}

/** A push DVCQG did not accept; the message (Vietnamese) is shown to the admins as the dossier's last error. */
export class DvcqgSyncError extends Error {
  constructor(
    message: string,
    readonly httpStatus?: number,
  ) {
    super(message);
    this.name = 'DvcqgSyncError';
  }
}
