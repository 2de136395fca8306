/**
 * Variables, scopes and I/O mappings (camunda-reference §1.4): input mappings create locals, output mappings
 * choose what is merged, SetVariables local vs propagated, and a finished scope drops its locals.
 */
import {
  activate,
  bpmn,
  completeOne,
  deploy,
  flow,
  instanceState,
  rootVariables,
  serviceTask,
  startHarness,
  uniqueId,
  type Harness,
} from '../harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('conformance_variables');
});
afterAll(() => h.close());

/** start -> task(with io mapping) -> end. */
async function deployTask(io: string): Promise<{ id: string; type: string }> {
  const id = uniqueId('var');
  const type = `work-${id}`;
  const extras = io ? `<zeebe:ioMapping>${io}</zeebe:ioMapping>` : '';
  await deploy(
    h.engine,
    bpmn(
      id,
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'task')}${serviceTask('task', type, '', extras)}${flow('f2', 'task', 'end')}<bpmn:endEvent id="end" />`,
    ),
  );
  return { id, type };
}

async function start(id: string, variables: Record<string, unknown> = {}): Promise<string> {
  return (await h.engine.createProcessInstance({ bpmnProcessId: id, variables })).processInstanceKey;
}

async function scopeVariables(instanceKey: string, scopeKey: string): Promise<Record<string, unknown>> {
  return Object.fromEntries(
    (await h.engine.getVariables(instanceKey, scopeKey)).map((v) => [v.name, v.value]),
  );
}

describe('input mappings', () => {
  it('should create local variables in order that the job sees and the root does not when mapped', async () => {
    // given
    const { id, type } = await deployTask(
      '<zeebe:input source="=amount * 2" target="doubled" /><zeebe:input source="=doubled + 1" target="plusOne" /><zeebe:input source="=nowhere" target="missing" />',
    );
    const key = await start(id, { amount: 21 });
    // when
    const [job] = await activate(h.engine, type);
    // then
    expect(job!.variables).toEqual({ amount: 21, doubled: 42, plusOne: 43, missing: null });
    expect(await scopeVariables(key, job!.elementInstanceKey)).toEqual({
      doubled: 42,
      plusOne: 43,
      missing: null,
    });
    expect(await rootVariables(h.engine, key)).toEqual({ amount: 21 });
  });

  it('should not leave mapped locals at the root when the task completes', async () => {
    // given
    const { id, type } = await deployTask('<zeebe:input source="=amount * 2" target="doubled" />');
    const key = await start(id, { amount: 1 });
    // when
    await completeOne(h.engine, type, { done: true });
    // then
    expect(await instanceState(h.engine, key)).toBe('COMPLETED');
    expect(await rootVariables(h.engine, key)).toEqual({ amount: 1, done: true });
  });
});

describe('output mappings', () => {
  it('should merge only the mapped values when output mappings exist', async () => {
    // given
    const { id, type } = await deployTask('<zeebe:output source="=result.total" target="total" />');
    const key = await start(id, { amount: 1 });
    // when
    await completeOne(h.engine, type, { result: { total: 5, lines: 2 }, other: 'x' });
    // then
    expect(await rootVariables(h.engine, key)).toEqual({ amount: 1, total: 5 });
  });

  it('should propagate every job variable when there are no output mappings', async () => {
    // given
    const { id, type } = await deployTask('');
    const key = await start(id, { amount: 1 });
    // when
    await completeOne(h.engine, type, { amount: 2, result: { total: 5 }, other: 'x' });
    // then
    expect(await rootVariables(h.engine, key)).toEqual({ amount: 2, result: { total: 5 }, other: 'x' });
  });
});

describe('setVariables', () => {
  it('should create the variable in the element scope only when set locally', async () => {
    // given
    const { id, type } = await deployTask('');
    const key = await start(id, { amount: 1 });
    const [job] = await activate(h.engine, type);
    // when
    await h.engine.setVariables({
      elementInstanceKey: job!.elementInstanceKey,
      variables: { note: 'local', amount: 9 },
      local: true,
    });
    // then
    expect(await scopeVariables(key, job!.elementInstanceKey)).toEqual({ note: 'local', amount: 9 });
    expect(await rootVariables(h.engine, key)).toEqual({ amount: 1 });
  });

  it('should update the scope that has the name and create new names at the root when propagated', async () => {
    // given
    const { id, type } = await deployTask('<zeebe:input source="=0" target="attempt" />');
    const key = await start(id, { amount: 1 });
    const [job] = await activate(h.engine, type);
    // when
    await h.engine.setVariables({
      elementInstanceKey: job!.elementInstanceKey,
      variables: { attempt: 2, amount: 3, fresh: true },
    });
    // then
    expect(await scopeVariables(key, job!.elementInstanceKey)).toEqual({ attempt: 2 });
    expect(await rootVariables(h.engine, key)).toEqual({ amount: 3, fresh: true });
  });
});

describe('subprocess scopes', () => {
  it('should drop the locals of a subprocess and export only its output mappings when it completes', async () => {
    // given
    const id = uniqueId('sub');
    const type = `inner-${id}`;
    await deploy(
      h.engine,
      bpmn(
        id,
        `<bpmn:startEvent id="start" />${flow('f1', 'start', 'sub')}
         <bpmn:subProcess id="sub"><bpmn:extensionElements><zeebe:ioMapping>
           <zeebe:input source="=&quot;draft&quot;" target="status" /><zeebe:output source="=status" target="finalStatus" />
         </zeebe:ioMapping></bpmn:extensionElements>
           <bpmn:startEvent id="s2" />${flow('g1', 's2', 'task')}${serviceTask('task', type)}${flow('g2', 'task', 'e2')}<bpmn:endEvent id="e2" />
         </bpmn:subProcess>${flow('f2', 'sub', 'wait')}${serviceTask('wait', `wait-${id}`)}${flow('f3', 'wait', 'end')}<bpmn:endEvent id="end" />`,
      ),
    );
    const key = await start(id);
    const [job] = await activate(h.engine, type);
    const subScope = (await h.engine.getVariables(key)).find((v) => v.name === 'status')!.scopeKey;
    // when
    await h.engine.completeJob({ jobKey: job!.key, variables: { status: 'approved' } });
    // then
    expect(await activate(h.engine, `wait-${id}`)).toHaveLength(1);
    expect(await h.engine.getVariables(key, subScope)).toEqual([]);
    expect((await h.engine.getVariables(key)).every((v) => v.scopeKey === key)).toBe(true);
    expect(await rootVariables(h.engine, key)).toEqual({ finalStatus: 'approved' });
  });
});
