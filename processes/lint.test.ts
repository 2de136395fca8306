// Lints every BPMN model under processes/ with bpmnlint (recommended + Camunda 8.8 compatibility) and checks the
// consistency of the procedure packages: forms, procedure.json, call activities and the job type vocabulary.
import fs from 'node:fs';
import path from 'node:path';
import BpmnModdle from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import NodeResolver from 'bpmnlint/lib/resolver/node-resolver';

const PROCESSES_DIR = __dirname;
const ROOT_DIR = path.resolve(__dirname, '..');
const SHARED_DIR = '_shared';

const LINT_CONFIG = {
  extends: ['bpmnlint:recommended', 'plugin:camunda-compat/camunda-cloud-8-8'],
};

// Rules are loaded with Node's own require, outside Jest's module registry: some camunda-compat rules depend on
// ESM-only packages (e.g. @bpmn-io/feel-analyzer) that Node >= 20.19 loads natively (require(esm)) but that
// Jest does not transform. Jest replaces the `module` builtin inside tests, so take the real one from the process.
const nodeModule = process.getBuiltinModule('node:module');
const nativeRequire = nodeModule.createRequire(path.join(ROOT_DIR, 'package.json'));

const FEEL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function walk(dir: string, accept: (file: string) => boolean): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...walk(full, accept));
    else if (accept(full)) found.push(full);
  }
  return found.sort();
}

function rel(file: string): string {
  return path.relative(PROCESSES_DIR, file);
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
}

function readSchema(relativePath: string): JsonObject {
  const schema = readJson(path.join(ROOT_DIR, 'node_modules', relativePath));
  if (!isObject(schema)) throw new Error(`moddle schema ${relativePath} is not an object`);
  return schema;
}

function matchAll(text: string, pattern: RegExp): string[] {
  return Array.from(text.matchAll(pattern), (m) => m[1] ?? '');
}

const bpmnFiles = walk(PROCESSES_DIR, (f) => f.endsWith('.bpmn'));
const formFiles = walk(PROCESSES_DIR, (f) => f.endsWith('.form'));
const packageDirs = fs
  .readdirSync(PROCESSES_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== SHARED_DIR && !e.name.startsWith('.'))
  .map((e) => e.name)
  .sort();
const bpmnSources = new Map(bpmnFiles.map((f) => [f, fs.readFileSync(f, 'utf8')]));

const zeebeSchema = readSchema('zeebe-bpmn-moddle/resources/zeebe.json');
const modelerSchema = readSchema('modeler-moddle/resources/modeler.json');

async function lintModel(xml: string): Promise<string[]> {
  const moddle = new BpmnModdle({ zeebe: zeebeSchema, modeler: modelerSchema });
  const { rootElement, warnings } = await moddle.fromXML(xml);
  const problems = warnings.map((w) => `(import) [bpmn-moddle] ${w.message}`);
  // A fresh linter per model: some bpmnlint rules keep state between lint() calls.
  const linter = new Linter({ config: LINT_CONFIG, resolver: new NodeResolver({ require: nativeRequire }) });
  const results = await linter.lint(rootElement);
  for (const [rule, reports] of Object.entries(results)) {
    for (const report of reports) {
      problems.push(`${report.id ?? '(definitions)'} [${rule}] ${report.category}: ${report.message}`);
    }
  }
  return problems;
}

function processIds(): Set<string> {
  const ids = new Set<string>();
  for (const xml of bpmnSources.values()) {
    for (const id of matchAll(xml, /<bpmn:process\s+id="([^"]+)"/g)) ids.add(id);
  }
  return ids;
}

function formIds(): Map<string, string> {
  const ids = new Map<string, string>();
  for (const file of formFiles) {
    const form = readJson(file);
    if (isObject(form) && typeof form.id === 'string') ids.set(form.id, file);
  }
  return ids;
}

function documentedJobTypes(): Set<string> {
  const readme = fs.readFileSync(path.join(PROCESSES_DIR, 'README.md'), 'utf8');
  return new Set(matchAll(readme, /^\|\s*`([a-z0-9.-]+)`/gm));
}

