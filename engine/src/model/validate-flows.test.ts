import { around, flow, serviceTask, problemsOf, timer } from './bpmn-xml.fixture.js';

describe('validation: sequence flows and gateways', () => {
  it('should require conditions when an exclusive gateway has several outgoing flows without default', async () => {
    // given
    const body = `<bpmn:startEvent id="start" /><bpmn:exclusiveGateway id="gw" /><bpmn:endEvent id="a" /><bpmn:endEvent id="b" />
      ${flow('start', 'gw')}${flow('gw', 'a', 'yes', '=ok')}${flow('gw', 'b', 'no')}`;

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([
      {
        elementId: 'no',
        message:
          "A sequence flow leaving exclusive gateway 'gw' must have a condition or be its default flow",
      },
    ]);
  });

  it('should require conditions when an inclusive gateway branches', async () => {
    // given
    const body = `<bpmn:startEvent id="start" /><bpmn:inclusiveGateway id="gw" /><bpmn:endEvent id="a" /><bpmn:endEvent id="b" />
      ${flow('start', 'gw')}${flow('gw', 'a', 'one')}${flow('gw', 'b', 'two')}`;

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems.map((problem) => problem.elementId)).toEqual(['one', 'two']);
  });

  it('should accept an unconditional flow when an exclusive gateway has only one outgoing flow', async () => {
    // given
    const body = `<bpmn:startEvent id="start" /><bpmn:exclusiveGateway id="gw" /><bpmn:endEvent id="end" />${flow('start', 'gw')}${flow('gw', 'end')}`;

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([]);
  });

  it('should reject a gateway when it has no outgoing flow', async () => {
    // given
    const body = `<bpmn:startEvent id="start" /><bpmn:parallelGateway id="gw" />${flow('start', 'gw')}`;

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([
      { elementId: 'gw', message: 'A parallel gateway must have at least one outgoing sequence flow' },
    ]);
  });

  it('should reject a default flow when it does not leave the gateway or has a condition', async () => {
    // given
    const body = `<bpmn:startEvent id="start" /><bpmn:exclusiveGateway id="gw" default="other" /><bpmn:endEvent id="a" /><bpmn:endEvent id="b" />
      ${flow('start', 'gw')}${flow('gw', 'a', 'yes', '=ok')}${flow('start', 'b', 'other', '=x')}`;

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          elementId: 'gw',
          message: "Default flow 'other' must be an outgoing sequence flow of this element",
        },
        { elementId: 'other', message: 'A default flow must not have a condition' },
      ]),
    );
  });

  it('should reject flows when they enter a start event or a boundary event or leave an end event', async () => {
    // given
    const body = `<bpmn:startEvent id="start" />${serviceTask('work')}<bpmn:endEvent id="end" />
      <bpmn:boundaryEvent id="late" attachedToRef="work">${timer('timeDuration', 'PT1H')}</bpmn:boundaryEvent>
      ${flow('start', 'work')}${flow('work', 'end')}${flow('end', 'start')}${flow('late', 'end')}${flow('work', 'late')}`;

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual(
      expect.arrayContaining([
        { elementId: 'start', message: 'A start event must not have incoming sequence flows' },
        { elementId: 'end', message: 'An end event must not have outgoing sequence flows' },
        { elementId: 'late', message: 'A boundary event must not have incoming sequence flows' },
      ]),
    );
  });

  it('should reject conditions when the flow does not leave an exclusive or inclusive gateway', async () => {
    // given
    const body = `<bpmn:startEvent id="start" />${serviceTask('work')}<bpmn:parallelGateway id="fork" /><bpmn:endEvent id="end" />
      ${flow('start', 'work', 'from-start', '=a')}${flow('work', 'fork', 'from-task', '=b')}${flow('fork', 'end', 'from-fork', '=c')}`;

    // when
    const problems = await problemsOf(body);

    // then
    const message = 'Conditional sequence flows are only supported at exclusive and inclusive gateways';
    expect(problems).toEqual([
      { elementId: 'from-start', message },
      { elementId: 'from-task', message },
      { elementId: 'from-fork', message },
    ]);
  });

  it('should reject a flow when it crosses a subprocess boundary', async () => {
    // given
    const body =
      around(
        'sub',
        `<bpmn:subProcess id="sub"><bpmn:startEvent id="s" /><bpmn:endEvent id="e" />${flow('s', 'e')}</bpmn:subProcess>`,
      ) + flow('start', 'e', 'jump');

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([
      { elementId: 'jump', message: 'Sequence flow must not cross the boundary of a subprocess' },
    ]);
  });

  it('should require two catch targets when an event-based gateway is modelled', async () => {
    // given
    const body = `<bpmn:startEvent id="start" /><bpmn:eventBasedGateway id="gw" />${serviceTask('work')}<bpmn:endEvent id="end" />
      ${flow('start', 'gw')}${flow('gw', 'work')}${flow('work', 'end')}`;

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([
      { elementId: 'gw', message: 'An event-based gateway must have at least two outgoing sequence flows' },
      {
        elementId: 'gw',
        message:
          "An event-based gateway may only lead to message, timer or signal intermediate catch events or receive tasks, but 'work' is not one",
      },
    ]);
  });

  it('should require an outgoing flow and an activity host when a boundary event is modelled', async () => {
    // given
    const body = `${around('work', serviceTask('work'))}<bpmn:parallelGateway id="gw" />
      <bpmn:boundaryEvent id="dangling" attachedToRef="work">${timer('timeDuration', 'PT1H')}</bpmn:boundaryEvent>
      <bpmn:boundaryEvent id="on-gateway" attachedToRef="gw">${timer('timeDuration', 'PT1H')}</bpmn:boundaryEvent>
      ${flow('start', 'gw', 'g1')}${flow('gw', 'end', 'g2')}${flow('on-gateway', 'end')}`;

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([
      { elementId: 'dangling', message: 'A boundary event must have at least one outgoing sequence flow' },
      {
        elementId: 'on-gateway',
        message: 'A boundary event must be attached to an activity (attachedToRef)',
      },
    ]);
  });
});

