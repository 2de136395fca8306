/**
 * VNeID sign-in end to end over real HTTP: the API listens on a loopback port, a real OpenID Connect issuer
 * (the `oidc-provider` package, api/src/testing/oidc-issuer.mjs) runs in a child process, and a small browser
 * follows every redirect by hand with fetch, keeping cookies per host. Nothing of openid-client is mocked.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { buildTestApp, type TestApp } from '../../../../tests/support/app';
import { loadConfig } from '../../../../engine/src/infra/config';
import { createAccount } from './accounts';
import { citizenIdOf, fullNameOf, oidcSettingsOf } from './oidc-provider';
import { safeReturnTo } from './oidc.routes';

const CLIENT_ID = 'motcua-test';
const CLIENT_SECRET = 'motcua-test-secret-0123456789abcdef';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function startIssuer(redirectUri: string): Promise<{ issuer: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(__dirname, '../../testing/oidc-issuer.mjs')], {
    env: {
      ...process.env,
      OIDC_TEST_CLIENT_ID: CLIENT_ID,
      OIDC_TEST_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_TEST_REDIRECT_URI: redirectUri,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`issuer exited ${code}: ${errors}`)));
  });
  return { issuer: (JSON.parse(first) as { issuer: string }).issuer, child };
}

/** A browser: cookies per host, redirects followed by hand (so each hop can be inspected or tampered with). */
class Browser {
  private readonly jars = new Map<string, Map<string, string>>();

  cookie(url: string, name: string): string | undefined {
    return this.jars.get(new URL(url).host)?.get(name);
  }

