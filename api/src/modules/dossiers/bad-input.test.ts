/**
 * User mistakes on the routes added with paper submission, the register, the DVCQG view and the VNeID sign-in:
 * each must answer a 4xx problem+json with a Vietnamese `message_vi`, never a 500.
 */
import {
  givenDossierWorld,
  householdForm,
  officer,
  signedIn,
  type DossierWorld,
} from '../../testing/dossiers.fixture';
import type { TestBrowser } from '../../testing/http-client';

type Who = 'citizen' | 'one-stop' | 'admin' | 'anonymous';

interface BadInput {
  what: string;
  who: Who;
  method: 'GET' | 'POST';
  url: (w: DossierWorld) => string;
  body?: (w: DossierWorld) => unknown;
  headers?: Record<string, string>;
}

const boundary = 'motcua-bad-input';
const part = (name: string, value: string) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const end = `--${boundary}--\r\n`;

const cases: BadInput[] = [
  // POST /api/dossiers (JSON and multipart)
  {
    what: 'a procedureId that is not a uuid',
    who: 'citizen',
    method: 'POST',
    url: () => '/api/dossiers',
    body: () => ({ procedureId: 'not-a-uuid', formData: {} }),
  },
  {
    what: 'no formData',
    who: 'citizen',
    method: 'POST',
    url: () => '/api/dossiers',
    body: (w) => ({ procedureId: w.procedureId }),
  },
  {
    what: 'formData that is not an object',
    who: 'citizen',
    method: 'POST',
    url: () => '/api/dossiers',
    body: (w) => ({ procedureId: w.procedureId, formData: 'x' }),
  },
  {
    what: 'a huge variantKey',
    who: 'citizen',
    method: 'POST',
    url: () => '/api/dossiers',
    body: (w) => ({ procedureId: w.procedureId, variantKey: 'v'.repeat(5000), formData: householdForm() }),
  },
  {
    what: 'an unknown variantKey',
    who: 'citizen',
    method: 'POST',
    url: () => '/api/dossiers',
    body: (w) => ({ procedureId: w.procedureId, variantKey: 'nope', formData: householdForm() }),
  },
  {
    what: 'an Idempotency-Key with a NUL byte',
    who: 'citizen',
    method: 'POST',
    url: () => '/api/dossiers',
    body: (w) => ({ procedureId: w.procedureId, formData: householdForm() }),
    headers: { 'idempotency-key': 'abc\u0000defgh' },
  },
  {
    what: 'a multipart body without a boundary',
    who: 'citizen',
    method: 'POST',
    url: () => '/api/dossiers',
    body: () => part('payload', '{}'),
    headers: { 'content-type': 'multipart/form-data' },
  },
  {
    what: 'a truncated multipart body',
    who: 'citizen',
    method: 'POST',
    url: () => '/api/dossiers',
    body: () => `--${boundary}\r\nContent-Disposition: form-data; name="payload"\r\n\r\n{"procedureId"`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  },
  {
    what: 'a multipart body that is garbage',
    who: 'citizen',
    method: 'POST',
    url: () => '/api/dossiers',
    body: () => 'garbage',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  },
  {
    what: 'a multipart part without a name',
    who: 'citizen',
    method: 'POST',
    url: () => '/api/dossiers',
    body: () => `--${boundary}\r\nContent-Disposition: form-data\r\n\r\nx\r\n${end}`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  },
  {
    what: 'a multipart payload with a bad procedureId',
    who: 'citizen',
    method: 'POST',
    url: () => '/api/dossiers',
    body: () => part('payload', JSON.stringify({ procedureId: 'x', formData: {} })) + end,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  },
  {
    what: 'a multipart payload that is JSON null',
    who: 'citizen',
    method: 'POST',
    url: () => '/api/dossiers',
    body: () => part('payload', 'null') + end,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  },
  {
    what: 'a multipart payload with a NUL byte in a form field',
    who: 'citizen',
    method: 'POST',
    url: () => '/api/dossiers',
    body: (w) =>
      part(
        'payload',
        JSON.stringify({
          procedureId: w.procedureId,
          formData: householdForm({ businessLines: 'a\u0000b' }),
        }),
      ) + end,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  },
  {
    what: 'a JSON body with a NUL byte in a form field',
    who: 'citizen',
    method: 'POST',
    url: () => '/api/dossiers',
    body: (w) => ({ procedureId: w.procedureId, formData: householdForm({ businessLines: 'a\u0000b' }) }),
  },
  {
    what: 'a body that is not JSON',
    who: 'citizen',
    method: 'POST',
    url: () => '/api/dossiers',
    body: () => '{nope',
    headers: { 'content-type': 'application/json' },
  },
  {
    what: 'an empty JSON body',
    who: 'citizen',
    method: 'POST',
    url: () => '/api/dossiers',
    body: () => '',
    headers: { 'content-type': 'application/json' },
  },
  {
    what: 'an unsupported Content-Type',
    who: 'citizen',
    method: 'POST',
    url: () => '/api/dossiers',
    body: () => 'x=1',
    headers: { 'content-type': 'text/csv' },
  },
  {
    what: 'a task-list page beyond any real list',
    who: 'one-stop',
    method: 'GET',
    url: () => `/api/tasks?page=${'9'.repeat(30)}`,
  },
  {
    what: 'a URL with broken percent-encoding',
    who: 'anonymous',
    method: 'GET',
    url: () => '/api/tracking/%E0%A4%A?secret=x',
  },
  {
    what: 'a text body',
    who: 'citizen',
    method: 'POST',
    url: () => '/api/dossiers',
    body: () => 'hello',
    headers: { 'content-type': 'text/plain' },
  },
  // POST /api/dossiers/paper
  {
    what: 'a paper dossier without applicant',
    who: 'one-stop',
    method: 'POST',
    url: () => '/api/dossiers/paper',
    body: (w) => ({ procedureId: w.procedureId, formData: householdForm() }),
  },
  {
    what: 'a paper dossier with a bad procedureId',
    who: 'one-stop',
    method: 'POST',
    url: () => '/api/dossiers/paper',
    body: () => ({
      procedureId: '123',
      formData: {},
      applicant: { name: 'Lê A', idNumber: '082201000777', phone: '0987654321', address: '5 Ấp Bắc, Mỹ Tho' },
    }),
  },
  {
    what: 'a paper dossier with a bad phone',
    who: 'one-stop',
    method: 'POST',
    url: () => '/api/dossiers/paper',
    body: (w) => ({
      procedureId: w.procedureId,
      formData: householdForm(),
      applicant: { name: 'Lê A', idNumber: '082201000777', phone: 'abc', address: '5 Ấp Bắc, Mỹ Tho' },
    }),
  },
  {
    what: 'a paper dossier with a NUL byte in the applicant name',
    who: 'one-stop',
    method: 'POST',
    url: () => '/api/dossiers/paper',
    body: (w) => ({
      procedureId: w.procedureId,
      formData: householdForm(),
      applicant: {
        name: 'Lê\u0000A',
        idNumber: '082201000777',
        phone: '0987654321',
        address: '5 Ấp Bắc, Mỹ Tho',
      },
    }),
  },
  {
    what: 'a paper dossier of an unknown procedure',
    who: 'one-stop',
    method: 'POST',
    url: () => '/api/dossiers/paper',
    body: () => ({
      procedureId: '00000000-0000-4000-8000-000000000000',
      formData: {},
      applicant: { name: 'Lê A', idNumber: '082201000777', phone: '0987654321', address: '5 Ấp Bắc, Mỹ Tho' },
    }),
  },
  {
    what: 'a paper multipart without payload',
    who: 'one-stop',
    method: 'POST',
    url: () => '/api/dossiers/paper',
    body: () => part('purpose[0]', 'x') + end,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  },
  // GET /api/agencies/:agencyCode/register.pdf
  {
    what: 'a register with a bad date',
    who: 'one-stop',
    method: 'GET',
    url: (w) => `/api/agencies/${w.agencyCode}/register.pdf?from=2026-02-30`,
  },
  {
    what: 'a register with a date that is not a date',
    who: 'one-stop',
    method: 'GET',
    url: (w) => `/api/agencies/${w.agencyCode}/register.pdf?to=yesterday`,
  },
  {
    what: 'a register with from after to',
    who: 'one-stop',
    method: 'GET',
    url: (w) => `/api/agencies/${w.agencyCode}/register.pdf?from=2026-03-10&to=2026-03-01`,
  },
  {
    what: 'a register over two years',
    who: 'one-stop',
    method: 'GET',
    url: (w) => `/api/agencies/${w.agencyCode}/register.pdf?from=2024-01-01&to=2026-01-01`,
  },
  {
    what: 'a register with a huge from',
    who: 'one-stop',
    method: 'GET',
    url: (w) => `/api/agencies/${w.agencyCode}/register.pdf?from=${'9'.repeat(5000)}`,
  },
  {
    what: 'a register in year 0',
    who: 'one-stop',
    method: 'GET',
    url: (w) => `/api/agencies/${w.agencyCode}/register.pdf?from=0000-01-01&to=0000-01-31`,
  },
  {
    what: 'a register in year 10000',
    who: 'one-stop',
    method: 'GET',
    url: (w) => `/api/agencies/${w.agencyCode}/register.pdf?from=+10000-01-01`,
  },
  {
    what: 'a register with two from values',
    who: 'one-stop',
    method: 'GET',
    url: (w) => `/api/agencies/${w.agencyCode}/register.pdf?from=2026-03-01&from=2026-03-02`,
  },
  {
    what: 'a register with an unknown parameter',
    who: 'one-stop',
    method: 'GET',
    url: (w) => `/api/agencies/${w.agencyCode}/register.pdf?month=3`,
  },
  {
    what: 'a register of an agency code with a NUL byte',
    who: 'one-stop',
    method: 'GET',
    url: () => '/api/agencies/abc%00def/register.pdf',
  },
  {
    what: 'a register of an agency code with a space',
    who: 'one-stop',
    method: 'GET',
    url: () => '/api/agencies/abc%20def/register.pdf',
  },
  {
    what: 'a register of an unknown agency',
    who: 'one-stop',
    method: 'GET',
    url: () => '/api/agencies/000.00.99.X99/register.pdf',
  },
  // GET /api/admin/dvcqg-sync
  {
    what: 'a sync view with a limit that is not a number',
    who: 'admin',
    method: 'GET',
    url: () => '/api/admin/dvcqg-sync?limit=abc',
  },
  {
    what: 'a sync view with a huge limit',
    who: 'admin',
    method: 'GET',
    url: () => `/api/admin/dvcqg-sync?limit=${'9'.repeat(400)}`,
  },
  {
    what: 'a sync view with a negative limit',
    who: 'admin',
    method: 'GET',
    url: () => '/api/admin/dvcqg-sync?limit=-1',
  },
  {
    what: 'a sync view with a fractional limit',
    who: 'admin',
    method: 'GET',
    url: () => '/api/admin/dvcqg-sync?limit=1.5',
  },
  {
    what: 'a sync view with a huge dossier code',
    who: 'admin',
    method: 'GET',
    url: () => `/api/admin/dvcqg-sync?dossier=${'x'.repeat(5000)}`,
  },
  {
    what: 'a sync view with a NUL byte in the dossier code',
    who: 'admin',
    method: 'GET',
    url: () => '/api/admin/dvcqg-sync?dossier=abc%00',
  },
  {
    what: 'a sync view with an unknown parameter',
    who: 'admin',
    method: 'GET',
    url: () => '/api/admin/dvcqg-sync?page=2',
  },
  // VNeID (off here: 404 OIDC_DISABLED; on: see oidc.test.ts)
  {
    what: 'a VNeID start while VNeID is off',
    who: 'anonymous',
    method: 'GET',
    url: () => '/api/auth/oidc/start?returnTo=/x',
  },
  {
    what: 'a VNeID callback while VNeID is off',
    who: 'anonymous',
    method: 'GET',
    url: () => '/api/auth/oidc/callback?code=a&state=b',
  },
  {
    what: 'a VNeID start with a huge returnTo',
    who: 'anonymous',
    method: 'GET',
    url: () => `/api/auth/oidc/start?returnTo=/${'a'.repeat(5000)}`,
  },
  {
    what: 'a VNeID callback with a huge code',
    who: 'anonymous',
    method: 'GET',
    url: () => `/api/auth/oidc/callback?code=${'a'.repeat(5000)}&state=b`,
  },
  {
    what: 'a VNeID start with a NUL byte in returnTo',
    who: 'anonymous',
    method: 'GET',
    url: () => '/api/auth/oidc/start?returnTo=%00',
  },
];

