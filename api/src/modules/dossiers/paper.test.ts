import { createHash, randomBytes } from 'node:crypto';
import { dueDate } from '../../domain/deadlines';
import { calendarAt } from './calendar';
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

interface Answer {
  dossier: {
    code: string;
    channel: string;
    deliveryMethod: string;
    applicant: { type: string; name: string; idNumber: string | null; phone: string | null };
    processInstanceKey: string | null;
  };
  created: boolean;
  trackingSecret?: string;
  attachments?: { sha256: string; purpose: string }[];
  receivedBy: { accountId: string; username: string };
}

const applicant = {
  name: 'Lê Thị Giấy',
  idNumber: '082201000777',
  phone: '0987654321',
  email: 'giay.le@example.vn',
  address: '5 Ấp Bắc, phường 5, Mỹ Tho',
};

describe('paper submission at the one-stop desk (POST /api/dossiers/paper)', () => {
  let w: DossierWorld;
  beforeAll(async () => {
    w = await givenDossierWorld('paper');
  }, 120_000);
  afterAll(async () => w.close());

  const paperBody = (overrides: Record<string, unknown> = {}) => ({
    procedureId: w.procedureId,
    formData: householdForm(),
    applicant,
    ...overrides,
  });
  const count = async () =>
    Number((await w.t.app.pg.query<{ n: string }>(`SELECT count(*) AS n FROM dossier`)).rows[0]!.n);

  it('should register a direct dossier received by the officer, start its process and let the applicant track it with the returned secret', async () => {
    // given
    const oneStop = await officer(w, 'one-stop');

    // when
    const response = await oneStop.browser.request('POST', '/api/dossiers/paper', paperBody());

    // then
    expect(response.statusCode).toBe(201);
    const answer = response.json() as Answer;
    expect(answer.created).toBe(true);
    expect(answer.dossier.channel).toBe('direct');
    expect(answer.dossier.applicant).toMatchObject({
      type: 'citizen',
      name: applicant.name,
      idNumber: applicant.idNumber,
      phone: applicant.phone,
    });
    expect(answer.dossier.processInstanceKey).not.toBeNull();
    expect(answer.receivedBy).toMatchObject({ accountId: oneStop.id, username: oneStop.username });
    const code = answer.dossier.code;
    expect(code).toMatch(new RegExp(`^${w.agencyCode.replace(/\./g, '\\.')}-260302-\\d{4}$`));
    const row = await w.t.app.pg.query<{
      applicant_account_id: string | null;
      received_by: string;
      lifecycle: string;
    }>(`SELECT applicant_account_id, received_by, lifecycle FROM dossier WHERE code = $1`, [code]);
    expect(row.rows[0]).toEqual({ applicant_account_id: null, received_by: oneStop.id, lifecycle: 'active' });
    expect(await untilStatus(w, code, 1)).toBe(1);

    // then: the public look-up works with the secret printed for the applicant, and only with it
    const tracked = await w.t.app.inject({
      method: 'GET',
      url: `/api/tracking/${code}?secret=${answer.trackingSecret}`,
      remoteAddress: '10.7.7.7',
    });
    expect(tracked.statusCode).toBe(200);
    expect(tracked.json()).toMatchObject({ code });
    const wrong = await w.t.app.inject({
      method: 'GET',
      url: `/api/tracking/${code}?secret=AAAA-AAAA`,
      remoteAddress: '10.7.7.7',
    });
    expect(wrong.statusCode).toBe(404);
    // then: the officer's agency reads it, the start variables carry the channel
    expect((await oneStop.browser.get(`/api/dossiers/${code}`)).statusCode).toBe(200);
    const key = answer.dossier.processInstanceKey!;
    const variables = await w.t.engine.getVariables(key, key);
    expect(variables.find((v) => v.name === 'channel')?.value).toBe('direct');
  });

  it('should refuse a citizen (403), an officer of another agency (403) and a specialist of the agency (403), writing nothing', async () => {
    // given
    const callers: TestBrowser[] = [
      (await signedIn(w, { roles: ['citizen'] })).browser,
      (await officer(w, 'one-stop', w.otherAgencyCode)).browser,
      (await officer(w, 'specialist')).browser,
    ];
    const before = await count();

    // when
    const responses = await Promise.all(
      callers.map((b) => b.request('POST', '/api/dossiers/paper', paperBody())),
    );

    // then
    expect(responses.map((r) => r.statusCode)).toEqual([403, 403, 403]);
    expect((responses[1]!.json() as { code: string; message_vi: string }).code).toBe('OTHER_AGENCY');
    expect(await count()).toBe(before);
  });

  it('should answer 404 for an unknown procedure and 400 for a missing applicant identity', async () => {
    // given
    const oneStop = await officer(w, 'one-stop');
    // when
    const unknown = await oneStop.browser.request(
      'POST',
      '/api/dossiers/paper',
      paperBody({ procedureId: '00000000-0000-4000-8000-000000000000' }),
    );
    const noApplicant = await oneStop.browser.request('POST', '/api/dossiers/paper', {
      procedureId: w.procedureId,
      formData: householdForm(),
    });
    const badPhone = await oneStop.browser.request(
      'POST',
      '/api/dossiers/paper',
      paperBody({ applicant: { ...applicant, phone: '12' } }),
    );
    // then
    expect([unknown.statusCode, noApplicant.statusCode, badPhone.statusCode]).toEqual([404, 400, 400]);
  });

  it('should answer the same dossier when the officer retries with the same idempotency key', async () => {
    // given
    const oneStop = await officer(w, 'one-stop');
    const headers = { 'idempotency-key': `paper-${randomBytes(6).toString('hex')}` };
    const body = paperBody();
    const before = await count();
    // when
    const first = await oneStop.browser.request('POST', '/api/dossiers/paper', body, { headers });
    const second = await oneStop.browser.request('POST', '/api/dossiers/paper', body, { headers });
    const other = await oneStop.browser.request(
      'POST',
      '/api/dossiers/paper',
      paperBody({ applicant: { ...applicant, name: 'Người Khác' } }),
      { headers },
    );
    // then
    expect([first.statusCode, second.statusCode, other.statusCode]).toEqual([201, 200, 409]);
    expect((second.json() as Answer).dossier.code).toBe((first.json() as Answer).dossier.code);
    expect(await count()).toBe(before + 1);
  });

  it('should accept the scanned papers as multipart, uploaded by the officer', async () => {
    // given
    const oneStop = await officer(w, 'one-stop');
    const scan = Buffer.from(`%PDF-1.7\n% ${randomBytes(8).toString('hex')}\n`);
    const boundary = 'paper-boundary-1';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="payload"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(paperBody())}\r\n`,
      ),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      scan,
      Buffer.from(
        `\r\n--${boundary}\r\nContent-Disposition: form-data; name="purpose[0]"\r\n\r\napplication-form\r\n--${boundary}--\r\n`,
      ),
    ]);

    // when
    const response = await oneStop.browser.request('POST', '/api/dossiers/paper', payload, {
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });

    // then
    expect(response.statusCode).toBe(201);
    const answer = response.json() as Answer;
    expect(answer.attachments).toEqual([
      expect.objectContaining({
        sha256: createHash('sha256').update(scan).digest('hex'),
        purpose: 'application-form',
      }),
    ]);
    const row = await w.t.app.pg.query<{ uploaded_by: string }>(
      `SELECT uploaded_by FROM dossier_attachment WHERE dossier_code = $1`,
      [answer.dossier.code],
    );
    expect(row.rows).toEqual([{ uploaded_by: oneStop.id }]);
  });

  it('should accept paper for a procedure below service level 3, which online submission refuses', async () => {
    // given
    await w.t.app.pg.query(`UPDATE procedure SET service_level = 2 WHERE id = $1`, [w.procedureId]);
    const citizen = await signedIn(w, { roles: ['citizen'] });
    const oneStop = await officer(w, 'one-stop');
    try {
      // when
      const online = await citizen.browser.request('POST', '/api/dossiers', {
        procedureId: w.procedureId,
        formData: householdForm(),
      });
      const paper = await oneStop.browser.request('POST', '/api/dossiers/paper', paperBody());
      // then
      expect(online.statusCode).toBe(409);
      expect((online.json() as { code: string }).code).toBe('NOT_ONLINE');
      expect(paper.statusCode).toBe(201);
    } finally {
      await w.t.app.pg.query(`UPDATE procedure SET service_level = 3 WHERE id = $1`, [w.procedureId]);
    }
  });

  it('should compute the paper dossier due date from the paper processing time when it differs from the online one', async () => {
    // given: 3 working days online, 7 on paper
    await w.t.app.pg.query(
      `UPDATE procedure SET days_online = 3, days_paper = 7, day_kind = 'working' WHERE id = $1`,
      [w.procedureId],
    );
    const citizen = await signedIn(w, { roles: ['citizen'] });
    const oneStop = await officer(w, 'one-stop');
    const paper = (
      await oneStop.browser.request('POST', '/api/dossiers/paper', paperBody())
    ).json() as Answer;
    const online = (
      await citizen.browser.request('POST', '/api/dossiers', {
        procedureId: w.procedureId,
        formData: householdForm(),
      })
    ).json() as Answer;

    // when: the desk accepts both (completeness check), which starts the legal clock (sla.start)
    for (const code of [paper.dossier.code, online.dossier.code]) {
      const list = await until(
        async () =>
          (await oneStop.browser.get(`/api/tasks?scope=group&code=${encodeURIComponent(code)}`)).json() as {
            items: { key: string; elementId: string }[];
          },
        (l) => l.items.some((t) => t.elementId === 'Task_CheckDossier'),
      );
      const task = list.items.find((t) => t.elementId === 'Task_CheckDossier')!;
      expect(
        (
          await oneStop.browser.post(`/api/tasks/${task.key}/complete`, {
            decision: 'accepted',
            data: { checkNote: 'Đủ thành phần' },
          })
        ).statusCode,
      ).toBe(200);
    }
    const clockOf = async (code: string) => {
      const r = await until(
        async () =>
          (
            await w.t.app.pg.query<{ clock_started_at: Date | null; due_at: Date | null }>(
              `SELECT clock_started_at, due_at FROM dossier WHERE code = $1`,
              [code],
            )
          ).rows[0]!,
        (row) => row.due_at !== null,
      );
      return { start: r.clock_started_at!.getTime(), due: r.due_at!.getTime() };
    };
    const paperClock = await clockOf(paper.dossier.code);
    const onlineClock = await clockOf(online.dossier.code);

    // then
    expect(paperClock.due).toBe(
      dueDate(paperClock.start, { unit: 'working-days', amount: 7 }, calendarAt(paperClock.start)),
    );
    expect(onlineClock.due).toBe(
      dueDate(onlineClock.start, { unit: 'working-days', amount: 3 }, calendarAt(onlineClock.start)),
    );
    expect(paperClock.due).toBeGreaterThan(onlineClock.due);
  }, 60_000);
});
