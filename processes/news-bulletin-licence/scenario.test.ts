// Scenarios of the news bulletin publishing licence (motcua-news-bulletin-licence) on the embedded engine.
import { describeStandardScenarios } from '../testing/standard-suite';
import { approveChain } from '../testing/steps';

const FORMS = 'motcua-news-bulletin-licence';

const application = {
  organisationName: 'Công ty TNHH Truyền thông Mỹ Tho',
  taxCode: '1201234567',
  organisationAddress: '25 Ấp Bắc, phường 10, TP Mỹ Tho',
  representativeName: 'Trần Thị Bình',
  representativeIdNumber: '082185004321',
  applicantPhone: '0273387654',
  applicantAddress: '25 Ấp Bắc, phường 10, TP Mỹ Tho',
  bulletinName: 'Bản tin Doanh nghiệp Tiền Giang',
  bulletinPurpose: 'Thông tin hoạt động nội bộ',
  bulletinFrequency: '1 kỳ/tháng',
  bulletinPages: 16,
  bulletinCopies: 500,
  bulletinLanguage: 'Tiếng Việt',
  responsiblePerson: 'Trần Thị Bình',
  documents: ['don-de-nghi.pdf'],
  deliveryMethod: 'in-person',
};

const env = describeStandardScenarios({
  pkg: 'news-bulletin-licence',
  suite: 'scenario_news_bulletin',
  application,
  firstProcessingTask: 'Task_Appraise',
  process: (s) => approveChain(s, FORMS, { review: true }),
  grantJobs: ['licence.register'],
});

describe('news bulletin licence: decisions inside processing', () => {
  it('should return the written refusal without registering a licence when the appraisal proposes to refuse', async () => {
    // given
    const s = await env().start('news-bulletin-licence', { ...application, deliveryMethod: 'online' });
    await s.completeTask('motcua-completeness-check', { completenessDecision: 'accepted' });
    // when
    await s.completeTask(`${FORMS}-appraisal`, {
      appraisalDecision: 'propose-refuse',
      appraisalNote: 'Không đủ điều kiện',
      appraisalReason: 'Thiếu người chịu trách nhiệm',
    });
    await s.completeTask(`${FORMS}-review`, { reviewDecision: 'approve', reviewComment: 'Thống nhất' });
    await s.completeTask(`${FORMS}-approval`, {
      approvalDecision: 'approve',
      approvalComment: 'Đồng ý từ chối',
    });
    await s.publish('fee-paid', { paymentReference: 'PAYGOV-0002' });
    // then
    await s.expectHealthy('COMPLETED');
    expect(s.jobTypes()).not.toContain('licence.register');
    expect(s.jobTypes()).toEqual(expect.arrayContaining(['dossier.result', 'result.publish-online']));
    expect(s.statuses.at(-1)).toBe(10);
  });

  it('should go back to the appraisal when the section head sends the draft back', async () => {
    // given
    const s = await env().start('news-bulletin-licence', application);
    await s.completeTask('motcua-completeness-check', { completenessDecision: 'accepted' });
    await s.completeTask(`${FORMS}-appraisal`, {
      appraisalDecision: 'propose-approve',
      appraisalNote: 'Đạt',
      appraisalReason: 'Đủ điều kiện',
    });
    // when
    await s.completeTask(`${FORMS}-review`, {
      reviewDecision: 'send-back',
      reviewComment: 'Bổ sung thẩm định',
    });
    // then
    await s.expectHealthy('ACTIVE');
    expect(await s.openTaskIds()).toEqual(['Task_Appraise']);
  });
});
