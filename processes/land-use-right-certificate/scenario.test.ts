// Scenarios of the first land use right certificate (motcua-land-use-right-certificate) on the embedded engine:
// commune confirmation and cadastral survey in parallel, the financial obligation (status 6, message
// `tax-obligation-fulfilled`), the certificate signed by another authority.
import type { Scenario } from '../testing/scenario';
import { describeStandardScenarios } from '../testing/standard-suite';

const PKG = 'land-use-right-certificate';
const FORMS = 'motcua-land-use-right-certificate';
const SIGNING_AGENCY = 'vpdkdd-tiengiang';

const application = {
  signingAgencyCode: SIGNING_AGENCY,
  applicantName: 'Trương Văn Hậu',
  applicantDateOfBirth: '1970-01-15',
  applicantIdNumber: '082070004444',
  applicantPhone: '0977444555',
  applicantAddress: 'Ấp Bầu Môn, xã Tân Phước, huyện Gò Công Đông',
  parcelAddress: 'Ấp Bầu Môn, xã Tân Phước, huyện Gò Công Đông',
  parcelNumber: '125',
  mapSheetNumber: '12',
  parcelArea: 350.5,
  landUsePurpose: 'residential',
  landUseSince: '1995-06-01',
  landOrigin: 'Nhận thừa kế từ cha mẹ, sử dụng ổn định',
  documents: ['giay-to-dat.pdf'],
  deliveryMethod: 'in-person',
};

/** Commune confirmation and survey (parallel), appraisal, financial obligation, review: up to the signature. */
async function upToSignature(s: Scenario): Promise<void> {
  await s.completeTask(`${FORMS}-cadastral-survey`, {
    surveyedParcelNumber: '125',
    surveyedMapSheetNumber: '12',
    surveyedArea: 348.2,
  });
  await s.publish('commune-confirmation-received', {
    communeConfirmation: { landDispute: false, inPlanning: false },
  });
  await s.completeTask(`${FORMS}-appraisal`, {
    financialObligationRequired: 'yes',
    appraisalDecision: 'propose-approve',
    appraisalNote: 'Đủ điều kiện cấp Giấy chứng nhận',
    appraisalReason: 'Sử dụng đất ổn định, không tranh chấp',
  });
  await s.publish('tax-obligation-fulfilled', { taxReceiptNumbers: ['BL-0001', 'BL-0002'] });
  await s.completeTask(`${FORMS}-review`, { reviewDecision: 'approve', reviewComment: 'Thống nhất' });
}

const env = describeStandardScenarios({
  pkg: PKG,
  suite: 'scenario_land',
  application,
  firstProcessingTask: 'Task_CadastralSurvey',
  process: async (s) => {
    await upToSignature(s);
    await s.completeTask(`${FORMS}-approval`, {
      approvalDecision: 'approve',
      approvalComment: 'Ký Giấy chứng nhận',
    });
  },
  processingStatuses: [6, 4],
  grantJobs: [
    'land.commune-confirmation.request',
    'tax.obligation',
    'sla.pause',
    'sla.resume',
    'land.register.update',
  ],
});

describe('land use right certificate: inter-agency steps', () => {
  it('should wait for the commune before the appraisal when the survey is done first', async () => {
    // given
    const s = await env().start(PKG, application);
    await s.completeTask('motcua-completeness-check', { completenessDecision: 'accepted' });
    // when
    await s.completeTask(`${FORMS}-cadastral-survey`, {
      surveyedParcelNumber: '125',
      surveyedMapSheetNumber: '12',
      surveyedArea: 348.2,
    });
    const beforeCommune = await s.openTaskIds();
    await s.publish('commune-confirmation-received', { communeConfirmation: { landDispute: false } });
    // then
    expect(beforeCommune).toEqual([]);
    await s.expectHealthy('ACTIVE');
    expect(await s.openTaskIds()).toEqual(['Task_Appraise']);
  });

  it('should offer the signature to the head of the signing authority when the review approves', async () => {
    // given
    const s = await env().start(PKG, application);
    await s.completeTask('motcua-completeness-check', { completenessDecision: 'accepted' });
    // when
    await upToSignature(s);
    // then
    const [signature] = await s.openTasks();
    expect(signature?.elementId).toBe('Task_Approve');
    expect(signature?.candidateGroups).toEqual([`${SIGNING_AGENCY}:agency-head`]);
    expect(s.statuses).toEqual([1, 2, 4, 6, 4]);
  });
});
