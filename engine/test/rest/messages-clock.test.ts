/** REST messages (publication, correlation), signal broadcast, and the clock endpoint firing timers. */
import { bpmn, flow, uniqueId } from '../harness';
import { createInstance, deployViaRest, expectProblem, send, startGateway, type Gateway } from './support';

let g: Gateway;
beforeAll(async () => {
  g = await startGateway('rest_messages');
});
afterAll(() => g.close());

async function deploy(body: string, extra = ''): Promise<string> {
  const id = uniqueId('rmsg');
  await deployViaRest(g.app, [
    {
      name: `${id}.bpmn`,
      content: bpmn(id, body, extra).replace(/MSG/g, `msg_${id}`).replace(/SIG/g, `sig_${id}`),
    },
  ]);
  return id;
}

const catchMessage = `<bpmn:startEvent id="start" />${flow('f1', 'start', 'wait')}<bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>${flow('f2', 'wait', 'end')}<bpmn:endEvent id="end" />`;
const messageDef =
  '<bpmn:message id="m" name="MSG"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements></bpmn:message>';

async function state(key: string): Promise<string> {
  return (await g.app.inject({ method: 'GET', url: `/v2/process-instances/${key}` })).json<{
    state: string;
  }>().state;
}

describe('messages and signals', () => {
  it('should complete the waiting instance when a message is published with its correlation key', async () => {
    // given
    const id = await deploy(catchMessage, messageDef);
    const key = await createInstance(g.app, id, { orderId: 'o-1' });
    // when
    const res = await send(g.app, 'POST', '/v2/messages/publication', {
      name: `msg_${id}`,
      correlationKey: 'o-1',
      timeToLive: 0,
      messageId: `id-${id}`,
      variables: { paid: true },
    });
    // then
    expect(res.json()).toEqual({ messageKey: expect.stringMatching(/^\d+$/), tenantId: '<default>' });
    expect(await state(key)).toBe('COMPLETED');
  });

  it('should answer 409 when a buffered message id is published twice', async () => {
    // given
    const body = { name: uniqueId('nobody'), correlationKey: 'k', timeToLive: 60_000, messageId: 'dup' };
    await send(g.app, 'POST', '/v2/messages/publication', body);
    // when
    const res = await send(g.app, 'POST', '/v2/messages/publication', body);
    // then
    expect(expectProblem(res, 409).title).toBe('ALREADY_EXISTS');
  });

  it('should return the correlated instance when a message is correlated', async () => {
    // given
    const id = await deploy(catchMessage, messageDef);
    const key = await createInstance(g.app, id, { orderId: 'o-2' });
    // when
    const res = await send(g.app, 'POST', '/v2/messages/correlation', {
      name: `msg_${id}`,
      correlationKey: 'o-2',
    });
    // then
    expect(res.json()).toEqual({
      messageKey: expect.any(String),
      tenantId: '<default>',
      processInstanceKey: key,
    });
  });

  it('should answer 404 when no subscription matches a correlation', async () => {
    // when
    const res = await send(g.app, 'POST', '/v2/messages/correlation', {
      name: uniqueId('none'),
      correlationKey: 'x',
    });
    // then
    expectProblem(res, 404);
  });

  it('should continue the waiting instance when a signal is broadcast', async () => {
    // given
    const id = await deploy(
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'wait')}<bpmn:intermediateCatchEvent id="wait"><bpmn:signalEventDefinition signalRef="s" /></bpmn:intermediateCatchEvent>${flow('f2', 'wait', 'end')}<bpmn:endEvent id="end" />`,
      '<bpmn:signal id="s" name="SIG" />',
    );
    const key = await createInstance(g.app, id);
    // when
    const res = await send(g.app, 'POST', '/v2/signals/broadcast', { signalName: `sig_${id}` });
    // then
    expect(res.json()).toEqual({ signalKey: expect.any(String), tenantId: '<default>' });
    expect(await state(key)).toBe('COMPLETED');
  });
});

describe('clock', () => {
  it('should fire the due timer when the clock is pinned past it', async () => {
    // given
    const id = await deploy(
      `<bpmn:startEvent id="start" />${flow('f1', 'start', 'wait')}<bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>${flow('f2', 'wait', 'end')}<bpmn:endEvent id="end" />`,
    );
    const key = await createInstance(g.app, id);
    const early = await send(g.app, 'PUT', '/v2/clock', { timestamp: g.clock.now() + 30 * 60_000 });
    const stateEarly = await state(key);
    // when
    const res = await send(g.app, 'PUT', '/v2/clock', { timestamp: g.clock.now() + 31 * 60_000 });
    // then
    expect(early.statusCode).toBe(204);
    expect(stateEarly).toBe('ACTIVE');
    expect(res.statusCode).toBe(204);
    expect(await state(key)).toBe('COMPLETED');
  });

  it('should follow wall time again when the clock is reset', async () => {
    // given
    await send(g.app, 'PUT', '/v2/clock', { timestamp: 0 });
    // when
    const res = await g.app.inject({
      method: 'POST',
      url: '/v2/clock/reset',
      headers: { 'content-type': 'application/json' },
    });
    // then
    expect(res.statusCode).toBe(204);
    expect(Math.abs(g.clock.now() - Date.now())).toBeLessThan(5_000);
    g.clock.pin(Date.parse('2026-03-02T01:00:00Z'));
  });

  it('should answer 400 naming the field when the timestamp is not a number', async () => {
    // when
    const res = await send(g.app, 'PUT', '/v2/clock', { timestamp: '2026-01-01' });
    // then
    expect(expectProblem(res, 400).detail).toContain('body.timestamp');
  });
});
