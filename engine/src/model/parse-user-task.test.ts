import { around, elementOf, parseValid, processXml } from './bpmn-xml.fixture.js';

/** A process with one element `el` between start and end. */
function oneElement(element: string, rootElements?: string): string {
  return processXml(around('el', element), { rootElements });
}

describe('parseBpmn: user tasks', () => {
  it('should read assignment, schedule, priority, form and task listeners when a Camunda user task has them', async () => {
    // given
    const xml = oneElement(`<bpmn:userTask id="el"><bpmn:extensionElements>
      <zeebe:userTask />
      <zeebe:assignmentDefinition assignee="=officer" candidateGroups="mot-cua, phong-tu-phap" candidateUsers="=[&quot;an&quot;]" />
      <zeebe:taskSchedule dueDate="=now() + duration(&quot;P3D&quot;)" followUpDate="2030-01-01T08:00:00+07:00" />
      <zeebe:priorityDefinition priority="80" />
      <zeebe:formDefinition formId="tiep-nhan" />
      <zeebe:taskListeners>
        <zeebe:taskListener eventType="assigning" type="notify" />
        <zeebe:taskListener eventType="complete" type="check" retries="1" />
      </zeebe:taskListeners>
    </bpmn:extensionElements></bpmn:userTask>`);

    // when
    const element = elementOf(await parseValid(xml), 'el');

    // then
    expect(element.job).toBeUndefined();
    expect(element.userTask).toEqual({
      camundaUserTask: true,
      assignee: { kind: 'feel', source: 'officer' },
      candidateGroups: { kind: 'static', value: 'mot-cua, phong-tu-phap' },
      candidateUsers: { kind: 'feel', source: '["an"]' },
      dueDate: { kind: 'feel', source: 'now() + duration("P3D")' },
      followUpDate: { kind: 'static', value: '2030-01-01T08:00:00+07:00' },
      priority: { kind: 'static', value: '80' },
      formId: 'tiep-nhan',
      formKey: undefined,
      externalReference: undefined,
      taskListeners: [
        {
          eventType: 'assigning',
          type: { kind: 'static', value: 'notify' },
          retries: { kind: 'static', value: '3' },
        },
        {
          eventType: 'completing',
          type: { kind: 'static', value: 'check' },
          retries: { kind: 'static', value: '1' },
        },
      ],
    });
  });

  it('should read an external form reference when a Camunda user task uses a custom form', async () => {
    // given
    const xml = oneElement(`<bpmn:userTask id="el"><bpmn:extensionElements>
      <zeebe:userTask /><zeebe:formDefinition externalReference="=&quot;/forms/&quot; + kind" />
    </bpmn:extensionElements></bpmn:userTask>`);

    // when
    const element = elementOf(await parseValid(xml), 'el');

    // then
    expect(element.userTask?.externalReference).toEqual({ kind: 'feel', source: '"/forms/" + kind' });
  });

  it('should make a job-based user task with a single retry when zeebe:userTask is absent', async () => {
    // given
    const xml = oneElement(`<bpmn:userTask id="el"><bpmn:extensionElements>
      <zeebe:formDefinition formKey="camunda-forms:bpmn:form1" />
      <zeebe:assignmentDefinition assignee="demo" />
    </bpmn:extensionElements></bpmn:userTask>`);

    // when
    const element = elementOf(await parseValid(xml), 'el');

    // then
    expect(element.job).toEqual({
      type: { kind: 'static', value: 'io.camunda.zeebe:userTask' },
      retries: { kind: 'static', value: '1' },
    });
    expect(element.userTask).toMatchObject({
      camundaUserTask: false,
      formKey: 'camunda-forms:bpmn:form1',
      assignee: { kind: 'static', value: 'demo' },
    });
  });
});
