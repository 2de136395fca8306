/**
 * Reads of paper dossiers: the dossier detail (GET /api/dossiers/:code) and the officers' task list show the
 * channel and the one-stop officer who received the dossier at the desk (`receivedBy`, null online).
 */
import {
  givenDossierWorld,
  householdForm,
  officer,
  signedIn,
  until,
  type DossierWorld,
} from '../../testing/dossiers.fixture';

const applicant = {
  name: 'Trương Thị Giấy',
  idNumber: '082201000888',
  phone: '0987654322',
  address: '7 Ấp Bắc, phường 5, Mỹ Tho',
};

interface Detail {
  code: string;
  channel: string;
  receivedBy: { username: string; fullName: string } | null;
}

interface TaskPage {
  items: {
    dossier: {
      code: string;
      channel: string;
      receivedBy: { username: string; fullName: string } | null;
    } | null;
  }[];
}

describe('paper dossiers in reads (receivedBy, channel)', () => {
  let w: DossierWorld;
  beforeAll(async () => {
    w = await givenDossierWorld('paper-reads');
  }, 120_000);
  afterAll(async () => w.close());

  it('should show the receiving officer and channel direct on a paper dossier and in the task list', async () => {
    // given
    const oneStop = await officer(w, 'one-stop');
    const me = (await oneStop.browser.get('/api/me')).json() as { fullName: string };
    const submitted = await oneStop.browser.request('POST', '/api/dossiers/paper', {
      procedureId: w.procedureId,
      formData: householdForm(),
      applicant,
    });
    expect(submitted.statusCode).toBe(201);
    const code = (submitted.json() as { dossier: { code: string } }).dossier.code;

    // when
    const detail = await oneStop.browser.get(`/api/dossiers/${code}`);
    const tasks = await until(
      async () => (await oneStop.browser.get(`/api/tasks?code=${code}`)).json() as TaskPage,
      (page) => page.items.length > 0,
    );

    // then
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      code,
      channel: 'direct',
      receivedBy: { username: oneStop.username, fullName: me.fullName },
    });
    expect(tasks.items[0]!.dossier).toMatchObject({
      code,
      channel: 'direct',
      receivedBy: { username: oneStop.username, fullName: me.fullName },
    });
  });

  it('should show receivedBy null and channel online on an online dossier, to its owner and to the officers', async () => {
    // given
    const citizen = await signedIn(w, { roles: ['citizen'] });
    const oneStop = await officer(w, 'one-stop');
    const submitted = await citizen.browser.request('POST', '/api/dossiers', {
      procedureId: w.procedureId,
      formData: householdForm(),
    });
    expect(submitted.statusCode).toBe(201);
    const code = (submitted.json() as { dossier: { code: string } }).dossier.code;

    // when
    const own = await citizen.browser.get(`/api/dossiers/${code}`);
    const tasks = await until(
      async () => (await oneStop.browser.get(`/api/tasks?code=${code}`)).json() as TaskPage,
      (page) => page.items.length > 0,
    );

    // then
    expect(own.statusCode).toBe(200);
    expect(own.json() as Detail).toMatchObject({ code, channel: 'online', receivedBy: null });
    expect(tasks.items[0]!.dossier).toMatchObject({ code, channel: 'online', receivedBy: null });
  });

  it('should describe receivedBy and channel in the OpenAPI document', async () => {
    // when
    const response = await w.t.app.inject({ method: 'GET', url: '/docs/json' });

    // then
    expect(response.statusCode).toBe(200);
    const doc = response.json() as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    const detail = JSON.stringify(doc.paths['/api/dossiers/{code}']?.get?.responses['200']);
    expect(detail).toContain('"receivedBy"');
    expect(detail).toContain('"channel"');
    const taskList = JSON.stringify(doc.paths['/api/tasks']?.get?.responses['200']);
    expect(taskList).toContain('"receivedBy"');
    expect(taskList).toContain('"channel"');
  });
});
