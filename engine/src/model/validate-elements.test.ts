import { around, flow, serviceTask, problemsOf, keyedMessage, timer } from './bpmn-xml.fixture.js';

describe('validation: supported elements', () => {
  it.each([
    ['bpmn:ComplexGateway', '<bpmn:complexGateway id="el" />'],
    ['bpmn:Transaction', '<bpmn:transaction id="el" />'],
    ['bpmn:AdHocSubProcess', '<bpmn:adHocSubProcess id="el" />'],
  ])('should reject %s when it is in the process', async (type, element) => {
    // given
    const body = around('el', element);

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toContainEqual({ elementId: 'el', message: `${type} is not supported` });
  });

  it.each([
    ['bpmn:ConditionalEventDefinition', '<bpmn:conditionalEventDefinition />'],
    ['bpmn:CompensateEventDefinition', '<bpmn:compensateEventDefinition />'],
    ['bpmn:CancelEventDefinition', '<bpmn:cancelEventDefinition />'],
  ])('should reject %s when an event uses it', async (type, definition) => {
    // given
    const body = around(
      'el',
      `<bpmn:intermediateCatchEvent id="el">${definition}</bpmn:intermediateCatchEvent>`,
    );

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toContainEqual({ elementId: 'el', message: `${type} is not supported` });
  });

  it('should reject a multiple event when an event has two definitions', async () => {
    // given
    const body = around(
      'el',
      `<bpmn:intermediateCatchEvent id="el"><bpmn:messageEventDefinition messageRef="m" />${timer('timeDuration', 'PT1H')}</bpmn:intermediateCatchEvent>`,
    );

    // when
    const problems = await problemsOf(body, keyedMessage);

    // then
    expect(problems).toContainEqual({
      elementId: 'el',
      message:
        'Multiple event definitions on one event are not supported (found bpmn:MessageEventDefinition, bpmn:TimerEventDefinition)',
    });
  });

  it('should reject a standard loop when an activity has one', async () => {
    // given
    const body = around('el', serviceTask('el', '<bpmn:standardLoopCharacteristics />'));

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toContainEqual({
      elementId: 'el',
      message: 'bpmn:StandardLoopCharacteristics is not supported: use a multi-instance marker instead',
    });
  });

  it('should reject zeebe:calledDecision when a business rule task calls a DMN decision', async () => {
    // given
    const body = around(
      'el',
      '<bpmn:businessRuleTask id="el"><bpmn:extensionElements><zeebe:calledDecision decisionId="fee" resultVariable="fee" /></bpmn:extensionElements></bpmn:businessRuleTask>',
    );

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems.map((problem) => problem.message)).toEqual(
      expect.arrayContaining([
        'zeebe:calledDecision is not supported (no DMN engine): implement the rule with a job worker (zeebe:taskDefinition)',
        'Must have a task definition type (zeebe:taskDefinition)',
      ]),
    );
  });

  it('should reject an instantiating receive task when instantiate is true', async () => {
    // given
    const body = around('el', '<bpmn:receiveTask id="el" messageRef="m" instantiate="true" />');

    // when
    const problems = await problemsOf(body, keyedMessage);

    // then
    expect(problems).toContainEqual({
      elementId: 'el',
      message: 'An instantiating receive task is not supported: use a message start event',
    });
  });

  it('should require an id when a flow node has none', async () => {
    // given
    const body = `${around('el', serviceTask('el'))}<bpmn:task name="Ghi chú" />`;

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([{ message: "An element of type bpmn:Task ('Ghi chú') must have an id" }]);
  });

  it('should ignore data objects when the process has them', async () => {
    // given
    const body = `${around('el', serviceTask('el'))}<bpmn:dataObject id="do" /><bpmn:dataObjectReference id="dor" dataObjectRef="do" />`;

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([]);
  });
});

