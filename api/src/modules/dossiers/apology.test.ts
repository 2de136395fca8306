/**
 * The apology path (Mẫu 04, domain.md §2.3, §4.2) through HTTP with the real PostgreSQL, the embedded engine,
 * the job workers and the controllable clock: a dossier runs past its due time, the apology timer fires, the
 * specialist drafts a new date, the section head approves, the applicant is told; finishing on the new date is
 * still late in the statistics.
 */
import {
  givenDossierWorld,
  householdForm,
  officer,
  signedIn,
  until,
  untilStatus,
  type DossierWorld,
} from '../../testing/dossiers.fixture';
import type { TestBrowser } from '../../testing/http-client';

interface TaskItem {
  key: string;
  elementId: string;
  lateness: string | null;
  dossier: { code: string } | null;
}
interface DocumentItem {
  id: string;
  kind: string;
  number: string;
  hasPdf: boolean;
}
interface Stats {
  agencyCode: string;
  received: number;
  inProgress: number;
  overdue: number;
  onTime: number;
  early: number;
  late: number;
}

const HOUR = 3_600_000;

describe('apology (Mẫu 04) when a dossier runs late', () => {
  let w: DossierWorld;
  beforeAll(async () => {
    w = await givenDossierWorld('apology');
  }, 120_000);
  afterAll(async () => w.close());

  /** Fires the timers that are due at the clock's time (the test engine runs no scheduler). */
  const tick = async () => {
    await w.t.engine.tick();
  };

  const taskFor = async (
    browser: TestBrowser,
    code: string,
    elementId: string,
  ): Promise<TaskItem | undefined> => {
    const list = await until(
      async () =>
        (await browser.get(`/api/tasks?scope=group&code=${encodeURIComponent(code)}`)).json() as {
          items: TaskItem[];
        },
      (l) => l.items.some((t) => t.elementId === elementId),
    );
    return list.items.find((t) => t.elementId === elementId);
  };

  const complete = async (
    browser: TestBrowser,
    code: string,
    elementId: string,
    body: Record<string, unknown>,
  ) => {
    const task = await taskFor(browser, code, elementId);
    expect(task).toBeDefined();
    const response = await browser.post(`/api/tasks/${task!.key}/complete`, body);
    expect(response.statusCode).toBe(200);
  };

  const statsOf = async (browser: TestBrowser, from: string, to: string): Promise<Stats | undefined> => {
    const response = await browser.get(`/api/statistics/agencies?from=${from}&to=${to}`);
    expect(response.statusCode).toBe(200);
    return (response.json() as Stats[]).find((s) => s.agencyCode === w.agencyCode);
  };

  it('should issue Mẫu 04 with a new date, notify the applicant and count the result on the new date as late', async () => {
    // given: a household business dossier submitted and accepted on Monday 2 March 2026, 09:00 (3 working days)
    const citizen = await signedIn(w, { roles: ['citizen'] });
    const submitted = await citizen.browser.request(
      'POST',
      '/api/dossiers',
      { procedureId: w.procedureId, formData: householdForm() },
      { headers: { 'idempotency-key': `apology-${Math.random()}` } },
    );
    expect(submitted.statusCode).toBe(201);
    const { dossier, trackingSecret } = submitted.json() as {
      dossier: { code: string };
      trackingSecret: string;
    };
    const code = dossier.code;
    expect(await untilStatus(w, code, 1)).toBe(1);
    const oneStop = await officer(w, 'one-stop');
    await complete(oneStop.browser, code, 'Task_CheckDossier', {
      decision: 'accepted',
      data: { checkNote: 'Đủ thành phần' },
    });
    expect(await untilStatus(w, code, 4)).toBe(4);
    const accepted = (await citizen.browser.get(`/api/dossiers/${code}`)).json() as {
      dueAt: string;
      appointmentAt: string;
    };
    const dueAt = Date.parse(accepted.dueAt);
    expect(accepted.appointmentAt).toBe(accepted.dueAt);
    expect(dueAt).toBeGreaterThan(w.t.clock.now());

    // when: nobody appraises, and the clock runs one hour past the due time; the apology timer fires
    w.t.clock.advance(dueAt - w.t.clock.now() + HOUR);
    await tick();

    // then: the dossier is late: the open appraisal is overdue, the statistics count it as overdue
    const manager = await signedIn(w, { roles: ['manager'] });
    const open = await statsOf(manager.browser, '2026-03-01', '2026-03-31');
    expect(open).toMatchObject({ received: 1, inProgress: 1, overdue: 1, late: 1, onTime: 0 });
    const specialist = await officer(w, 'specialist');
    const appraisal = await taskFor(specialist.browser, code, 'Task_Appraise');
    expect(appraisal?.lateness).toBe('overdue');

    // when: the specialist drafts the apology with a new date, the section head approves it
    await complete(specialist.browser, code, 'Task_DraftApology', {
      data: { newAppointmentDate: '2026-03-12', delayReason: 'Cần xác minh thêm thông tin tại địa phương' },
    });
    const head = await officer(w, 'section-head');
    await complete(head.browser, code, 'Task_ApproveApology', {
      data: { apologyApprovalDecision: 'approve' },
    });

    // then: Mẫu 04 is issued and can be downloaded by the applicant as PDF
    const docs = await until(
      async () => (await citizen.browser.get(`/api/dossiers/${code}/documents`)).json() as DocumentItem[],
      (d) => d.some((x) => x.kind === 'apology'),
    );
    const apology = docs.find((d) => d.kind === 'apology');
    expect(apology).toMatchObject({ hasPdf: true, number: expect.stringMatching(/^\d+\/2026\/XL$/) });
    const pdf = await citizen.browser.get(`/api/dossiers/${code}/documents/${apology!.id}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // then: the new appointment date (17:00 local on the chosen day) is what the applicant sees; the due date stays
    const newDate = Date.parse('2026-03-12T17:00:00+07:00');
    const afterApology = await until(
      async () =>
        (await citizen.browser.get(`/api/tracking/${code}?secret=${trackingSecret}`)).json() as {
          appointmentAt: string;
          history: { status: number; label: string; note: string | null }[];
        },
      (t) => Date.parse(t.appointmentAt) === newDate,
    );
    expect(Date.parse(afterApology.appointmentAt)).toBe(newDate);
    expect(
      Date.parse(((await citizen.browser.get(`/api/dossiers/${code}`)).json() as { dueAt: string }).dueAt),
    ).toBe(dueAt);

    // then: the applicant got the Vietnamese apology by e-mail (and SMS) in the outbox
    const outbox = await until(
      async () =>
        (
          await w.t.app.pg.query<{ template: string; subject: string | null; body: string }>(
            `SELECT * FROM notification_outbox WHERE dossier_code = $1 AND template = 'apology'`,
            [code],
          )
        ).rows,
      (rows) => rows.length >= 1,
    );
    const mail = outbox.find((m) => m.subject);
    expect(mail?.subject).toBe(`Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${code}`);
    expect(JSON.stringify(outbox)).toContain('xin lỗi Ông/Bà vì sự chậm trễ này');
    expect(JSON.stringify(outbox)).toContain('12/03/2026');

    // then: the history shows the apology
    const history = (await citizen.browser.get(`/api/dossiers/${code}/history`)).json() as {
      status: number;
      label: string;
      note: string | null;
    }[];
    expect(history.map((h) => h.note ?? '').join('\n')).toMatch(/Phiếu xin lỗi.*12\/03\/2026/);
    expect(afterApology.history.map((h) => h.note ?? '').join('\n')).toMatch(/Phiếu xin lỗi/);

    // when: on the new date the dossier is appraised, approved, paid and returned
    w.t.clock.advance(newDate - 6 * HOUR - w.t.clock.now());
    await tick();
    const specialist2 = await officer(w, 'specialist');
    const appraise = await taskFor(specialist2.browser, code, 'Task_Appraise');
    expect((await specialist2.browser.post(`/api/tasks/${appraise!.key}/claim`)).statusCode).toBe(200);
    expect(
      (
        await specialist2.browser.post(`/api/tasks/${appraise!.key}/complete`, {
          decision: 'propose-approve',
          data: { appraisalNote: 'Hồ sơ hợp lệ' },
        })
      ).statusCode,
    ).toBe(200);
    const head2 = await officer(w, 'section-head');
    await complete(head2.browser, code, 'Task_Approve', { decision: 'approve' });
    expect(await untilStatus(w, code, 6)).toBe(6);
    const oneStop2 = await officer(w, 'one-stop');
    expect(
      (await oneStop2.browser.post(`/api/dossiers/${code}/payments`, { reference: 'BL-000777' })).statusCode,
    ).toBe(202);
    await complete(oneStop2.browser, code, 'Task_ReturnInPerson', {
      data: {
        receiverName: 'Nguyễn Văn An',
        receiverIdNumber: '082201000123',
        receiptSlipCollected: true,
        returnDecision: 'returned',
      },
    });
    expect(await untilStatus(w, code, 10)).toBe(10);

    // then: finished before the new appointment but after the legal due date: late (§4.2), not on time
    const finished = (await citizen.browser.get(`/api/dossiers/${code}`)).json() as { finishedAt: string };
    expect(Date.parse(finished.finishedAt)).toBeGreaterThan(dueAt);
    expect(Date.parse(finished.finishedAt)).toBeLessThan(newDate);
    const manager2 = await signedIn(w, { roles: ['manager'] });
    const closed = await statsOf(manager2.browser, '2026-03-01', '2026-03-31');
    expect(closed).toMatchObject({ received: 1, inProgress: 0, overdue: 0, onTime: 0, early: 0, late: 1 });
  }, 90_000);
});
