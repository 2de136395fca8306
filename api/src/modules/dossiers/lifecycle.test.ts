import {
  givenDossierWorld,
  householdForm,
  officer,
  signedIn,
  statusOf,
  until,
  untilStatus,
  type DossierWorld,
} from '../../testing/dossiers.fixture';

interface TaskItem {
  key: string;
  elementId: string;
  dueDate: string | null;
  lateness: string | null;
  dossier: { code: string } | null;
}

describe('dossier lifecycle (business household registration)', () => {
  let w: DossierWorld;
  beforeAll(async () => {
    w = await givenDossierWorld('lifecycle');
  }, 120_000);
  afterAll(async () => w.close());

  const taskFor = async (
    browser: Awaited<ReturnType<typeof officer>>['browser'],
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

  const submit = async (citizen: Awaited<ReturnType<typeof signedIn>>, form = householdForm()) => {
    const response = await citizen.browser.request(
      'POST',
      '/api/dossiers',
      { procedureId: w.procedureId, formData: form },
      { headers: { 'idempotency-key': `key-${Math.random()}` } },
    );
    expect(response.statusCode).toBe(201);
    return response.json() as { dossier: { code: string }; trackingSecret: string };
  };

  it('should go from submission through receipt, appraisal and approval to status 10 with a history entry per transition', async () => {
    // given
    const citizen = await signedIn(w, { roles: ['citizen'] });
    const oneStop = await officer(w, 'one-stop');
    const specialist = await officer(w, 'specialist');
    const head = await officer(w, 'section-head');

    // when: the citizen submits
    const { dossier, trackingSecret } = await submit(citizen);
    const code = dossier.code;
    // then: the code has the national shape and the model sets status 1
    expect(code).toMatch(new RegExp(`^${w.agencyCode.replace(/\./g, '\\.')}-260302-\\d{4}$`));
    expect(await untilStatus(w, code, 1)).toBe(1);

    // when: the one-stop officer accepts
    const check = await taskFor(oneStop.browser, code, 'Task_CheckDossier');
    expect(check?.dueDate).not.toBeNull();
    const accept = await oneStop.browser.post(`/api/tasks/${check!.key}/complete`, {
      decision: 'accepted',
      data: { checkNote: 'Đủ thành phần' },
    });
    expect(accept.statusCode).toBe(200);
    // then: receipt (Mẫu 01), status 2 then 4
    expect(await untilStatus(w, code, 4)).toBe(4);
    const receipt = await until(
      () => citizen.browser.get(`/api/dossiers/${code}/receipt.pdf`),
      (r) => r.statusCode === 200,
    );
    expect(receipt.headers['content-type']).toBe('application/pdf');
    expect(receipt.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // when: the specialist proposes approval and the section head approves
    const appraise = await taskFor(specialist.browser, code, 'Task_Appraise');
    expect((await specialist.browser.post(`/api/tasks/${appraise!.key}/claim`)).statusCode).toBe(200);
    const appraised = await specialist.browser.post(`/api/tasks/${appraise!.key}/complete`, {
      decision: 'propose-approve',
      data: { appraisalNote: 'Hồ sơ hợp lệ' },
    });
    expect(appraised.statusCode).toBe(200);
    const approve = await taskFor(head.browser, code, 'Task_Approve');
    expect(
      (await head.browser.post(`/api/tasks/${approve!.key}/complete`, { decision: 'approve' })).statusCode,
    ).toBe(200);

    // then: result ready (9), the fee is requested after the result (6), paid at the counter, back to 9
    expect(await untilStatus(w, code, 6)).toBe(6);
    expect(
      (await oneStop.browser.post(`/api/dossiers/${code}/payments`, { reference: 'BL-000123' })).statusCode,
    ).toBe(202);
    const handOver = await taskFor(oneStop.browser, code, 'Task_ReturnInPerson');
    const returned = await oneStop.browser.post(`/api/tasks/${handOver!.key}/complete`, {
      data: {
        receiverName: 'Nguyễn Văn An',
        receiverIdNumber: '082201000123',
        receiptSlipCollected: true,
        returnDecision: 'returned',
      },
    });
    expect(returned.statusCode).toBe(200);
    expect(await untilStatus(w, code, 10)).toBe(10);

    // then: the history lists every transition with Vietnamese labels, visible through the public look-up
    const tracking = await citizen.browser.get(`/api/tracking/${code}?secret=${trackingSecret}`);
    expect(tracking.statusCode).toBe(200);
    const history = (tracking.json() as { history: { status: number; label: string }[] }).history;
    expect(history.map((h) => h.status)).toEqual([1, 2, 4, 9, 6, 9, 10]);
    expect(history[0]!.label).toBe('Mới đăng ký');
    const household = await w.t.app.pg.query(
      `SELECT code FROM register_household_business WHERE dossier_code = $1`,
      [code],
    );
    expect(household.rowCount).toBe(1);
    const outbox = await w.t.app.pg.query<{ template: string }>(
      `SELECT template FROM notification_outbox WHERE dossier_code = $1`,
      [code],
    );
    expect(outbox.rows.map((r) => r.template)).toEqual(expect.arrayContaining(['receipt', 'result-ready']));
  }, 60_000);

  it('should pause for supplementation and resume when the citizen supplements', async () => {
    // given
    const citizen = await signedIn(w, { roles: ['citizen'] });
    const oneStop = await officer(w, 'one-stop');
    const { dossier } = await submit(citizen);
    const code = dossier.code;
    const check = await taskFor(oneStop.browser, code, 'Task_CheckDossier');

    // when: the officer asks for a supplement
    const asked = await oneStop.browser.post(`/api/tasks/${check!.key}/complete`, {
      decision: 'supplement',
      reason: 'Bổ sung bản sao căn cước công dân',
    });
    expect(asked.statusCode).toBe(200);
    // then: status 5, Mẫu 02 issued
    expect(await untilStatus(w, code, 5)).toBe(5);
    const docs = await until(
      async () => (await citizen.browser.get(`/api/dossiers/${code}/documents`)).json() as { kind: string }[],
      (d) => d.some((x) => x.kind === 'supplement-request'),
    );
    expect(docs.map((d) => d.kind)).toContain('supplement-request');
    await until(
      async () =>
        (
          await w.t.app.pg.query(`SELECT paused_at FROM dossier WHERE code = $1 AND paused_at IS NOT NULL`, [
            code,
          ])
        ).rowCount,
      (n) => n === 1,
    );

    // when: the citizen supplements
    w.t.clock.advance(2 * 3_600_000);
    const supplemented = await citizen.browser.post(`/api/dossiers/${code}/supplement`, {
      formData: { businessLines: 'Bán lẻ hàng tạp hóa, đồ uống' },
      note: 'Đã bổ sung',
    });
    expect(supplemented.statusCode).toBe(202);

    // then: back to status 1 with a new check task, the pause closed
    expect(await untilStatus(w, code, 1)).toBe(1);
    const again = await taskFor(oneStop.browser, code, 'Task_CheckDossier');
    expect(again?.key).not.toBe(check!.key);
    const row = await w.t.app.pg.query<{ paused_at: Date | null; pauses: unknown[] }>(
      `SELECT paused_at, pauses FROM dossier WHERE code = $1`,
      [code],
    );
    expect(row.rows[0]!.paused_at).toBeNull();
    expect(row.rows[0]!.pauses).toHaveLength(1);
    // and the procedure's process sees the corrected field (its later steps and gateways read it)
    const instanceKey = (
      await w.t.app.pg.query<{ process_instance_key: string }>(
        `SELECT process_instance_key FROM dossier WHERE code = $1`,
        [code],
      )
    ).rows[0]!.process_instance_key;
    const variables = await w.t.app.engine.getVariables(instanceKey, instanceKey);
    expect(variables.find((v) => v.name === 'businessLines')?.value).toBe('Bán lẻ hàng tạp hóa, đồ uống');
  }, 60_000);

  it('should set status 7 when the applicant withdraws', async () => {
    // given
    const citizen = await signedIn(w, { roles: ['citizen'] });
    const { dossier } = await submit(citizen);
    expect(await untilStatus(w, dossier.code, 1)).toBe(1);

    // when
    const response = await citizen.browser.post(`/api/dossiers/${dossier.code}/withdrawal`, {
      reason: 'Tôi muốn nộp lại sau',
    });

    // then
    expect(response.statusCode).toBe(202);
    expect(await untilStatus(w, dossier.code, 7)).toBe(7);
    const lifecycle = await until(
      async () =>
        (
          await w.t.app.pg.query<{ lifecycle: string }>(`SELECT lifecycle FROM dossier WHERE code = $1`, [
            dossier.code,
          ])
        ).rows[0]?.lifecycle,
      (l) => l === 'closed',
    );
    expect(lifecycle).toBe('closed');
  }, 60_000);

  it('should set status 8 and cancel the instance when a section head stops the dossier', async () => {
    // given
    const citizen = await signedIn(w, { roles: ['citizen'] });
    const head = await officer(w, 'section-head');
    const { dossier } = await submit(citizen);
    expect(await untilStatus(w, dossier.code, 1)).toBe(1);

    // when
    const response = await head.browser.post(`/api/dossiers/${dossier.code}/stop`, {
      reason: 'Cơ quan có thẩm quyền yêu cầu tạm dừng',
    });

    // then
    expect(response.statusCode).toBe(200);
    expect(await statusOf(w, dossier.code)).toBe(8);
    const detail = (await citizen.browser.get(`/api/dossiers/${dossier.code}`)).json() as {
      stopReason: string;
      processInstanceKey: string;
    };
    expect(detail.stopReason).toContain('tạm dừng');
    expect((await w.t.engine.getProcessInstance(detail.processInstanceKey)).state).toBe('TERMINATED');
  }, 60_000);
});
