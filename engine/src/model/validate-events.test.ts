import { around, flow, serviceTask, problemsOf, timer } from './bpmn-xml.fixture.js';

describe('validation: events', () => {
  it('should require a message name and a correlation key when an intermediate catch event waits for a message', async () => {
    // given
    const body = `<bpmn:startEvent id="start" />
      <bpmn:intermediateCatchEvent id="no-ref"><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>
      <bpmn:intermediateCatchEvent id="no-key"><bpmn:messageEventDefinition messageRef="plain" /></bpmn:intermediateCatchEvent>
      <bpmn:endEvent id="end" />${flow('start', 'no-ref')}${flow('no-ref', 'no-key')}${flow('no-key', 'end')}`;

    // when
    const problems = await problemsOf(body, '<bpmn:message id="plain" name="reply" />');

    // then
    expect(problems).toEqual([
      { elementId: 'no-ref', message: 'Must reference a message with a name' },
      {
        elementId: 'no-ref',
        message: "Must have a correlation key (zeebe:subscription correlationKey on message '')",
      },
      {
        elementId: 'no-key',
        message: "Must have a correlation key (zeebe:subscription correlationKey on message 'reply')",
      },
    ]);
  });

  it('should require a correlation key when a receive task or a boundary event waits for a message', async () => {
    // given
    const body = `${around('wait', '<bpmn:receiveTask id="wait" messageRef="plain" />')}
      <bpmn:boundaryEvent id="b" attachedToRef="wait"><bpmn:messageEventDefinition messageRef="plain" /></bpmn:boundaryEvent>${flow('b', 'end')}`;

    // when
    const problems = await problemsOf(body, '<bpmn:message id="plain" name="reply" />');

    // then
    expect(problems.map((problem) => problem.elementId)).toEqual(['wait', 'b']);
  });

  it('should not require a correlation key when a message starts the process', async () => {
    // given
    const body = `<bpmn:startEvent id="start"><bpmn:messageEventDefinition messageRef="plain" /></bpmn:startEvent><bpmn:endEvent id="end" />${flow('start', 'end')}`;

    // when
    const problems = await problemsOf(body, '<bpmn:message id="plain" name="submitted" />');

    // then
    expect(problems).toEqual([]);
  });

  it('should reject duplicate names when two message start events share one', async () => {
    // given
    const body = `<bpmn:startEvent id="a"><bpmn:messageEventDefinition messageRef="m1" /></bpmn:startEvent>
      <bpmn:startEvent id="b"><bpmn:messageEventDefinition messageRef="m2" /></bpmn:startEvent><bpmn:endEvent id="end" />${flow('a', 'end')}${flow('b', 'end')}`;

    // when
    const problems = await problemsOf(
      body,
      '<bpmn:message id="m1" name="submitted" /><bpmn:message id="m2" name="submitted" />',
    );

    // then
    expect(problems).toEqual([
      {
        elementId: 'b',
        message: "Multiple message start events must not share the message name 'submitted'",
      },
    ]);
  });

  it('should require a timer value when a timer event has none', async () => {
    // given
    const body = around(
      'el',
      '<bpmn:intermediateCatchEvent id="el"><bpmn:timerEventDefinition /></bpmn:intermediateCatchEvent>',
    );

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([
      { elementId: 'el', message: 'Must have a timer value (timeDuration, timeDate or timeCycle)' },
    ]);
  });

  it.each([
    [
      'timeDuration',
      'PT-1H',
      "Invalid timer duration: 'PT-1H' is not an ISO 8601 duration (e.g. PT15M, P2D)",
    ],
    [
      'timeDuration',
      '2 hours',
      "Invalid timer duration: '2 hours' is not an ISO 8601 duration (e.g. PT15M, P2D)",
    ],
    [
      'timeDate',
      '2025-13-45',
      "Invalid timer date: '2025-13-45' is not an ISO 8601 date-time with offset (e.g. 2025-01-31T17:00:00+07:00)",
    ],
  ])('should reject a malformed static %s when its value is %s', async (type, value, message) => {
    // given
    const body = around(
      'el',
      `<bpmn:intermediateCatchEvent id="el">${timer(type, value)}</bpmn:intermediateCatchEvent>`,
    );

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([{ elementId: 'el', message }]);
  });

  it('should reject a malformed static cycle when a non-interrupting boundary timer repeats', async () => {
    // given
    const body = `${around('work', serviceTask('work'))}
      <bpmn:boundaryEvent id="el" attachedToRef="work" cancelActivity="false">${timer('timeCycle', 'every day')}</bpmn:boundaryEvent>${flow('el', 'end')}`;

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([
      {
        elementId: 'el',
        message:
          "Invalid timer cycle: 'every day' is not an ISO 8601 repeating interval (e.g. R3/PT10M) or a cron expression (e.g. 0 0 9 * * MON-FRI)",
      },
    ]);
  });

  it.each([
    ['timeDuration', 'P1DT2H30M'],
    ['timeDuration', 'P2W'],
    ['timeDuration', 'PT0.5S'],
    ['timeDuration', '=slaDuration'],
    ['timeDate', '2030-01-01T08:00:00Z'],
    ['timeDate', '2030-01-01T08:00+07:00[Asia/Ho_Chi_Minh]'],
  ])('should accept the %s %s when it is well-formed', async (type, value) => {
    // given
    const body = around(
      'el',
      `<bpmn:intermediateCatchEvent id="el">${timer(type, value)}</bpmn:intermediateCatchEvent>`,
    );

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([]);
  });

  it.each(['R/P1D', 'R5/PT10S', 'R3/2030-04-27T17:20:00Z/P1D', '0 0 9-17 * * MON-FRI', '@daily'])(
    'should accept the cycle %s when a timer starts the process',
    async (value) => {
      // given
      const body = `<bpmn:startEvent id="start">${timer('timeCycle', value)}</bpmn:startEvent><bpmn:endEvent id="end" />${flow('start', 'end')}`;

      // when
      const problems = await problemsOf(body);

      // then
      expect(problems).toEqual([]);
    },
  );

  it('should reject a timer type when the position does not allow it', async () => {
    // given
    const body = `<bpmn:startEvent id="start">${timer('timeDuration', 'PT1H')}</bpmn:startEvent>
      <bpmn:intermediateCatchEvent id="wait">${timer('timeCycle', 'R/PT1H')}</bpmn:intermediateCatchEvent>
      <bpmn:endEvent id="end" />${flow('start', 'wait')}${flow('wait', 'end')}`;

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([
      { elementId: 'start', message: 'A timer duration is not allowed here; use date or cycle' },
      { elementId: 'wait', message: 'A timer cycle is not allowed here; use duration or date' },
    ]);
  });

  it('should reject an event kind when the position does not support it', async () => {
    // given
    const body = `<bpmn:startEvent id="start" /><bpmn:intermediateCatchEvent id="catch-error"><bpmn:errorEventDefinition /></bpmn:intermediateCatchEvent>
      <bpmn:endEvent id="end">${timer('timeDuration', 'PT1H')}</bpmn:endEvent>${flow('start', 'catch-error')}${flow('catch-error', 'end')}`;

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual(
      expect.arrayContaining([
        { elementId: 'catch-error', message: 'An error event is not supported as intermediate catch event' },
        { elementId: 'end', message: 'A timer event is not supported as end event' },
      ]),
    );
  });

  it('should require codes and names when error, escalation and signal events lack them', async () => {
    // given
    const body = `<bpmn:startEvent id="start" />${serviceTask('work')}
      <bpmn:intermediateThrowEvent id="escalate"><bpmn:escalationEventDefinition /></bpmn:intermediateThrowEvent>
      <bpmn:intermediateThrowEvent id="broadcast"><bpmn:signalEventDefinition signalRef="nameless" /></bpmn:intermediateThrowEvent>
      <bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="codeless" /></bpmn:endEvent>
      <bpmn:boundaryEvent id="soft-error" attachedToRef="work" cancelActivity="false"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
      ${flow('start', 'work')}${flow('work', 'escalate')}${flow('escalate', 'broadcast')}${flow('broadcast', 'fail')}${flow('soft-error', 'fail')}`;

    // when
    const problems = await problemsOf(
      body,
      '<bpmn:signal id="nameless" /><bpmn:error id="codeless" name="Rejected" />',
    );

    // then
    expect(problems).toEqual([
      {
        elementId: 'escalate',
        message: 'An escalation throw event must reference an escalation with an escalation code',
      },
      { elementId: 'broadcast', message: 'Must reference a signal with a name' },
      { elementId: 'fail', message: 'An error end event must reference an error with an error code' },
      { elementId: 'soft-error', message: 'An error catch event must be interrupting' },
    ]);
  });

  it('should report link problems when a throw has no catch and two catches share a name', async () => {
    // given
    const body = `<bpmn:startEvent id="start" /><bpmn:intermediateThrowEvent id="go"><bpmn:linkEventDefinition name="nowhere" /></bpmn:intermediateThrowEvent>
      <bpmn:intermediateCatchEvent id="c1"><bpmn:linkEventDefinition name="here" /></bpmn:intermediateCatchEvent>
      <bpmn:intermediateCatchEvent id="c2"><bpmn:linkEventDefinition name="here" /></bpmn:intermediateCatchEvent>
      <bpmn:endEvent id="end" />${flow('start', 'go')}${flow('c1', 'end')}${flow('c2', 'end')}`;

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([
      { elementId: 'go', message: "No link catch event with the link name 'nowhere' in the same scope" },
      {
        elementId: 'c2',
        message: "Multiple link catch events in one scope must not share the link name 'here'",
      },
    ]);
  });
});