describe('validation: task implementation', () => {
  it.each([
    ['service task', '<bpmn:serviceTask id="el" />'],
    ['send task', '<bpmn:sendTask id="el" />'],
    ['script task', '<bpmn:scriptTask id="el" />'],
    ['business rule task', '<bpmn:businessRuleTask id="el" />'],
    [
      'message end event',
      '<bpmn:intermediateThrowEvent id="el"><bpmn:messageEventDefinition /></bpmn:intermediateThrowEvent>',
    ],
    [
      'service task with an empty type',
      '<bpmn:serviceTask id="el"><bpmn:extensionElements><zeebe:taskDefinition /></bpmn:extensionElements></bpmn:serviceTask>',
    ],
  ])('should require a task type when a %s has none', async (_label, element) => {
    // given
    const body = around('el', element);

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([
      { elementId: 'el', message: 'Must have a task definition type (zeebe:taskDefinition)' },
    ]);
  });

  it('should require a result variable when a script task has zeebe:script without one', async () => {
    // given
    const body = around(
      'el',
      '<bpmn:scriptTask id="el"><bpmn:extensionElements><zeebe:script expression="=1" /></bpmn:extensionElements></bpmn:scriptTask>',
    );

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([
      { elementId: 'el', message: 'Must have a result variable (zeebe:script resultVariable)' },
    ]);
  });

  it('should require a called process id when a call activity has none', async () => {
    // given
    const body = around('el', '<bpmn:callActivity id="el" />');

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([
      { elementId: 'el', message: 'Must have the id of the process to call (zeebe:calledElement processId)' },
    ]);
  });

  it('should report binding problems when a call activity binds to an unknown type or a missing version tag', async () => {
    // given
    const body = `<bpmn:startEvent id="start" />
      <bpmn:callActivity id="a"><bpmn:extensionElements><zeebe:calledElement processId="c" bindingType="newest" /></bpmn:extensionElements></bpmn:callActivity>
      <bpmn:callActivity id="b"><bpmn:extensionElements><zeebe:calledElement processId="c" bindingType="versionTag" /></bpmn:extensionElements></bpmn:callActivity>
      <bpmn:endEvent id="end" />${flow('start', 'a')}${flow('a', 'b')}${flow('b', 'end')}`;

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([
      { elementId: 'a', message: "Binding type 'newest' must be one of latest, deployment or versionTag" },
      {
        elementId: 'b',
        message:
          "Must have a version tag (zeebe:calledElement versionTag) when the binding type is 'versionTag'",
      },
    ]);
  });

  it('should report multi-instance problems when the input collection is missing and outputs are half-defined', async () => {
    // given
    const body = around(
      'el',
      serviceTask(
        'el',
        `<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements>
      <zeebe:loopCharacteristics outputCollection="results" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>`,
      ),
    );

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([
      {
        elementId: 'el',
        message:
          'A multi-instance activity must have an input collection (zeebe:loopCharacteristics inputCollection)',
      },
      {
        elementId: 'el',
        message: 'A multi-instance activity must define both outputCollection and outputElement, or neither',
      },
    ]);
  });

  it('should require FEEL when an input collection is a static value', async () => {
    // given
    const body = around(
      'el',
      serviceTask(
        'el',
        `<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements>
      <zeebe:loopCharacteristics inputCollection="items" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>`,
      ),
    );

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([
      {
        elementId: 'el',
        message:
          "The input collection must be a FEEL expression starting with '=', but is the static value 'items'",
      },
    ]);
  });

  it('should report listener event types when they are unknown', async () => {
    // given
    const body = around(
      'el',
      `<bpmn:userTask id="el"><bpmn:extensionElements><zeebe:userTask />
      <zeebe:executionListeners><zeebe:executionListener eventType="begin" type="a" /></zeebe:executionListeners>
      <zeebe:taskListeners><zeebe:taskListener eventType="deleting" type="b" /></zeebe:taskListeners>
    </bpmn:extensionElements></bpmn:userTask>`,
    );

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([
      { elementId: 'el', message: "Execution listener event type 'begin' must be 'start' or 'end'" },
      {
        elementId: 'el',
        message:
          "Task listener event type 'deleting' must be one of creating, assigning, updating, completing or canceling",
      },
    ]);
  });

  it('should require a target when an input mapping has none', async () => {
    // given
    const body = around(
      'el',
      serviceTask('el').replace(
        '</bpmn:extensionElements>',
        '<zeebe:ioMapping><zeebe:input source="=a" /></zeebe:ioMapping></bpmn:extensionElements>',
      ),
    );

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([
      { elementId: 'el', message: 'Every input/output mapping must have a target variable' },
    ]);
  });
});
