/**
 * Gateways (camunda-reference §1.3, §1.5): exclusive, inclusive, parallel and event-based, including their
 * incidents and how resolving them continues the instance.
 */
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

let h: Harness;
beforeAll(async () => {
  h = await startHarness('conformance_gateways');
});
afterAll(() => h.close());

const end = (id: string) => `<bpmn:endEvent id="${id}" />`;

/** start -> xor -> (a | b | c) -> ends; `conditions` per flow, `dflt` names the default flow. */
async function deployExclusive(
  conditions: { a?: string; b?: string; c?: string },
  dflt?: 'toC',
): Promise<string> {
  const id = uniqueId('xor');
  await deploy(
    h.engine,
    bpmn(
      id,
      `<bpmn:startEvent id="start" />${flow('f0', 'start', 'xor')}
       <bpmn:exclusiveGateway id="xor"${dflt ? ` default="${dflt}"` : ''} />
       ${flow('toA', 'xor', 'endA', conditions.a)}${flow('toB', 'xor', 'endB', conditions.b)}${flow('toC', 'xor', 'endC', conditions.c)}
       ${end('endA')}${end('endB')}${end('endC')}`,
    ),
  );
  return id;
}

async function start(id: string, variables: Record<string, unknown> = {}): Promise<string> {
  return (await h.engine.createProcessInstance({ bpmnProcessId: id, variables })).processInstanceKey;
}

async function activeIncidents(instanceKey: string) {
  return (await h.engine.searchIncidents({ processInstanceKey: instanceKey, state: 'ACTIVE' })).items;
}

describe('exclusive gateway', () => {
  it('should take the first flow whose condition is true when several are true', async () => {
    // given
    const id = await deployExclusive({ a: '=x &gt; 10', b: '=x &gt; 5', c: '=x &gt; 0' });
    // when
    const key = await start(id, { x: 7 });
    // then
    expect(await instanceState(h.engine, key)).toBe('COMPLETED');
    expect(await h.engine.getTakenSequenceFlows(key)).toEqual(['f0', 'toB']);
  });

  it('should take the default flow when no condition is true', async () => {
    // given
    const id = await deployExclusive({ a: '=x &gt; 10', b: '=x &gt; 5' }, 'toC');
    // when
    const key = await start(id, { x: 1 });
    // then
    expect(await h.engine.getTakenSequenceFlows(key)).toEqual(['f0', 'toC']);
    expect(await elementsWith(h.engine, key, 'ELEMENT_COMPLETED')).toContain('endC');
  });

  it('should raise a CONDITION_ERROR incident and continue after the fix when no condition is true and there is no default', async () => {
    // given
    const id = await deployExclusive({ a: '=x &gt; 10', b: '=x &gt; 5', c: '=x &gt; 3' });
    const key = await start(id, { x: 1 });
    const [incident] = await activeIncidents(key);
    expect(incident).toMatchObject({
      errorType: 'CONDITION_ERROR',
      errorMessage: 'Expected at least one condition to evaluate to true, or to have a default flow',
      elementId: 'xor',
    });
    // when
    await h.engine.setVariables({ elementInstanceKey: key, variables: { x: 20 } });
    await h.engine.resolveIncident(incident!.incidentKey);
    // then
    expect(await activeIncidents(key)).toHaveLength(0);
    expect(await instanceState(h.engine, key)).toBe('COMPLETED');
    expect(await h.engine.getTakenSequenceFlows(key)).toEqual(['f0', 'toA']);
  });

  it('should report the FEEL warning in the incident when a condition reads a missing variable', async () => {
    // given
    const id = await deployExclusive({ a: '=missing &gt; 10', b: '=true' }, 'toC');
    // when
    const key = await start(id);
    // then
    const [incident] = await activeIncidents(key);
    expect(incident!.errorType).toBe('EXTRACT_VALUE_ERROR');
    expect(incident!.errorMessage).toContain(
      "Expected result of the expression 'missing > 10' to be 'BOOLEAN', but was 'NULL'.",
    );
    expect(incident!.errorMessage).toContain("[NO_VARIABLE_FOUND] No variable found with name 'missing'");
  });
  it('should continue when the missing variable is set and the incident resolved', async () => {
    // given
    const id = await deployExclusive({ a: '=missing &gt; 10', b: '=true' }, 'toC');
    const key = await start(id);
    const [incident] = await activeIncidents(key);
    // when
    await h.engine.setVariables({ elementInstanceKey: key, variables: { missing: 11 } });
    await h.engine.resolveIncident(incident!.incidentKey);
    // then
    expect(await instanceState(h.engine, key)).toBe('COMPLETED');
    expect(await h.engine.getTakenSequenceFlows(key)).toEqual(['f0', 'toA']);
  });
});

