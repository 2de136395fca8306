/** Declarations for the modelling libraries that ship without TypeScript types (only what the app uses). */
declare module 'bpmn-js-properties-panel' {
  type ModuleDeclaration = import('didi').ModuleDeclaration;
  export const BpmnPropertiesPanelModule: ModuleDeclaration;
  export const BpmnPropertiesProviderModule: ModuleDeclaration;
  export const ZeebePropertiesProviderModule: ModuleDeclaration;
}
declare module 'zeebe-bpmn-moddle/resources/zeebe.json' {
  const descriptor: Record<string, unknown>;
  export default descriptor;
}
declare module '@camunda/linting' {
  /** One lint finding, as the Camunda modelers show it. */
  export interface LintReport {
    id: string;
    name?: string;
    message: string;
    category: string;
    rule?: string;
  }
  export class Linter {
    constructor(options?: { modeler?: 'desktop' | 'web'; type?: 'cloud' | 'platform' });
    lint(contents: unknown): Promise<LintReport[]>;
  }
}
declare module '@camunda/linting/modeler' {
  const lintingModule: import('didi').ModuleDeclaration;
  export default lintingModule;
}
declare module '*.css';
