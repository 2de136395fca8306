/**
 * The shared steps of every procedure as scenario moves: the one-stop check (motcua-completeness-check), the
 * apology (motcua-apology), the result return (motcua-result-return) and the withdrawal message. The values are
 * what the officers enter in the shared forms (processes/_shared/forms).
 */
import type { Scenario } from './scenario';

/** Status sequence of the shared result return with the fee collected before (or no fee): 9 → 10. */
export const RETURN_STATUSES = [9, 10];
/** Status sequence of the shared result return when the fee is collected at return: 9 → 6 → (paid) 9 → 10. */
export const RETURN_WITH_FEE_STATUSES = [9, 6, 9, 10];

export async function acceptDossier(s: Scenario): Promise<void> {
  await s.completeTask('motcua-completeness-check', {
    completenessDecision: 'accepted',
    checkNote: 'Hồ sơ đầy đủ, hợp lệ',
  });
}

export async function requestSupplement(s: Scenario): Promise<void> {
  await s.completeTask('motcua-completeness-check', {
    completenessDecision: 'supplement',
    supplementRequest: 'Bổ sung bản sao căn cước công dân có chứng thực',
  });
}

export async function supplement(s: Scenario): Promise<void> {
  await s.publish('dossier-supplemented', { documents: ['can-cuoc-bo-sung.pdf'] });
}

export async function refuseDossier(s: Scenario): Promise<void> {
  await s.completeTask('motcua-completeness-check', {
    completenessDecision: 'refused',
    refusalReason: 'Thủ tục không thuộc thẩm quyền giải quyết của cơ quan',
  });
}

export async function withdraw(s: Scenario): Promise<void> {
  await s.publish('dossier-withdrawn', { withdrawalReason: 'Công dân không còn nhu cầu' });
}

/**
 * Lateness: moves the clock to one minute before the apology timer (nothing happens), then past it; the apology
 * sub-process asks sla.status, the specialist drafts Mẫu 04 and the section head approves it. Returns the dossier's
 * appointment date after Mẫu 04 (the new date must reach the procedure, e.g. the due date of the in-person return).
 */
export const NEW_APPOINTMENT_DATE = '2026-03-20T16:00:00+07:00';

export async function becomeLateAndApologise(
  s: Scenario,
): Promise<{ apologyBeforeTimer: boolean; appointmentDate: unknown }> {
  const timerMs = (s.settings.timeLimitDays - 1) * 86_400_000;
  await s.advance(timerMs - 60_000);
  const apologyBeforeTimer = (await s.openTaskIds()).includes('Task_DraftApology');
  await s.advance(60_000);
  await s.completeTask('motcua-apology-draft', {
    newAppointmentDate: NEW_APPOINTMENT_DATE,
    delayReason: 'Chờ ý kiến của cơ quan có liên quan',
  });
  await s.completeTask('motcua-apology-approval', {
    apologyApprovalDecision: 'approve',
    apologyApprovalComment: 'Đồng ý',
  });
  return { apologyBeforeTimer, appointmentDate: (await s.variables()).appointmentDate };
}

/** Returns the result in person, paying the fee first when it is collected at return (feeTiming = "after"). */
export async function returnResult(s: Scenario): Promise<void> {
  if ((await s.variables()).feeTiming === 'after')
    await s.publish('fee-paid', { paymentReference: 'PAYGOV-0001' });
  await s.completeTask('motcua-result-return-direct', {
    receiverName: 'Nguyễn Văn An',
    receiverIdNumber: '082090001234',
    receiptSlipCollected: true,
    returnDecision: 'returned',
  });
}

/** Approves the usual chain: appraisal (propose-approve), optional review, approval. */
export async function approveChain(s: Scenario, prefix: string, options: { review: boolean }): Promise<void> {
  await s.completeTask(`${prefix}-appraisal`, {
    appraisalDecision: 'propose-approve',
    appraisalNote: 'Đủ điều kiện',
    appraisalReason: 'Hồ sơ đáp ứng quy định',
  });
  if (options.review)
    await s.completeTask(`${prefix}-review`, { reviewDecision: 'approve', reviewComment: 'Thống nhất' });
  await s.completeTask(`${prefix}-approval`, { approvalDecision: 'approve', approvalComment: 'Đồng ý ký' });
}
