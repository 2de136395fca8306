/**
 * End-to-end journeys in Debian's chromium: (a) a citizen submits a business household registration with an
 * attachment, the district's officers receive, appraise, approve and return it, and the citizen sees
 * "Đã trả kết quả"; (c) an officer of another agency cannot open that dossier; (d) a one-stop officer registers a
 * paper dossier at the desk (tiếp nhận trực tiếp), gets its code and tracking secret, prints Mẫu 01 with the secret,
 * finds the dossier in the inbox, and a visitor tracks it with that code and secret; (b) an analyst breaks a model,
 * sees the lint error on the element, fixes it and deploys a new version. Screenshots go to
 * test-artifacts/e2e; axe-core must find no serious or critical violation on the citizen pages.
 */
import type { Page } from 'playwright-core';
import {
  haveChromium,
  loggedIn,
  login,
  reloadUntil,
  seriousViolations,
  shot,
  startWorld,
  type World,
} from './support';

const OFFICE = 'tckh-mytho';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousViolations(page);
  expect(
    violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

/** Picks an option of a form-js select (a custom dropdown, not a native select). */
async function pickFormJsOption(page: Page, label: string, option: string): Promise<void> {
  const field = page.locator('.fjs-form-field-select', { hasText: label });
  await field.locator('.fjs-input-group').click();
  await field.locator('.fjs-dropdownlist-item', { hasText: option }).click();
}

/** Opens the officer's task of `elementId` for dossier `code` from the inbox. */
async function openTask(page: Page, code: string, elementId: string): Promise<void> {
  await page.goto(new URL(`/can-bo`, page.url()).toString());
  await page.getByLabel('Tìm theo mã hồ sơ').fill(code);
  await reloadUntil(page, page.getByTestId(`task-${elementId}`), 90_000).catch(async (e: unknown) => {
    await shot(page, `missing-${elementId}`);
    throw e;
  });
  await page.getByLabel('Tìm theo mã hồ sơ').fill(code);
  await page.getByTestId(`task-${elementId}`).getByRole('link').click();
  await page.getByRole('button', { name: 'Hoàn thành bước' }).waitFor();
}

async function completeWith(page: Page, decision: string | null): Promise<void> {
  if (decision) await page.getByRole('radio', { name: decision }).check();
  await page.getByRole('button', { name: 'Hoàn thành bước' }).click();
  await page.waitForURL(/\/can-bo$/);
}

(haveChromium() ? describe : describe.skip)('browser journeys', () => {
  let w: World;
  let code = '';
  let secret = '';

  beforeAll(async () => {
    w = await startWorld();
  }, 300_000);
  afterAll(async () => w?.close());

  it('(a) should take a business household registration from online submission to "Đã trả kết quả"', async () => {
    // given a citizen on the portal
    const context = await w.browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(30_000);
    const citizen = await context.newPage();
    await citizen.goto(w.baseUrl);
    // when they search without diacritics and open the procedure
    await citizen.getByLabel('Tìm thủ tục hành chính').fill('ho kinh doanh');
    await citizen.getByRole('button', { name: 'Tìm kiếm' }).click();
    await citizen.getByRole('link', { name: 'Đăng ký thành lập hộ kinh doanh' }).click();
    await citizen
      .getByRole('button', { name: 'Nộp hồ sơ trực tuyến' })
      .or(citizen.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }))
      .waitFor();
    await shot(citizen, 'a1-procedure');
    await expectAccessible(citizen);
    await citizen.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await login(citizen, 'congdan');

    // and fill in the wizard: applicant, form, attachment, review
    await citizen.getByLabel('Họ và tên').fill('Nguyễn Văn An');
    await citizen.getByLabel('Ngày sinh').fill('1990-05-01');
    await citizen.getByLabel('Số định danh cá nhân (CCCD)').fill('082201000123');
    await citizen.getByLabel('Số điện thoại').fill('0912345678');
    await citizen.getByLabel('Địa chỉ liên hệ').fill('12 Lê Lợi, phường 1, Mỹ Tho');
    await shot(citizen, 'a2-wizard-applicant');
    await expectAccessible(citizen);
    await citizen.getByRole('button', { name: 'Tiếp tục' }).click();
    await citizen.locator('.fjs-form-field-select').first().waitFor();
    await pickFormJsOption(citizen, 'Chủ thể đăng ký', 'Cá nhân');
    await citizen.getByLabel('Tên hộ kinh doanh').fill(`Tạp hóa An Bình ${Date.now() % 100000}`);
    await citizen.getByLabel('Địa điểm kinh doanh').fill('12 Lê Lợi, phường 1, Mỹ Tho');
    await citizen.getByLabel('Ngành, nghề kinh doanh').fill('Bán lẻ hàng tạp hóa');
    await citizen.getByLabel('Vốn kinh doanh (đồng)').fill('100000000');
    await pickFormJsOption(citizen, 'Hình thức nhận kết quả', 'Nhận trực tiếp');
    await shot(citizen, 'a3-wizard-form');
    await citizen.getByRole('button', { name: 'Tiếp tục' }).click();
    await citizen
      .locator('input[type=file]')
      .setInputFiles({ name: 'cccd.pdf', mimeType: 'application/pdf', buffer: PDF });
    await citizen.getByText('cccd.pdf').first().waitFor();
    await citizen.getByRole('button', { name: 'Tiếp tục' }).click();
    await shot(citizen, 'a4-wizard-review');
    await citizen.getByRole('button', { name: 'Nộp hồ sơ' }).click();

    // then the receipt shows the code and the secret
    code = (await citizen.getByTestId('dossier-code').textContent()) ?? '';
    secret = (await citizen.getByTestId('tracking-secret').textContent()) ?? '';
    expect(code).toMatch(/^\d{3}\.\d{2}\.\d{2}\.H58-\d{6}-\d{4}$/);
    expect(secret.length).toBeGreaterThan(4);
    await shot(citizen, 'a5-receipt');
    await expectAccessible(citizen);

    // when the one-stop officer accepts it
    const oneStop = await loggedIn(w, `motcua.${OFFICE}`);
    await openTask(oneStop, code, 'Task_CheckDossier');
    await shot(oneStop, 'a6-officer-check');
    await completeWith(oneStop, 'Hồ sơ đầy đủ, hợp lệ: tiếp nhận');
    await shot(oneStop, 'a7-officer-inbox');

    // and the specialist claims and appraises it
    const specialist = await loggedIn(w, `chuyenvien.${OFFICE}`);
    await openTask(specialist, code, 'Task_Appraise');
    await specialist.getByRole('button', { name: 'Nhận xử lý' }).click();
    await specialist.getByRole('button', { name: 'Trả về nhóm' }).waitFor();
    await specialist.getByLabel('Ý kiến thẩm định').fill('Hồ sơ hợp lệ, đề nghị cấp.');
    await completeWith(specialist, 'Đề xuất cấp Giấy chứng nhận');

    // and the section head approves
    const head = await loggedIn(w, `truongphong.${OFFICE}`);
    await openTask(head, code, 'Task_Approve');
    await completeWith(head, 'Ký Giấy chứng nhận đăng ký hộ kinh doanh');

    // and the one-stop officer records the fee and hands the result over
    await oneStop.goto(`${w.baseUrl}/can-bo/ho-so/${code}`);
    await reloadUntil(oneStop, oneStop.getByLabel('Số biên lai / mã giao dịch'));
    await oneStop.getByLabel('Số biên lai / mã giao dịch').fill('BL-000123');
    await oneStop.getByRole('button', { name: 'Ghi nhận đã nộp' }).click();
    await oneStop.getByRole('status').filter({ hasText: /./ }).first().waitFor();
    await shot(oneStop, 'a8-officer-dossier');
    await openTask(oneStop, code, 'Task_ReturnInPerson');
    await oneStop.getByLabel('Họ và tên người nhận kết quả').fill('Nguyễn Văn An');
    await oneStop.getByLabel('Số định danh cá nhân của người nhận').fill('082201000123');
    await completeWith(oneStop, null);

    // then anyone with the code and secret sees "Đã trả kết quả"
    const visitor = await (await w.browser.newContext({ locale: 'vi-VN' })).newPage();
    await visitor.goto(`${w.baseUrl}/tra-cuu?code=${encodeURIComponent(code)}`);
    await visitor.getByLabel('Mã tra cứu').fill(secret);
    await visitor.getByRole('button', { name: 'Tra cứu', exact: true }).click();
    await reloadUntil(
      visitor,
      visitor.getByTestId('tracking-status').filter({ hasText: 'Đã trả kết quả' }),
      60_000,
    ).catch(async () => {
      await visitor.getByLabel('Mã tra cứu').fill(secret);
      await visitor.getByRole('button', { name: 'Tra cứu', exact: true }).click();
    });
    await visitor.getByTestId('tracking-status').filter({ hasText: 'Đã trả kết quả' }).waitFor();
    await shot(visitor, 'a9-tracking');
    await expectAccessible(visitor);
  }, 600_000);

  it('(c) should refuse the dossier to an officer of another agency', async () => {
    // given an officer of the provincial Department of Planning and Investment
    expect(code).not.toBe('');
    const other = await loggedIn(w, 'motcua.skhdt');
    // when they open the dossier of the district office
    await other.goto(`${w.baseUrl}/can-bo/ho-so/${code}`);
    // then they are told it does not exist for them, and no dossier data shows
    await other.getByRole('alert').waitFor();
    expect(await other.getByRole('alert').textContent()).toMatch(/Không tìm thấy hồ sơ/);
    expect(await other.getByTestId('dossier-view').count()).toBe(0);
    await shot(other, 'c1-other-agency');
  }, 120_000);

  it('(d) should register a paper dossier at the desk, print its receipt with the secret, and let the applicant track it', async () => {
    // given the one-stop officer of the Department of Planning and Investment, signed in
    const officer = await loggedIn(w, 'motcua.skhdt');
    const applicantName = `Công ty TNHH Giấy Tờ ${Date.now() % 100000}`;

    // when they open the paper intake from the navigation and pick a procedure of their agency
    await officer
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Tiếp nhận hồ sơ trực tiếp' })
      .click();
    await officer.getByRole('heading', { name: 'Tiếp nhận hồ sơ trực tiếp' }).waitFor();
    await officer.getByRole('combobox', { name: 'Thủ tục hành chính' }).fill('dang ky dau tu');
    await officer
      .getByRole('option', { name: /Cấp Giấy chứng nhận đăng ký đầu tư/ })
      .first()
      .click();

    // then a missing identity is refused with Vietnamese messages
    await officer.getByRole('button', { name: 'Tiếp tục' }).click();
    await officer.getByText('Vui lòng nhập thông tin này.').first().waitFor();
    await shot(officer, 'd1-paper-validation');

    // when they type the applicant's identity as written on the papers
    await officer.getByText('Tổ chức, doanh nghiệp', { exact: true }).click();
    await officer.getByLabel('Tên tổ chức, doanh nghiệp').fill(applicantName);
    await officer.getByLabel('Mã số doanh nghiệp / mã số thuế').fill('0312345678');
    await officer.getByLabel('Số điện thoại').fill('0912000111');
    await officer.getByLabel('Địa chỉ liên hệ').fill('15 Ấp Bắc, phường 10, Mỹ Tho');
    await officer.getByRole('button', { name: 'Tiếp tục' }).click();

    // and fill the procedure's application form (form-js, as in the citizen wizard)
    await officer.locator('.fjs-form-field-select').first().waitFor();
    await officer.getByLabel('Tên tổ chức').fill(applicantName);
    await officer.getByLabel('Mã số thuế / mã số doanh nghiệp').fill('0312345678');
    await officer.getByLabel('Địa chỉ trụ sở').fill('15 Ấp Bắc, phường 10, Mỹ Tho');
    await officer.getByLabel('Người đại diện theo pháp luật').fill('Trần Văn Đại Diện');
    await officer.getByLabel('Số định danh cá nhân của người đại diện').fill('082201000456');
    await officer.getByLabel('Tên dự án').fill('Nhà máy chế biến trái cây');
    await officer.getByLabel('Địa điểm thực hiện dự án').fill('Khu công nghiệp Tân Hương, Châu Thành');
    await officer.getByLabel('Mục tiêu, quy mô dự án').fill('Chế biến 10.000 tấn trái cây mỗi năm');
    await officer.getByLabel('Tổng vốn đầu tư (đồng)').fill('50000000000');
    await officer.getByLabel('Tiến độ thực hiện dự án').fill('Quý III/2026 – Quý IV/2027');
    await pickFormJsOption(officer, 'Hình thức nhận kết quả', 'Nhận trực tiếp tại Bộ phận một cửa');
    await shot(officer, 'd2-paper-form');
    await officer.getByRole('button', { name: 'Tiếp tục' }).click();

    // and attach the scanned papers, then register the dossier with a double click
    await officer
      .locator('input[type=file]')
      .setInputFiles({ name: 'ban-quet.pdf', mimeType: 'application/pdf', buffer: PDF });
    await officer.getByText('ban-quet.pdf').first().waitFor();
    await officer.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).dblclick();

    // then the receipt shows the code and the secret, and one dossier was created
    await officer.getByTestId('tracking-secret').waitFor({ timeout: 60_000 });
    const paperCode = (await officer.getByTestId('dossier-code').textContent()) ?? '';
    const paperSecret = (await officer.getByTestId('tracking-secret').textContent()) ?? '';
    expect(paperCode).toMatch(/^\d{3}\.\d{2}\.\d{2}\.H58-\d{6}-\d{4}$/);
    expect(paperSecret.length).toBeGreaterThan(4);
    const rows = await w.app.pg.query<{ channel: string; n: string }>(
      `SELECT channel, count(*) OVER () AS n FROM dossier WHERE applicant_name = $1`,
      [applicantName],
    );
    expect(rows.rows).toEqual([{ channel: 'direct', n: '1' }]);
    await shot(officer, 'd3-paper-receipt');

    // when they print Mẫu 01 with the secret
    const slip = officer.waitForResponse((r) => r.url().includes('/receipt-slip.pdf'));
    await officer.getByRole('button', { name: 'In giấy tiếp nhận có mã tra cứu' }).click();
    const response = await slip;
    // then the API rendered it
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');

    // then the dossier waits for the completeness check in the officer's inbox
    await officer.goto(`${w.baseUrl}/can-bo`);
    await officer.getByLabel('Tìm theo mã hồ sơ').fill(paperCode);
    await reloadUntil(officer, officer.getByTestId('task-Task_CheckDossier'), 90_000).catch(
      async (e: unknown) => {
        await shot(officer, 'd-missing-check');
        throw e;
      },
    );
    await officer.getByLabel('Tìm theo mã hồ sơ').fill(paperCode);
    await officer.getByTestId('task-Task_CheckDossier').waitFor();
    await shot(officer, 'd4-paper-inbox');

    // and the applicant tracks it on the public page with the code and secret from the receipt
    const visitor = await (await w.browser.newContext({ locale: 'vi-VN' })).newPage();
    await visitor.goto(`${w.baseUrl}/tra-cuu?code=${encodeURIComponent(paperCode)}`);
    await visitor.getByLabel('Mã tra cứu').fill(paperSecret);
    await visitor.getByRole('button', { name: 'Tra cứu', exact: true }).click();
    await visitor.getByTestId('tracking-status').waitFor();
    expect(await visitor.getByTestId('tracking-status').textContent()).toMatch(/Mới đăng ký|Được tiếp nhận/);
    await shot(visitor, 'd5-paper-tracking');
  }, 300_000);

  it('(b) should show a lint error on the element, and deploy a new version once it is fixed', async () => {
    // given the analyst in the modeler of the household registration
    const analyst = await loggedIn(w, 'phantich');
    await analyst.getByRole('link', { name: 'motcua-business-household-registration' }).click();
    await analyst.locator('[data-testid="modeler-canvas"][data-ready="true"]').waitFor({ timeout: 60_000 });
    const versionsBefore = await analyst.getByTestId('versions').locator('tbody tr').count();

    // when they clear the job type of a service task
    await analyst.locator('.djs-element[data-element-id="Task_CheckRegistry"]').click();
    const typeInput = analyst.locator('#bio-properties-panel-taskDefinitionType');
    if (!(await typeInput.isVisible()))
      await analyst.locator('.bio-properties-panel-group-header', { hasText: 'Task definition' }).click();
    await typeInput.fill('');

    // then the linter marks that element
    const overlay = analyst.locator(
      '.djs-overlays[data-container-id="Task_CheckRegistry"] .djs-overlay-linting',
    );
    await overlay.waitFor();
    await analyst.getByTestId('findings').locator('[data-element-id="Task_CheckRegistry"]').waitFor();
    await shot(analyst, 'b1-lint-error');

    // when they fix it and deploy
    await typeInput.fill('business-registry.household.check');
    await overlay.waitFor({ state: 'detached' });
    await analyst.getByRole('button', { name: 'Triển khai' }).click();

    // then a new version is deployed and listed
    await analyst
      .getByTestId('deploy-success')
      .waitFor()
      .catch(async (e: unknown) => {
        await shot(analyst, 'b-deploy-failed');
        throw e;
      });
    expect(await analyst.getByTestId('deploy-success').textContent()).toMatch(
      /motcua-business-household-registration v\d+/,
    );
    await analyst.getByTestId('versions').locator('tbody tr').nth(versionsBefore).waitFor();
    await shot(analyst, 'b2-deployed');
  }, 300_000);
});
