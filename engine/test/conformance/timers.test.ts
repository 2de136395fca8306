import {
  activate,
  bpmn,
  completeOne,
  deploy,
  elementsWith,
  flow,
  instanceState,
  serviceTask,
  startHarness,
  uniqueId,
  type Harness,
} from '../harness';

const HOUR = 3_600_000;

let h: Harness;
beforeAll(async () => {
  h = await startHarness('conformance-timers');
});
afterAll(() => h.close());

function timer(kind: 'timeDuration' | 'timeDate' | 'timeCycle', value: string): string {
  return `<bpmn:timerEventDefinition><bpmn:${kind}>${value}</bpmn:${kind}></bpmn:timerEventDefinition>`;
}

/** start -> timer catch -> end, returning the instance key. */
async function startTimerCatch(kind: 'timeDuration' | 'timeDate', value: string): Promise<string> {
  const pid = uniqueId();
  await deploy(
    h.engine,
    bpmn(
      pid,
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'wait')}<bpmn:intermediateCatchEvent id="wait">${timer(kind, value)}</bpmn:intermediateCatchEvent>${flow('f2', 'wait', 'end')}<bpmn:endEvent id="end" />`,
    ),
  );
  return (await h.engine.createProcessInstance({ bpmnProcessId: pid })).processInstanceKey;
}

async function advance(ms: number): Promise<void> {
  h.clock.advance(ms);
  await h.engine.tick();
}

describe('intermediate timer catch events', () => {
  it('should wait until the duration has passed and then continue when a duration timer is reached', async () => {
    // given
    const key = await startTimerCatch('timeDuration', 'PT1H');
    // when
    await advance(HOUR - 1);
    // then
    expect(await instanceState(h.engine, key)).toBe('ACTIVE');
    await advance(1);
    expect(await instanceState(h.engine, key)).toBe('COMPLETED');
    expect(await elementsWith(h.engine, key, 'ELEMENT_COMPLETED')).toEqual([
      'start',
      'wait',
      'end',
      expect.any(String),
    ]);
  });

  it('should fire at the given instant when a date timer is reached', async () => {
    // given
    const due = new Date(h.clock.now() + 2 * HOUR).toISOString();
    const key = await startTimerCatch('timeDate', due);
    // when
    await advance(2 * HOUR - 1000);
    const before = await instanceState(h.engine, key);
    await advance(1000);
    // then
    expect(before).toBe('ACTIVE');
    expect(await instanceState(h.engine, key)).toBe('COMPLETED');
  });
});

describe('timer boundary events', () => {
  async function startWithBoundary(
    interrupting: boolean,
    definition: string,
  ): Promise<{ pid: string; key: string }> {
    const pid = uniqueId();
    await deploy(
      h.engine,
      bpmn(
        pid,
        `<bpmn:startEvent id="start" />${flow('f1', 'start', 'task')}${serviceTask('task', `t-${pid}`)}${flow('f2', 'task', 'end')}<bpmn:endEvent id="end" />
         <bpmn:boundaryEvent id="onTime" attachedToRef="task" cancelActivity="${interrupting}">${definition}</bpmn:boundaryEvent>
         ${flow('f3', 'onTime', 'remind')}${serviceTask('remind', `r-${pid}`)}${flow('f4', 'remind', 'end2')}<bpmn:endEvent id="end2" />`,
      ),
    );
    return { pid, key: (await h.engine.createProcessInstance({ bpmnProcessId: pid })).processInstanceKey };
  }

  it('should terminate the task and take the timeout path when an interrupting boundary timer fires', async () => {
    // given
    const { pid, key } = await startWithBoundary(true, timer('timeDuration', 'PT1H'));
    // when
    await advance(HOUR);
    // then
    expect(await elementsWith(h.engine, key, 'ELEMENT_TERMINATED')).toEqual(['task']);
    expect(await activate(h.engine, `t-${pid}`)).toHaveLength(0);
    await completeOne(h.engine, `r-${pid}`);
    expect(await instanceState(h.engine, key)).toBe('COMPLETED');
  });

  it('should fire three times and keep the task when a non-interrupting boundary has cycle R3/PT1H', async () => {
    // given
    const { pid, key } = await startWithBoundary(false, timer('timeCycle', 'R3/PT1H'));
    // when
    for (let i = 0; i < 5; i++) await advance(HOUR);
    // then
    expect(await activate(h.engine, `r-${pid}`)).toHaveLength(3);
    const triggered = (await h.engine.getRecords(key)).filter(
      (r) => r.valueType === 'TIMER' && r.intent === 'TRIGGERED',
    );
    expect(triggered).toHaveLength(3);
    await completeOne(h.engine, `t-${pid}`);
    expect(await elementsWith(h.engine, key, 'ELEMENT_TERMINATED')).toEqual([]);
  });

  it('should cancel the boundary timer when the task completes before it fires', async () => {
    // given
    const { pid, key } = await startWithBoundary(true, timer('timeDuration', 'PT1H'));
    await completeOne(h.engine, `t-${pid}`);
    // when
    await advance(2 * HOUR);
    // then
    expect(await instanceState(h.engine, key)).toBe('COMPLETED');
    expect(await activate(h.engine, `r-${pid}`)).toHaveLength(0);
  });
});

describe('timer start events', () => {
  function timerStartProcess(pid: string, cycle: string): string {
    return bpmn(
      pid,
      `<bpmn:startEvent id="start">${timer('timeCycle', cycle)}</bpmn:startEvent>${flow('f1', 'start', 'task')}${serviceTask('task', `t-${pid}`)}`,
    );
  }

  it('should start one instance per repetition when a timer start event has a cycle', async () => {
    // given
    const pid = uniqueId();
    await deploy(h.engine, timerStartProcess(pid, 'R2/PT1H'));
    // when
    await advance(HOUR - 1);
    const early = await activate(h.engine, `t-${pid}`);
    await advance(1);
    await advance(HOUR);
    await advance(HOUR);
    // then
    expect(early).toHaveLength(0);
    expect(await activate(h.engine, `t-${pid}`)).toHaveLength(2);
  });

  it('should cancel the previous version timer start event when a new version is deployed', async () => {
    // given
    const pid = uniqueId();
    await deploy(h.engine, timerStartProcess(pid, 'R1/PT1H'));
    // when
    await deploy(h.engine, timerStartProcess(pid, 'R1/PT2H'), 'v2.bpmn');
    await advance(HOUR);
    const afterOneHour = await activate(h.engine, `t-${pid}`);
    await advance(HOUR);
    // then
    expect(afterOneHour).toHaveLength(0);
    const jobs = await activate(h.engine, `t-${pid}`);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.processDefinitionVersion).toBe(2);
  });
});

describe('timers with two engines on one database', () => {
  it('should fire each timer exactly once when two engines tick concurrently', async () => {
    // given
    const one = await startHarness('conformance-timers-shared');
    const two = await startHarness('conformance-timers-shared');
    try {
      const pid = uniqueId();
      await deploy(
        one.engine,
        bpmn(
          pid,
          `<bpmn:startEvent id="start" />${flow('f1', 'start', 'wait')}<bpmn:intermediateCatchEvent id="wait">${timer('timeDuration', 'PT1M')}</bpmn:intermediateCatchEvent>${flow('f2', 'wait', 'task')}${serviceTask('task', `t-${pid}`)}`,
        ),
      );
      const keys: string[] = [];
      for (let i = 0; i < 10; i++)
        keys.push((await one.engine.createProcessInstance({ bpmnProcessId: pid })).processInstanceKey);
      // when
      one.clock.advance(60_000);
      two.clock.pin(one.clock.now());
      await Promise.all([one.engine.tick(), two.engine.tick(), one.engine.tick(), two.engine.tick()]);
      // then
      expect(await activate(one.engine, `t-${pid}`, 100)).toHaveLength(10);
      for (const key of keys) {
        const triggered = (await one.engine.getRecords(key)).filter(
          (r) => r.valueType === 'TIMER' && r.intent === 'TRIGGERED',
        );
        expect(triggered).toHaveLength(1);
      }
    } finally {
      await one.close();
      await two.close();
    }
  });
});
