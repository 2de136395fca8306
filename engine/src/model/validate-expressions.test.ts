import { flow, problemsOf, timer } from './bpmn-xml.fixture.js';

describe('validation: expressions', () => {
  it('should report invalid FEEL with the element id when expressions anywhere do not parse', async () => {
    // given
    const body = `<bpmn:startEvent id="start" />
      <bpmn:serviceTask id="work"><bpmn:extensionElements>
        <zeebe:taskDefinition type="=&quot;svc-&quot; +" />
        <zeebe:ioMapping><zeebe:input source="=dossier..id" target="x" /></zeebe:ioMapping>
      </bpmn:extensionElements></bpmn:serviceTask>
      <bpmn:exclusiveGateway id="gw" default="else" /><bpmn:endEvent id="a" /><bpmn:endEvent id="b" />
      ${flow('start', 'work')}${flow('work', 'gw')}${flow('gw', 'a', 'big', '=amount &gt;')}${flow('gw', 'b', 'else')}`;

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([
      {
        elementId: 'work',
        message: `Invalid FEEL expression '"svc-" +' (job type): the expression ends too early (incomplete ArithmeticExpression)`,
      },
      {
        elementId: 'work',
        message: "Invalid FEEL expression 'dossier..id' (input mapping 'x'): unexpected '..id' at position 8",
      },
      {
        elementId: 'big',
        message:
          "Invalid FEEL expression 'amount >' (condition): the expression ends too early (incomplete Comparison)",
      },
    ]);
  });

  it('should require FEEL when a condition is a static value', async () => {
    // given
    const body = `<bpmn:startEvent id="start" /><bpmn:exclusiveGateway id="gw" default="else" /><bpmn:endEvent id="a" /><bpmn:endEvent id="b" />
      ${flow('start', 'gw')}${flow('gw', 'a', 'big', 'amount &gt; 100')}${flow('gw', 'b', 'else')}`;

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([
      {
        elementId: 'big',
        message:
          "The condition must be a FEEL expression starting with '=', but is the static value 'amount > 100'",
      },
    ]);
  });

  it('should check FEEL in user task, message and timer settings when they are expressions', async () => {
    // given
    const body = `<bpmn:startEvent id="start" />
      <bpmn:userTask id="review"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition assignee="=(" /></bpmn:extensionElements></bpmn:userTask>
      <bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="bad" /></bpmn:intermediateCatchEvent>
      <bpmn:intermediateCatchEvent id="later">${timer('timeDuration', '=duration(')}</bpmn:intermediateCatchEvent>
      <bpmn:endEvent id="end" />${flow('start', 'review')}${flow('review', 'wait')}${flow('wait', 'later')}${flow('later', 'end')}`;

    // when
    const problems = await problemsOf(
      body,
      '<bpmn:message id="bad" name="paid"><bpmn:extensionElements><zeebe:subscription correlationKey="=id +" /></bpmn:extensionElements></bpmn:message>',
    );

    // then
    expect(problems.map((problem) => `${problem.elementId}: ${problem.message.replace(/:.*/, '')}`)).toEqual([
      "review: Invalid FEEL expression '(' (assignee)",
      "wait: Invalid FEEL expression 'id +' (correlation key)",
      "later: Invalid FEEL expression 'duration(' (timer duration)",
    ]);
  });
});

describe('validation: reporting', () => {
  it('should collect every problem when a model has several mistakes', async () => {
    // given
    const body = `<bpmn:serviceTask id="no-type" /><bpmn:complexGateway id="complex" /><bpmn:endEvent id="end" />
      ${flow('no-type', 'complex')}${flow('complex', 'end')}${flow('end', 'no-type')}`;

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual(
      expect.arrayContaining([
        { elementId: 'complex', message: 'bpmn:ComplexGateway is not supported' },
        { elementId: 'test-process', message: 'A process must have at least one start event' },
        { elementId: 'end', message: 'An end event must not have outgoing sequence flows' },
        { elementId: 'no-type', message: 'Must have a task definition type (zeebe:taskDefinition)' },
      ]),
    );
  });
});
