// Scenarios of the first-instance complaint resolution (motcua-complaint-resolution) on the embedded engine. The Law
// on Complaints replaces the one-stop check by acceptance within 10 days (no supplementation loop) and the apology
// slip by a reminder to the officers before the resolution deadline.
import { setUpScenarioEnvironment, type Scenario } from '../testing/scenario';
import { returnResult, RETURN_STATUSES, supplement, withdraw } from '../testing/steps';

const PKG = 'complaint-resolution';
const FORMS = 'motcua-complaint-resolution';

const application = {
  applicantName: 'Lý Thị Mai',
  applicantDateOfBirth: '1978-11-20',
  applicantIdNumber: '082178005555',
  applicantPhone: '0945666777',
  applicantAddress: 'Ấp Mỹ Lợi, xã Mỹ Phong, TP Mỹ Tho',
  complainedDecision: 'Quyết định số 123/QĐ-UBND về bồi thường khi thu hồi đất',
  complainedAgency: 'UBND TP Mỹ Tho',
  knownDate: '2026-02-10',
  complaintContent: 'Giá bồi thường thấp hơn giá thị trường',
  complaintRequests: 'Xem xét lại đơn giá bồi thường',
  deliveryMethod: 'in-person',
};

const env = setUpScenarioEnvironment('scenario_complaint');

const accept = (s: Scenario) =>
  s.completeTask(`${FORMS}-acceptance`, {
    acceptanceDecision: 'accept',
    isComplexCase: false,
    isRemoteArea: false,
  });

async function resolve(s: Scenario): Promise<void> {
  await s.completeTask(`${FORMS}-verification`, { verificationReport: 'Đã xác minh hồ sơ bồi thường' });
  await s.completeTask(`${FORMS}-dialogue`, {
    dialogueDate: '2026-03-20T09:00:00+07:00',
    dialogueMinutes: 'Biên bản đối thoại',
  });
  await s.completeTask(`${FORMS}-appraisal`, {
    complaintConclusion: 'partly-valid',
    decisionDraft: 'Dự thảo quyết định giải quyết khiếu nại',
  });
  await s.completeTask(`${FORMS}-review`, { reviewDecision: 'approve', reviewComment: 'Thống nhất' });
  await s.completeTask(`${FORMS}-approval`, {
    approvalDecision: 'approve',
    approvalComment: 'Ký quyết định',
  });
}

describe('complaint resolution scenarios', () => {
  it('should reach status 10 (đã trả kết quả) when the complaint is accepted, resolved and the decision returned', async () => {
    // given
    const s = await env().start(PKG, application);
    // when
    await accept(s);
    await resolve(s);
    await returnResult(s);
    // then
    await s.expectHealthy('COMPLETED');
    expect(s.statuses).toEqual([1, 2, 4, ...RETURN_STATUSES]);
    expect(s.jobTypes()).toEqual(expect.arrayContaining(['complaint.acceptance-notice', 'dossier.result']));
    expect(s.jobTypes().filter((t) => t === 'sla.start')).toHaveLength(2);
  });

  it('should keep waiting for the acceptance decision (no supplementation loop by design) when a supplement message arrives', async () => {
    // given
    const s = await env().start(PKG, application);
    // when
    await supplement(s);
    // then
    await s.expectHealthy('ACTIVE');
    expect(await s.openTaskIds()).toEqual(['Task_ClassifyComplaint']);
    expect(s.statuses).toEqual([1]);
    expect(s.jobTypes()).not.toContain('dossier.supplement-request');
  });

  it('should end with status 3 and the notice of non-acceptance when the complaint is not accepted', async () => {
    // given
    const s = await env().start(PKG, application);
    // when
    await s.completeTask(`${FORMS}-acceptance`, {
      acceptanceDecision: 'reject',
      rejectionReason: 'Đã hết thời hiệu khiếu nại',
    });
    // then
    await s.expectHealthy('COMPLETED');
    expect(s.statuses).toEqual([1, 3]);
    expect(s.jobTypes()).toContain('complaint.rejection-notice');
  });

  it('should remind the officers instead of issuing an apology (no Mẫu 04 by law) when the resolution deadline nears', async () => {
    // given
    const s = await env().start(PKG, application);
    await accept(s);
    // when
    await s.advance(`P${s.settings.complaintReminderDays}D`);
    await resolve(s);
    await returnResult(s);
    // then
    await s.expectHealthy('COMPLETED');
    expect(s.jobTypes()).toContain('notify.officer');
    expect(s.jobTypes()).not.toContain('dossier.apology');
    expect(s.statuses).toEqual([1, 2, 4, ...RETURN_STATUSES]);
  });

  it('should set status 7 and end the dossier when the complainant withdraws during the resolution', async () => {
    // given
    const s = await env().start(PKG, application);
    await accept(s);
    // when
    await withdraw(s);
    // then
    await s.expectHealthy('COMPLETED');
    expect(s.statuses).toEqual([1, 2, 4, 7]);
    expect(await s.openTaskIds()).toEqual([]);
  });
});
