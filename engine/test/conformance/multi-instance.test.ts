import {
  activate,
  bpmn,
  deploy,
  elementsWith,
  flow,
  instanceState,
  rootVariables,
  startHarness,
  uniqueId,
  type Harness,
} from '../harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('conformance-multi-instance');
});
afterAll(() => h.close());

interface Loop {
  sequential?: boolean;
  output?: boolean;
  completionCondition?: string;
}

/** start -> multi-instance service task over `items` -> after (a service task to observe the outputs). */
async function startMulti(
  items: unknown,
  loop: Loop = {},
): Promise<{ type: string; after: string; key: string }> {
  const pid = uniqueId();
  const type = `each-${pid}`;
  const output = loop.output === false ? '' : 'outputCollection="results" outputElement="=result"';
  const condition = loop.completionCondition
    ? `<bpmn:completionCondition>${loop.completionCondition}</bpmn:completionCondition>`
    : '';
  await deploy(
    h.engine,
    bpmn(
      pid,
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'task')}
       <bpmn:serviceTask id="task"><bpmn:extensionElements><zeebe:taskDefinition type="${type}" /></bpmn:extensionElements>
         <bpmn:multiInstanceLoopCharacteristics isSequential="${loop.sequential === true}"><bpmn:extensionElements>
           <zeebe:loopCharacteristics inputCollection="=items" inputElement="item" ${output} /></bpmn:extensionElements>${condition}</bpmn:multiInstanceLoopCharacteristics>
       </bpmn:serviceTask>${flow('f2', 'task', 'after')}
       <bpmn:serviceTask id="after"><bpmn:extensionElements><zeebe:taskDefinition type="after-${pid}" /></bpmn:extensionElements></bpmn:serviceTask>`,
    ),
  );
  const { processInstanceKey } = await h.engine.createProcessInstance({
    bpmnProcessId: pid,
    variables: { items },
  });
  return { type, after: `after-${pid}`, key: processInstanceKey };
}

describe('parallel multi-instance', () => {
  it('should create one job per element and collect outputs in input order when jobs complete in reverse order', async () => {
    // given
    const { type, key } = await startMulti(['a', 'b', 'c']);
    const jobs = await activate(h.engine, type);
    // when
    for (const job of [...jobs].reverse())
      await h.engine.completeJob({
        jobKey: job.key,
        variables: { result: `${String(job.variables.item)}!` },
      });
    // then
    expect(jobs.map((j) => [j.variables.item, j.variables.loopCounter])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    expect((await rootVariables(h.engine, key)).results).toEqual(['a!', 'b!', 'c!']);
  });

  it('should put null in the output collection when an instance sets no output', async () => {
    // given
    const { type, key } = await startMulti([1, 2]);
    const [first, second] = await activate(h.engine, type);
    // when
    await h.engine.completeJob({ jobKey: first!.key, variables: { result: 'done' } });
    await h.engine.completeJob({ jobKey: second!.key });
    // then
    expect((await rootVariables(h.engine, key)).results).toEqual(['done', null]);
  });

  it('should skip the activity and output an empty list when the collection is empty', async () => {
    // given / when
    const { type, after, key } = await startMulti([]);
    // then
    expect(await activate(h.engine, type)).toHaveLength(0);
    expect(await activate(h.engine, after)).toHaveLength(1);
    expect((await rootVariables(h.engine, key)).results).toEqual([]);
  });

  it('should terminate the remaining instances when the completion condition is met', async () => {
    // given
    const { type, after, key } = await startMulti(['a', 'b', 'c'], {
      completionCondition: '=numberOfCompletedInstances &gt;= 2',
    });
    const jobs = await activate(h.engine, type);
    // when
    await h.engine.completeJob({ jobKey: jobs[0]!.key, variables: { result: 1 } });
    await h.engine.completeJob({ jobKey: jobs[1]!.key, variables: { result: 2 } });
    // then
    expect(await elementsWith(h.engine, key, 'ELEMENT_TERMINATED')).toEqual(['task']);
    expect(await activate(h.engine, after)).toHaveLength(1);
    expect((await rootVariables(h.engine, key)).results).toEqual([1, 2, null]);
    await expect(h.engine.completeJob({ jobKey: jobs[2]!.key })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('should raise an incident when the input collection is not a list', async () => {
    // given / when
    const { type, key } = await startMulti('not-a-list');
    // then
    const incidents = await h.engine.searchIncidents({ processInstanceKey: key });
    expect(incidents.items.map((i) => [i.errorType, i.elementId])).toEqual([['EXTRACT_VALUE_ERROR', 'task']]);
    expect(incidents.items[0]!.errorMessage).toContain("to be 'ARRAY', but was 'STRING'");
    expect(await activate(h.engine, type)).toHaveLength(0);
    expect(await instanceState(h.engine, key)).toBe('ACTIVE');
  });
});

describe('sequential multi-instance', () => {
  it('should run one instance at a time with a 1-based loopCounter and keep the output order', async () => {
    // given
    const { type, after, key } = await startMulti(['x', 'y', 'z'], { sequential: true });
    const seen: unknown[] = [];
    // when
    for (let i = 0; i < 3; i++) {
      const jobs = await activate(h.engine, type);
      expect(jobs).toHaveLength(1);
      seen.push([jobs[0]!.variables.item, jobs[0]!.variables.loopCounter]);
      await h.engine.completeJob({ jobKey: jobs[0]!.key, variables: { result: i * 10 } });
    }
    // then
    expect(seen).toEqual([
      ['x', 1],
      ['y', 2],
      ['z', 3],
    ]);
    expect((await rootVariables(h.engine, key)).results).toEqual([0, 10, 20]);
    expect(await activate(h.engine, after)).toHaveLength(1);
  });

  it('should stop before the next element when the completion condition is met', async () => {
    // given
    const { type, after, key } = await startMulti([1, 2, 3], {
      sequential: true,
      completionCondition: '=result = "stop"',
    });
    // when
    const [job] = await activate(h.engine, type);
    await h.engine.completeJob({ jobKey: job!.key, variables: { result: 'stop' } });
    // then
    expect(await activate(h.engine, type)).toHaveLength(0);
    expect(await activate(h.engine, after)).toHaveLength(1);
    expect((await rootVariables(h.engine, key)).results).toEqual(['stop', null, null]);
  });
});
