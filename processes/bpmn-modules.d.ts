// Minimal type declarations for the untyped BPMN tooling used by the process tests.

declare module 'bpmn-moddle' {
  export interface ModdleElement {
    $type: string;
    id?: string;
    [key: string]: unknown;
  }

  export interface ParseResult {
    rootElement: ModdleElement;
    warnings: { message: string }[];
  }

  export default class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<ParseResult>;
  }
}

declare module 'bpmnlint' {
  import type { ModdleElement } from 'bpmn-moddle';

  export interface LintConfig {
    extends?: string | string[];
    rules?: Record<string, string | number>;
  }

  export interface LintReport {
    id?: string;
    message: string;
    category: string;
  }

  export interface LinterOptions {
    config?: LintConfig;
    resolver: object;
  }

  export class Linter {
    constructor(options: LinterOptions);
    lint(definitions: ModdleElement): Promise<Record<string, LintReport[]>>;
  }
}

declare module 'bpmnlint/lib/resolver/node-resolver' {
  export default class NodeResolver {
    constructor(options?: { require?: NodeJS.Require; requireLocal?: NodeJS.Require });
  }
}
