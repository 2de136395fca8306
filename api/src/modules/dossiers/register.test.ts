/**
 * Mẫu 06 (Sổ theo dõi hồ sơ) through HTTP: GET /api/agencies/:agencyCode/register.pdf with real dossiers of the
 * agency (accepted, refused at the desk, withdrawn), a dossier of another agency, and many copies for paging.
 * The text checks need poppler's pdftotext (installed in CI and the dev image); page counts do not.
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
import { flowOf, hasPdftotext, pageCount, textOf } from '../../testing/pdf-text';
import { registerData, registerPeriod, registerRows } from './documents';

interface TaskItem {
  key: string;
  elementId: string;
}

describe("Mẫu 06: an agency's dossier tracking log as PDF", () => {
  let w: DossierWorld;
  let oneStop: TestBrowser;
  let accepted: string;
  let refused: string;
  let withdrawn: string;
  let foreign: string;
  const april: string[] = [];
  const url = (query = '', agency = w.agencyCode) =>
    `/api/agencies/${encodeURIComponent(agency)}/register.pdf${query}`;

  /** Copies a dossier row under a new code, agency and receipt time (rows for paging and for another agency). */
  const copyDossier = async (source: string, code: string, agencyCode: string, receivedAt: string) => {
    await w.t.app.pg.query(
      `INSERT INTO dossier SELECT (jsonb_populate_record(NULL::dossier, to_jsonb(d) || jsonb_build_object(
          'code', $2::text, 'agency_code', $3::text, 'received_at', $4::timestamptz, 'submitted_at', $4::timestamptz,
          'idempotency_key', NULL, 'process_instance_key', NULL))).* FROM dossier d WHERE code = $1`,
      [source, code, agencyCode, receivedAt],
    );
  };

  beforeAll(async () => {
    w = await givenDossierWorld('register');
    const citizen = await signedIn(w, { roles: ['citizen'] });
    oneStop = (await officer(w, 'one-stop')).browser;
    const submit = async (name: string) => {
      const r = await citizen.browser.request('POST', '/api/dossiers', {
        procedureId: w.procedureId,
        formData: householdForm({ applicantName: name }),
      });
      expect(r.statusCode).toBe(201);
      const code = (r.json() as { dossier: { code: string } }).dossier.code;
      expect(await untilStatus(w, code, 1)).toBe(1);
      return code;
    };
    const decide = async (code: string, body: Record<string, unknown>) => {
      const list = await until(
        async () =>
          (await oneStop.get(`/api/tasks?scope=group&code=${encodeURIComponent(code)}`)).json() as {
            items: TaskItem[];
          },
        (l) => l.items.some((t) => t.elementId === 'Task_CheckDossier'),
      );
      const task = list.items.find((t) => t.elementId === 'Task_CheckDossier');
      expect((await oneStop.post(`/api/tasks/${task!.key}/complete`, body)).statusCode).toBe(200);
    };
    accepted = await submit('Nguyễn Văn An');
    await decide(accepted, { decision: 'accepted', data: { checkNote: 'Đủ thành phần' } });
    refused = await submit('Trần Thị Bình');
    await decide(refused, {
      decision: 'refused',
      data: { refusalReason: 'Không thuộc thẩm quyền giải quyết' },
    });
    withdrawn = await submit('Lê Văn Cường');
    await decide(withdrawn, { decision: 'accepted', data: { checkNote: 'Đủ thành phần' } });
    expect(await untilStatus(w, accepted, 4)).toBe(4);
    expect(await untilStatus(w, refused, 3)).toBe(3);
    expect(await untilStatus(w, withdrawn, 4)).toBe(4);
    expect(
      (
        await citizen.browser.post(`/api/dossiers/${withdrawn}/withdrawal`, {
          reason: 'Tôi muốn nộp lại sau',
        })
      ).statusCode,
    ).toBe(202);
    expect(await untilStatus(w, withdrawn, 7)).toBe(7);
    foreign = `${w.otherAgencyCode}-260302-0001`;
    await copyDossier(accepted, foreign, w.otherAgencyCode, '2026-03-02T03:00:00Z');
    for (let i = 1; i <= 60; i++) {
      const code = `${w.agencyCode}-2604${String(1 + (i % 28)).padStart(2, '0')}-${String(i).padStart(4, '0')}`;
      april.push(code);
      await copyDossier(
        accepted,
        code,
        w.agencyCode,
        `2026-04-${String(1 + (i % 28)).padStart(2, '0')}T02:00:00Z`,
      );
    }
  }, 120_000);
  afterAll(async () => w.close());

  it("should list the agency's dossiers of the month with their notes, and none of another agency, when an officer of the agency asks", async () => {
    // when
    const response = await oneStop.get(url('?from=2026-03-01&to=2026-03-31'));
    // then
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `inline; filename="mau-06-${w.agencyCode}-2026-03-01-2026-03-31.pdf"`,
    );
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    if (hasPdftotext) {
      const text = textOf(response.rawPayload);
      expect(text).toContain('SỔ THEO DÕI HỒ SƠ');
      expect(text).toContain('Tháng 3 năm 2026');
      for (const code of [accepted, refused, withdrawn]) expect(text).toContain(code);
      expect(text).not.toContain(foreign);
      expect(text).not.toContain(april[0]);
      const flow = flowOf(response.rawPayload);
      expect(flow).toContain('Không được tiếp nhận');
      expect(flow).toContain('Công dân đã rút hồ sơ');
      expect(text).toContain('Tổng số: 3 hồ sơ.');
    }
  });

  it('should default to the current month when no period is given', async () => {
    // given the clock on 2 March 2026
    const specialist = await officer(w, 'specialist');
    // when
    const response = await specialist.browser.get(url());
    // then
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('2026-03-01-2026-03-31');
    if (hasPdftotext) expect(textOf(response.rawPayload)).toContain(accepted);
  });

  it('should flow many dossiers onto several pages with the header row on each when the period is long', async () => {
    // given a manager (any agency), the agency named by its slug
    const manager = await signedIn(w, { roles: ['manager'] });
    const slug = (
      await w.t.app.pg.query<{ slug: string }>(`SELECT slug FROM agency WHERE code = $1 LIMIT 1`, [
        w.agencyCode,
      ])
    ).rows[0]!.slug;
    // when
    const response = await manager.browser.get(url('?from=2026-04-01&to=2026-04-30', slug));
    // then
    expect(response.statusCode).toBe(200);
    const pages = pageCount(response.rawPayload);
    expect(pages).toBeGreaterThanOrEqual(3);
    if (hasPdftotext) {
      const text = textOf(response.rawPayload);
      for (const code of april) expect(text).toContain(code);
      const perPage = text.split('\f').filter((p) => p.trim() !== '');
      expect(perPage).toHaveLength(pages);
      perPage.forEach((page, i) => {
        expect(page).toContain('Mã hồ sơ');
        expect(page).toContain(`Trang ${i + 1}/${pages}`);
      });
      expect(text).toContain(`Tổng số: ${april.length} hồ sơ.`);
    }
  });

  it('should answer officers of the agency (any role), managers and admins, and refuse everyone else', async () => {
    // given
    const callers: [string, TestBrowser | null, number][] = [
      ['anonymous', null, 401],
      ['citizen', (await signedIn(w, { roles: ['citizen'] })).browser, 403],
      ['analyst', (await signedIn(w, { roles: ['analyst'] })).browser, 403],
      ['one-stop of another agency', (await officer(w, 'one-stop', w.otherAgencyCode)).browser, 403],
      ['agency head of another agency', (await officer(w, 'agency-head', w.otherAgencyCode)).browser, 403],
      ['section head of the agency', (await officer(w, 'section-head')).browser, 200],
      ['agency head of the agency', (await officer(w, 'agency-head')).browser, 200],
      ['admin', (await signedIn(w, { roles: ['admin'] })).browser, 200],
    ];
    for (const [label, browser, expected] of callers) {
      // when
      const response = browser
        ? await browser.get(url('?from=2026-03-01&to=2026-03-31'))
        : await w.t.app.inject({ method: 'GET', url: url() });
      // then
      expect(`${label}: ${response.statusCode}`).toBe(`${label}: ${expected}`);
      if (expected === 403)
        expect((response.json() as { message_vi: string }).message_vi).toMatch(/không có quyền/);
    }
    const other = await officer(w, 'one-stop', w.otherAgencyCode);
    const own = await other.browser.get(url('?from=2026-03-01&to=2026-03-31', w.otherAgencyCode));
    expect(own.statusCode).toBe(200);
    if (hasPdftotext) {
      const text = textOf(own.rawPayload);
      expect(text).toContain(foreign);
      expect(text).not.toContain(accepted);
    }
  });

  it('should answer 404 for an unknown agency', async () => {
    // when
    const response = await oneStop.get(url('', 'khong-ton-tai'));
    // then
    expect(response.statusCode).toBe(404);
    expect((response.json() as { message_vi: string }).message_vi).toBe(
      'Không tìm thấy cơ quan khong-ton-tai.',
    );
  });

  it.each([
    ['?from=2026-02-30', 'BAD_DATE', 'Ngày "2026-02-30" không hợp lệ'],
    ['?from=01/03/2026&to=2026-03-31', 'BAD_DATE', 'YYYY-MM-DD'],
    ['?from=2026-03-01&to=2026-13-01', 'BAD_DATE', 'Ngày "2026-13-01" không hợp lệ'],
    ['?from=2026-03-10&to=2026-03-01', 'BAD_PERIOD', 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.'],
    ['?from=2025-01-01&to=2026-03-01', 'PERIOD_TOO_LONG', 'tối đa 366 ngày'],
  ])('should answer 400 with a Vietnamese message when the period is %s', async (query, code, message) => {
    // when
    const response = await oneStop.get(url(query));
    // then
    expect(response.statusCode).toBe(400);
    const problem = response.json() as { code: string; message_vi: string };
    expect(problem.code).toBe(code);
    expect(problem.message_vi).toContain(message);
  });

  it('should note late (finished after the due date) and overdue (open past it) dossiers per §4.2', async () => {
    // given: two April copies, due 10 April 17:00; one finished on 13 April, one still open
    const [finishedLate, open] = april;
    await w.t.app.pg.query(
      `UPDATE dossier SET due_at = '2026-04-10T10:00:00Z', status = 4, finished_at = NULL, returned_at = NULL WHERE code = ANY($1)`,
      [[finishedLate, open]],
    );
    await w.t.app.pg.query(
      `UPDATE dossier SET status = 9, finished_at = '2026-04-13T03:00:00Z' WHERE code = $1`,
      [finishedLate],
    );
    // when: the register is built on 20 April
    const rows = await registerRows(
      w.t.app.pg,
      w.agencyCode,
      'Phòng',
      registerPeriod('2026-04-01', '2026-04-30', 0),
      Date.parse('2026-04-20T03:00:00Z'),
    );
    // then
    expect(rows?.find((r) => r.dossierCode === finishedLate)).toMatchObject({
      note: 'Trễ hạn',
      resultReceivedAt: Date.parse('2026-04-13T03:00:00Z'),
    });
    expect(rows?.find((r) => r.dossierCode === open)?.note).toBe('Quá hạn');
  });

  it('should refuse with a Vietnamese message when the period holds more dossiers than one PDF may', async () => {
    // when / then
    await expect(
      registerData(w.t.app.pg, w.agencyCode, registerPeriod('2026-04-01', '2026-04-30', 0), 0, 10),
    ).rejects.toMatchObject({
      status: 400,
      messageVi: 'Khoảng thời gian đã chọn có hơn 10 hồ sơ; hãy chọn khoảng thời gian ngắn hơn.',
      extra: { code: 'TOO_MANY_ROWS', maxRows: 10 },
    });
  });

  it('should accept a whole leap year of 366 days', async () => {
    // when
    const response = await oneStop.get(url('?from=2028-01-01&to=2028-12-31'));
    // then
    expect(response.statusCode).toBe(200);
  });
});