describe('user mistakes on the routes of paper submission, the register, DVCQG and VNeID', () => {
  let w: DossierWorld;
  const browsers = new Map<Who, TestBrowser>();
  beforeAll(async () => {
    w = await givenDossierWorld('bad-input');
    browsers.set('citizen', (await signedIn(w, { roles: ['citizen'] })).browser);
    browsers.set('one-stop', (await officer(w, 'one-stop')).browser);
    browsers.set('admin', (await signedIn(w, { roles: ['admin'] })).browser);
  }, 120_000);
  afterAll(async () => w.close());

  it.each(cases.map((c) => [c.what, c] as const))(
    'should answer 4xx with a Vietnamese message for %s',
    async (_, c) => {
      // given
      const browser = browsers.get(c.who);
      const url = c.url(w);
      const body = c.body?.(w);
      // when
      const response = browser
        ? await browser.request(c.method, url, body, { headers: c.headers })
        : await w.t.app.inject({
            method: c.method,
            url,
            headers: c.headers,
            payload: body as string | undefined,
          });
      // then
      expect(
        response.statusCode >= 400 && response.statusCode < 500
          ? 'client error'
          : `${response.statusCode}: ${response.body}`,
      ).toBe('client error');
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      // Vietnamese: letters with diacritics (Latin-1 supplement up to Latin Extended Additional)
      const vietnamese = /[\u00c0-\u1ef9]/;
      expect(response.json()).toMatchObject({
        status: response.statusCode,
        message_vi: expect.stringMatching(vietnamese),
      });
    },
  );

  it('should still accept a valid register period and sync view (control)', async () => {
    // when
    const oneStop = browsers.get('one-stop')!;
    const register = await oneStop.request(
      'GET',
      `/api/agencies/${w.agencyCode}/register.pdf?from=2026-03-01&to=2026-03-31`,
    );
    const sync = await browsers
      .get('admin')!
      .request('GET', `/api/admin/dvcqg-sync?limit=200&dossier=${w.agencyCode}-260302-0001`);
    // then
    expect(register.statusCode).toBe(200);
    expect(sync.statusCode).toBe(200);
  });
});
