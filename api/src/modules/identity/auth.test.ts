import { buildTestApp, type TestApp } from '../../../../tests/support/app';
import { TestBrowser } from '../../testing/http-client';
import { givenAccount, TEST_PASSWORD } from '../../testing/fixtures';

describe('authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t.close());

  it('should sign in and answer /api/me with roles and groups when the password is right', async () => {
    // given
    const user = await givenAccount(t.app, {
      roles: [],
      memberships: [{ agencyCode: '000.00.04.H58', role: 'specialist' }],
    });
    const browser = new TestBrowser(t.app);
    // when
    const login = await browser.login(user.username, TEST_PASSWORD);
    const me = await browser.get('/api/me');
    // then
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'motcua_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(login.cookies.find((c) => c.name === 'csrf')?.httpOnly).toBeFalsy();
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      username: user.username,
      roles: ['specialist'],
      groups: ['000.00.04.H58:specialist'],
    });
  });

  it('should refuse with 401 and a Vietnamese message when the password is wrong', async () => {
    // given
    const user = await givenAccount(t.app);
    const browser = new TestBrowser(t.app, '10.0.0.2');
    // when
    const response = await browser.login(user.username, 'wrong-password-1');
    // then
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message_vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    });
  });

  it('should end the session when the user logs out', async () => {
    // given
    const user = await givenAccount(t.app);
    const browser = new TestBrowser(t.app, '10.0.0.3');
    await browser.login(user.username, TEST_PASSWORD);
    const stolenCookie = browser.cookies.get('motcua_session');
    // when
    const logout = await browser.post('/api/auth/logout');
    const me = await browser.get('/api/me');
    const replay = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: `motcua_session=${stolenCookie}` },
    });
    // then
    expect(logout.statusCode).toBe(200);
    expect(me.statusCode).toBe(401);
    expect(replay.statusCode).toBe(401);
  });

  it('should lock the account for 15 minutes when the password is wrong 5 times in a row', async () => {
    // given
    const user = await givenAccount(t.app);
    const browser = new TestBrowser(t.app, '10.0.0.4');
    for (let i = 0; i < 4; i += 1)
      expect((await browser.login(user.username, `wrong-${i}-pass`)).statusCode).toBe(401);
    // when
    const fifth = await browser.login(user.username, 'wrong-5-pass');
    const rightPasswordWhileLocked = await browser.login(user.username, TEST_PASSWORD);
    // then
    expect(fifth.statusCode).toBe(423);
    expect(rightPasswordWhileLocked.statusCode).toBe(423);
    const lockedUntil = Date.parse(rightPasswordWhileLocked.json().lockedUntil);
    expect(lockedUntil - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(rightPasswordWhileLocked.json().message_vi).toContain('tạm khóa');
  });

  it('should accept the right password again when the lockout has expired', async () => {
    // given
    const user = await givenAccount(t.app);
    const browser = new TestBrowser(t.app, '10.0.0.5');
    for (let i = 0; i < 5; i += 1) await browser.login(user.username, `wrong-${i}-pass`);
    await t.app.pg.query("UPDATE account SET locked_until = now() - interval '1 minute' WHERE id = $1", [
      user.id,
    ]);
    // when
    const response = await browser.login(user.username, TEST_PASSWORD);
    // then
    expect(response.statusCode).toBe(200);
  });

  it('should answer 429 when one client tries to sign in too often', async () => {
    // given
    const browser = new TestBrowser(t.app, '10.0.0.6');
    await browser.get('/api/auth/csrf');
    const statuses: number[] = [];
    // when
    for (let i = 0; i < 21; i += 1)
      statuses.push(
        (await browser.post('/api/auth/login', { username: `nobody${i}`, password: 'x1234567' })).statusCode,
      );
    // then
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    const last = await browser.post('/api/auth/login', { username: 'nobody', password: 'x1234567' });
    expect(last.statusCode).toBe(429);
    expect(last.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(last.json().message_vi).toContain('quá nhiều lần');
  });
});

describe('CSRF protection', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t.close());

  it('should reject a state-changing request with 403 when the x-csrf-token header is missing', async () => {
    // given
    const user = await givenAccount(t.app);
    const browser = new TestBrowser(t.app, '10.1.0.1');
    await browser.login(user.username, TEST_PASSWORD);
    // when
    const response = await browser.post(
      '/api/me/password',
      { currentPassword: TEST_PASSWORD, newPassword: 'Another-pass-1' },
      { csrf: false },
    );
    // then
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'CSRF' });
    expect(response.json().message_vi).toContain('CSRF');
  });

  it('should reject a token that is not the session token when a cookie was planted', async () => {
    // given
    const user = await givenAccount(t.app);
    const browser = new TestBrowser(t.app, '10.1.0.2');
    await browser.login(user.username, TEST_PASSWORD);
    browser.cookies.set('csrf', 'planted-by-attacker');
    // when
    const response = await browser.post('/api/auth/logout');
    // then
    expect(response.statusCode).toBe(403);
  });

  it('should reject a login without the CSRF header when the browser has no token', async () => {
    // given
    const user = await givenAccount(t.app);
    // when
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    // then
    expect(response.statusCode).toBe(403);
  });
});

describe('password change', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t.close());

  it('should change the password and end other sessions when the current password is right', async () => {
    // given
    const user = await givenAccount(t.app);
    const laptop = new TestBrowser(t.app, '10.2.0.1');
    const phone = new TestBrowser(t.app, '10.2.0.2');
    await laptop.login(user.username, TEST_PASSWORD);
    await phone.login(user.username, TEST_PASSWORD);
    // when
    const change = await laptop.post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Brand-new-pass-7',
    });
    // then
    expect(change.statusCode).toBe(200);
    expect((await laptop.get('/api/me')).statusCode).toBe(200);
    expect((await phone.get('/api/me')).statusCode).toBe(401);
    expect(
      (await new TestBrowser(t.app, '10.2.0.3').login(user.username, 'Brand-new-pass-7')).statusCode,
    ).toBe(200);
  });

  it('should refuse with 400 when the current password is wrong', async () => {
    // given
    const user = await givenAccount(t.app);
    const browser = new TestBrowser(t.app, '10.2.0.4');
    await browser.login(user.username, TEST_PASSWORD);
    // when
    const response = await browser.post('/api/me/password', {
      currentPassword: 'not-it-123',
      newPassword: 'Brand-new-pass-7',
    });
    // then
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'WRONG_PASSWORD',
      message_vi: 'Mật khẩu hiện tại không đúng.',
    });
  });

  it('should refuse a weak new password with the rule in Vietnamese', async () => {
    // given
    const user = await givenAccount(t.app);
    const browser = new TestBrowser(t.app, '10.2.0.5');
    await browser.login(user.username, TEST_PASSWORD);
    // when
    const response = await browser.post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'short',
    });
    // then
    expect(response.statusCode).toBe(400);
    expect(response.json().message_vi).toContain('ít nhất 8 ký tự');
  });

  it('should reject unknown fields when a command has a typo', async () => {
    // given
    const user = await givenAccount(t.app);
    const browser = new TestBrowser(t.app, '10.2.0.6');
    await browser.login(user.username, TEST_PASSWORD);
    // when
    const response = await browser.post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPasword: 'Brand-new-pass-7',
    });
    // then
    expect(response.statusCode).toBe(400);
  });
});
