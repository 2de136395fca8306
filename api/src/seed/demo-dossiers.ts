/**
 * Demo dossiers (issue 5): one dossier of each key service, each left in a different state, so that a first
 * visitor sees a living system. Every dossier goes through the real submission path (`submitDossier`), the real
 * engine and the running job workers; officers' moves are the task commands of the API (`completeTask`) and the
 * messages the dossier routes publish. Needs the models deployed and the workers started.
 *
 * Idempotent: each submission carries the idempotency key `demo-seed:<package>`; a dossier that already exists
 * is left as it is (the `seed.demo` marker of startup/seeds.ts normally prevents a second run anyway).
 */
import type { FastifyInstance } from 'fastify';
import type { UserTask } from '@motcua/engine';
import { recordStatus } from '../modules/dossiers/status.js';
import { submitDossier } from '../modules/dossiers/submit.js';
import type { DossierRow } from '../modules/dossiers/repository.js';
import { AccountSchema } from '../modules/identity/entities.js';
import type { OfficerRole } from '../modules/identity/roles.js';
import { principalOf, type Principal } from '../modules/identity/principal.js';
import { ProcedureSchema } from '../modules/reference/entities.js';
import { completeTask } from '../modules/tasks/commands.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { DEMO_APPLICATIONS } from './demo-applications.js';

const DAY_MS = 86_400_000;
const WAIT_MS = 20_000;
const POLL_MS = 25;

/** One demo dossier: the service, who applies, where the officers leave it. */
interface DemoPlan {
  pkg: string;
  applicant: 'congdan' | 'doanhnghiep';
  /** National status the dossier is left in. */
  status: number;
  label: string;
  drive: (d: DemoDriver) => Promise<void>;
}

/** What a plan can do with its dossier. */
export interface DemoDriver {
  /** Completes the open task `elementId` as the demo officer with `role` in the dossier's agency. */
  complete(
    role: OfficerRole,
    elementId: string,
    body: { decision?: string; reason?: string; data?: Record<string, unknown> },
  ): Promise<void>;
  publish(name: string, variables: Record<string, unknown>, messageId?: string): Promise<void>;
  /** Stops the dossier as the section head does (status 8, instance cancelled). */
  stop(reason: string): Promise<void>;
  waitStatus(status: number): Promise<void>;
  /** Waits until the dossier (or a process it called) stands on `elementId`, e.g. a message catch event. */
  waitAt(elementId: string): Promise<void>;
}

const accept = (d: DemoDriver) =>
  d.complete('one-stop', 'Task_CheckDossier', {
    decision: 'accepted',
    data: { checkNote: 'Hồ sơ đầy đủ, hợp lệ' },
  });