  async get(url: string): Promise<Response> {
    const jar = this.jars.get(new URL(url).host) ?? new Map<string, string>();
    this.jars.set(new URL(url).host, jar);
    const headers: Record<string, string> = {};
    if (jar.size > 0) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(url, { redirect: 'manual', headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const gone =
        value === '' ||
        attributes.some(
          (a) =>
            /^\s*max-age=0\s*$/i.test(a) ||
            (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) <= Date.now()),
        );
      if (gone) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  }

  /** Follows redirects from `url` until an answer that is not one, or until `stop` says so; returns the last URL and answer. */
  async follow(
    url: string,
    stop: (next: URL) => boolean = () => false,
  ): Promise<{ url: URL; response: Response | null }> {
    let current = new URL(url);
    for (let hop = 0; hop < 20; hop += 1) {
      if (stop(current)) return { url: current, response: null };
      const response = await this.get(current.href);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { url: current, response };
      await response.arrayBuffer();
      current = new URL(location, current);
    }
    throw new Error('too many redirects');
  }
}

function randomCitizenId(): string {
  return `0${String(Math.floor(Math.random() * 1e11)).padStart(11, '0')}`;
}

describe('VNeID sign-in (OpenID Connect) against a real issuer', () => {
  let t: TestApp;
  let issuer: string;
  let child: ChildProcess;
  let api: string;

  beforeAll(async () => {
    const port = await freePort();
    api = `http://127.0.0.1:${port}`;
    ({ issuer, child } = await startIssuer(`${api}/api/auth/oidc/callback`));
    t = await buildTestApp({
      env: {
        OIDC_ISSUER: issuer,
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_CLIENT_SECRET: CLIENT_SECRET,
        OIDC_REDIRECT_URI: `${api}/api/auth/oidc/callback`,
      },
      // Every sign-in here comes from 127.0.0.1: more than the default 20 a minute per address on each route.
      security: { loginRateLimit: { max: 200, timeWindowMs: 60_000 } },
    });
    await t.app.listen({ port, host: '127.0.0.1' });
  }, 60_000);

  afterAll(async () => {
    child?.kill('SIGTERM');
    await t?.close();
  });

  const control = async (what: 'next-account' | 'tamper', body: unknown) => {
    const response = await fetch(`${issuer}/__test/${what}`, { method: 'POST', body: JSON.stringify(body) });
    expect(response.status).toBe(200);
  };

  /** Starts at the API, signs in at the issuer as `person`, and stops right before the API's callback. */
  const toCallback = async (
    browser: Browser,
    person: Record<string, string>,
    returnTo = '/citizen/dossiers',
  ) => {
    await control('next-account', person);
    const start = await browser.get(`${api}/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`);
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    const { url } = await browser.follow(authorize.href, (next) =>
      next.href.startsWith(`${api}/api/auth/oidc/callback`),
    );
    return { authorize, callback: url };
  };

  const accountsOf = async (sub: string) =>
    (
      await t.app.pg.query<{
        id: string;
        citizen_id: string | null;
        full_name: string;
        roles: string[];
        password_hash: string | null;
        username: string;
      }>(
        `SELECT id, citizen_id, full_name, roles, password_hash, username FROM account WHERE identity_provider = 'vneid' AND external_subject = $1`,
        [sub],
      )
    ).rows;

  it('should create a citizen account with the CCCD and open a working session when a new person signs in', async () => {
    // given
    const sub = `vneid-${Date.now()}-a`;
    const cccd = randomCitizenId();
    const browser = new Browser();
    // when
    const { authorize, callback } = await toCallback(browser, {
      sub,
      name: 'Nguyễn Văn An',
      citizen_id: cccd,
    });
    const answer = await browser.get(callback.href);
    const me = await browser.get(`${api}/api/me`);
    // then: PKCE S256, state and nonce were sent
    expect(authorize.origin).toBe(issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(callback.searchParams.get('state')).toBe(authorize.searchParams.get('state'));
    // then: signed in and sent back where asked
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('/citizen/dossiers');
    expect(answer.headers.getSetCookie().find((c) => c.startsWith('motcua_session='))).toMatch(/HttpOnly/i);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ fullName: 'Nguyễn Văn An', citizenId: cccd, roles: ['citizen'] });
    const rows = await accountsOf(sub);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ citizen_id: cccd, roles: ['citizen'], password_hash: null });
    const session = await t.app.pg.query(`SELECT identity_provider FROM session WHERE account_id = $1`, [
      rows[0]!.id,
    ]);
    expect(session.rows).toEqual([{ identity_provider: 'vneid' }]);
    const audit = await t.app.pg.query(`SELECT status, target FROM audit_log WHERE account_id = $1`, [
      rows[0]!.id,
    ]);
    expect(audit.rows).toContainEqual({ status: 302, target: 'sign-in:vneid' });
  });

  it('should reuse the account and refresh the verified name when the same person signs in again', async () => {
    // given
    const sub = `vneid-${Date.now()}-b`;
    const cccd = randomCitizenId();
    const first = new Browser();
    await first.get(
      (await toCallback(first, { sub, name: 'Trần Thị Bình', citizen_id: cccd })).callback.href,
    );
    const [before] = await accountsOf(sub);
    // when
    const second = new Browser();
    const answer = await second.get(
      (await toCallback(second, { sub, name: 'Trần Thị Bình An', citizen_id: cccd }, '/')).callback.href,
    );
    const me = await second.get(`${api}/api/me`);
    // then
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('/');
    const rows = await accountsOf(sub);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(before!.id);
    expect(await me.json()).toMatchObject({ id: before!.id, fullName: 'Trần Thị Bình An', citizenId: cccd });
  });

  it('should give both the same account and a session when the same person signs in for the first time twice at once', async () => {
    // given: two browsers of one new person, both back from the issuer, neither callback answered yet
    const sub = `vneid-${Date.now()}-race`;
    const cccd = randomCitizenId();
    const browsers = [new Browser(), new Browser()];
    const callbacks: URL[] = [];
    for (const browser of browsers) {
      callbacks.push((await toCallback(browser, { sub, name: 'Đỗ Văn Song', citizen_id: cccd })).callback);
    }
    // when: both callbacks at once, so both look the account up before either creates it
    const answers = await Promise.all(browsers.map((browser, i) => browser.get(callbacks[i]!.href)));
    const mes = await Promise.all(browsers.map((browser) => browser.get(`${api}/api/me`)));
    // then
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    const rows = await accountsOf(sub);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ citizen_id: cccd, roles: ['citizen'], password_hash: null });
    for (const me of mes) {
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ id: rows[0]!.id, citizenId: cccd });
    }
    const sessions = await t.app.pg.query(`SELECT count(*)::int AS n FROM session WHERE account_id = $1`, [
      rows[0]!.id,
    ]);
    expect(sessions.rows[0]).toEqual({ n: 2 });
  });

  it('should keep the account, take the new verified CCCD and audit the change when it differs from the stored one', async () => {
    // given
    const sub = `vneid-${Date.now()}-cccd`;
    const before = randomCitizenId();
    const after = randomCitizenId();
    const first = new Browser();
    await first.get((await toCallback(first, { sub, name: 'Lý Thị Thu', citizen_id: before })).callback.href);
    const [account] = await accountsOf(sub);
    // when
    const second = new Browser();
    const answer = await second.get(
      (await toCallback(second, { sub, name: 'Lý Thị Thu', citizen_id: after })).callback.href,
    );
    // then
    expect(answer.status).toBe(302);
    const rows = await accountsOf(sub);
    expect(rows).toEqual([expect.objectContaining({ id: account!.id, citizen_id: after })]);
    const audit = await t.app.pg.query(
      `SELECT username, status, target, details FROM audit_log WHERE account_id = $1 AND target = 'citizen-id:vneid'`,
      [account!.id],
    );
    expect(audit.rows).toEqual([
      {
        username: account!.username,
        status: 302,
        target: 'citizen-id:vneid',
        details: { previousCitizenId: before, citizenId: after },
      },
    ]);
  });

  it('should write no CCCD-change audit when the verified CCCD is the stored one', async () => {
    // given
    const sub = `vneid-${Date.now()}-same`;
    const cccd = randomCitizenId();
    for (let i = 0; i < 2; i += 1) {
      const browser = new Browser();
      // when
      expect(
        (
          await browser.get(
            (await toCallback(browser, { sub, name: 'Mai Văn Tư', citizen_id: cccd })).callback.href,
          )
        ).status,
      ).toBe(302);
    }
    // then
    const [account] = await accountsOf(sub);
    const audit = await t.app.pg.query(
      `SELECT 1 FROM audit_log WHERE account_id = $1 AND target = 'citizen-id:vneid'`,
      [account!.id],
    );
    expect(audit.rows).toEqual([]);
  });

  it('should create the account without a citizen ID when the claim is not 12 digits', async () => {
    // given
    const sub = `vneid-${Date.now()}-c`;
    const browser = new Browser();
    // when
    const answer = await browser.get(
      (await toCallback(browser, { sub, name: 'Lê Văn Cường', citizen_id: '12345' })).callback.href,
    );
    // then
    expect(answer.status).toBe(302);
    expect((await accountsOf(sub))[0]).toMatchObject({ citizen_id: null });
  });

  it('should refuse with 400 and a Vietnamese message when the state is tampered with, missing from the browser, replayed or expired', async () => {
    // given
    const browser = new Browser();
    const { callback } = await toCallback(browser, { sub: `vneid-${Date.now()}-d`, name: 'Phạm Thị Dung' });
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    // when
    const wrongState = await browser.get(tampered.href);
    const otherBrowser = await new Browser().get(callback.href);
    // then
    expect(wrongState.status).toBe(400);
    expect(await wrongState.json()).toMatchObject({
      code: 'OIDC_STATE',
      message_vi: 'Phiên đăng nhập VNeID không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.',
    });
    expect(otherBrowser.status).toBe(400);

    // given: a completed sign-in, replayed
    const replayBrowser = new Browser();
    const done = await toCallback(replayBrowser, { sub: `vneid-${Date.now()}-e`, name: 'Phạm Văn Em' });
    const stateCookie = replayBrowser.cookie(api, 'motcua_oidc');
    expect((await replayBrowser.get(done.callback.href)).status).toBe(302);
    // when: the same callback again, with the state cookie put back
    const replayed = await fetch(done.callback.href, {
      redirect: 'manual',
      headers: { cookie: `motcua_oidc=${stateCookie}` },
    });
    // then
    expect(replayed.status).toBe(400);

    // given: a sign-in left for longer than 10 minutes
    const slow = new Browser();
    const late = await toCallback(slow, { sub: `vneid-${Date.now()}-f`, name: 'Hoàng Văn Phúc' });
    await t.app.pg.query(`UPDATE oidc_login SET expires_at = now() - interval '1 second'`);
    // when
    const expired = await slow.get(late.callback.href);
    // then
    expect(expired.status).toBe(400);
  });

  it.each([
    ['nonce', 'a different nonce', /nonce/],
    ['issuer', 'another issuer', /iss/],
    ['audience', 'another audience', /aud/],
    ['signature', 'a key outside the JWKS', /signature/],
  ])(
    'should refuse the sign-in and open no session when the ID token carries %s (%s)',
    async (mode, _label, reason) => {
      // given
      const sub = `vneid-${Date.now()}-${mode}`;
      const browser = new Browser();
      const { callback } = await toCallback(browser, {
        sub,
        name: 'Võ Thị Giang',
        citizen_id: randomCitizenId(),
      });
      await control('tamper', { mode });
      // when
      const answer = await browser.get(callback.href);
      // then
      expect(answer.status).toBe(401);
      const problem = (await answer.json()) as { detail: string };
      expect(problem).toMatchObject({
        code: 'OIDC_REJECTED',
        message_vi: 'Không xác thực được danh tính từ VNeID. Vui lòng đăng nhập lại.',
      });
      expect(problem.detail).toMatch(reason);
      expect(
        answer.headers
          .getSetCookie()
          .some((c) => c.startsWith('motcua_session=') && !c.startsWith('motcua_session=;')),
      ).toBe(false);
      expect(await accountsOf(sub)).toHaveLength(0);
    },
  );

  it('should refuse the sign-in when the authorization response names another issuer (RFC 9207)', async () => {
    // given
    const browser = new Browser();
    const { callback } = await toCallback(browser, { sub: `vneid-${Date.now()}-h`, name: 'Đặng Văn Hải' });
    const forged = new URL(callback);
    forged.searchParams.set('iss', 'http://127.0.0.1:1/impostor');
    // when
    const answer = await browser.get(forged.href);
    // then
    expect(answer.status).toBe(401);
    expect(((await answer.json()) as { detail: string }).detail).toMatch(/iss/);
  });

  it('should refuse a disabled account with 403 and open no session', async () => {
    // given
    const sub = `vneid-${Date.now()}-i`;
    const first = new Browser();
    await first.get((await toCallback(first, { sub, name: 'Bùi Thị Hoa' })).callback.href);
    await t.app.pg.query(
      `UPDATE account SET disabled = true WHERE identity_provider = 'vneid' AND external_subject = $1`,
      [sub],
    );
    const browser = new Browser();
    // when
    const answer = await browser.get((await toCallback(browser, { sub, name: 'Bùi Thị Hoa' })).callback.href);
    const me = await browser.get(`${api}/api/me`);
    // then
    expect(answer.status).toBe(403);
    expect(await answer.json()).toMatchObject({
      code: 'DISABLED',
      message_vi: 'Tài khoản đã bị vô hiệu hóa.',
    });
    expect(me.status).toBe(401);
  });

  it('should refuse with 409 when the verified CCCD already belongs to another account', async () => {
    // given
    const cccd = randomCitizenId();
    await createAccount(t.app.orm.em.fork(), {
      username: `pw-${Date.now()}`,
      fullName: 'Ngô Văn Khoa',
      password: 'Secret-pass-2026',
      citizenId: cccd,
    });
    const sub = `vneid-${Date.now()}-j`;
    const browser = new Browser();
    // when
    const answer = await browser.get(
      (await toCallback(browser, { sub, name: 'Ngô Văn Khoa', citizen_id: cccd })).callback.href,
    );
    // then
    expect(answer.status).toBe(409);
    expect(await accountsOf(sub)).toHaveLength(0);
  });

  it('should send the browser back to the login page when VNeID answers with an error', async () => {
    // when
    const answer = await new Browser().get(
      `${api}/api/auth/oidc/callback?error=access_denied&error_description=cancelled&state=abc`,
    );
    // then
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('/login?error=access_denied');
  });

  it.each([
    '//evil.example/x',
    'https://evil.example/',
    '/\\evil.example',
    'javascript:alert(1)',
    'relative/path',
  ])('should refuse to start with 400 when returnTo is %s', async (returnTo) => {
    // when
    const answer = await new Browser().get(
      `${api}/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`,
    );
    // then
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ code: 'BAD_RETURN_TO' });
  });

  it('should list VNeID among the sign-in methods and declare every sign-in route public', async () => {
    // when
    const answer = await fetch(`${api}/api/auth/providers`);
    // then
    expect(await answer.json()).toEqual({
      providers: [
        { id: 'password', kind: 'credentials', label: 'Tên đăng nhập và mật khẩu' },
        { id: 'vneid', kind: 'redirect', label: 'VNeID', startUrl: '/api/auth/oidc/start' },
      ],
    });
    const routes = t.app.routeList
      .filter((r) => r.url.startsWith('/api/auth/') && r.method === 'GET')
      .map((r) => [r.url, r.access]);
    expect(routes).toEqual(
      expect.arrayContaining([
        ['/api/auth/providers', ['public']],
        ['/api/auth/oidc/start', ['public']],
        ['/api/auth/oidc/callback', ['public']],
      ]),
    );
  });
});

