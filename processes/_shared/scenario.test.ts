// Scenarios of the shared call activities (motcua-completeness-check, motcua-apology, motcua-result-return) on the
// embedded engine, on their own and called from a procedure (the business household registration hosts them).
import { setUpScenarioEnvironment, type Scenario } from '../testing/scenario';
import { acceptDossier, refuseDossier, requestSupplement, supplement, withdraw } from '../testing/steps';

const HOST = 'business-household-registration';
const application = {
  applicantName: 'Nguyễn Văn An',
  applicantIdNumber: '082090001234',
  applicantAddress: '12 Lê Lợi, phường 1, TP Mỹ Tho',
  businessName: 'Hộ kinh doanh Tạp hóa An Phát',
  deliveryMethod: 'in-person',
};
const dossier = (code: string, extra: Record<string, unknown> = {}) => ({
  dossierCode: `shared-${code}-${process.env.JEST_WORKER_ID ?? '0'}`,
  agencyCode: 'tckh-mytho',
  procedureCode: 'TG.HKD.01',
  variantKey: 'new-registration',
  channel: 'online',
  ...extra,
});

const env = setUpScenarioEnvironment('scenario_shared');

async function draftApology(s: Scenario): Promise<void> {
  await s.completeTask('motcua-apology-draft', {
    newAppointmentDate: '2026-03-20T16:00:00+07:00',
    delayReason: 'Chờ xác minh',
  });
}

describe('motcua-completeness-check', () => {
  it('should issue the receipt (Mẫu 01, status 2) and return the appointment when the check accepts', async () => {
    // given
    const s = await env().startProcess('motcua-completeness-check', dossier('cc-accept'));
    // when
    await acceptDossier(s);
    // then
    await s.expectHealthy('COMPLETED');
    expect(s.statuses).toEqual([2]);
    expect(await s.variables()).toEqual(
      expect.objectContaining({
        completenessDecision: 'accepted',
        receiptNumber: expect.any(String),
        apologyTimerDuration: 'P9D',
      }),
    );
  });

  it('should loop as often as needed when the officer requests a supplement twice', async () => {
    // given
    const s = await env().startProcess('motcua-completeness-check', dossier('cc-loop'));
    // when
    await requestSupplement(s);
    await supplement(s);
    await requestSupplement(s);
    const waitingAgain = await s.openTaskIds();
    await supplement(s);
    await refuseDossier(s);
    // then
    expect(waitingAgain).toEqual([]);
    await s.expectHealthy('COMPLETED');
    expect(s.statuses).toEqual([5, 1, 5, 1, 3]);
    expect(s.jobTypes().filter((t) => t === 'sla.pause')).toHaveLength(2);
  });

  it('should refuse with reason supplement-expired (Mẫu 03) when the applicant does not supplement in time', async () => {
    // given
    const s = await env().start(HOST, application);
    await requestSupplement(s);
    // when
    await s.advance(`P${s.settings.supplementDeadlineDays}D`);
    // then
    await s.expectHealthy('COMPLETED');
    expect(s.statuses).toEqual([1, 5, 3]);
    expect((await s.variables()).completenessDecision).toBe('refused');
    expect(s.jobs.filter((j) => j.type === 'dossier.refusal').map((j) => j.elementId)).toEqual([
      'Task_RefuseExpired',
    ]);
  });

  it('should end the called check and cancel its deadline when the applicant withdraws while a supplement is awaited', async () => {
    // given
    const s = await env().start(HOST, application);
    await requestSupplement(s);
    const check = s.jobs.find((j) => j.bpmnProcessId === 'motcua-completeness-check')!.processInstanceKey;
    // when
    await withdraw(s);
    await s.advance(`P${s.settings.supplementDeadlineDays}D`);
    // then
    await s.expectHealthy('COMPLETED');
    expect(s.statuses).toEqual([1, 5, 7]);
    expect((await env().engine.getProcessInstance(check)).state).toBe('TERMINATED');
  });
});

describe('motcua-apology', () => {
  it('should end without Mẫu 04 when sla.status says the dossier is no longer at risk', async () => {
    // given
    const s = await env().start(HOST, application, { settings: { apologyRequired: false } });
    await acceptDossier(s);
    const appointmentDate = (await s.variables()).appointmentDate;
    // when
    await s.advance(`P${s.settings.timeLimitDays - 1}D`);
    // then
    expect((await s.variables()).appointmentDate).toBe(appointmentDate);
    await s.expectHealthy('ACTIVE');
    expect(s.jobTypes()).toContain('sla.status');
    expect(s.jobTypes()).not.toContain('dossier.apology');
    expect(await s.openTaskIds()).toEqual(['Task_Appraise']);
  });

  it('should ask the specialist to redraft and then issue Mẫu 04 when the section head sends the draft back', async () => {
    // given
    const s = await env().start(HOST, application);
    await acceptDossier(s);
    await s.advance(`P${s.settings.timeLimitDays - 1}D`);
    await draftApology(s);
    // when
    await s.completeTask('motcua-apology-approval', {
      apologyApprovalDecision: 'send-back',
      apologyApprovalComment: 'Nêu rõ lý do',
    });
    await draftApology(s);
    await s.completeTask('motcua-apology-approval', {
      apologyApprovalDecision: 'approve',
      apologyApprovalComment: 'Đồng ý',
    });
    // then
    await s.expectHealthy('ACTIVE');
    expect(s.jobTypes().filter((t) => t === 'dossier.apology')).toHaveLength(1);
    expect(await s.openTaskIds()).toEqual(['Task_Appraise']);
  });
});

describe('motcua-result-return', () => {
  const ready = (code: string, deliveryMethod: string, feeTiming: string) =>
    dossier(code, {
      deliveryMethod,
      feeTiming,
      feeAmount: 50_000,
      resultDocumentId: 'DOC-1',
      applicantAddress: '12 Lê Lợi, TP Mỹ Tho',
      appointmentDate: '2026-03-16T16:00:00+07:00',
    });

  it('should send the result by post and reach status 10 when the applicant chose postal delivery', async () => {
    // given / when
    const s = await env().startProcess('motcua-result-return', ready('rr-post', 'post', 'none'));
    // then
    await s.expectHealthy('COMPLETED');
    expect(s.statuses).toEqual([9, 10]);
    expect(s.jobTypes()).toEqual(expect.arrayContaining(['post.dispatch', 'satisfaction.request']));
  });

  it('should wait at status 6 and publish the result online after payment when the fee is collected at return', async () => {
    // given
    const s = await env().startProcess('motcua-result-return', ready('rr-online', 'online', 'after'));
    const waiting = await s.state();
    // when
    await s.publish('fee-paid', { paymentReference: 'PAYGOV-0009' });
    // then
    expect(waiting).toBe('ACTIVE');
    await s.expectHealthy('COMPLETED');
    expect(s.statuses).toEqual([9, 6, 9, 10]);
    expect(s.jobTypes()).toContain('result.publish-online');
  });
});
