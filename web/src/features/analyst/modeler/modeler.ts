/**
 * Everything bpmn-js: the Modeler with the Camunda 8 properties panel (zeebe moddle) and @camunda/linting
 * (camunda-compat rules chosen from the diagram's executionPlatformVersion, 8.8 for our models), loaded in
 * one lazy chunk. Findings, from the live linter or from the API at deploy, are shown on the elements.
 */
import Modeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  ZeebePropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { Linter, type LintReport } from '@camunda/linting';
import lintingModule from '@camunda/linting/modeler';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import '@camunda/linting/assets/linting.css';
import type { Finding } from '../../../api/types';

/** The handle the page keeps. */
export interface ModelerHandle {
  saveXml(): Promise<string>;
  showFindings(findings: Finding[]): void;
  select(elementId: string): void;
  destroy(): void;
}

type Linting = { setErrors(r: LintReport[]): void; activate(): void };
type EventBus = { on(event: string, cb: () => void): void };

/** Builds the modeler in `container` with its properties panel in `panel`; `onLint` gets every lint run. */
export async function createModeler(
  container: HTMLElement,
  panel: HTMLElement,
  xml: string,
  onLint: (f: Finding[]) => void,
): Promise<ModelerHandle> {
  const modeler = new Modeler({
    container,
    propertiesPanel: { parent: panel },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      ZeebePropertiesProviderModule,
      lintingModule,
    ],
    moddleExtensions: { zeebe },
  });
  const linter = new Linter({ modeler: 'web', type: 'cloud' });
  const linting = modeler.get<Linting>('linting');
  await modeler.importXML(xml);
  linting.activate();

  let timer: ReturnType<typeof setTimeout> | undefined;
  const lint = async () => {
    const reports = await linter.lint(modeler.getDefinitions());
    linting.setErrors(reports);
    onLint(
      reports.map((r) => ({ elementId: r.id, rule: r.rule ?? '', category: r.category, message: r.message })),
    );
  };
  modeler.get<EventBus>('eventBus').on('commandStack.changed', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void lint(), 300);
  });
  await lint();
  modeler.get<{ zoom(l: string): void }>('canvas').zoom('fit-viewport');

  return {
    async saveXml() {
      const { xml: out } = await modeler.saveXML({ format: true });
      return out ?? '';
    },
    showFindings(findings) {
      linting.setErrors(
        findings
          .filter((f) => f.elementId)
          .map((f) => ({ id: f.elementId ?? '', message: f.message, category: f.category, rule: f.rule })),
      );
    },
    select(elementId) {
      const element = modeler.get<{ get(id: string): unknown }>('elementRegistry').get(elementId);
      if (element) modeler.get<{ select(e: unknown): void }>('selection').select(element);
    },
    destroy() {
      clearTimeout(timer);
      modeler.destroy();
    },
  };
}