/** The ten key services, each left in its own state (nine national status codes: 6 is both the fee and the land tax). */
export const DEMO_PLANS: DemoPlan[] = [
  {
    pkg: 'complaint-resolution',
    applicant: 'congdan',
    status: 1,
    label: 'mới đăng ký, chờ thụ lý',
    drive: async () => {},
  },
  {
    pkg: 'investment-registration-certificate',
    applicant: 'doanhnghiep',
    status: 3,
    label: 'không được tiếp nhận',
    drive: (d) =>
      d.complete('one-stop', 'Task_CheckDossier', {
        decision: 'refused',
        reason: 'Dự án thuộc diện chấp thuận chủ trương đầu tư',
      }),
  },
  {
    pkg: 'business-household-registration',
    applicant: 'congdan',
    status: 9,
    label: 'đã có kết quả, chờ trả',
    drive: async (d) => {
      await accept(d);
      await d.complete('specialist', 'Task_Appraise', {
        decision: 'propose-approve',
        data: { appraisalNote: 'Hồ sơ hợp lệ' },
      });
      await d.complete('section-head', 'Task_Approve', { decision: 'approve' });
      await d.waitStatus(6); // the fee is collected with the result
      await d.waitAt('Event_FeePaid');
      await d.publish('fee-paid', { paymentReference: 'BL-000123' }, 'fee:BL-000123');
    },
  },
  {
    pkg: 'news-bulletin-licence',
    applicant: 'doanhnghiep',
    status: 5,
    label: 'chờ bổ sung',
    drive: (d) =>
      d.complete('one-stop', 'Task_CheckDossier', {
        decision: 'supplement',
        reason: 'Bổ sung mẫu trình bày (maket) bản tin',
      }),
  },
  { pkg: 'driving-licence', applicant: 'congdan', status: 6, label: 'chờ nộp lệ phí', drive: accept },
  {
    pkg: 'land-use-right-certificate',
    applicant: 'congdan',
    status: 6,
    label: 'chờ thực hiện nghĩa vụ tài chính (thuế đất)',
    drive: async (d) => {
      await accept(d);
      await d.complete('specialist', 'Task_CadastralSurvey', {
        data: { surveyedParcelNumber: '125', surveyedMapSheetNumber: '12', surveyedArea: 348.2 },
      });
      await d.publish('commune-confirmation-received', {
        communeConfirmation: { landDispute: false, inPlanning: false },
      });
      await d.complete('specialist', 'Task_Appraise', {
        decision: 'propose-approve',
        data: {
          financialObligationRequired: 'yes',
          appraisalNote: 'Đủ điều kiện cấp Giấy chứng nhận',
          appraisalReason: 'Sử dụng đất ổn định, không tranh chấp',
        },
      });
    },
  },
  {
    pkg: 'non-commercial-publication-licence',
    applicant: 'doanhnghiep',
    status: 7,
    label: 'đã rút hồ sơ',
    drive: async (d) => {
      await d.waitStatus(1);
      await d.publish(
        'dossier-withdrawn',
        { withdrawalReason: 'Hội điều chỉnh nội dung kỷ yếu, sẽ nộp lại' },
        'withdrawn',
      );
    },
  },
  {
    pkg: 'news-website-licence-appraisal',
    applicant: 'doanhnghiep',
    status: 8,
    label: 'dừng xử lý',
    drive: async (d) => {
      await d.waitStatus(1);
      await d.stop('Tên miền đang có tranh chấp, chờ kết luận của cơ quan có thẩm quyền');
    },
  },
  { pkg: 'printing-licence', applicant: 'doanhnghiep', status: 4, label: 'đang thẩm định', drive: accept },
  {
    pkg: 'promotion-notification',
    applicant: 'doanhnghiep',
    status: 10,
    label: 'đã tiếp nhận thông báo',
    drive: async () => {},
  },
];

/** Polls until `done` holds, at most WAIT_MS. */
async function waitFor<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Demo dossiers: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function statusOf(app: FastifyInstance, code: string): Promise<number | null> {
  const r = await app.pg.query<{ status: number | null }>(`SELECT status FROM dossier WHERE code = $1`, [
    code,
  ]);
  return r.rows[0]?.status ?? null;
}

async function openTask(
  app: FastifyInstance,
  code: string,
  elementId: string,
): Promise<UserTask | undefined> {
  const instances = await app.pg.query<{ process_instance_key: string }>(
    `SELECT process_instance_key FROM dossier_instance WHERE dossier_code = $1`,
    [code],
  );
  for (const i of instances.rows) {
    const page = await app.engine.searchUserTasks({
      state: 'CREATED',
      processInstanceKey: i.process_instance_key,
      elementId,
      limit: 10,
    });
    if (page.items[0]) return page.items[0];
  }
  return undefined;
}

/** The demo officer with `role` in `agencyCode` (demo-accounts.ts gives each key service's agency a team). */
function officerOf(agencyCode: string, role: OfficerRole): string {
  const account = DEMO_ACCOUNTS.find((a) =>
    a.memberships.some((m) => m.agencyCode === agencyCode && m.role === role),
  );
  if (!account) throw new Error(`Demo dossiers: no demo ${role} in agency ${agencyCode}`);
  return account.username;
}

async function isAt(app: FastifyInstance, code: string, elementId: string): Promise<boolean> {
  const instances = await app.pg.query<{ process_instance_key: string }>(
    `SELECT process_instance_key FROM dossier_instance WHERE dossier_code = $1`,
    [code],
  );
  for (const i of instances.rows) {
    const elements = await app.engine.searchElementInstances(i.process_instance_key);
    if (elements.some((e) => e.elementId === elementId && e.state === 'ACTIVATED')) return true;
  }
  return false;
}

