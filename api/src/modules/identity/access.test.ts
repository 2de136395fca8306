import Fastify from 'fastify';
import { buildTestApp, type TestApp } from '../../../../tests/support/app';
import { TestBrowser } from '../../testing/http-client';
import { givenAccount, TEST_PASSWORD } from '../../testing/fixtures';
import { installAccessGuard } from './access';

describe('route access guard', () => {
  it('should refuse to register an /api route when it declares no access', async () => {
    // given
    const app = Fastify();
    installAccessGuard(app);
    // when
    const register = () => app.get('/api/forgotten', async () => ({ open: true }));
    // then
    expect(register).toThrow('GET /api/forgotten must declare who may call it');
    await app.close().catch(() => undefined);
  });

  it('should refuse a state-changing route outside /api when it declares no access', async () => {
    // given
    const app = Fastify();
    installAccessGuard(app);
    // when
    const register = () => app.post('/hook', async () => ({}));
    // then
    expect(register).toThrow('changes state outside /api');
    await app.close().catch(() => undefined);
  });

  it('should refuse a route when it names an unknown role', async () => {
    // given
    const app = Fastify();
    installAccessGuard(app);
    // when
    const register = () =>
      app.get('/api/x', { config: { access: ['superuser' as 'admin'] } }, async () => ({}));
    // then
    expect(register).toThrow('unknown access rules: superuser');
    await app.close().catch(() => undefined);
  });
});

describe('role checks on the real app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t.close());

  it('should let an allowed public route through when it declares access', async () => {
    // given
    const app = Fastify();
    installAccessGuard(app);
    app.get('/api/open', { config: { access: ['public'] } }, async () => ({ ok: true }));
    // when
    const response = await app.inject({ method: 'GET', url: '/api/open' });
    // then
    expect(response.statusCode).toBe(200);
    await app.close();
  });

  it('should answer 401 to an anonymous caller and 403 to a citizen when the route is admin-only', async () => {
    // given
    const citizen = await givenAccount(t.app);
    const browser = new TestBrowser(t.app, '10.3.0.1');
    // when
    const anonymous = await browser.get('/api/admin/users');
    await browser.login(citizen.username, TEST_PASSWORD);
    const asCitizen = await browser.get('/api/admin/users');
    // then
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().message_vi).toBe('Vui lòng đăng nhập để tiếp tục.');
    expect(asCitizen.statusCode).toBe(403);
    expect(asCitizen.json().message_vi).toBe('Tài khoản của bạn không có quyền thực hiện thao tác này.');
  });

  it('should let an admin create an officer and unlock an account when the admin is signed in', async () => {
    // given
    const admin = await givenAccount(t.app, { roles: ['admin'] });
    const browser = new TestBrowser(t.app, '10.3.0.2');
    await browser.login(admin.username, TEST_PASSWORD);
    // when
    const created = await browser.post('/api/admin/users', {
      username: `cv-${Date.now()}`,
      fullName: 'Lê Thị Chuyên Viên',
      password: 'Officer-pass-1',
      roles: [],
      memberships: [{ agencyCode: '000.00.05.H58', role: 'specialist' }],
    });
    const id = created.json().id as string;
    const patched = await browser.request('PATCH', `/api/admin/users/${id}`, {
      unlock: true,
      email: 'cv@tiengiang.gov.vn',
    });
    const typo = await browser.request('PATCH', `/api/admin/users/${id}`, { rolez: ['admin'] });
    // then
    expect(created.statusCode).toBe(201);
    expect(created.json()).not.toHaveProperty('passwordHash');
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      email: 'cv@tiengiang.gov.vn',
      memberships: [{ agencyCode: '000.00.05.H58', role: 'specialist' }],
    });
    expect(typo.statusCode).toBe(400);
  });

  it('should document every /api operation with tags and responses when OpenAPI is generated', async () => {
    // given
    await t.app.ready();
    // when
    const spec = t.app.swagger() as {
      paths: Record<string, Record<string, { tags?: string[]; responses?: object }>>;
    };
    // then
    const operations = Object.entries(spec.paths).flatMap(([p, ops]) =>
      Object.entries(ops).map(([m, op]) => ({ id: `${m} ${p}`, op })),
    );
    const undocumented = operations.filter(
      ({ id, op }) => id.includes('/api/') && (!op.tags?.length || !op.responses),
    );
    expect(operations.length).toBeGreaterThan(15);
    expect(undocumented.map((o) => o.id)).toEqual([]);
  });
});
