/**
 * Mẫu 01 with the tracking secret (POST /api/dossiers/:code/receipt-slip.pdf): rendered on demand after the secret
 * is checked against the stored hash, for the applicant (online) and the one-stop officer who took a paper dossier.
 */
import {
  givenDossierWorld,
  householdForm,
  officer,
  signedIn,
  type DossierWorld,
} from '../../testing/dossiers.fixture';
import type { TestBrowser } from '../../testing/http-client';
import { flowOf as textOf, hasPdftotext } from '../../testing/pdf-text';

interface Answer {
  dossier: { code: string };
  trackingSecret: string;
}

describe('Mẫu 01 with the tracking secret (POST /api/dossiers/:code/receipt-slip.pdf)', () => {
  let w: DossierWorld;
  let citizen: TestBrowser;
  let oneStop: TestBrowser;
  let online: Answer;
  let paper: Answer;
  const url = (code: string) => `/api/dossiers/${encodeURIComponent(code)}/receipt-slip.pdf`;

  beforeAll(async () => {
    w = await givenDossierWorld('receiptslip');
    citizen = (await signedIn(w, { roles: ['citizen'] })).browser;
    oneStop = (await officer(w, 'one-stop')).browser;
    const a = await citizen.request('POST', '/api/dossiers', {
      procedureId: w.procedureId,
      formData: householdForm({ applicantName: 'Võ Thị Biên Nhận' }),
    });
    expect(a.statusCode).toBe(201);
    online = a.json() as Answer;
    const b = await oneStop.request('POST', '/api/dossiers/paper', {
      procedureId: w.procedureId,
      formData: householdForm(),
      applicant: {
        name: 'Đặng Văn Giấy',
        idNumber: '082201000555',
        phone: '0907000111',
        address: '7 Nguyễn Huệ, phường 1, Mỹ Tho',
      },
    });
    expect(b.statusCode).toBe(201);
    paper = b.json() as Answer;
  }, 120_000);
  afterAll(async () => w.close());

  it('should render Mẫu 01 with the code and the secret for the applicant when the secret matches', async () => {
    // when
    const response = await citizen.request('POST', url(online.dossier.code), {
      secret: online.trackingSecret.toLowerCase(),
    });

    // then
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['cache-control']).toBe('no-store');
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (hasPdftotext) {
      const text = textOf(pdf);
      expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
      expect(text).toContain(`Mã hồ sơ: ${online.dossier.code}`);
      const printed = online.trackingSecret.replace(/-/g, '');
      expect(text).toContain(`Mã tra cứu: ${printed.slice(0, 4)}-${printed.slice(4)}`);
      expect(text).toContain('Võ Thị Biên Nhận');
      expect(text).toContain('(dự kiến');
    }
  });

  it("should render the paper dossier's slip for the one-stop officer who received it, naming them as receiver", async () => {
    // when
    const response = await oneStop.request('POST', url(paper.dossier.code), { secret: paper.trackingSecret });

    // then
    expect(response.statusCode).toBe(200);
    if (hasPdftotext) {
      const text = textOf(response.rawPayload);
      expect(text).toContain('Đặng Văn Giấy');
      expect(text).toContain('Mã tra cứu:');
    }
  });

  it('should answer 400 with a Vietnamese message when the secret is wrong, and 400 without a secret', async () => {
    // when
    const wrong = await citizen.request('POST', url(online.dossier.code), { secret: 'AAAA-AAAA' });
    const other = await citizen.request('POST', url(online.dossier.code), { secret: paper.trackingSecret });
    const missing = await citizen.request('POST', url(online.dossier.code), {});

    // then
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      code: 'WRONG_SECRET',
      message_vi: expect.stringMatching(/^Mã tra cứu không đúng/),
    });
    expect(other.statusCode).toBe(400);
    expect(missing.statusCode).toBe(400);
  });

  it('should refuse a specialist of the agency (403), an officer of another agency, another citizen (404) and a visitor (401)', async () => {
    // given
    const specialist = (await officer(w, 'specialist')).browser;
    const foreign = (await officer(w, 'one-stop', w.otherAgencyCode)).browser;
    const stranger = (await signedIn(w, { roles: ['citizen'] })).browser;

    // when
    const body = { secret: online.trackingSecret };
    const bySpecialist = await specialist.request('POST', url(online.dossier.code), body);
    const byForeign = await foreign.request('POST', url(online.dossier.code), body);
    const byStranger = await stranger.request('POST', url(online.dossier.code), body);
    const byVisitor = await w.t.app.inject({
      method: 'POST',
      url: url(online.dossier.code),
      payload: body,
      remoteAddress: '10.6.6.6',
    });
    const byPaperOwnerless = await citizen.request('POST', url(paper.dossier.code), {
      secret: paper.trackingSecret,
    });

    // then
    expect(bySpecialist.statusCode).toBe(403);
    expect(bySpecialist.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect(byForeign.statusCode).toBe(404);
    expect(byStranger.statusCode).toBe(404);
    expect(byPaperOwnerless.statusCode).toBe(404);
    expect([401, 403]).toContain(byVisitor.statusCode);
  });
});