function driverFor(
  app: FastifyInstance,
  dossier: DossierRow,
  principal: (username: string) => Promise<Principal>,
): DemoDriver {
  const code = dossier.code;
  const agency = dossier.agency_code;
  const driver: DemoDriver = {
    async complete(role, elementId, body) {
      const task = await waitFor(
        `task ${elementId} of ${code}`,
        () => openTask(app, code, elementId),
        (t) => t !== undefined,
      );
      await completeTask(app, await principal(officerOf(agency, role)), task!.userTaskKey, body);
    },
    async publish(name, variables, messageId) {
      await app.engine.publishMessage({
        name,
        correlationKey: code,
        timeToLiveMs: DAY_MS,
        variables,
        ...(messageId ? { messageId: `${code}:${messageId}` } : {}),
      });
    },
    async stop(reason) {
      const leader = await principal(officerOf(agency, 'section-head'));
      if (dossier.process_instance_key) await app.engine.cancelProcessInstance(dossier.process_instance_key);
      await app.pg.query(`UPDATE dossier SET stop_reason = $2 WHERE code = $1`, [code, reason]);
      await recordStatus(app.pg, {
        dossierCode: code,
        status: 8,
        at: new Date(app.clock.now()),
        actor: leader.username,
        note: reason,
      });
    },
    async waitStatus(status) {
      await waitFor(
        `status ${status} of ${code}`,
        () => statusOf(app, code),
        (s) => s === status,
      );
    },
    async waitAt(elementId) {
      await waitFor(
        `${code} at ${elementId}`,
        () => isAt(app, code, elementId),
        (at) => at,
      );
    },
  };
  return driver;
}

/** What one run did. */
export interface DemoDossierReport {
  created: { pkg: string; code: string; status: number }[];
  existing: number;
  skipped: string[];
  /** Plans that could not be driven to their state (the start goes on: this is demo data). */
  failed: { pkg: string; error: string }[];
  ms: number;
}

/** Creates and drives the demo dossiers (all services in parallel); safe to run again. */
export async function seedDemoDossiers(app: FastifyInstance): Promise<DemoDossierReport> {
  const started = Date.now();
  const principals = new Map<string, Promise<Principal>>();
  const principal = (username: string): Promise<Principal> => {
    let p = principals.get(username);
    if (!p) {
      p = app.orm.em.fork().findOneOrFail(AccountSchema, { username }).then(principalOf);
      principals.set(username, p);
    }
    return p;
  };
  const report: DemoDossierReport = { created: [], existing: 0, skipped: [], failed: [], ms: 0 };
  const outcomes = await Promise.allSettled(
    DEMO_PLANS.map(async (plan) => {
      const procedure = await app.orm.em.fork().findOne(ProcedureSchema, { packageKey: plan.pkg });
      const formData = DEMO_APPLICATIONS[plan.pkg];
      const bpmnProcessId = procedure?.variants[0]?.bpmnProcessId;
      const deployed =
        bpmnProcessId !== undefined && (await app.engine.listProcessDefinitions(bpmnProcessId)).length > 0;
      if (!procedure || !formData || !deployed) {
        report.skipped.push(plan.pkg);
        return;
      }
      const submission = await submitDossier(
        app,
        await principal(plan.applicant),
        procedure,
        { procedureId: procedure.id, formData },
        `demo-seed:${plan.pkg}`,
      );
      if (!submission.created) {
        report.existing += 1;
        return;
      }
      const driver = driverFor(app, submission.dossier, principal);
      await plan.drive(driver);
      await driver.waitStatus(plan.status);
      report.created.push({ pkg: plan.pkg, code: submission.dossier.code, status: plan.status });
    }),
  );
  outcomes.forEach((o, i) => {
    if (o.status === 'rejected')
      report.failed.push({ pkg: DEMO_PLANS[i]?.pkg ?? '?', error: (o.reason as Error).message });
  });
  report.ms = Date.now() - started;
  return report;
}

/** The one-line summary printed at start. */
export function demoDossierSummary(r: DemoDossierReport): string {
  const statuses = [...new Set(r.created.map((c) => c.status))].sort((a, b) => a - b);
  return (
    `Demo dossiers: ${r.created.length} created (statuses ${statuses.join(', ') || '-'}), ${r.existing} already there` +
    (r.skipped.length ? `, skipped ${r.skipped.join(', ')}` : '') +
    (r.failed.length ? `, FAILED ${r.failed.map((f) => `${f.pkg}: ${f.error}`).join('; ')}` : '') +
    ` in ${(r.ms / 1000).toFixed(1)} s`
  );
}
