// bpmn-moddle 10 ships no typings for its main entry: this shim declares the little the parser uses.
declare module 'bpmn-moddle' {
  /** A non-fatal import warning (unknown element or attribute, unresolved reference, duplicate id). */
  export interface BpmnModdleWarning {
    readonly message: string;
    readonly element?: { readonly id?: string; readonly $type?: string };
    readonly property?: string;
    readonly value?: unknown;
  }

  /** What fromXML resolves with; rootElement is the bpmn:Definitions tree. */
  export interface BpmnModdleImportResult {
    readonly rootElement: unknown;
    readonly warnings: readonly BpmnModdleWarning[];
  }

  /** The moddle instance: a registry of packages (bpmn plus extensions such as zeebe) and an XML reader. */
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(
      xml: string,
      typeName?: string,
      options?: Record<string, unknown>,
    ): Promise<BpmnModdleImportResult>;
  }
}
