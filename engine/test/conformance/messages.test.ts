import { EngineError } from '../../src/client/port';
import {
  activate,
  bpmn,
  completeOne,
  deploy,
  elementsWith,
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
  h = await startHarness('conformance-messages');
});
afterAll(() => h.close());

/** A bpmn:message with a correlation key on its zeebe:subscription. */
function message(id: string, name: string, correlationKey = '=orderId'): string {
  return `<bpmn:message id="${id}" name="${name}"><bpmn:extensionElements><zeebe:subscription correlationKey="${correlationKey}" /></bpmn:extensionElements></bpmn:message>`;
}

/** start -> message catch -> end. */
async function deployCatch(name: string, pid = uniqueId()): Promise<string> {
  await deploy(
    h.engine,
    bpmn(
      pid,
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'wait')}
       <bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="m_${pid}" /></bpmn:intermediateCatchEvent>
       ${flow('f2', 'wait', 'end')}<bpmn:endEvent id="end" />`,
      message(`m_${pid}`, name),
    ),
  );
  return pid;
}

async function start(pid: string, variables: Record<string, unknown>): Promise<string> {
  return (await h.engine.createProcessInstance({ bpmnProcessId: pid, variables })).processInstanceKey;
}

async function rejection(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof EngineError) return e.code;
    throw e;
  }
  return 'OK';
}

describe('message catch events', () => {
  it('should correlate only to the instance with the matching correlation key when a message is published', async () => {
    // given
    const name = uniqueId('msg');
    const pid = await deployCatch(name);
    const a = await start(pid, { orderId: 'A' });
    const b = await start(pid, { orderId: 'B' });
    // when
    await h.engine.publishMessage({ name, correlationKey: 'B', variables: { paid: true } });
    // then
    expect(await instanceState(h.engine, a)).toBe('ACTIVE');
    expect(await instanceState(h.engine, b)).toBe('COMPLETED');
    expect(await rootVariables(h.engine, b)).toEqual({ orderId: 'B', paid: true });
  });

  it('should correlate buffered messages in FIFO order when the subscription opens after publishing with a TTL', async () => {
    // given
    const name = uniqueId('msg');
    const pid = await deployCatch(name);
    await h.engine.publishMessage({ name, correlationKey: 'A', timeToLiveMs: 60_000, variables: { n: 1 } });
    await h.engine.publishMessage({ name, correlationKey: 'A', timeToLiveMs: 60_000, variables: { n: 2 } });
    // when
    const first = await start(pid, { orderId: 'A' });
    const second = await start(pid, { orderId: 'A' });
    // then
    expect(await rootVariables(h.engine, first)).toEqual({ orderId: 'A', n: 1 });
    expect(await rootVariables(h.engine, second)).toEqual({ orderId: 'A', n: 2 });
    expect(await instanceState(h.engine, second)).toBe('COMPLETED');
  });

  it('should not buffer a message when its TTL is 0', async () => {
    // given
    const name = uniqueId('msg');
    const pid = await deployCatch(name);
    await h.engine.publishMessage({ name, correlationKey: 'A', timeToLiveMs: 0 });
    // when
    const key = await start(pid, { orderId: 'A' });
    // then
    expect(await instanceState(h.engine, key)).toBe('ACTIVE');
  });

  it('should drop a buffered message when its TTL expires', async () => {
    // given
    const name = uniqueId('msg');
    const pid = await deployCatch(name);
    await h.engine.publishMessage({ name, correlationKey: 'A', timeToLiveMs: 10_000 });
    // when
    h.clock.advance(10_001);
    await h.engine.tick();
    const key = await start(pid, { orderId: 'A' });
    // then
    expect(await instanceState(h.engine, key)).toBe('ACTIVE');
  });

  it('should reject a publish with ALREADY_EXISTS when a message with the same id is still buffered', async () => {
    // given
    const name = uniqueId('msg');
    await h.engine.publishMessage({ name, correlationKey: 'A', timeToLiveMs: 60_000, messageId: 'id-1' });
    // when
    const code = await rejection(
      h.engine.publishMessage({ name, correlationKey: 'A', timeToLiveMs: 60_000, messageId: 'id-1' }),
    );
    // then
    expect(code).toBe('ALREADY_EXISTS');
    expect(
      await rejection(
        h.engine.publishMessage({ name, correlationKey: 'A', timeToLiveMs: 60_000, messageId: 'id-2' }),
      ),
    ).toBe('OK');
  });

  it('should correlate a buffered message at most once per process id when two instances open subscriptions', async () => {
    // given
    const name = uniqueId('msg');
    const pid = await deployCatch(name);
    const other = await deployCatch(name);
    await h.engine.publishMessage({ name, correlationKey: 'A', timeToLiveMs: 60_000 });
    // when
    const first = await start(pid, { orderId: 'A' });
    const second = await start(pid, { orderId: 'A' });
    const inOther = await start(other, { orderId: 'A' });
    // then
    expect(await instanceState(h.engine, first)).toBe('COMPLETED');
    expect(await instanceState(h.engine, second)).toBe('ACTIVE');
    expect(await instanceState(h.engine, inOther)).toBe('COMPLETED');
  });

  it('should complete a receive task when its message is correlated', async () => {
    // given
    const pid = uniqueId();
    const name = uniqueId('msg');
    await deploy(
      h.engine,
      bpmn(
        pid,
        `<bpmn:startEvent id="start" />${flow('f1', 'start', 'receive')}<bpmn:receiveTask id="receive" messageRef="m_${pid}" />${flow('f2', 'receive', 'end')}<bpmn:endEvent id="end" />`,
        message(`m_${pid}`, name),
      ),
    );
    const key = await start(pid, { orderId: 'R' });
    // when
    const result = await h.engine.correlateMessage({ name, correlationKey: 'R', variables: { got: 1 } });
    // then
    expect(result.processInstanceKey).toBe(key);
    expect(await elementsWith(h.engine, key, 'ELEMENT_COMPLETED')).toEqual(['start', 'receive', 'end', pid]);
    expect(await rootVariables(h.engine, key)).toEqual({ orderId: 'R', got: 1 });
  });

  it('should reject correlateMessage with NOT_FOUND when nothing waits for the message', async () => {
    // when
    const code = await rejection(
      h.engine.correlateMessage({ name: uniqueId('nobody'), correlationKey: 'x' }),
    );
    // then
    expect(code).toBe('NOT_FOUND');
  });
});

describe('message start events', () => {
  async function deployMessageStart(name: string): Promise<string> {
    const pid = uniqueId();
    await deploy(
      h.engine,
      bpmn(
        pid,
        `<bpmn:startEvent id="start"><bpmn:messageEventDefinition messageRef="m_${pid}" /></bpmn:startEvent>${flow('f1', 'start', 'task')}${serviceTask('task', `t-${pid}`)}${flow('f2', 'task', 'end')}<bpmn:endEvent id="end" />`,
        `<bpmn:message id="m_${pid}" name="${name}" />`,
      ),
    );
    return pid;
  }

  it('should start an instance with the message variables when a message is correlated', async () => {
    // given
    const name = uniqueId('start');
    const pid = await deployMessageStart(name);
    // when
    const { processInstanceKey } = await h.engine.correlateMessage({
      name,
      correlationKey: 'c-1',
      variables: { applicant: 'An' },
    });
    // then
    const instance = await h.engine.getProcessInstance(processInstanceKey);
    expect(instance.bpmnProcessId).toBe(pid);
    expect(await rootVariables(h.engine, processInstanceKey)).toEqual({ applicant: 'An' });
    expect(await activate(h.engine, `t-${pid}`)).toHaveLength(1);
  });

  it('should start only one active instance per correlation key when the same message is published twice', async () => {
    // given
    const name = uniqueId('start');
    const pid = await deployMessageStart(name);
    // when
    await h.engine.publishMessage({ name, correlationKey: 'k' });
    await h.engine.publishMessage({ name, correlationKey: 'k' });
    await h.engine.publishMessage({ name, correlationKey: 'other' });
    // then
    expect(await activate(h.engine, `t-${pid}`)).toHaveLength(2);
  });

  it('should start a new instance for the same correlation key when the previous one has completed', async () => {
    // given
    const name = uniqueId('start');
    const pid = await deployMessageStart(name);
    const first = await h.engine.correlateMessage({ name, correlationKey: 'k' });
    await completeOne(h.engine, `t-${pid}`);
    expect(await instanceState(h.engine, first.processInstanceKey)).toBe('COMPLETED');
    // when
    const second = await h.engine.correlateMessage({ name, correlationKey: 'k' });
    // then
    expect(second.processInstanceKey).not.toBe(first.processInstanceKey);
  });
});

describe('message boundary events', () => {
  async function deployBoundary(name: string, interrupting: boolean): Promise<string> {
    const pid = uniqueId();
    await deploy(
      h.engine,
      bpmn(
        pid,
        `<bpmn:startEvent id="start" />${flow('f1', 'start', 'task')}${serviceTask('task', `t-${pid}`)}${flow('f2', 'task', 'end')}<bpmn:endEvent id="end" />
         <bpmn:boundaryEvent id="onMsg" attachedToRef="task" cancelActivity="${interrupting}"><bpmn:messageEventDefinition messageRef="m_${pid}" /></bpmn:boundaryEvent>
         ${flow('f3', 'onMsg', 'handle')}${serviceTask('handle', `h-${pid}`)}${flow('f4', 'handle', 'end2')}<bpmn:endEvent id="end2" />`,
        message(`m_${pid}`, name),
      ),
    );
    return pid;
  }

  it('should terminate the task and take the boundary path when an interrupting message boundary is triggered', async () => {
    // given
    const name = uniqueId('msg');
    const pid = await deployBoundary(name, true);
    const key = await start(pid, { orderId: 'X' });
    // when
    await h.engine.publishMessage({ name, correlationKey: 'X', variables: { reason: 'withdrawn' } });
    // then
    expect(await elementsWith(h.engine, key, 'ELEMENT_TERMINATED')).toEqual(['task']);
    expect(await activate(h.engine, `t-${pid}`)).toHaveLength(0);
    await completeOne(h.engine, `h-${pid}`);
    expect(await instanceState(h.engine, key)).toBe('COMPLETED');
    expect(await rootVariables(h.engine, key)).toEqual({ orderId: 'X', reason: 'withdrawn' });
  });

  it('should keep the task and start the boundary path each time when a non-interrupting message boundary is triggered', async () => {
    // given
    const name = uniqueId('msg');
    const pid = await deployBoundary(name, false);
    const key = await start(pid, { orderId: 'Y' });
    // when
    await h.engine.publishMessage({ name, correlationKey: 'Y' });
    await h.engine.publishMessage({ name, correlationKey: 'Y' });
    // then
    expect(await activate(h.engine, `h-${pid}`)).toHaveLength(2);
    await completeOne(h.engine, `t-${pid}`);
    expect(await elementsWith(h.engine, key, 'ELEMENT_TERMINATED')).toEqual([]);
  });
});
