import {
  givenDossierWorld,
  householdForm,
  signedIn,
  type DossierWorld,
} from '../../testing/dossiers.fixture';
import { parseDossierCode } from '../../domain/dossier-code';

describe('dossier submission', () => {
  let w: DossierWorld;
  beforeAll(async () => {
    w = await givenDossierWorld('submission');
  }, 120_000);
  afterAll(async () => w.close());

  const count = async () =>
    Number((await w.t.app.pg.query<{ n: string }>(`SELECT count(*) AS n FROM dossier`)).rows[0]!.n);

  it('should give 100 distinct, gap-free codes when 100 submissions arrive at once', async () => {
    // given
    const citizens = await Promise.all(Array.from({ length: 10 }, () => signedIn(w, { roles: ['citizen'] })));
    const before = await w.t.app.pg.query<{ last: number }>(
      `SELECT last FROM dossier_code_sequence WHERE agency_id = $1`,
      [w.agencyCode],
    );
    const start = before.rows[0]?.last ?? 0;

    // when
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        citizens[i % 10]!.browser.request('POST', '/api/dossiers', {
          procedureId: w.procedureId,
          formData: householdForm(),
        }),
      ),
    );

    // then
    expect(responses.map((r) => r.statusCode)).toEqual(Array(100).fill(201));
    const sequences = responses
      .map((r) => parseDossierCode((r.json() as { dossier: { code: string } }).dossier.code)!.sequence)
      .sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 100 }, (_, i) => start + i + 1));
  }, 60_000);

  it('should create one dossier when a submission is retried with the same idempotency key', async () => {
    // given
    const citizen = await signedIn(w, { roles: ['citizen'] });
    const body = { procedureId: w.procedureId, formData: householdForm() };
    const headers = { 'idempotency-key': 'retry-0123456789' };
    const before = await count();

    // when
    const [first, second] = await Promise.all([
      citizen.browser.request('POST', '/api/dossiers', body, { headers }),
      citizen.browser.request('POST', '/api/dossiers', body, { headers }),
    ]);
    const third = await citizen.browser.request('POST', '/api/dossiers', body, { headers });

    // then
    const codes = [first, second, third].map((r) => (r.json() as { dossier: { code: string } }).dossier.code);
    expect(new Set(codes).size).toBe(1);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 201]);
    expect(third.statusCode).toBe(200);
    expect(await count()).toBe(before + 1);
  });

  it('should answer 409 when the idempotency key is reused with another body', async () => {
    // given
    const citizen = await signedIn(w, { roles: ['citizen'] });
    const headers = { 'idempotency-key': 'reuse-0123456789' };
    await citizen.browser.request(
      'POST',
      '/api/dossiers',
      { procedureId: w.procedureId, formData: householdForm() },
      { headers },
    );

    // when
    const response = await citizen.browser.request(
      'POST',
      '/api/dossiers',
      { procedureId: w.procedureId, formData: householdForm({ capital: 5 }) },
      { headers },
    );

    // then
    expect(response.statusCode).toBe(409);
    expect((response.json() as { code: string }).code).toBe('IDEMPOTENCY_MISMATCH');
  });

  it.each([
    ['a required field is missing', { applicantName: '' }, 'Họ và tên: không được để trống.'],
    ['the citizen id does not match its pattern', { applicantIdNumber: '123' }, 'không đúng định dạng'],
    ['a number is below its minimum', { capital: -1 }, 'không được nhỏ hơn 0'],
    ['a select value is not an option', { deliveryMethod: 'drone' }, 'lựa chọn không hợp lệ'],
    ['an unknown field is sent', { nickname: 'An' }, 'không có trong biểu mẫu'],
  ])('should answer 400 with message_vi and write nothing when %s', async (_, override, message) => {
    // given
    const citizen = await signedIn(w, { roles: ['citizen'] });
    const before = await count();

    // when
    const response = await citizen.browser.request('POST', '/api/dossiers', {
      procedureId: w.procedureId,
      formData: householdForm(override),
    });

    // then
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect((response.json() as { message_vi: string }).message_vi).toContain(message);
    expect(await count()).toBe(before);
  });

  it('should answer 404 and write nothing when the procedure does not exist', async () => {
    // given
    const citizen = await signedIn(w, { roles: ['citizen'] });
    const before = await count();
    // when
    const response = await citizen.browser.request('POST', '/api/dossiers', {
      procedureId: '00000000-0000-4000-8000-000000000000',
      formData: householdForm(),
    });
    // then
    expect(response.statusCode).toBe(404);
    expect(await count()).toBe(before);
  });

  it('should store an attachment with its checksum when the file is a PDF, and refuse a disguised executable', async () => {
    // given
    const citizen = await signedIn(w, { roles: ['citizen'] });
    const created = await citizen.browser.request('POST', '/api/dossiers', {
      procedureId: w.procedureId,
      formData: householdForm(),
    });
    const code = (created.json() as { dossier: { code: string } }).dossier.code;
    const multipart = (name: string, content: Buffer) => {
      const boundary = 'motcua-test-boundary';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return citizen.browser.request('POST', `/api/dossiers/${code}/attachments`, payload, {
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
    };

    // when
    const pdf = await multipart('cccd.pdf', Buffer.from('%PDF-1.4\n%test\n'));
    const exe = await multipart('cccd.pdf', Buffer.from('MZ\x90\x00binary'));

    // then
    expect(pdf.statusCode).toBe(201);
    expect((pdf.json() as { sha256: string }[])[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(exe.statusCode).toBe(415);
    expect((exe.json() as { message_vi: string }).message_vi).toContain('không đúng định dạng');
  });
});
