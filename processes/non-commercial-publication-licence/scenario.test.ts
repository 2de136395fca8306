// Scenarios of the non-commercial publication licence (motcua-non-commercial-publication-licence) on the embedded
// engine. Two-level approval: the section head reviews, the agency head signs.
import { describeStandardScenarios } from '../testing/standard-suite';
import { approveChain } from '../testing/steps';

const PKG = 'non-commercial-publication-licence';
const FORMS = 'motcua-non-commercial-publication-licence';

const application = {
  organisationName: 'Hội Văn học Nghệ thuật tỉnh Tiền Giang',
  taxCode: '1200987654',
  organisationAddress: '8 Trưng Trắc, phường 1, TP Mỹ Tho',
  representativeName: 'Lê Văn Cường',
  representativeIdNumber: '082075006789',
  applicantPhone: '0273381234',
  applicantAddress: '8 Trưng Trắc, phường 1, TP Mỹ Tho',
  documentTitle: 'Kỷ yếu 50 năm Hội Văn học Nghệ thuật',
  documentPages: 120,
  documentCopies: 300,
  documentLanguage: 'Tiếng Việt',
  printingHouse: 'Công ty In Tiền Giang',
  documentSummary: 'Kỷ yếu hoạt động của Hội',
  documents: ['ban-thao.pdf'],
  deliveryMethod: 'post',
};

const env = describeStandardScenarios({
  pkg: PKG,
  suite: 'scenario_publication',
  application: { ...application, deliveryMethod: 'in-person' },
  firstProcessingTask: 'Task_Appraise',
  process: (s) => approveChain(s, FORMS, { review: true }),
  grantJobs: ['licence.register'],
});

describe('non-commercial publication licence: two-level approval and postal return', () => {
  it('should ask the section head and then the agency head and send the licence by post when delivery is by post', async () => {
    // given
    const s = await env().start(PKG, application);
    await s.completeTask('motcua-completeness-check', { completenessDecision: 'accepted' });
    const review = (await s.openTasks()).length;
    // when
    await approveChain(s, FORMS, { review: true });
    await s.publish('fee-paid', { paymentReference: 'PAYGOV-0003' });
    // then
    expect(review).toBe(1);
    await s.expectHealthy('COMPLETED');
    expect(s.jobTypes()).toEqual(expect.arrayContaining(['licence.register', 'post.dispatch']));
    expect(s.statuses).toEqual([1, 2, 4, 9, 6, 9, 10]);
  });

  it('should assign the approval to the agency head of the agency when the review is approved', async () => {
    // given
    const s = await env().start(PKG, application);
    await s.completeTask('motcua-completeness-check', { completenessDecision: 'accepted' });
    await s.completeTask(`${FORMS}-appraisal`, {
      appraisalDecision: 'propose-approve',
      appraisalNote: 'Đạt',
      appraisalReason: 'Đủ điều kiện',
    });
    // when
    await s.completeTask(`${FORMS}-review`, { reviewDecision: 'approve', reviewComment: 'Thống nhất' });
    // then
    const [approval] = await s.openTasks();
    expect(approval?.elementId).toBe('Task_Approve');
    expect(approval?.candidateGroups).toEqual([`${String((await s.variables()).agencyCode)}:agency-head`]);
  });
});
