// Scenarios of the appraisal for a news website licence (motcua-news-website-licence-appraisal) on the embedded engine.
import { describeStandardScenarios } from '../testing/standard-suite';
import { approveChain } from '../testing/steps';

const FORMS = 'motcua-news-website-licence-appraisal';

const application = {
  organisationName: 'Công ty Cổ phần Du lịch Tiền Giang',
  taxCode: '1200123456',
  organisationAddress: '2 Hùng Vương, phường 1, TP Mỹ Tho',
  representativeName: 'Phạm Minh Đức',
  representativeIdNumber: '082080002468',
  applicantPhone: '0983123456',
  applicantAddress: '2 Hùng Vương, phường 1, TP Mỹ Tho',
  domainName: 'dulichtiengiang.vn',
  serverLocation: 'Viettel IDC, Hà Nội',
  contentSources: 'Tin tự sản xuất, tổng hợp từ báo Ấp Bắc',
  responsiblePerson: 'Phạm Minh Đức',
  responsiblePersonIdNumber: '082080002468',
  documents: ['de-an.pdf'],
  deliveryMethod: 'in-person',
};

describeStandardScenarios({
  pkg: 'news-website-licence-appraisal',
  suite: 'scenario_news_website',
  application,
  firstProcessingTask: 'Task_Appraise',
  process: (s) => approveChain(s, FORMS, { review: true }),
  grantJobs: ['website.technical-check', 'licence.register'],
});
