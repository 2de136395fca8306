import { around, elementOf, flow, parseValid, processXml, serviceTask } from './bpmn-xml.fixture.js';

describe('parseBpmn: elements and graph', () => {
  it('should build elements, flows and the process element when the process is a simple sequence', async () => {
    // given
    const xml = processXml(`
      <bpmn:startEvent id="start" name="Hồ sơ nộp" />
      ${serviceTask('check')}
      <bpmn:endEvent id="end" />
      ${flow('start', 'check', 'f1')}
      ${flow('check', 'end', 'f2')}`);

    // when
    const process = await parseValid(xml);

    // then
    expect(process.bpmnProcessId).toBe('test-process');
    expect(elementOf(process, 'test-process')).toMatchObject({
      type: 'process',
      childIds: ['start', 'check', 'end'],
    });
    expect(elementOf(process, 'test-process').flowScopeId).toBeUndefined();
    expect(elementOf(process, 'start')).toMatchObject({
      type: 'startEvent',
      name: 'Hồ sơ nộp',
      flowScopeId: 'test-process',
      outgoing: ['f1'],
    });
    expect(elementOf(process, 'check')).toMatchObject({
      incoming: ['f1'],
      outgoing: ['f2'],
      boundaryEventIds: [],
    });
    expect(process.flows.get('f2')).toEqual({
      id: 'f2',
      sourceId: 'check',
      targetId: 'end',
      name: undefined,
      condition: undefined,
    });
    expect(process.noneStartEventId).toBe('start');
    expect(elementOf(process, 'test-process').noneStartEventId).toBe('start');
  });

  it('should map every executable element type when all of them are in one process', async () => {
    // given
    const job = '<bpmn:extensionElements><zeebe:taskDefinition type="t" /></bpmn:extensionElements>';
    const xml = processXml(`
      <bpmn:startEvent id="start" />
      <bpmn:parallelGateway id="fork" />
      <bpmn:serviceTask id="service">${job}</bpmn:serviceTask>
      <bpmn:sendTask id="send">${job}</bpmn:sendTask>
      <bpmn:scriptTask id="script">${job}</bpmn:scriptTask>
      <bpmn:businessRuleTask id="rule">${job}</bpmn:businessRuleTask>
      <bpmn:userTask id="user"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>
      <bpmn:manualTask id="manual" />
      <bpmn:task id="plain" />
      <bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="child" /></bpmn:extensionElements></bpmn:callActivity>
      <bpmn:intermediateThrowEvent id="throw" />
      <bpmn:parallelGateway id="join" />
      <bpmn:endEvent id="end" />
      ${['service', 'send', 'script', 'rule', 'user', 'manual', 'plain', 'call', 'throw'].map((id) => flow('fork', id) + flow(id, 'join')).join('\n')}
      ${flow('start', 'fork')}
      ${flow('join', 'end')}`);

    // when
    const process = await parseValid(xml);

    // then
    const types = Object.fromEntries(
      [...process.elements.values()].map((element) => [element.id, element.type]),
    );
    expect(types).toEqual({
      'test-process': 'process',
      start: 'startEvent',
      fork: 'parallelGateway',
      service: 'serviceTask',
      send: 'sendTask',
      script: 'scriptTask',
      rule: 'businessRuleTask',
      user: 'userTask',
      manual: 'manualTask',
      plain: 'task',
      call: 'callActivity',
      throw: 'intermediateThrowEvent',
      join: 'parallelGateway',
      end: 'endEvent',
    });
    expect(elementOf(process, 'fork').outgoing).toHaveLength(9);
  });

  it('should keep conditions and the default flow when an exclusive gateway branches', async () => {
    // given
    const xml = processXml(`
      <bpmn:startEvent id="start" />
      <bpmn:exclusiveGateway id="gw" default="otherwise" />
      <bpmn:endEvent id="a" /><bpmn:endEvent id="b" />
      ${flow('start', 'gw')}
      ${flow('gw', 'a', 'big', '= amount &gt; 100')}
      ${flow('gw', 'b', 'otherwise')}`);

    // when
    const process = await parseValid(xml);

    // then
    expect(elementOf(process, 'gw').defaultFlowId).toBe('otherwise');
    expect(process.flows.get('big')?.condition).toEqual({ kind: 'feel', source: 'amount > 100' });
    expect(process.flows.get('otherwise')?.condition).toBeUndefined();
  });

  it('should parse inclusive and event-based gateways with their targets when they are modelled', async () => {
    // given
    const xml = processXml(
      `
      <bpmn:startEvent id="start" />
      <bpmn:eventBasedGateway id="wait" />
      <bpmn:intermediateCatchEvent id="timeout"><bpmn:timerEventDefinition><bpmn:timeDuration>PT5M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
      <bpmn:receiveTask id="answer" messageRef="m" />
      <bpmn:inclusiveGateway id="or" default="d" />
      <bpmn:endEvent id="end" />
      ${flow('start', 'wait')}${flow('wait', 'timeout')}${flow('wait', 'answer')}
      ${flow('timeout', 'or')}${flow('answer', 'end')}
      ${flow('or', 'end', 'd')}`,
      {
        rootElements:
          '<bpmn:message id="m" name="answer"><bpmn:extensionElements><zeebe:subscription correlationKey="=id" /></bpmn:extensionElements></bpmn:message>',
      },
    );

    // when
    const process = await parseValid(xml);

    // then
    expect(elementOf(process, 'wait').type).toBe('eventBasedGateway');
    expect(elementOf(process, 'or')).toMatchObject({ type: 'inclusiveGateway', defaultFlowId: 'd' });
    expect(elementOf(process, 'answer').eventDefinition).toEqual({
      kind: 'message',
      messageName: { kind: 'static', value: 'answer' },
      correlationKey: { kind: 'feel', source: 'id' },
    });
  });

  it('should read every event definition kind when events carry them', async () => {
    // given
    const xml = processXml(
      `
      <bpmn:startEvent id="start" />
      <bpmn:intermediateCatchEvent id="msg"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>
      <bpmn:intermediateCatchEvent id="date"><bpmn:timerEventDefinition><bpmn:timeDate>2030-01-01T08:00:00+07:00</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
      <bpmn:intermediateCatchEvent id="sig"><bpmn:signalEventDefinition signalRef="s" /></bpmn:intermediateCatchEvent>
      <bpmn:intermediateThrowEvent id="esc"><bpmn:escalationEventDefinition escalationRef="e" /></bpmn:intermediateThrowEvent>
      <bpmn:intermediateThrowEvent id="go"><bpmn:linkEventDefinition name="jump" /></bpmn:intermediateThrowEvent>
      <bpmn:intermediateCatchEvent id="landing"><bpmn:linkEventDefinition name="jump" /></bpmn:intermediateCatchEvent>
      <bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="err" /></bpmn:endEvent>
      <bpmn:endEvent id="kill"><bpmn:terminateEventDefinition /></bpmn:endEvent>
      ${flow('start', 'msg')}${flow('msg', 'date')}${flow('date', 'sig')}${flow('sig', 'esc')}${flow('esc', 'go')}
      ${flow('landing', 'fail')}`,
      {
        rootElements: `
        <bpmn:message id="m" name="= &quot;paid-&quot; + id"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements></bpmn:message>
        <bpmn:signal id="s" name="closing" />
        <bpmn:escalation id="e" escalationCode="LATE" />
        <bpmn:error id="err" errorCode="REJECTED" />`,
      },
    );

    // when
    const process = await parseValid(xml);

    // then
    expect(elementOf(process, 'start').eventDefinition).toEqual({ kind: 'none' });
    expect(elementOf(process, 'msg').eventDefinition).toEqual({
      kind: 'message',
      messageName: { kind: 'feel', source: '"paid-" + id' },
      correlationKey: { kind: 'feel', source: 'orderId' },
    });
    expect(elementOf(process, 'date').eventDefinition).toEqual({
      kind: 'timer',
      timerType: 'date',
      expression: { kind: 'static', value: '2030-01-01T08:00:00+07:00' },
    });
    expect(elementOf(process, 'sig').eventDefinition).toEqual({
      kind: 'signal',
      signalName: { kind: 'static', value: 'closing' },
    });
    expect(elementOf(process, 'esc').eventDefinition).toEqual({
      kind: 'escalation',
      escalationCode: { kind: 'static', value: 'LATE' },
    });
    expect(elementOf(process, 'fail').eventDefinition).toEqual({
      kind: 'error',
      errorCode: { kind: 'static', value: 'REJECTED' },
    });
    expect(elementOf(process, 'kill').eventDefinition).toEqual({ kind: 'terminate' });
    expect(elementOf(process, 'go').eventDefinition).toEqual({ kind: 'link', linkName: 'jump' });
    expect(process.linkTargets.get('test-process/jump')).toBe('landing');
  });

  it('should attach boundary events when activities have interrupting and non-interrupting ones', async () => {
    // given
    const xml = processXml(`
      ${around('work', serviceTask('work'))}
      <bpmn:boundaryEvent id="late" attachedToRef="work" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle>R3/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>
      <bpmn:boundaryEvent id="broken" attachedToRef="work"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
      <bpmn:endEvent id="e1" /><bpmn:endEvent id="e2" />
      ${flow('late', 'e1')}${flow('broken', 'e2')}`);

    // when
    const process = await parseValid(xml);

    // then
    expect(elementOf(process, 'work').boundaryEventIds).toEqual(['late', 'broken']);
    expect(elementOf(process, 'late')).toMatchObject({
      type: 'boundaryEvent',
      interrupting: false,
      attachedToId: 'work',
      flowScopeId: 'test-process',
    });
    expect(elementOf(process, 'late').eventDefinition).toMatchObject({ kind: 'timer', timerType: 'cycle' });
    expect(elementOf(process, 'broken')).toMatchObject({
      interrupting: true,
      eventDefinition: { kind: 'error', errorCode: undefined },
    });
  });

  it('should describe containers when a process has an embedded subprocess and an event subprocess', async () => {
    // given
    const xml = processXml(
      `
      ${around(
        'sub',
        `<bpmn:subProcess id="sub">
        <bpmn:startEvent id="sub-start" />${serviceTask('inner')}<bpmn:endEvent id="sub-end" />
        ${flow('sub-start', 'inner')}${flow('inner', 'sub-end')}
      </bpmn:subProcess>`,
      )}
      <bpmn:subProcess id="on-cancel" triggeredByEvent="true">
        <bpmn:startEvent id="cancel-start" isInterrupting="false"><bpmn:signalEventDefinition signalRef="s" /></bpmn:startEvent>
        <bpmn:endEvent id="cancel-end" />
        ${flow('cancel-start', 'cancel-end')}
      </bpmn:subProcess>`,
      { rootElements: '<bpmn:signal id="s" name="cancel" />' },
    );

    // when
    const process = await parseValid(xml);

    // then
    expect(elementOf(process, 'sub')).toMatchObject({
      type: 'subProcess',
      childIds: ['sub-start', 'inner', 'sub-end'],
      noneStartEventId: 'sub-start',
    });
    expect(elementOf(process, 'inner').flowScopeId).toBe('sub');
    expect(elementOf(process, 'on-cancel')).toMatchObject({
      type: 'eventSubProcess',
      startEventId: 'cancel-start',
      interrupting: false,
    });
    expect(elementOf(process, 'cancel-start')).toMatchObject({
      interrupting: false,
      flowScopeId: 'on-cancel',
    });
    expect(elementOf(process, 'test-process').eventSubProcessIds).toEqual(['on-cancel']);
    expect(process.signalStartEventIds).toEqual([]);
  });

  it('should default an event subprocess to interrupting when its start event does not say otherwise', async () => {
    // given
    const xml = processXml(`
      ${around('work', serviceTask('work'))}
      <bpmn:subProcess id="on-error" triggeredByEvent="true">
        <bpmn:startEvent id="error-start"><bpmn:errorEventDefinition /></bpmn:startEvent>
        <bpmn:endEvent id="error-end" />${flow('error-start', 'error-end')}
      </bpmn:subProcess>`);

    // when
    const process = await parseValid(xml);

    // then
    expect(elementOf(process, 'on-error').interrupting).toBe(true);
    expect(elementOf(process, 'error-start').interrupting).toBe(true);
  });

  it('should list start events by kind when a process has several triggers', async () => {
    // given
    const xml = processXml(
      `
      <bpmn:startEvent id="by-hand" />
      <bpmn:startEvent id="by-message"><bpmn:messageEventDefinition messageRef="m" /></bpmn:startEvent>
      <bpmn:startEvent id="by-timer"><bpmn:timerEventDefinition><bpmn:timeCycle>0 0 8 * * MON-FRI</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
      <bpmn:startEvent id="by-signal"><bpmn:signalEventDefinition signalRef="s" /></bpmn:startEvent>
      <bpmn:endEvent id="end" />
      ${['by-hand', 'by-message', 'by-timer', 'by-signal'].map((id) => flow(id, 'end')).join('')}`,
      { rootElements: '<bpmn:message id="m" name="submitted" /><bpmn:signal id="s" name="go" />' },
    );

    // when
    const process = await parseValid(xml);

    // then
    expect(process.noneStartEventId).toBe('by-hand');
    expect(process.messageStartEventIds).toEqual(['by-message']);
    expect(process.timerStartEventIds).toEqual(['by-timer']);
    expect(process.signalStartEventIds).toEqual(['by-signal']);
  });
});
