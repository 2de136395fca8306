import { around, elementOf, flow, parseValid, processXml } from './bpmn-xml.fixture.js';
import { toExpression } from './expression.js';

/** A process with one element `el` between start and end. */
function oneElement(element: string, rootElements?: string): string {
  return processXml(around('el', element), { rootElements });
}

describe('parseBpmn: zeebe extensions', () => {
  it('should tell FEEL from static values when a value starts with =', () => {
    // given
    const values = ['=a + 1', '  = total', 'PT1H', ''];

    // when
    const expressions = values.map(toExpression);

    // then
    expect(expressions).toEqual([
      { kind: 'feel', source: 'a + 1' },
      { kind: 'feel', source: 'total' },
      { kind: 'static', value: 'PT1H' },
      { kind: 'static', value: '' },
    ]);
  });

  it('should read the job definition with 3 retries by default when a service task has zeebe:taskDefinition', async () => {
    // given
    const xml = processXml(`
      <bpmn:startEvent id="start" />
      <bpmn:serviceTask id="a"><bpmn:extensionElements><zeebe:taskDefinition type="send-email" /></bpmn:extensionElements></bpmn:serviceTask>
      <bpmn:serviceTask id="b"><bpmn:extensionElements><zeebe:taskDefinition type="=&quot;svc-&quot; + kind" retries="=tries" /></bpmn:extensionElements></bpmn:serviceTask>
      <bpmn:endEvent id="end" />${flow('start', 'a')}${flow('a', 'b')}${flow('b', 'end')}`);

    // when
    const process = await parseValid(xml);

    // then
    expect(elementOf(process, 'a').job).toEqual({
      type: { kind: 'static', value: 'send-email' },
      retries: { kind: 'static', value: '3' },
    });
    expect(elementOf(process, 'b').job).toEqual({
      type: { kind: 'feel', source: '"svc-" + kind' },
      retries: { kind: 'feel', source: 'tries' },
    });
  });

  it('should read headers, mappings and execution listeners when a task has them', async () => {
    // given
    const xml = oneElement(`<bpmn:serviceTask id="el"><bpmn:extensionElements>
      <zeebe:taskDefinition type="work" />
      <zeebe:taskHeaders><zeebe:header key="template" value="receipt" /><zeebe:header key="lang" value="vi" /></zeebe:taskHeaders>
      <zeebe:ioMapping>
        <zeebe:input source="=dossier.id" target="dossierId" />
        <zeebe:input source="fixed" target="channel" />
        <zeebe:output source="=result.ok" target="dossier.checked" />
      </zeebe:ioMapping>
      <zeebe:executionListeners>
        <zeebe:executionListener eventType="start" type="audit-start" />
        <zeebe:executionListener eventType="end" type="=listenerType" retries="5" />
      </zeebe:executionListeners>
    </bpmn:extensionElements></bpmn:serviceTask>`);

    // when
    const element = elementOf(await parseValid(xml), 'el');

    // then
    expect(element.taskHeaders).toEqual({ template: 'receipt', lang: 'vi' });
    expect(element.inputMappings).toEqual([
      { source: { kind: 'feel', source: 'dossier.id' }, target: 'dossierId' },
      { source: { kind: 'static', value: 'fixed' }, target: 'channel' },
    ]);
    expect(element.outputMappings).toEqual([
      { source: { kind: 'feel', source: 'result.ok' }, target: 'dossier.checked' },
    ]);
    expect(element.executionListeners).toEqual([
      {
        eventType: 'start',
        type: { kind: 'static', value: 'audit-start' },
        retries: { kind: 'static', value: '3' },
      },
      {
        eventType: 'end',
        type: { kind: 'feel', source: 'listenerType' },
        retries: { kind: 'static', value: '5' },
      },
    ]);
  });

  it('should read execution listeners and the version tag when they are on the process', async () => {
    // given
    const xml = processXml(`<bpmn:extensionElements>
        <zeebe:versionTag value="2025.1" />
        <zeebe:executionListeners><zeebe:executionListener eventType="end" type="archive" /></zeebe:executionListeners>
      </bpmn:extensionElements>
      <bpmn:startEvent id="start" /><bpmn:endEvent id="end" />${flow('start', 'end')}`);

    // when
    const process = await parseValid(xml);

    // then
    expect(process.versionTag).toBe('2025.1');
    expect(elementOf(process, 'test-process').executionListeners).toEqual([
      {
        eventType: 'end',
        type: { kind: 'static', value: 'archive' },
        retries: { kind: 'static', value: '3' },
      },
    ]);
  });

  it('should read the multi-instance definition when an activity has zeebe:loopCharacteristics', async () => {
    // given
    const xml = oneElement(`<bpmn:serviceTask id="el">
      <bpmn:extensionElements><zeebe:taskDefinition type="review" /></bpmn:extensionElements>
      <bpmn:multiInstanceLoopCharacteristics isSequential="true">
        <bpmn:extensionElements>
          <zeebe:loopCharacteristics inputCollection="=reviewers" inputElement="reviewer" outputCollection="votes" outputElement="=vote" />
        </bpmn:extensionElements>
        <bpmn:completionCondition xsi:type="bpmn:tFormalExpression">=numberOfCompletedInstances &gt;= 2</bpmn:completionCondition>
      </bpmn:multiInstanceLoopCharacteristics>
    </bpmn:serviceTask>`);

    // when
    const element = elementOf(await parseValid(xml), 'el');

    // then
    expect(element.multiInstance).toEqual({
      sequential: true,
      inputCollection: { kind: 'feel', source: 'reviewers' },
      inputElement: 'reviewer',
      outputCollection: 'votes',
      outputElement: { kind: 'feel', source: 'vote' },
      completionCondition: { kind: 'feel', source: 'numberOfCompletedInstances >= 2' },
    });
  });

  it('should default to parallel without outputs when the multi-instance marker is minimal', async () => {
    // given
    const xml = oneElement(`<bpmn:subProcess id="el">
      <bpmn:multiInstanceLoopCharacteristics>
        <bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=items" /></bpmn:extensionElements>
      </bpmn:multiInstanceLoopCharacteristics>
      <bpmn:startEvent id="s" /><bpmn:endEvent id="e" />${flow('s', 'e')}
    </bpmn:subProcess>`);

    // when
    const element = elementOf(await parseValid(xml), 'el');

    // then
    expect(element.multiInstance).toEqual({
      sequential: false,
      inputCollection: { kind: 'feel', source: 'items' },
      inputElement: undefined,
      outputCollection: undefined,
      outputElement: undefined,
      completionCondition: undefined,
    });
  });

  it('should apply Zeebe defaults when a call activity only names the called process', async () => {
    // given
    const xml = oneElement(
      '<bpmn:callActivity id="el"><bpmn:extensionElements><zeebe:calledElement processId="thu-phi" /></bpmn:extensionElements></bpmn:callActivity>',
    );

    // when
    const element = elementOf(await parseValid(xml), 'el');

    // then
    expect(element.calledElement).toEqual({
      processId: { kind: 'static', value: 'thu-phi' },
      propagateAllChildVariables: true,
      propagateAllParentVariables: true,
      bindingType: 'latest',
      versionTag: undefined,
    });
  });

  it('should read binding and propagation when a call activity sets them', async () => {
    // given
    const xml = oneElement(`<bpmn:callActivity id="el"><bpmn:extensionElements>
      <zeebe:calledElement processId="=childId" propagateAllChildVariables="false" propagateAllParentVariables="false" bindingType="versionTag" versionTag="v2" />
    </bpmn:extensionElements></bpmn:callActivity>`);

    // when
    const element = elementOf(await parseValid(xml), 'el');

    // then
    expect(element.calledElement).toEqual({
      processId: { kind: 'feel', source: 'childId' },
      propagateAllChildVariables: false,
      propagateAllParentVariables: false,
      bindingType: 'versionTag',
      versionTag: 'v2',
    });
  });

  it('should evaluate in the engine when a script task has zeebe:script', async () => {
    // given
    const xml = oneElement(`<bpmn:scriptTask id="el"><bpmn:extensionElements>
      <zeebe:script expression="=fee * 1.1" resultVariable="total" />
    </bpmn:extensionElements></bpmn:scriptTask>`);

    // when
    const element = elementOf(await parseValid(xml), 'el');

    // then
    expect(element.script).toEqual({
      expression: { kind: 'feel', source: 'fee * 1.1' },
      resultVariable: 'total',
    });
    expect(element.job).toBeUndefined();
  });

  it('should create a job when a script task has a task definition instead of zeebe:script', async () => {
    // given
    const xml = oneElement(
      '<bpmn:scriptTask id="el"><bpmn:extensionElements><zeebe:taskDefinition type="groovy" /></bpmn:extensionElements></bpmn:scriptTask>',
    );

    // when
    const element = elementOf(await parseValid(xml), 'el');

    // then
    expect(element.script).toBeUndefined();
    expect(element.job?.type).toEqual({ kind: 'static', value: 'groovy' });
  });

  it('should create jobs when business rule, send tasks and message throw events have task definitions', async () => {
    // given
    const job = (type: string): string =>
      `<bpmn:extensionElements><zeebe:taskDefinition type="${type}" /></bpmn:extensionElements>`;
    const xml = processXml(
      `
      <bpmn:startEvent id="start" />
      <bpmn:businessRuleTask id="rule">${job('fee-rules')}</bpmn:businessRuleTask>
      <bpmn:sendTask id="send">${job('sms')}</bpmn:sendTask>
      <bpmn:intermediateThrowEvent id="notify">${job('publish')}<bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateThrowEvent>
      <bpmn:endEvent id="end">${job('reply')}<bpmn:messageEventDefinition /></bpmn:endEvent>
      ${flow('start', 'rule')}${flow('rule', 'send')}${flow('send', 'notify')}${flow('notify', 'end')}`,
      { rootElements: '<bpmn:message id="m" name="notified" />' },
    );

    // when
    const process = await parseValid(xml);

    // then
    expect(elementOf(process, 'rule').job?.type).toEqual({ kind: 'static', value: 'fee-rules' });
    expect(elementOf(process, 'send').job?.type).toEqual({ kind: 'static', value: 'sms' });
    expect(elementOf(process, 'notify')).toMatchObject({
      job: { type: { value: 'publish' } },
      eventDefinition: { kind: 'message' },
    });
    expect(elementOf(process, 'end').job?.type).toEqual({ kind: 'static', value: 'reply' });
  });

  it('should read output mappings when they are on a catch event', async () => {
    // given
    const xml = oneElement(
      `<bpmn:intermediateCatchEvent id="el">
      <bpmn:extensionElements><zeebe:ioMapping><zeebe:output source="=payment.amount" target="paid" /></zeebe:ioMapping></bpmn:extensionElements>
      <bpmn:messageEventDefinition messageRef="m" />
    </bpmn:intermediateCatchEvent>`,
      '<bpmn:message id="m" name="paid"><bpmn:extensionElements><zeebe:subscription correlationKey="=id" /></bpmn:extensionElements></bpmn:message>',
    );

    // when
    const element = elementOf(await parseValid(xml), 'el');

    // then
    expect(element.outputMappings).toEqual([
      { source: { kind: 'feel', source: 'payment.amount' }, target: 'paid' },
    ]);
  });
});