describe('VNeID settings and claims', () => {
  it('should leave VNeID off when OIDC_ISSUER is unset and require the client settings when it is set', () => {
    expect(oidcSettingsOf(loadConfig({}))).toBeNull();
    expect(() => loadConfig({ OIDC_ISSUER: 'https://id.example' })).toThrow(
      /OIDC_CLIENT_ID.*\n.*OIDC_REDIRECT_URI/,
    );
    expect(() =>
      loadConfig({
        OIDC_ISSUER: 'https://id.example',
        OIDC_CLIENT_ID: 'x',
        OIDC_REDIRECT_URI: 'https://a/cb',
        OIDC_SCOPES: 'profile',
      }),
    ).toThrow(/openid/);
    const secret = 'do-not-print-this-secret';
    expect(() => loadConfig({ OIDC_ISSUER: 'nope', OIDC_CLIENT_SECRET: secret })).toThrow(/OIDC_ISSUER/);
    expect(
      oidcSettingsOf(
        loadConfig({
          OIDC_ISSUER: 'https://id.example',
          OIDC_CLIENT_ID: 'x',
          OIDC_REDIRECT_URI: 'https://a/cb',
        }),
      ),
    ).toMatchObject({
      scopes: 'openid profile',
      citizenIdClaim: 'citizen_id',
    });
  });

  it('should accept only 12-digit citizen IDs and build the name in Vietnamese order', () => {
    expect(citizenIdOf('079203001234')).toBe('079203001234');
    expect(citizenIdOf(' 079203001234 ')).toBe('079203001234');
    expect(citizenIdOf('07920300123')).toBeNull();
    expect(citizenIdOf('07920300123a')).toBeNull();
    expect(citizenIdOf(undefined)).toBeNull();
    expect(fullNameOf({ family_name: 'Nguyễn', middle_name: 'Thị', given_name: 'Lan' })).toBe(
      'Nguyễn Thị Lan',
    );
    expect(fullNameOf({ name: ' Trần Văn B ' })).toBe('Trần Văn B');
  });

  it('should keep returnTo to same-site paths', () => {
    expect(safeReturnTo(undefined)).toBe('/');
    expect(safeReturnTo('/citizen/dossiers?page=2#top')).toBe('/citizen/dossiers?page=2#top');
    expect(safeReturnTo('//evil.example')).toBeNull();
    expect(safeReturnTo('/\\evil.example')).toBeNull();
    expect(safeReturnTo('https://evil.example/')).toBeNull();
  });
});
