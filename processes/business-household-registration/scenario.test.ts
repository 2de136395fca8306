// Scenarios of the business household registration (motcua-business-household-registration) on the embedded engine.
import { setUpScenarioEnvironment } from '../testing/scenario';
import {
  acceptDossier,
  approveChain,
  becomeLateAndApologise,
  NEW_APPOINTMENT_DATE,
  refuseDossier,
  requestSupplement,
  RETURN_WITH_FEE_STATUSES,
  returnResult,
  supplement,
  withdraw,
} from '../testing/steps';

const PKG = 'business-household-registration';
const FORMS = 'motcua-business-household-registration';
const application = {
  registrantType: 'individual',
  applicantName: 'Nguyễn Văn An',
  applicantDateOfBirth: '1990-05-12',
  applicantIdNumber: '082090001234',
  applicantPhone: '0912345678',
  applicantAddress: '12 Lê Lợi, phường 1, TP Mỹ Tho',
  businessName: 'Hộ kinh doanh Tạp hóa An Phát',
  businessAddress: '15 Lê Lợi, phường 1, TP Mỹ Tho',
  businessLines: 'Bán lẻ hàng tạp hóa',
  capital: 50_000_000,
  deliveryMethod: 'in-person',
};

const env = setUpScenarioEnvironment('scenario_hkd');

describe('business household registration scenarios', () => {
  it('should reach status 10 (đã trả kết quả) when the dossier is accepted, approved and returned with the fee', async () => {
    // given
    const s = await env().start(PKG, application);
    // when
    await acceptDossier(s);
    await approveChain(s, FORMS, { review: false });
    await returnResult(s);
    // then
    await s.expectHealthy('COMPLETED');
    expect(s.statuses).toEqual([1, 2, 4, ...RETURN_WITH_FEE_STATUSES]);
    expect(s.jobTypes()).toEqual(
      expect.arrayContaining([
        'business-registry.household.check',
        'business-registry.household.register',
        'dossier.result',
      ]),
    );
  });

  it('should pause, wait and check again when a supplementation is requested and the applicant supplements', async () => {
    // given
    const s = await env().start(PKG, application);
    await requestSupplement(s);
    expect(await s.openTaskIds()).toEqual([]);
    // when
    await supplement(s);
    await acceptDossier(s);
    // then
    await s.expectHealthy('ACTIVE');
    expect(s.statuses).toEqual([1, 5, 1, 2, 4]);
    expect(s.jobTypes()).toEqual(
      expect.arrayContaining(['dossier.supplement-request', 'sla.pause', 'sla.resume']),
    );
    expect(await s.openTaskIds()).toEqual(['Task_Appraise']);
  });

  it('should end with status 3 and Mẫu 03 when the one-stop desk refuses the dossier', async () => {
    // given
    const s = await env().start(PKG, application);
    // when
    await refuseDossier(s);
    // then
    await s.expectHealthy('COMPLETED');
    expect(s.statuses).toEqual([1, 3]);
    expect(s.jobTypes()).toContain('dossier.refusal');
  });

  it('should issue the apology (Mẫu 04) and still return the result when processing runs past the apology timer', async () => {
    // given
    const s = await env().start(PKG, application);
    await acceptDossier(s);
    // when
    const { apologyBeforeTimer, appointmentDate } = await becomeLateAndApologise(s);
    await approveChain(s, FORMS, { review: false });
    await returnResult(s);
    // then
    expect(apologyBeforeTimer).toBe(false);
    expect(appointmentDate).toBe(NEW_APPOINTMENT_DATE);
    await s.expectHealthy('COMPLETED');
    expect(s.jobTypes()).toEqual(expect.arrayContaining(['sla.status', 'dossier.apology']));
    expect(s.statuses).toEqual([1, 2, 4, ...RETURN_WITH_FEE_STATUSES]);
  });

  it('should set status 7 and end the dossier when the applicant withdraws during processing', async () => {
    // given
    const s = await env().start(PKG, application);
    await acceptDossier(s);
    // when
    await withdraw(s);
    // then
    await s.expectHealthy('COMPLETED');
    expect(s.statuses).toEqual([1, 2, 4, 7]);
    expect(s.jobTypes()).toContain('dossier.withdrawal');
  });
});