describe('validation: event subprocess triggers', () => {
  it('should require a correlation key when a message starts an event subprocess', async () => {
    // given
    const body = `${around('work', serviceTask('work'))}
      <bpmn:subProcess id="esp" triggeredByEvent="true">
        <bpmn:startEvent id="esp-start"><bpmn:messageEventDefinition messageRef="plain" /></bpmn:startEvent>
        <bpmn:endEvent id="esp-end" />${flow('esp-start', 'esp-end')}
      </bpmn:subProcess>`;

    // when
    const problems = await problemsOf(body, '<bpmn:message id="plain" name="withdrawn" />');

    // then
    expect(problems).toEqual([
      {
        elementId: 'esp-start',
        message: "Must have a correlation key (zeebe:subscription correlationKey on message 'withdrawn')",
      },
    ]);
  });

  it('should allow a timer cycle when a non-interrupting event subprocess starts by timer', async () => {
    // given
    const body = `${around('work', serviceTask('work'))}
      <bpmn:subProcess id="esp" triggeredByEvent="true">
        <bpmn:startEvent id="esp-start" isInterrupting="false">${timer('timeCycle', 'R/P1D')}</bpmn:startEvent>
        <bpmn:endEvent id="esp-end" />${flow('esp-start', 'esp-end')}
      </bpmn:subProcess>`;

    // when
    const problems = await problemsOf(body);

    // then
    expect(problems).toEqual([]);
  });
});