describe('BPMN models under processes/', () => {
  it('finds the shared call activities and the ten key services', () => {
    expect(bpmnFiles.map(rel)).toEqual(
      expect.arrayContaining([
        '_shared/completeness-check.bpmn',
        '_shared/apology.bpmn',
        '_shared/result-return.bpmn',
      ]),
    );
    expect(packageDirs.length).toBeGreaterThanOrEqual(10);
  });

  it.each(bpmnFiles.map((f) => [rel(f), f]))(
    '%s passes bpmnlint:recommended and camunda-compat/camunda-cloud-8-8',
    async (_name, file) => {
      const problems = await lintModel(bpmnSources.get(file) ?? '');
      expect(problems).toEqual([]);
    },
  );

  it('declares the Camunda 8.8 execution platform and the zeebe namespace', () => {
    for (const [file, xml] of bpmnSources) {
      expect({ file: rel(file), ok: xml.includes('modeler:executionPlatform="Camunda Cloud"') }).toEqual({
        file: rel(file),
        ok: true,
      });
      expect(xml).toContain('modeler:executionPlatformVersion="8.8.0"');
      expect(xml).toContain('xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"');
      expect(xml).toContain('<bpmndi:BPMNDiagram');
    }
  });

  it('calls only processes that exist under processes/', () => {
    const known = processIds();
    const missing: string[] = [];
    for (const [file, xml] of bpmnSources) {
      for (const id of matchAll(xml, /<zeebe:calledElement[^>]*processId="([^"]+)"/g)) {
        if (!known.has(id)) missing.push(`${rel(file)}: ${id}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('references only forms that exist', () => {
    const known = formIds();
    const missing: string[] = [];
    for (const [file, xml] of bpmnSources) {
      for (const id of matchAll(xml, /<zeebe:formDefinition[^>]*formId="([^"]+)"/g)) {
        if (!known.has(id)) missing.push(`${rel(file)}: ${id}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('uses only job types documented in processes/README.md and national status codes 1-10', () => {
    const documented = documentedJobTypes();
    const problems: string[] = [];
    for (const [file, xml] of bpmnSources) {
      const types = [
        ...matchAll(xml, /<zeebe:taskDefinition[^>]*type="([^"]+)"/g),
        ...matchAll(xml, /<zeebe:executionListener[^>]*type="([^"]+)"/g),
      ];
      for (const type of types) {
        const status = /^dossier\.status\.(\d+)$/.exec(type);
        if (status) {
          const code = Number(status[1]);
          if (code < 1 || code > 10) problems.push(`${rel(file)}: status code ${code} outside 1-10`);
        } else if (!documented.has(type)) {
          problems.push(`${rel(file)}: job type ${type} is not in the README vocabulary`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('forms under processes/', () => {
  it.each(formFiles.map((f) => [rel(f), f]))('%s is a valid form-js schema', (_name, file) => {
    const form = readJson(file);
    expect(isObject(form)).toBe(true);
    if (!isObject(form)) return;
    expect(form.type).toBe('default');
    expect(typeof form.id).toBe('string');
    expect(String(form.id)).toMatch(/^motcua-[a-z0-9-]+$/);
    expect(typeof form.schemaVersion).toBe('number');
    expect(Number(form.schemaVersion)).toBeGreaterThanOrEqual(16);
    expect(Array.isArray(form.components)).toBe(true);
    const components = Array.isArray(form.components) ? (form.components as unknown[]) : [];
    expect(components.length).toBeGreaterThan(0);
    const componentIds = new Set<string>();
    const keys = new Set<string>();
    for (const component of components) {
      expect(isObject(component)).toBe(true);
      if (!isObject(component)) continue;
      expect(typeof component.type).toBe('string');
      expect(typeof component.id).toBe('string');
      const id = String(component.id);
      expect(componentIds.has(id)).toBe(false);
      componentIds.add(id);
      if (component.key !== undefined) {
        const key = String(component.key);
        expect(key).toMatch(FEEL_NAME);
        expect(keys.has(key)).toBe(false);
        keys.add(key);
        expect(typeof component.label === 'string' || typeof component.dateLabel === 'string').toBe(true);
      }
      if (isObject(component.validate) && typeof component.validate.pattern === 'string') {
        expect(() => new RegExp(String(component.validate.pattern))).not.toThrow();
      }
    }
  });

  it('has unique form ids', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const file of formFiles) {
      const form = readJson(file);
      if (!isObject(form)) continue;
      const id = String(form.id);
      const previous = seen.get(id);
      if (previous) duplicates.push(`${id}: ${rel(previous)} and ${rel(file)}`);
      seen.set(id, file);
    }
    expect(duplicates).toEqual([]);
  });
});

const REQUIRED_PROCEDURE_KEYS = [
  'id',
  'codes',
  'name',
  'field',
  'agency',
  'level',
  'decree42Classification',
  'channels',
  'requiredDocuments',
  'fees',
  'timeLimits',
  'legalBasis',
  'variants',
  'forms',
];

describe('procedure packages', () => {
  it.each(packageDirs)('%s has process.bpmn, README.md, procedure.json and forms', (dir) => {
    for (const name of ['process.bpmn', 'README.md', 'procedure.json', 'forms']) {
      expect({ dir, name, exists: fs.existsSync(path.join(PROCESSES_DIR, dir, name)) }).toEqual({
        dir,
        name,
        exists: true,
      });
    }
  });

  it.each(packageDirs)('%s/procedure.json has the required keys and consistent references', (dir) => {
    const procedure = readJson(path.join(PROCESSES_DIR, dir, 'procedure.json'));
    expect(isObject(procedure)).toBe(true);
    if (!isObject(procedure)) return;
    const missingKeys = REQUIRED_PROCEDURE_KEYS.filter((key) => !(key in procedure));
    expect(missingKeys).toEqual([]);
    expect(procedure.id).toBe(dir);

    const name = procedure.name;
    expect(isObject(name) && typeof name.vi === 'string' && typeof name.en === 'string').toBe(true);
    const codes = procedure.codes;
    expect(isObject(codes) && 'national' in codes && typeof codes.local === 'string').toBe(true);
    const agency = procedure.agency;
    expect(isObject(agency) && Array.isArray(agency['2013']) && isObject(agency['2025'])).toBe(true);
    const level = procedure.level;
    expect(isObject(level) && typeof level.reached === 'number' && typeof level.targeted === 'number').toBe(true);
    expect(['toàn trình', 'một phần']).toContain(procedure.decree42Classification);

    const known = processIds();
    const variants = Array.isArray(procedure.variants) ? (procedure.variants as unknown[]) : [];
    expect(variants.length).toBeGreaterThan(0);
    for (const variant of variants) {
      expect(isObject(variant)).toBe(true);
      if (!isObject(variant)) continue;
      expect(typeof variant.key).toBe('string');
      expect(known.has(String(variant.bpmnProcessId))).toBe(true);
    }

    const forms = procedure.forms;
    expect(isObject(forms)).toBe(true);
    const knownForms = formIds();
    if (isObject(forms)) {
      const listed = [forms.application, ...(Array.isArray(forms.steps) ? (forms.steps as unknown[]) : [])];
      for (const formId of listed) {
        expect({ formId, exists: knownForms.has(String(formId)) }).toEqual({ formId, exists: true });
      }
    }
  });
});
