/**
 * Deployment (camunda-reference §1.10): versions per process id, duplicate detection, validation errors
 * that name the elements, refusal of DOCTYPE, and BPMN plus form in one deployment.
 */
import { EngineError } from '../../src/client/port';
import { bpmn, flow, serviceTask, startHarness, uniqueId, type Harness } from '../harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('conformance_deployment');
});
afterAll(() => h.close());

const simple = (id: string, taskType = 'work') =>
  bpmn(
    id,
    `<bpmn:startEvent id="start" />${flow('f1', 'start', 'task')}${serviceTask('task', taskType)}${flow('f2', 'task', 'end')}<bpmn:endEvent id="end" />`,
  );

async function rejection(promise: Promise<unknown>): Promise<EngineError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof EngineError)) throw new Error(`expected an EngineError, got ${String(error)}`);
  return error;
}

describe('process versions', () => {
  it('should give each changed deployment of a process id the next version', async () => {
    // given
    const id = uniqueId('dep');
    const first = await h.engine.deployResources([{ name: 'a.bpmn', content: simple(id, 'one') }]);
    // when
    const second = await h.engine.deployResources([{ name: 'a.bpmn', content: simple(id, 'two') }]);
    // then
    expect(first.processes).toEqual([
      expect.objectContaining({ bpmnProcessId: id, version: 1, isNew: true, resourceName: 'a.bpmn' }),
    ]);
    expect(second.processes).toEqual([
      expect.objectContaining({ bpmnProcessId: id, version: 2, isNew: true }),
    ]);
    expect(second.processes[0]!.processDefinitionKey).not.toBe(first.processes[0]!.processDefinitionKey);
    expect((await h.engine.listProcessDefinitions(id)).map((d) => d.version).sort()).toEqual([1, 2]);
    const created = await h.engine.createProcessInstance({ bpmnProcessId: id });
    expect(created.version).toBe(2);
    const pinned = await h.engine.createProcessInstance({ bpmnProcessId: id, version: 1 });
    expect(pinned.processDefinitionKey).toBe(first.processes[0]!.processDefinitionKey);
  });

  it('should keep the version and key when an identical resource is redeployed', async () => {
    // given
    const id = uniqueId('dep');
    const first = await h.engine.deployResources([{ name: 'a.bpmn', content: simple(id) }]);
    // when
    const again = await h.engine.deployResources([{ name: 'a.bpmn', content: simple(id) }]);
    // then
    expect(again.processes).toEqual([
      expect.objectContaining({
        bpmnProcessId: id,
        version: 1,
        isNew: false,
        processDefinitionKey: first.processes[0]!.processDefinitionKey,
      }),
    ]);
    expect(await h.engine.listProcessDefinitions(id)).toHaveLength(1);
  });

  it('should version each process id separately when they are deployed together', async () => {
    // given
    const a = uniqueId('depA');
    const b = uniqueId('depB');
    await h.engine.deployResources([{ name: 'a.bpmn', content: simple(a, 'x') }]);
    // when
    const both = await h.engine.deployResources([
      { name: 'a.bpmn', content: simple(a, 'y') },
      { name: 'b.bpmn', content: simple(b) },
    ]);
    // then
    const versions = Object.fromEntries(both.processes.map((p) => [p.bpmnProcessId, p.version]));
    expect(versions).toEqual({ [a]: 2, [b]: 1 });
  });
});

describe('rejected deployments', () => {
  it('should reject with INVALID_ARGUMENT naming every faulty element when the BPMN is invalid', async () => {
    // given
    const id = uniqueId('bad');
    const xml = bpmn(
      id,
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'noType')}<bpmn:serviceTask id="noType" />${flow('f2', 'noType', 'gw')}
       <bpmn:exclusiveGateway id="gw" />${flow('f3', 'gw', 'end', '=x &gt;')}${flow('f4', 'gw', 'end', '=true')}<bpmn:endEvent id="end" />`,
    );
    // when
    const error = await rejection(h.engine.deployResources([{ name: 'bad.bpmn', content: xml }]));
    // then
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain('bad.bpmn');
    const elementIds = error.details.map((d) => d.elementId);
    expect(elementIds).toEqual(expect.arrayContaining(['noType', 'f3']));
    expect(error.message).toContain("'noType'");
    expect(error.message).toContain("'f3'");
    expect(await h.engine.listProcessDefinitions(id)).toHaveLength(0);
  });

  it('should reject a document with a DOCTYPE when deployed', async () => {
    // given
    const id = uniqueId('dtd');
    const xml = simple(id).replace(
      '<bpmn:definitions',
      '<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<bpmn:definitions',
    );
    // when
    const error = await rejection(h.engine.deployResources([{ name: 'dtd.bpmn', content: xml }]));
    // then
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(/DOCTYPE/i);
    expect(await h.engine.listProcessDefinitions(id)).toHaveLength(0);
  });

  it('should deploy nothing when one resource of the deployment is invalid', async () => {
    // given
    const good = uniqueId('good');
    // when
    const error = await rejection(
      h.engine.deployResources([
        { name: 'good.bpmn', content: simple(good) },
        { name: 'broken.bpmn', content: '<not-bpmn' },
      ]),
    );
    // then
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain('broken.bpmn');
    expect(await h.engine.listProcessDefinitions(good)).toHaveLength(0);
  });
});

describe('forms', () => {
  it('should deploy a BPMN process and its form together and version the form', async () => {
    // given
    const id = uniqueId('frm');
    const formId = `form_${id}`;
    const form = (label: string) =>
      JSON.stringify({
        id: formId,
        type: 'default',
        schemaVersion: 16,
        components: [{ key: 'name', type: 'textfield', label }],
      });
    // when
    const first = await h.engine.deployResources([
      { name: 'p.bpmn', content: simple(id) },
      { name: 'f.form', content: form('Name') },
    ]);
    const same = await h.engine.deployResources([{ name: 'f.form', content: form('Name') }]);
    const changed = await h.engine.deployResources([{ name: 'f.form', content: form('Full name') }]);
    // then
    expect(first.processes).toHaveLength(1);
    expect(first.forms).toEqual([
      expect.objectContaining({ formId, version: 1, isNew: true, resourceName: 'f.form' }),
    ]);
    expect(same.forms).toEqual([
      expect.objectContaining({ formId, version: 1, isNew: false, formKey: first.forms[0]!.formKey }),
    ]);
    expect(changed.forms).toEqual([expect.objectContaining({ formId, version: 2, isNew: true })]);
    expect(await h.engine.getForm(changed.forms[0]!.formKey)).toMatchObject({
      components: [expect.objectContaining({ label: 'Full name' })],
    });
  });
});
