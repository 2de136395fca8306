/** Shapes of the structured parts of a procedure (stored as JSON in the procedure row). */

/** One document of the dossier (thành phần hồ sơ). */
export interface ProcedureDocument {
  name: string;
  /** Number of originals and copies the applicant provides on paper. */
  originals?: number;
  copies?: number;
  required: boolean;
  /** A downloadable template for this document, by form id. */
  formId?: string;
  note?: string;
}

/** A fee (phí) or charge (lệ phí), in VND, possibly per channel. */
export interface ProcedureFee {
  kind: 'phi' | 'le-phi';
  amount: number;
  channel: 'all' | 'paper' | 'online';
  /** When it is collected: at submission, with the result, not at all. */
  timing: 'before' | 'after' | 'none';
  description?: string;
}

/** A template the applicant downloads (level 2) or fills in online (a form-js schema). */
export interface ProcedureForm {
  id: string;
  name: string;
  fileName: string;
  mediaType: string;
  /** File content: UTF-8 text or base64, per `encoding`. */
  content: string;
  encoding: 'utf8' | 'base64';
}

/** A case variant (trường hợp thủ tục) executed by one BPMN process. */
export interface ProcedureVariant {
  id: string;
  name: string;
  bpmnProcessId: string;
  dayKind?: 'working' | 'calendar';
  daysPaper?: number | null;
  daysOnline?: number | null;
  /** Notifications with no result and no appointment date (e.g. thông báo khuyến mại). */
  noAppointmentDate?: boolean;
}

/** Submission channels, with the national channel codes (KenhThucHien) in comments. */
export const CHANNELS = ['direct' /* 1 */, 'online' /* 2 */, 'postal' /* 3 */] as const;

/** A submission channel. */
export type Channel = (typeof CHANNELS)[number];
