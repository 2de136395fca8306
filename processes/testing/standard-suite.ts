/**
 * The five scenarios every procedure with the standard shape must pass (README §1: start → motcua-completeness-check
 * → Giải quyết hồ sơ → dossier.result → motcua-result-return): happy path to status 10, supplementation loop,
 * refusal at the one-stop desk, lateness leading to the apology (Mẫu 04) and withdrawal. A package describes only
 * what differs: its officer steps and the statuses they set.
 */
import type { Variables } from '@motcua/engine/client';
import { setUpScenarioEnvironment, type Scenario, type ScenarioEnvironment } from './scenario';
import {
  acceptDossier,
  becomeLateAndApologise,
  NEW_APPOINTMENT_DATE,
  refuseDossier,
  requestSupplement,
  RETURN_STATUSES,
  RETURN_WITH_FEE_STATUSES,
  returnResult,
  supplement,
  withdraw,
} from './steps';

export interface StandardPackage {
  /** Folder under processes/. */
  pkg: string;
  /** Database suffix for this test file. */
  suite: string;
  variantKey?: string;
  application: Variables;
  /** Steps between acceptance and the start of processing (driving licence: the fee paid before). */
  beforeProcessing?: (s: Scenario) => Promise<void>;
  /** Statuses set between acceptance (2) and processing (4), e.g. [6] for a fee paid before processing. */
  beforeProcessingStatuses?: number[];
  /** The first open task of the processing sub-process. */
  firstProcessingTask: string;
  /** The officer steps inside processing up to approval of the licence. */
  process: (s: Scenario) => Promise<void>;
  /** Statuses set inside processing after 4 (land: 6 for the tax obligation, 4 again when fulfilled). */
  processingStatuses?: number[];
  /** Job types the approved path must have run (registers, prints ...). */
  grantJobs: string[];
}

/**
 * Declares the describe block with the five standard scenarios of a package; returns the environment (valid inside
 * tests) so the file can add its own scenarios.
 */
export function describeStandardScenarios(p: StandardPackage): () => ScenarioEnvironment {
  const env = setUpScenarioEnvironment(p.suite);

  const start = () => env().start(p.pkg, p.application, { variantKey: p.variantKey });
  const toProcessing = async (s: Scenario) => {
    await acceptDossier(s);
    if (p.beforeProcessing) await p.beforeProcessing(s);
  };
  const upToProcessing = () => [1, 2, ...(p.beforeProcessingStatuses ?? []), 4];
  const returnStatuses = async (s: Scenario) =>
    (await s.variables()).feeTiming === 'after' ? RETURN_WITH_FEE_STATUSES : RETURN_STATUSES;

  describe(`${p.pkg} scenarios`, () => {
    it('should reach status 10 (đã trả kết quả) when the dossier is accepted, approved and returned', async () => {
      // given
      const s = await start();
      // when
      await toProcessing(s);
      await p.process(s);
      await returnResult(s);
      // then
      await s.expectHealthy('COMPLETED');
      expect(s.statuses).toEqual([
        ...upToProcessing(),
        ...(p.processingStatuses ?? []),
        ...(await returnStatuses(s)),
      ]);
      expect(s.jobTypes()).toEqual(
        expect.arrayContaining([
          ...p.grantJobs,
          'sla.start',
          'dossier.receipt',
          'dossier.result',
          'satisfaction.request',
        ]),
      );
    });

    it('should pause the clock, wait and check again when a supplementation is requested and then supplied', async () => {
      // given
      const s = await start();
      await requestSupplement(s);
      const waiting = await s.openTaskIds();
      // when
      await supplement(s);
      await toProcessing(s);
      // then
      expect(waiting).toEqual([]);
      await s.expectHealthy('ACTIVE');
      expect(s.statuses).toEqual([1, 5, 1, ...upToProcessing().slice(1)]);
      expect(s.jobTypes()).toEqual(
        expect.arrayContaining(['dossier.supplement-request', 'sla.pause', 'sla.resume']),
      );
      expect(await s.openTaskIds()).toEqual([p.firstProcessingTask]);
    });

    it('should end with status 3 (Mẫu 03) when the one-stop desk refuses the dossier', async () => {
      // given
      const s = await start();
      // when
      await refuseDossier(s);
      // then
      await s.expectHealthy('COMPLETED');
      expect(s.statuses).toEqual([1, 3]);
      expect(s.jobTypes()).toContain('dossier.refusal');
      expect(s.jobTypes()).not.toContain('sla.start');
    });

    it('should issue the apology (Mẫu 04) and still return the result when processing runs past the apology timer', async () => {
      // given
      const s = await start();
      await toProcessing(s);
      // when
      const { apologyBeforeTimer, appointmentDate } = await becomeLateAndApologise(s);
      await p.process(s);
      await returnResult(s);
      // then
      expect(apologyBeforeTimer).toBe(false);
      expect(appointmentDate).toBe(NEW_APPOINTMENT_DATE);
      await s.expectHealthy('COMPLETED');
      expect(s.jobTypes()).toEqual(expect.arrayContaining(['sla.status', 'dossier.apology']));
      expect(s.statuses).toEqual([
        ...upToProcessing(),
        ...(p.processingStatuses ?? []),
        ...(await returnStatuses(s)),
      ]);
    });

    it('should set status 7 and end the dossier when the applicant withdraws during processing', async () => {
      // given
      const s = await start();
      await toProcessing(s);
      // when
      await withdraw(s);
      // then
      await s.expectHealthy('COMPLETED');
      expect(s.statuses).toEqual([...upToProcessing(), 7]);
      expect(s.jobTypes()).toContain('dossier.withdrawal');
      expect(await s.openTaskIds()).toEqual([]);
    });
  });
  return env;
}
