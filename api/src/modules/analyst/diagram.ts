/**
 * The diagram of a dossier's process for highlighting: the root instance's definition XML with its completed
 * and active elements and taken flows. Called child instances are left out: their elements belong to another
 * definition's XML (the per-instance view is GET /dossiers/:code/instance).
 */
import { Type } from 'typebox';
import type { WorkflowEngine } from '@motcua/engine';
import { ProblemError } from '../../plugins/errors.js';

export const DiagramAnswer = Type.Object({
  xml: Type.String({ description: 'BPMN 2.0 XML of the version the dossier runs on' }),
  completedElements: Type.Array(Type.String()),
  activeElements: Type.Array(Type.String()),
  takenFlows: Type.Array(Type.String()),
});

/** 404 for a dossier whose process instance was never started. */
export function noDiagram(code: string): ProblemError {
  return new ProblemError(
    404,
    `Hồ sơ ${code} chưa có quy trình xử lý để hiển thị.`,
    `Dossier ${code} has no process instance.`,
    { code: 'NO_PROCESS_INSTANCE' },
  );
}

/** Builds the diagram answer of the root process instance `processInstanceKey`. */
export async function instanceDiagram(engine: WorkflowEngine, processInstanceKey: string) {
  const [instance, elements, takenFlows] = await Promise.all([
    engine.getProcessInstance(processInstanceKey),
    engine.searchElementInstances(processInstanceKey),
    engine.getTakenSequenceFlows(processInstanceKey),
  ]);
  const xml = await engine.getProcessDefinitionXml(instance.processDefinitionKey);
  const own = elements.filter(
    (e) => e.processInstanceKey === processInstanceKey && e.elementId !== instance.bpmnProcessId,
  );
  const ids = (done: boolean) => [
    ...new Set(own.filter((e) => (e.endDate !== undefined) === done).map((e) => e.elementId)),
  ];
  return {
    xml,
    completedElements: ids(true),
    activeElements: ids(false),
    takenFlows: [...new Set(takenFlows)],
  };
}
