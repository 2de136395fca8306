import fs from 'node:fs';
import path from 'node:path';
import {
  givenDossierWorld,
  householdForm,
  officer,
  signedIn,
  untilStatus,
  type DossierWorld,
} from '../../testing/dossiers.fixture';

interface Diagram {
  xml: string;
  completedElements: string[];
  activeElements: string[];
  takenFlows: string[];
}

const processFile = path.resolve(
  __dirname,
  '../../../../processes/business-household-registration/process.bpmn',
);

describe('analyst deployments (multipart) and dossier diagrams', () => {
  let w: DossierWorld;
  let code: string;
  let secret: string;
  let owner: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    w = await givenDossierWorld('diagram');
    owner = await signedIn(w, { roles: ['citizen'] });
    const created = await owner.browser.request('POST', '/api/dossiers', {
      procedureId: w.procedureId,
      formData: householdForm(),
    });
    const body = created.json() as { dossier: { code: string }; trackingSecret: string };
    code = body.dossier.code;
    secret = body.trackingSecret;
    await untilStatus(w, code, 1);
  }, 120_000);
  afterAll(async () => w.close());

  const upload = (
    browser: Awaited<ReturnType<typeof signedIn>>['browser'],
    name: string,
    content: string,
  ) => {
    const boundary = 'motcua-deploy-boundary';
    const payload = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/xml\r\n\r\n${content}\r\n--${boundary}--\r\n`,
    );
    return browser.request('POST', '/api/analyst/deployments', payload, {
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
  };

  it('should deploy a BPMN model when an analyst uploads it as multipart/form-data', async () => {
    // given
    const analyst = await signedIn(w, { roles: ['analyst'] });
    const xml = fs.readFileSync(processFile, 'utf8');

    // when
    const response = await upload(analyst.browser, 'process.bpmn', xml);

    // then
    expect(response.statusCode).toBe(201);
    const body = response.json() as { deploymentKey: string; processes: { bpmnProcessId: string }[] };
    expect(body.deploymentKey).toMatch(/^\d+$/);
    expect(body.processes).toHaveLength(1);
  });

  it('should refuse a file that is not a model when an analyst uploads it', async () => {
    // given
    const analyst = await signedIn(w, { roles: ['analyst'] });

    // when
    const response = await upload(analyst.browser, 'notes.txt', 'hello');

    // then
    expect(response.statusCode).toBe(400);
    expect((response.json() as { code: string }).code).toBe('BAD_MODEL_FILE');
  });

  it('should give the XML with completed and active elements when the secret matches', async () => {
    // when
    const response = await w.t.app.inject({
      method: 'GET',
      url: `/api/tracking/${code}/diagram?secret=${encodeURIComponent(secret)}`,
      remoteAddress: '10.7.7.7',
    });

    // then
    expect(response.statusCode).toBe(200);
    const diagram = response.json() as Diagram;
    expect(diagram.xml).toContain('id="Activity_CompletenessCheck"');
    expect(diagram.activeElements).toContain('Activity_CompletenessCheck');
    expect(diagram.completedElements.length).toBeGreaterThan(0);
    expect(diagram.takenFlows.length).toBeGreaterThan(0);
  });

  it('should answer the same 404 when the secret is wrong or the dossier unknown', async () => {
    // when
    const wrong = await w.t.app.inject({
      method: 'GET',
      url: `/api/tracking/${code}/diagram?secret=WRONG-000`,
      remoteAddress: '10.7.7.8',
    });
    const unknown = await w.t.app.inject({
      method: 'GET',
      url: `/api/tracking/000.00.00.X99-260302-9999/diagram?secret=${encodeURIComponent(secret)}`,
      remoteAddress: '10.7.7.8',
    });

    // then
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('should show the diagram to an officer of the agency and the owner but not to an officer of another agency', async () => {
    // given
    const own = await officer(w, 'specialist');
    const other = await officer(w, 'specialist', w.otherAgencyCode);

    // when
    const ownAnswer = await own.browser.get(`/api/dossiers/${code}/diagram`);
    const otherAnswer = await other.browser.get(`/api/dossiers/${code}/diagram`);
    const ownerAnswer = await owner.browser.get(`/api/dossiers/${code}/diagram`);

    // then
    expect(ownAnswer.statusCode).toBe(200);
    expect(ownerAnswer.statusCode).toBe(200);
    expect((ownAnswer.json() as Diagram).activeElements).toContain('Activity_CompletenessCheck');
    expect(otherAnswer.statusCode).toBe(404);
  });
});