describe('inclusive gateway', () => {
  async function deployInclusive(): Promise<string> {
    const id = uniqueId('or');
    await deploy(
      h.engine,
      bpmn(
        id,
        `<bpmn:startEvent id="start" />${flow('f0', 'start', 'split')}
         <bpmn:inclusiveGateway id="split" default="toC" />
         ${flow('toA', 'split', 'a', '=wantA')}${flow('toB', 'split', 'b', '=wantB')}${flow('toC', 'split', 'c')}
         ${serviceTask('a', `a-${id}`)}${serviceTask('b', `b-${id}`)}${serviceTask('c', `c-${id}`)}
         ${flow('fa', 'a', 'join')}${flow('fb', 'b', 'join')}${flow('fc', 'c', 'join')}
         <bpmn:inclusiveGateway id="join" />${flow('fEnd', 'join', 'end')}${end('end')}`,
      ),
    );
    return id;
  }

  it('should activate every branch whose condition is true when split', async () => {
    // given
    const id = await deployInclusive();
    // when
    const key = await start(id, { wantA: true, wantB: true });
    // then
    expect(await activate(h.engine, `a-${id}`)).toHaveLength(1);
    expect(await activate(h.engine, `b-${id}`)).toHaveLength(1);
    expect(await activate(h.engine, `c-${id}`)).toHaveLength(0);
    expect(await instanceState(h.engine, key)).toBe('ACTIVE');
  });

  it('should join only the branches that were taken when the others cannot be reached', async () => {
    // given
    const id = await deployInclusive();
    const key = await start(id, { wantA: true, wantB: false });
    // when
    await completeOne(h.engine, `a-${id}`);
    // then
    expect(await instanceState(h.engine, key)).toBe('COMPLETED');
    expect(await elementsWith(h.engine, key, 'ELEMENT_COMPLETED')).toEqual(
      expect.arrayContaining(['join', 'end']),
    );
  });

  it('should wait for every taken branch when joining', async () => {
    // given
    const id = await deployInclusive();
    const key = await start(id, { wantA: true, wantB: true });
    // when
    await completeOne(h.engine, `a-${id}`);
    // then
    expect(await elementsWith(h.engine, key, 'ELEMENT_COMPLETED')).not.toContain('join');
    await completeOne(h.engine, `b-${id}`);
    expect(await instanceState(h.engine, key)).toBe('COMPLETED');
    expect(await elementsWith(h.engine, key, 'ELEMENT_COMPLETED')).toEqual(expect.arrayContaining(['join']));
  });

  it('should take the default flow when no condition is true', async () => {
    // given
    const id = await deployInclusive();
    // when
    await start(id, { wantA: false, wantB: false });
    // then
    expect(await activate(h.engine, `c-${id}`)).toHaveLength(1);
    expect(await activate(h.engine, `a-${id}`)).toHaveLength(0);
  });
});

