/** BPMN models of the contract scenarios, each with a fresh process id and job types. */
import { bpmn, flow, serviceTask, uniqueId } from '../../engine/test/harness';

/** A model and the names a scenario needs. */
export interface Model {
  id: string;
  xml: string;
  /** Job type of the main service task. */
  type: string;
  /** Job type of the task after a caught error. */
  afterType: string;
  /** Message name, when the model waits for one. */
  message: string;
}

function names(prefix: string): Omit<Model, 'xml'> {
  const id = uniqueId(prefix);
  return { id, type: `${id}-work`, afterType: `${id}-after`, message: `${id}-paid` };
}

/** start -> service task -> end. */
export function serviceModel(): Model {
  const n = names('svc');
  const body = `<bpmn:startEvent id="start" />${flow('f1', 'start', 'work')}${serviceTask('work', n.type)}${flow('f2', 'work', 'end')}<bpmn:endEvent id="end" />`;
  return { ...n, xml: bpmn(n.id, body) };
}

/** start -> service task (error boundary REJECTED -> service task "after") -> end. */
export function errorModel(): Model {
  const n = names('err');
  const body = `<bpmn:startEvent id="start" />${flow('f1', 'start', 'work')}${serviceTask('work', n.type)}${flow('f2', 'work', 'end')}<bpmn:endEvent id="end" />
    <bpmn:boundaryEvent id="caught" attachedToRef="work"><bpmn:errorEventDefinition errorRef="errRejected" /></bpmn:boundaryEvent>
    ${flow('f3', 'caught', 'after')}${serviceTask('after', n.afterType)}${flow('f4', 'after', 'handled')}<bpmn:endEvent id="handled" />`;
  return { ...n, xml: bpmn(n.id, body, '<bpmn:error id="errRejected" errorCode="REJECTED" />') };
}

/** start -> message catch (correlation key = orderId) -> end. */
export function messageModel(): Model {
  const n = names('msg');
  const body = `<bpmn:startEvent id="start" />${flow('f1', 'start', 'wait')}<bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>${flow('f2', 'wait', 'end')}<bpmn:endEvent id="end" />`;
  const message = `<bpmn:message id="m" name="${n.message}"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements></bpmn:message>`;
  return { ...n, xml: bpmn(n.id, body, message) };
}

/** start -> timer PT1H -> end. */
export function timerModel(): Model {
  const n = names('tmr');
  const body = `<bpmn:startEvent id="start" />${flow('f1', 'start', 'wait')}<bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>${flow('f2', 'wait', 'end')}<bpmn:endEvent id="end" />`;
  return { ...n, xml: bpmn(n.id, body) };
}

/** start -> Camunda user task (candidate group "officers") -> end. */
export function userTaskModel(): Model {
  const n = names('usr');
  const body = `<bpmn:startEvent id="start" />${flow('f1', 'start', 'review')}<bpmn:userTask id="review" name="Review"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="officers" /></bpmn:extensionElements></bpmn:userTask>${flow('f2', 'review', 'end')}<bpmn:endEvent id="end" />`;
  return { ...n, xml: bpmn(n.id, body) };
}

/** start -> end. */
export function straightModel(): Model {
  const n = names('str');
  return {
    ...n,
    xml: bpmn(n.id, `<bpmn:startEvent id="start" />${flow('f1', 'start', 'end')}<bpmn:endEvent id="end" />`),
  };
}
