import { randomUUID } from 'node:crypto';
import { buildTestApp, type TestApp } from '../../tests/support/app';

/** The client address the audit log recorded for a refused (403, no CSRF token) login carrying `probe`. */
async function recordedIp(t: TestApp, probe: string): Promise<string | null | undefined> {
  for (let i = 0; i < 200; i++) {
    const r = await t.app.pg.query<{ ip: string | null }>(`SELECT ip FROM audit_log WHERE url LIKE $1`, [
      `%${probe}%`,
    ]);
    if (r.rows[0]) return r.rows[0].ip;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return undefined;
}

async function loginFrom(t: TestApp, forwardedFor: string): Promise<string | null | undefined> {
  const probe = randomUUID();
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/auth/login?probe=${probe}`,
    remoteAddress: '10.1.1.1',
    headers: { 'x-forwarded-for': forwardedFor },
    payload: { username: 'nobody', password: 'x' },
  });
  expect(response.statusCode).toBe(403);
  return recordedIp(t, probe);
}

describe('TRUST_PROXY', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('should ignore X-Forwarded-For when TRUST_PROXY is not set', async () => {
    // given
    t = await buildTestApp({ suffix: 'trust_proxy' });
    // when
    const ip = await loginFrom(t, '203.0.113.9');
    // then
    expect(ip).toBe('10.1.1.1');
  });

  it('should take the client address from X-Forwarded-For when the request comes from a listed proxy', async () => {
    // given
    t = await buildTestApp({ suffix: 'trust_proxy', env: { TRUST_PROXY: '10.0.0.0/8' } });
    // when
    const ip = await loginFrom(t, '203.0.113.9');
    // then
    expect(ip).toBe('203.0.113.9');
  });

  it('should keep the connection address when the request comes from a proxy that is not listed', async () => {
    // given
    t = await buildTestApp({ suffix: 'trust_proxy', env: { TRUST_PROXY: '192.168.1.1' } });
    // when
    const ip = await loginFrom(t, '203.0.113.9');
    // then
    expect(ip).toBe('10.1.1.1');
  });
});
