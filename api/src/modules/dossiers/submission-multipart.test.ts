import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  givenDossierWorld,
  householdForm,
  signedIn,
  type DossierWorld,
} from '../../testing/dossiers.fixture';

/** One part of a multipart body: a text field, or a file. */
type Part =
  { name: string; value: string } | { name: string; filename: string; content: Buffer; contentType?: string };

/** Encodes `parts` as multipart/form-data. */
function multipartBody(parts: Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `motcua-${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if ('value' in p) {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`,
        ),
      );
    } else {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.contentType ?? 'application/octet-stream'}\r\n\r\n`,
        ),
      );
      chunks.push(p.content, Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const uniquePdf = () => Buffer.from(`%PDF-1.4\n% ${randomBytes(12).toString('hex')}\n%%EOF\n`);
const uniquePng = () =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]);

/** The sha256 of every file stored under DATA_DIR/uploads. */
function storedHashes(w: DossierWorld): Set<string> {
  const root = path.resolve(w.t.app.config.DATA_DIR, 'uploads');
  const out = new Set<string>();
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else out.add(sha256(fs.readFileSync(full)));
    }
  };
  walk(root);
  return out;
}

interface Answer {
  dossier: { code: string; channel: string };
  created: boolean;
  trackingSecret?: string;
  attachments?: { id: string; fileName: string; sha256: string; purpose: string; size: number }[];
}

describe('multipart dossier submission (payload + files)', () => {
  let w: DossierWorld;
  beforeAll(async () => {
    w = await givenDossierWorld('submitfiles');
  }, 120_000);
  afterAll(async () => w.close());

  const count = async (table: 'dossier' | 'dossier_attachment') =>
    Number((await w.t.app.pg.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);

  it('should create the dossier with its 2 attachments, their sha256 and purposes, in one request', async () => {
    // given
    const citizen = await signedIn(w, { roles: ['citizen'] });
    const pdf = uniquePdf();
    const png = uniquePng();
    const body = multipartBody([
      { name: 'payload', value: JSON.stringify({ procedureId: w.procedureId, formData: householdForm() }) },
      { name: 'files', filename: 'don-de-nghi.pdf', content: pdf, contentType: 'application/pdf' },
      { name: 'files', filename: 'cccd.png', content: png, contentType: 'image/png' },
      { name: 'purpose[1]', value: 'identity-card' },
    ]);

    // when
    const response = await citizen.browser.request('POST', '/api/dossiers', body.payload, {
      headers: body.headers,
    });

    // then
    expect(response.statusCode).toBe(201);
    const answer = response.json() as Answer;
    expect(answer.created).toBe(true);
    expect(answer.dossier.channel).toBe('online');
    expect(answer.trackingSecret).toMatch(/^[0-9A-Z]{8}$/);
    expect(answer.attachments?.map((a) => [a.fileName, a.sha256, a.purpose, a.size])).toEqual([
      ['don-de-nghi.pdf', sha256(pdf), 'application', pdf.length],
      ['cccd.png', sha256(png), 'identity-card', png.length],
    ]);
    const rows = await w.t.app.pg.query<{ sha256: string; media_type: string }>(
      `SELECT sha256, media_type FROM dossier_attachment WHERE dossier_code = $1 ORDER BY file_name DESC`,
      [answer.dossier.code],
    );
    expect(rows.rows).toEqual([
      { sha256: sha256(pdf), media_type: 'application/pdf' },
      { sha256: sha256(png), media_type: 'image/png' },
    ]);
    // then: the stored bytes are the sent bytes
    const id = answer.attachments![1]!.id;
    const download = await citizen.browser.get(`/api/dossiers/${answer.dossier.code}/attachments/${id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['x-content-sha256']).toBe(sha256(png));
    expect(sha256(download.rawPayload)).toBe(sha256(png));
  });

  it('should answer the same dossier without duplicating its files when the multipart submission is retried with the same key', async () => {
    // given
    const citizen = await signedIn(w, { roles: ['citizen'] });
    const headers = { 'idempotency-key': `files-${randomBytes(6).toString('hex')}` };
    const parts: Part[] = [
      { name: 'payload', value: JSON.stringify({ procedureId: w.procedureId, formData: householdForm() }) },
      { name: 'files', filename: 'a.pdf', content: uniquePdf() },
      { name: 'files', filename: 'b.pdf', content: uniquePdf() },
    ];
    const send = () => {
      const body = multipartBody(parts);
      return citizen.browser.request('POST', '/api/dossiers', body.payload, {
        headers: { ...headers, ...body.headers },
      });
    };
    const before = await count('dossier');

    // when
    const first = await send();
    const second = await send();

    // then
    expect([first.statusCode, second.statusCode]).toEqual([201, 200]);
    const [a, b] = [first.json() as Answer, second.json() as Answer];
    expect(b.dossier.code).toBe(a.dossier.code);
    expect(b.trackingSecret).toBeUndefined();
    expect(b.attachments?.map((x) => x.id).sort()).toEqual(a.attachments?.map((x) => x.id).sort());
    expect(await count('dossier')).toBe(before + 1);
    const files = await w.t.app.pg.query(`SELECT id FROM dossier_attachment WHERE dossier_code = $1`, [
      a.dossier.code,
    ]);
    expect(files.rowCount).toBe(2);
  });

  it.each([
    [
      'a file is not an accepted type',
      () => Buffer.from('MZ\x90\x00 an executable renamed to .pdf'),
      415,
      'FILE_TYPE',
    ],
    [
      'a file is larger than UPLOAD_MAX_BYTES',
      () => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024)]),
      413,
      'FILE_TOO_LARGE',
    ],
  ])('should answer %s with no dossier and no stored file left', async (_, bad, status, code) => {
    // given: a valid first file, then the refused one
    const citizen = await signedIn(w, { roles: ['citizen'] });
    const good = uniquePdf();
    const body = multipartBody([
      { name: 'payload', value: JSON.stringify({ procedureId: w.procedureId, formData: householdForm() }) },
      { name: 'files', filename: 'good.pdf', content: good },
      { name: 'files', filename: 'bad.pdf', content: bad() },
    ]);
    const [dossiers, attachments] = [await count('dossier'), await count('dossier_attachment')];

    // when
    const response = await citizen.browser.request('POST', '/api/dossiers', body.payload, {
      headers: body.headers,
    });

    // then
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code, message_vi: expect.stringContaining('bad.pdf') });
    expect(await count('dossier')).toBe(dossiers);
    expect(await count('dossier_attachment')).toBe(attachments);
    expect(storedHashes(w).has(sha256(good))).toBe(false);
  });

  it('should answer 400 with no dossier and no stored file when the form in the payload is invalid', async () => {
    // given
    const citizen = await signedIn(w, { roles: ['citizen'] });
    const good = uniquePdf();
    const body = multipartBody([
      { name: 'files', filename: 'good.pdf', content: good },
      {
        name: 'payload',
        value: JSON.stringify({ procedureId: w.procedureId, formData: householdForm({ applicantName: '' }) }),
      },
    ]);
    const before = await count('dossier');

    // when
    const response = await citizen.browser.request('POST', '/api/dossiers', body.payload, {
      headers: body.headers,
    });

    // then
    expect(response.statusCode).toBe(400);
    expect((response.json() as { code: string }).code).toBe('FORM_INVALID');
    expect(await count('dossier')).toBe(before);
    expect(storedHashes(w).has(sha256(good))).toBe(false);
  });

  it.each([
    [
      'the payload is missing',
      [{ name: 'files', filename: 'a.pdf', content: uniquePdf() }],
      'MULTIPART_INVALID',
    ],
    ['the payload is not JSON', [{ name: 'payload', value: '{nope' }], 'MULTIPART_INVALID'],
    [
      'the payload has an unknown property',
      [
        {
          name: 'payload',
          value: JSON.stringify({
            procedureId: '00000000-0000-4000-8000-000000000000',
            formData: {},
            extra: 1,
          }),
        },
      ],
      'PAYLOAD_INVALID',
    ],
    [
      'a purpose names no file',
      [
        { name: 'payload', value: '{}' },
        { name: 'purpose[3]', value: 'x' },
      ],
      'MULTIPART_INVALID',
    ],
    [
      'a file is sent under another field',
      [
        { name: 'payload', value: '{}' },
        { name: 'file', filename: 'a.pdf', content: uniquePdf() },
      ],
      'MULTIPART_INVALID',
    ],
  ] as [string, Part[], string][])('should answer 400 when %s', async (_, parts, code) => {
    // given
    const citizen = await signedIn(w, { roles: ['citizen'] });
    const body = multipartBody(parts);
    // when
    const response = await citizen.browser.request('POST', '/api/dossiers', body.payload, {
      headers: body.headers,
    });
    // then
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code, message_vi: expect.any(String) });
  });

  it('should describe both body types of the submission routes in the OpenAPI document', async () => {
    // when
    const response = await w.t.app.inject({ method: 'GET', url: '/docs/json' });
    // then
    expect(response.statusCode).toBe(200);
    const paths = (
      response.json() as {
        paths: Record<string, { post?: { requestBody?: { content: Record<string, unknown> } } }>;
      }
    ).paths;
    for (const url of ['/api/dossiers', '/api/dossiers/paper']) {
      expect(Object.keys(paths[url]?.post?.requestBody?.content ?? {}).sort()).toEqual([
        'application/json',
        'multipart/form-data',
      ]);
    }
  });

  it('should answer 400, not 500, when the submission has no body at all', async () => {
    // given
    const citizen = await signedIn(w, { roles: ['citizen'] });
    // when
    const response = await citizen.browser.request('POST', '/api/dossiers');
    // then
    expect(response.statusCode).toBe(400);
  });

  it('should keep answering JSON submissions without an attachments field', async () => {
    // given
    const citizen = await signedIn(w, { roles: ['citizen'] });
    // when
    const response = await citizen.browser.request('POST', '/api/dossiers', {
      procedureId: w.procedureId,
      formData: householdForm(),
    });
    // then
    expect(response.statusCode).toBe(201);
    expect(response.json()).not.toHaveProperty('attachments');
  });
});
