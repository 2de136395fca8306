// Scenarios of the promotion notification (motcua-promotion-notification) on the embedded engine: a notification is
// acknowledged automatically, with no one-stop check, no processing deadline and no fee.
import { setUpScenarioEnvironment } from '../testing/scenario';
import { supplement, withdraw } from '../testing/steps';

const PKG = 'promotion-notification';

const application = {
  organisationName: 'Công ty TNHH Điện máy Cửu Long',
  taxCode: '1201777888',
  organisationAddress: '100 Nam Kỳ Khởi Nghĩa, phường 4, TP Mỹ Tho',
  representativeName: 'Ngô Thanh Tâm',
  representativeIdNumber: '082083006666',
  applicantPhone: '0939888777',
  promotionName: 'Mừng khai trương chi nhánh Mỹ Tho',
  promotionType: 'discount',
  promotionStartDate: '2026-03-15',
  promotionEndDate: '2026-04-15',
  promotionArea: 'Tỉnh Tiền Giang',
  promotedGoods: 'Tủ lạnh, máy giặt',
  promotionValue: 200_000_000,
};

const env = setUpScenarioEnvironment('scenario_promotion');

describe('promotion notification scenarios', () => {
  it('should acknowledge, synchronise and reach status 10 without any officer task when a notification is filed', async () => {
    // given / when
    const s = await env().start(PKG, application);
    // then
    await s.expectHealthy('COMPLETED');
    expect(s.statuses).toEqual([1, 2, 10]);
    expect(s.jobTypes()).toEqual(
      expect.arrayContaining(['promotion.acknowledge', 'promotion.sync-national', 'notify.citizen']),
    );
  });

  it('should never request a supplement or refuse (no one-stop check by design) when a notification is filed', async () => {
    // given
    const s = await env().start(PKG, application, { hold: ['promotion.sync-national'] });
    // when
    await supplement(s);
    await s.release('promotion.sync-national');
    // then
    await s.expectHealthy('COMPLETED');
    expect(s.jobTypes()).not.toEqual(expect.arrayContaining(['dossier.supplement-request']));
    expect(s.jobTypes()).not.toContain('dossier.refusal');
    expect(s.statuses).not.toContain(3);
    expect(s.statuses).not.toContain(5);
  });

  it('should start no deadline clock and no apology (no processing deadline by design) when time passes', async () => {
    // given
    const s = await env().start(PKG, application, { hold: ['promotion.sync-national'] });
    // when
    await s.advance('P365D');
    await s.release('promotion.sync-national');
    // then
    await s.expectHealthy('COMPLETED');
    expect(s.jobTypes()).not.toContain('sla.start');
    expect(s.jobTypes()).not.toContain('dossier.apology');
    expect(s.statuses).toEqual([1, 2, 10]);
  });

  it('should set status 7 and end the notification when the enterprise withdraws before it is synchronised', async () => {
    // given
    const s = await env().start(PKG, application, { hold: ['promotion.sync-national'] });
    // when
    await withdraw(s);
    await s.release('promotion.sync-national');
    // then
    await s.expectHealthy('COMPLETED');
    expect(s.statuses).toEqual([1, 2, 7]);
    expect(s.jobTypes()).not.toContain('promotion.sync-national');
  });
});
