import {
  around,
  definitionsXml,
  elementOf,
  flow,
  parseValid,
  processXml,
  serviceTask,
} from './bpmn-xml.fixture.js';
import { parseBpmn } from './parse.js';

describe('parseBpmn: documents', () => {
  it('should produce one process per executable pool when a collaboration has pools', async () => {
    // given
    const xml = definitionsXml(`
      <bpmn:collaboration id="c">
        <bpmn:participant id="p1" processRef="citizen" /><bpmn:participant id="p2" processRef="office" /><bpmn:participant id="p3" processRef="notes" />
      </bpmn:collaboration>
      <bpmn:process id="citizen" name="Citizen" isExecutable="true"><bpmn:startEvent id="s1" /><bpmn:endEvent id="e1" />${flow('s1', 'e1')}</bpmn:process>
      <bpmn:process id="office" isExecutable="true"><bpmn:startEvent id="s2" /><bpmn:endEvent id="e2" />${flow('s2', 'e2')}</bpmn:process>
      <bpmn:process id="notes" isExecutable="false"><bpmn:startEvent id="s3" /></bpmn:process>`);

    // when
    const result = await parseBpmn(xml);

    // then
    expect(result.problems).toEqual([]);
    expect(result.processes.map((process) => [process.bpmnProcessId, process.name])).toEqual([
      ['citizen', 'Citizen'],
      ['office', undefined],
    ]);
  });

  it('should report a problem when no process is executable', async () => {
    // given
    const xml = definitionsXml('<bpmn:process id="draft"><bpmn:startEvent id="s" /></bpmn:process>');

    // when
    const result = await parseBpmn(xml, { resourceName: 'draft.bpmn' });

    // then
    expect(result.processes).toEqual([]);
    expect(result.problems).toEqual([
      { message: `Resource 'draft.bpmn' must contain at least one executable process (isExecutable="true")` },
    ]);
  });

  it('should deep-freeze the graph when parsing succeeds', async () => {
    // given
    const xml = processXml(around('work', serviceTask('work')));

    // when
    const result = await parseBpmn(xml);

    // then
    const process = result.processes[0];
    const work = process?.elements.get('work');
    expect(Object.isFrozen(result)).toBe(true);
    expect(Object.isFrozen(process)).toBe(true);
    expect(Object.isFrozen(work)).toBe(true);
    expect(Object.isFrozen(work?.incoming)).toBe(true);
    expect(Object.isFrozen(work?.job?.type)).toBe(true);
    expect(Object.isFrozen(process?.flows.get('start_work'))).toBe(true);
    expect(() => (work?.incoming as string[]).push('x')).toThrow(TypeError);
  });

  it('should turn moddle warnings into problems with the element id when the XML has unknown content', async () => {
    // given
    const xml = processXml(`
      <bpmn:startEvent id="start" colour="red" />
      <bpmn:exclusiveGateway id="gw" default="missing-flow" />
      <bpmn:endEvent id="end" />${flow('start', 'gw')}${flow('gw', 'end')}`);

    // when
    const result = await parseBpmn(xml);

    // then
    expect(result.processes).toEqual([]);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { elementId: 'start', message: 'unknown attribute <colour>' },
        { elementId: 'gw', message: 'unresolved reference <missing-flow>' },
      ]),
    );
  });

  it('should report a problem instead of throwing when the XML is not well-formed', async () => {
    // given
    const xml =
      '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p">';

    // when
    const result = await parseBpmn(xml, { resourceName: 'broken.bpmn' });

    // then
    expect(result.processes).toEqual([]);
    expect(result.problems[0]?.message).toMatch(
      /^Resource 'broken.bpmn' is not a readable BPMN 2.0 document: /,
    );
  });
});

describe('parseBpmn: Camunda Modeler exports', () => {
  it('should accept a modeler export when it has diagram data and modeler attributes', async () => {
    // given
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0"
  id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.38.0"
  modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <bpmn:process id="dang-ky-ho-kinh-doanh" name="Đăng ký hộ kinh doanh" isExecutable="true">
    <bpmn:extensionElements><zeebe:versionTag value="v1" /></bpmn:extensionElements>
    <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:endEvent id="EndEvent_1"><bpmn:incoming>Flow_1</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="EndEvent_1" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="dang-ky-ho-kinh-doanh">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="EndEvent_1_di" bpmnElement="EndEvent_1"><dc:Bounds x="200" y="100" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;

    // when
    const process = await parseValid(xml);

    // then
    expect(process).toMatchObject({
      bpmnProcessId: 'dang-ky-ho-kinh-doanh',
      name: 'Đăng ký hộ kinh doanh',
      versionTag: 'v1',
    });
    expect(elementOf(process, 'StartEvent_1').outgoing).toEqual(['Flow_1']);
    expect(elementOf(process, 'EndEvent_1').incoming).toEqual(['Flow_1']);
  });
});
