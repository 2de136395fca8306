// Scenarios of the driving licence (motcua-driving-licence, variants renewal / reissue / issue-after-test) on the
// embedded engine. The fee is paid before processing (status 6, message `fee-paid`).
import type { Scenario } from '../testing/scenario';
import { describeStandardScenarios } from '../testing/standard-suite';
import { approveChain } from '../testing/steps';

const PKG = 'driving-licence';
const FORMS = 'motcua-driving-licence';

const application = {
  licenceVariant: 'renewal',
  applicantName: 'Đặng Văn Giàu',
  applicantDateOfBirth: '1985-09-02',
  applicantIdNumber: '082085003333',
  applicantPhone: '0933222111',
  applicantAddress: 'Ấp 3, xã Tân Mỹ Chánh, TP Mỹ Tho',
  currentLicenceNumber: '820123456789',
  licenceClass: 'B',
  healthCertificateNumber: 'SK-2026-0142',
  documents: ['giay-kham-suc-khoe.pdf'],
  deliveryMethod: 'in-person',
};

const payFee = (s: Scenario) => s.publish('fee-paid', { paymentReference: 'PAYGOV-0100' });

const env = describeStandardScenarios({
  pkg: PKG,
  suite: 'scenario_driving',
  variantKey: 'renewal',
  application,
  beforeProcessing: payFee,
  beforeProcessingStatuses: [6],
  firstProcessingTask: 'Task_Appraise',
  process: (s) => approveChain(s, FORMS, { review: false }),
  grantJobs: ['fee.request', 'register.driving-licence.check', 'driving-licence.print'],
});

describe('driving licence: fee and variants', () => {
  it('should wait at status 6 without processing when the fee is not paid yet', async () => {
    // given
    const s = await env().start(PKG, application, { variantKey: 'renewal' });
    // when
    await s.completeTask('motcua-completeness-check', { completenessDecision: 'accepted' });
    // then
    await s.expectHealthy('ACTIVE');
    expect(s.statuses).toEqual([1, 2, 6]);
    expect(await s.openTaskIds()).toEqual([]);
  });

  it('should look up the driving test result instead of the register when the variant is issue-after-test', async () => {
    // given
    const s = await env().start(
      PKG,
      { ...application, licenceVariant: 'issue-after-test', currentLicenceNumber: undefined },
      { variantKey: 'issue-after-test' },
    );
    await s.completeTask('motcua-completeness-check', { completenessDecision: 'accepted' });
    // when
    await payFee(s);
    await approveChain(s, FORMS, { review: false });
    await s.completeTask('motcua-result-return-direct', {
      receiverName: 'Đặng Văn Giàu',
      receiverIdNumber: '082085003333',
      returnDecision: 'returned',
    });
    // then
    await s.expectHealthy('COMPLETED');
    expect(s.jobTypes()).toContain('register.driving-licence.exam-result');
    expect(s.jobTypes()).not.toContain('register.driving-licence.check');
    expect(s.statuses).toEqual([1, 2, 6, 4, 9, 10]);
  });
});