describe('parallel gateway', () => {
  it('should activate all branches and complete only after every branch has joined', async () => {
    // given
    const id = uniqueId('and');
    await deploy(
      h.engine,
      bpmn(
        id,
        `<bpmn:startEvent id="start" />${flow('f0', 'start', 'fork')}<bpmn:parallelGateway id="fork" />
         ${flow('p1', 'fork', 'a')}${flow('p2', 'fork', 'b')}${flow('p3', 'fork', 'c')}
         ${serviceTask('a', `a-${id}`)}${serviceTask('b', `b-${id}`)}${serviceTask('c', `c-${id}`)}
         ${flow('j1', 'a', 'join')}${flow('j2', 'b', 'join')}${flow('j3', 'c', 'join')}
         <bpmn:parallelGateway id="join" />${flow('fEnd', 'join', 'end')}${end('end')}`,
      ),
    );
    const key = await start(id);
    // when
    await completeOne(h.engine, `a-${id}`);
    await completeOne(h.engine, `b-${id}`);
    // then
    expect(await elementsWith(h.engine, key, 'ELEMENT_COMPLETED')).not.toContain('join');
    await completeOne(h.engine, `c-${id}`);
    expect(await instanceState(h.engine, key)).toBe('COMPLETED');
    expect((await elementsWith(h.engine, key, 'ELEMENT_COMPLETED')).filter((e) => e === 'join')).toHaveLength(
      1,
    );
  });
});

describe('event-based gateway', () => {
  async function deployRace(): Promise<string> {
    const id = uniqueId('race');
    await deploy(
      h.engine,
      bpmn(
        id,
        `<bpmn:startEvent id="start" />${flow('f0', 'start', 'gw')}<bpmn:eventBasedGateway id="gw" />
         ${flow('toMsg', 'gw', 'paid')}${flow('toTimer', 'gw', 'late')}
         <bpmn:intermediateCatchEvent id="paid"><bpmn:messageEventDefinition messageRef="msg_${id}" /></bpmn:intermediateCatchEvent>
         <bpmn:intermediateCatchEvent id="late"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
         ${flow('f1', 'paid', 'endPaid')}${flow('f2', 'late', 'endLate')}${end('endPaid')}${end('endLate')}`,
        `<bpmn:message id="msg_${id}" name="paid-${id}"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements></bpmn:message>`,
      ),
    );
    return id;
  }

  it('should continue on the message path and cancel the timer when the message arrives first', async () => {
    // given
    const id = await deployRace();
    const key = await start(id, { orderId: 'o-1' });
    // when
    await h.engine.publishMessage({ name: `paid-${id}`, correlationKey: 'o-1', variables: { amount: 10 } });
    // then
    expect(await instanceState(h.engine, key)).toBe('COMPLETED');
    const records = await h.engine.getRecords(key);
    expect(records.some((r) => r.valueType === 'TIMER' && r.intent === 'CANCELED')).toBe(true);
    h.clock.advance(3_600_000);
    await h.engine.tick();
    expect(await elementsWith(h.engine, key, 'ELEMENT_ACTIVATED')).not.toContain('late');
    expect(await elementsWith(h.engine, key, 'ELEMENT_COMPLETED')).toContain('endPaid');
  });

  it('should continue on the timer path and close the message subscription when the timer fires first', async () => {
    // given
    const id = await deployRace();
    const key = await start(id, { orderId: 'o-2' });
    // when
    h.clock.advance(3_600_000);
    await h.engine.tick();
    // then
    expect(await instanceState(h.engine, key)).toBe('COMPLETED');
    expect(await elementsWith(h.engine, key, 'ELEMENT_COMPLETED')).toContain('endLate');
    await h.engine.publishMessage({ name: `paid-${id}`, correlationKey: 'o-2', timeToLiveMs: 60_000 });
    const records = await h.engine.getRecords(key);
    expect(records.filter((r) => r.valueType === 'PROCESS_MESSAGE_SUBSCRIPTION')).toEqual([]);
    expect(await elementsWith(h.engine, key, 'ELEMENT_ACTIVATED')).not.toContain('paid');
  });
});
