// Scenarios of the printing licence (motcua-printing-licence) on the embedded engine; the appraisal may ask for a
// site inspection.
import { describeStandardScenarios } from '../testing/standard-suite';
import { approveChain } from '../testing/steps';

const PKG = 'printing-licence';
const FORMS = 'motcua-printing-licence';

const application = {
  organisationName: 'Công ty TNHH In Bao bì Mỹ Tho',
  taxCode: '1201112223',
  organisationAddress: 'KCN Mỹ Tho, xã Bình Đức',
  representativeName: 'Võ Thị Hoa',
  representativeIdNumber: '082188007777',
  applicantPhone: '0907123456',
  applicantAddress: 'KCN Mỹ Tho, xã Bình Đức',
  printingActivities: ['press'],
  equipmentList: 'Máy in offset 4 màu',
  premises: 'Nhà xưởng 1.200 m²',
  managerName: 'Võ Thị Hoa',
  managerQualification: 'Kỹ sư in',
  documents: ['ho-so-thiet-bi.pdf'],
  deliveryMethod: 'in-person',
};

const env = describeStandardScenarios({
  pkg: PKG,
  suite: 'scenario_printing',
  application,
  firstProcessingTask: 'Task_Appraise',
  process: (s) => approveChain(s, FORMS, { review: true }),
  grantJobs: ['licence.register'],
});

describe('printing licence: site inspection', () => {
  it('should open the site inspection before the review when the appraisal asks for it', async () => {
    // given
    const s = await env().start(PKG, application);
    await s.completeTask('motcua-completeness-check', { completenessDecision: 'accepted' });
    // when
    await s.completeTask(`${FORMS}-appraisal`, {
      siteInspectionRequired: true,
      appraisalDecision: 'propose-approve',
      appraisalNote: 'Cần kiểm tra thực tế',
      appraisalReason: 'Thiết bị mới đầu tư',
    });
    const inspection = await s.openTaskIds();
    await s.completeTask(`${FORMS}-inspection`, {
      inspectionResult: 'pass',
      inspectionReport: 'Đạt yêu cầu',
    });
    // then
    expect(inspection).toEqual(['Task_Inspect']);
    await s.expectHealthy('ACTIVE');
    expect(await s.openTaskIds()).toEqual(['Task_Review']);
  });
});
