// Scenarios of the investment registration certificate (motcua-investment-registration-certificate) on the embedded
// engine; the specialist consults other agencies in parallel (one `consultation-replied` message per agency).
import type { Scenario } from '../testing/scenario';
import { describeStandardScenarios } from '../testing/standard-suite';
import { approveChain } from '../testing/steps';

const PKG = 'investment-registration-certificate';
const FORMS = 'motcua-investment-registration-certificate';
const AGENCIES = ['so-xay-dung', 'so-cong-thuong'];

const application = {
  organisationName: 'Công ty Cổ phần Chế biến Trái cây Tiền Giang',
  taxCode: '1201555666',
  organisationAddress: 'KCN Long Giang, huyện Tân Phước',
  representativeName: 'Huỳnh Quốc Khánh',
  representativeIdNumber: '082079001111',
  applicantPhone: '0918765432',
  applicantAddress: 'KCN Long Giang, huyện Tân Phước',
  projectName: 'Nhà máy chế biến trái cây xuất khẩu',
  projectLocation: 'KCN Long Giang',
  projectObjectives: 'Chế biến trái cây sấy, nước ép',
  totalCapital: 120_000_000_000,
  landAreaRequired: 30_000,
  implementationSchedule: 'Quý 3/2026 – Quý 4/2027',
  documents: ['de-xuat-du-an.pdf'],
  deliveryMethod: 'in-person',
};

async function planConsultation(s: Scenario): Promise<void> {
  await s.completeTask(`${FORMS}-consultation-plan`, {
    consultedAgencies: AGENCIES,
    consultationNote: 'Đề nghị có ý kiến về quy hoạch, ngành nghề',
  });
}

async function reply(s: Scenario, agencyCode: string): Promise<void> {
  await s.publish(
    'consultation-replied',
    { consultationResult: { agencyCode, opinion: 'agree', comment: 'Thống nhất' } },
    `${s.dossierCode}:${agencyCode}`,
  );
}

const env = describeStandardScenarios({
  pkg: PKG,
  suite: 'scenario_investment',
  application,
  firstProcessingTask: 'Task_PlanConsultation',
  process: async (s) => {
    await planConsultation(s);
    for (const agency of AGENCIES) await reply(s, agency);
    await approveChain(s, FORMS, { review: true });
  },
  grantJobs: ['interagency.consultation.request', 'investment.register'],
});

describe('investment registration certificate: consultation of other agencies', () => {
  it('should collect one result per consulted agency when every agency replies', async () => {
    // given
    const s = await env().start(PKG, application);
    await s.completeTask('motcua-completeness-check', { completenessDecision: 'accepted' });
    // when
    await planConsultation(s);
    await reply(s, 'so-cong-thuong');
    const waiting = await s.openTaskIds();
    await reply(s, 'so-xay-dung');
    // then
    expect(waiting).toEqual([]);
    await s.expectHealthy('ACTIVE');
    expect(s.jobTypes().filter((t) => t === 'interagency.consultation.request')).toHaveLength(2);
    expect(await s.openTaskIds()).toEqual(['Task_Appraise']);
    expect((await s.variables()).consultationResults).toEqual(
      AGENCIES.map((agencyCode) => ({ agencyCode, opinion: 'agree', comment: 'Thống nhất' })),
    );
  });

  it('should record "no-reply" for that agency and continue to the appraisal when an agency does not reply in time', async () => {
    // given
    const s = await env().start(PKG, application, { settings: { timeLimitDays: 30 } });
    await s.completeTask('motcua-completeness-check', { completenessDecision: 'accepted' });
    await planConsultation(s);
    await reply(s, 'so-xay-dung');
    // when
    await s.advance(`P${s.settings.consultationReplyDays}D`);
    // then
    await s.expectHealthy('ACTIVE');
    expect(await s.openTaskIds()).toEqual(['Task_Appraise']);
    expect((await s.variables()).consultationResults).toEqual([
      { agencyCode: 'so-xay-dung', opinion: 'agree', comment: 'Thống nhất' },
      { agencyCode: 'so-cong-thuong', opinion: 'no-reply', comment: null },
    ]);
  });
});
