import {
  givenDossierWorld,
  householdForm,
  officer,
  signedIn,
  until,
  type DossierWorld,
} from '../../testing/dossiers.fixture';
import type { TestBrowser } from '../../testing/http-client';

const SECRET_NAME = 'Trần Thị Bí Mật';

interface Caller {
  label: string;
  browser: TestBrowser | null;
  roles: string[];
  entitled: boolean;
}

describe('authorisation matrix (every route x every role x own/other agency)', () => {
  let w: DossierWorld;
  let code: string;
  let secret: string;
  let taskKey: string;
  let callers: Caller[];

  beforeAll(async () => {
    w = await givenDossierWorld('authz');
    const owner = await signedIn(w, { roles: ['citizen'] });
    const created = await owner.browser.request('POST', '/api/dossiers', {
      procedureId: w.procedureId,
      formData: householdForm({ applicantName: SECRET_NAME }),
    });
    code = (created.json() as { dossier: { code: string } }).dossier.code;
    secret = (created.json() as { trackingSecret: string }).trackingSecret;
    const ownOneStop = await officer(w, 'one-stop');
    const list = await until(
      async () =>
        (await ownOneStop.browser.get(`/api/tasks?code=${encodeURIComponent(code)}`)).json() as {
          items: { key: string }[];
        },
      (l) => l.items.length > 0,
    );
    taskKey = list.items[0]!.key;
    callers = [{ label: 'anonymous', browser: null, roles: [], entitled: false }];
    callers.push({ label: 'owner citizen', browser: owner.browser, roles: ['citizen'], entitled: true });
    for (const role of ['citizen', 'business', 'analyst'] as const) {
      callers.push({
        label: `other ${role}`,
        browser: (await signedIn(w, { roles: [role] })).browser,
        roles: [role],
        entitled: false,
      });
    }
    for (const role of ['manager', 'admin'] as const) {
      callers.push({
        label: role,
        browser: (await signedIn(w, { roles: [role] })).browser,
        roles: [role],
        entitled: true,
      });
    }
    for (const role of ['one-stop', 'specialist', 'section-head', 'agency-head'] as const) {
      callers.push({
        label: `${role} own agency`,
        browser: (await officer(w, role)).browser,
        roles: [role],
        entitled: true,
      });
      callers.push({
        label: `${role} other agency`,
        browser: (await officer(w, role, w.otherAgencyCode)).browser,
        roles: [role],
        entitled: false,
      });
    }
  }, 120_000);
  afterAll(async () => w.close());

  const fill = (url: string) =>
    url
      .replace(':agencyCode', encodeURIComponent(w.agencyCode))
      .replace(':code', encodeURIComponent(code))
      .replace(':key', taskKey)
      .replace(':id', '00000000-0000-4000-8000-000000000000')
      .replace(':formId', 'x')
      .replace('*', '');

  const call = async (caller: Caller, method: string, url: string, payload: object = {}) => {
    if (!caller.browser) {
      return w.t.app.inject({
        method: method as 'GET',
        url,
        remoteAddress: '10.9.9.9',
        ...(method === 'GET' ? {} : { payload }),
      });
    }
    return caller.browser.request(method as 'GET', url, method === 'GET' ? undefined : payload);
  };

  it('should refuse every protected route to callers without a listed role, and never leak the dossier to non-entitled callers', async () => {
    // given
    // Sign-in routes that change the caller's own session (POST login/logout) are left out; the GET ones
    // (csrf, providers, VNeID start and callback) are public and must leak nothing either.
    const routes = w.t.app.routeList.filter(
      (r) =>
        r.url.startsWith('/api') &&
        r.method !== 'HEAD' &&
        !(r.url.startsWith('/api/auth') && r.method !== 'GET'),
    );
    expect(routes.length).toBeGreaterThan(40);
    expect(routes).toContainEqual(
      expect.objectContaining({ method: 'GET', url: '/api/admin/dvcqg-sync', access: ['admin', 'manager'] }),
    );
    const failures: string[] = [];

    for (const route of routes) {
      for (const caller of callers) {
        // when
        const url = fill(route.url);
        const response = await call(caller, route.method, url);
        const body = response.body;
        const listed =
          route.access.includes('public') ||
          (route.access.includes('authenticated') && caller.browser !== null) ||
          caller.roles.some((r) => route.access.includes(r));
        // then: a caller without a listed role is refused before anything runs
        if (!listed && ![401, 403].includes(response.statusCode))
          failures.push(
            `${route.method} ${route.url} as ${caller.label}: ${response.statusCode} (expected 401/403)`,
          );
        // then: a caller outside the dossier's circle never sees its data
        if (!caller.entitled && body.includes(SECRET_NAME))
          failures.push(`${route.method} ${route.url} as ${caller.label}: leaked the applicant's name`);
        // (analysts see every instance view and diagram by design: element ids, flows and the model, no personal data)
        const analystView =
          (route.url.endsWith('/instance') || route.url.endsWith('/diagram')) &&
          caller.roles.includes('analyst');
        if (!caller.entitled && !analystView && route.url.includes(':code') && response.statusCode < 300)
          failures.push(`${route.method} ${route.url} as ${caller.label}: ${response.statusCode}`);
        // (agency-wide documents, e.g. Mẫu 06: only officers of that agency, managers and admins)
        if (!caller.entitled && route.url.includes(':agencyCode') && response.statusCode < 300)
          failures.push(`${route.method} ${route.url} as ${caller.label}: ${response.statusCode}`);
        if (!caller.entitled && route.url.includes(':key') && response.statusCode < 300)
          failures.push(`${route.method} ${route.url} as ${caller.label}: ${response.statusCode}`);
        if (!caller.entitled && route.url === '/api/tasks' && body.includes(code))
          failures.push(`GET /api/tasks as ${caller.label}: listed the dossier's task`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it("should let only a one-stop officer of the procedure's agency register a paper dossier, and declare the submission routes", async () => {
    // given: a valid paper submission (the matrix above sends empty bodies, refused by validation before the agency check)
    const body = {
      procedureId: w.procedureId,
      formData: householdForm(),
      applicant: {
        name: 'Phạm Văn Giấy',
        idNumber: '082201000888',
        phone: '0911222333',
        address: '1 Hùng Vương, Mỹ Tho',
      },
    };
    const access = (method: string, url: string) =>
      w.t.app.routeList.find((r) => r.method === method && r.url === url)?.access;

    // when
    const statuses = new Map<string, string>();
    for (const caller of callers) {
      const status = (await call(caller, 'POST', '/api/dossiers/paper', body)).statusCode;
      statuses.set(caller.label, [401, 403].includes(status) ? 'refused' : String(status));
    }

    // then
    expect(access('POST', '/api/dossiers')).toEqual(['citizen', 'business']);
    expect(access('POST', '/api/dossiers/paper')).toEqual(['one-stop']);
    const expected = new Map(
      callers.map((c) => [c.label, c.label === 'one-stop own agency' ? '201' : 'refused']),
    );
    expect(statuses).toEqual(expected);
  });

  it('should print the receipt with the tracking secret only for the applicant and a one-stop officer of the agency', async () => {
    // given: the right secret (the matrix above sends an empty body, refused by validation)
    const access = w.t.app.routeList.find(
      (r) => r.method === 'POST' && r.url === '/api/dossiers/:code/receipt-slip.pdf',
    )?.access;

    // when
    const statuses = new Map<string, string>();
    for (const caller of callers) {
      const response = await call(
        caller,
        'POST',
        `/api/dossiers/${encodeURIComponent(code)}/receipt-slip.pdf`,
        { secret },
      );
      statuses.set(
        caller.label,
        [401, 403, 404].includes(response.statusCode) ? 'refused' : String(response.statusCode),
      );
      if (response.statusCode === 200) expect(response.headers['content-type']).toBe('application/pdf');
    }

    // then
    expect(access).toEqual(['citizen', 'business', 'one-stop']);
    const allowed = new Set(['owner citizen', 'one-stop own agency']);
    expect(statuses).toEqual(
      new Map(callers.map((c) => [c.label, allowed.has(c.label) ? '200' : 'refused'])),
    );
  }, 60_000);

  it('should show the dossier to its owner and its task to the own agency when entitled', async () => {
    // when
    const owner = callers.find((c) => c.label === 'owner citizen')!;
    const own = callers.find((c) => c.label === 'one-stop own agency')!;
    // then
    expect((await owner.browser!.get(`/api/dossiers/${code}`)).body).toContain(SECRET_NAME);
    expect((await own.browser!.get('/api/tasks')).body).toContain(code);
    expect(
      (await own.browser!.get(`/api/agencies/${encodeURIComponent(w.agencyCode)}/register.pdf`)).statusCode,
    ).toBe(200);
  });
});