describe('validation: start events and containers', () => {
  it('should require a start event when a process has none', async () => {
    // given
    const body = `${serviceTask('work')}<bpmn:endEvent id="end" />${flow('work', 'end')}`;

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([
      { elementId: 'test-process', message: 'A process must have at least one start event' },
    ]);
  });

  it('should reject a second none start event when a process has two', async () => {
    // given
    const body = `<bpmn:startEvent id="s1" /><bpmn:startEvent id="s2" /><bpmn:endEvent id="end" />${flow('s1', 'end')}${flow('s2', 'end')}`;

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([
      { elementId: 'test-process', message: 'A process must not have more than one none start event' },
    ]);
  });

  it('should require one none start event when an embedded subprocess has none', async () => {
    // given
    const body = around('sub', `<bpmn:subProcess id="sub">${serviceTask('inner')}</bpmn:subProcess>`);

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([
      { elementId: 'sub', message: 'An embedded subprocess must have exactly one none start event' },
    ]);
  });

  it('should reject an event subprocess when its start has no trigger and it has flows', async () => {
    // given
    const body = `${around('esp', `<bpmn:subProcess id="esp" triggeredByEvent="true"><bpmn:startEvent id="s" /><bpmn:endEvent id="e" />${flow('s', 'e')}</bpmn:subProcess>`)}`;

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([
      { elementId: 'esp', message: 'An event subprocess must not have incoming or outgoing sequence flows' },
      { elementId: 's', message: 'A none event is not supported as start event of an event subprocess' },
    ]);
  });
});

describe('validation: sequence flow endpoints', () => {
  it('should require both ends when a sequence flow has no targetRef', async () => {
    // given
    const body = `<bpmn:startEvent id="start" /><bpmn:endEvent id="end" />${flow('start', 'end')}
      <bpmn:sequenceFlow id="loose" sourceRef="start" />`;

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([
      { elementId: 'loose', message: 'A sequence flow must have both a sourceRef and a targetRef' },
    ]);
  });

  it('should report only the unsupported element when flows lead to it', async () => {
    // given
    const body = `<bpmn:startEvent id="start" /><bpmn:complexGateway id="complex" /><bpmn:endEvent id="end" />
      ${flow('start', 'complex')}${flow('complex', 'end')}`;

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([{ elementId: 'complex', message: 'bpmn:ComplexGateway is not supported' }]);
  });
});
