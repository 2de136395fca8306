/** Dossier rows as the API shows them. */
import { isDossierStatusCode, statusLabel } from '../../domain/statuses.js';
import type { DossierRow, HistoryEntry } from './repository.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** The Vietnamese label of a status (or of a dossier not yet registered). */
export function labelOf(status: number | null): string {
  return status !== null && isDossierStatusCode(status) ? statusLabel(status) : 'Đang gửi hồ sơ';
}

/** Public shape of a dossier. */
export function dossierView(d: DossierRow) {
  return {
    code: d.code,
    agencyCode: d.agency_code,
    procedureId: d.procedure_id,
    procedureCode: d.procedure_code,
    procedureName: d.procedure_name,
    variantKey: d.variant_key,
    status: d.status,
    statusLabel: labelOf(d.status),
    lifecycle: d.lifecycle,
    channel: d.channel,
    deliveryMethod: d.delivery_method,
    applicant: {
      type: d.applicant_type,
      name: d.applicant_name,
      idNumber: d.applicant_id_number,
      email: d.applicant_email,
      phone: d.applicant_phone,
      address: d.applicant_address,
    },
    formData: d.form_data,
    submittedAt: d.submitted_at.toISOString(),
    receivedAt: iso(d.received_at),
    appointmentAt: iso(d.appointment_at),
    dueAt: iso(d.due_at),
    finishedAt: iso(d.finished_at),
    returnedAt: iso(d.returned_at),
    currentStep: d.current_element,
    processInstanceKey: d.process_instance_key,
    processVersion: d.process_version,
    stopReason: d.stop_reason,
  };
}

/** History entries with their Vietnamese labels. */
export function historyView(entries: HistoryEntry[]) {
  return entries.map((h) => ({ ...h, label: labelOf(h.status) }));
}
