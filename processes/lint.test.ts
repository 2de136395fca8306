// Lints every BPMN model under processes/ with bpmnlint (recommended + Camunda 8.8 compatibility) and checks the
// consistency of the procedure packages: forms, procedure.json, call activities and the job type vocabulary.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const PROCESSES_DIR = __dirname;
const ROOT_DIR = path.resolve(__dirname, '..');
const SHARED_DIR = '_shared';
/** Scenario driver for the packages (processes/testing/scenario.ts), not a package. */
const TESTING_DIR = 'testing';

// bpmnlint runs in a child Node process (see lint-bpmn.mjs): camunda-compat's FEEL rules need ESM-only packages
// that Node loads natively but Jest's module registry cannot load untransformed.
const LINT_RUNNER = path.join(PROCESSES_DIR, 'lint-bpmn.mjs');

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

function matchAll(text: string, pattern: RegExp): string[] {
  return Array.from(text.matchAll(pattern), (m) => m[1] ?? '');
}

const bpmnFiles = walk(PROCESSES_DIR, (f) => f.endsWith('.bpmn'));
const formFiles = walk(PROCESSES_DIR, (f) => f.endsWith('.form'));
const packageDirs = fs
  .readdirSync(PROCESSES_DIR, { withFileTypes: true })
  .filter(
    (e) => e.isDirectory() && e.name !== SHARED_DIR && e.name !== TESTING_DIR && !e.name.startsWith('.'),
  )
  .map((e) => e.name)
  .sort();
const bpmnSources = new Map(bpmnFiles.map((f) => [f, fs.readFileSync(f, 'utf8')]));

let lintResults: Record<string, string[]> | undefined;

/** Lints all models once (bpmnlint:recommended + camunda-cloud-8-8) and returns problems per absolute path. */
function lintAll(): Record<string, string[]> {
  if (lintResults) return lintResults;
  const run = spawnSync(process.execPath, [LINT_RUNNER, ...bpmnFiles], {
    cwd: ROOT_DIR,
    encoding: 'utf8',
    maxBuffer: 32 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  let parsed: unknown;
  try {
    parsed = JSON.parse(run.stdout) as unknown;
  } catch {
    throw new Error(`lint-bpmn.mjs failed (exit ${String(run.status)}): ${run.stderr}`);
  }
  if (!isObject(parsed)) throw new Error('lint-bpmn.mjs printed no result object');
  const results: Record<string, string[]> = {};
  for (const [file, problems] of Object.entries(parsed)) {
    results[path.resolve(ROOT_DIR, file)] = Array.isArray(problems)
      ? problems.map(String)
      : [String(problems)];
  }
  lintResults = results;
  return results;
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
    (_name, file) => {
      expect(lintAll()[file]).toEqual([]);
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
      const validate = component.validate;
      if (isObject(validate) && typeof validate.pattern === 'string') {
        const pattern = validate.pattern;
        expect(() => new RegExp(pattern)).not.toThrow();
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
  'name',
  'nameEn',
  'nationalCode',
  'localCode',
  'field',
  'agency',
  'serviceLevel',
  'targetLevel',
  'scope',
  'channels',
  'requiredDocuments',
  'fees',
  'processingTime',
  'timeLimits',
  'legalBasis',
  'legalBasisThen',
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

    expect(typeof procedure.name).toBe('string');
    expect(typeof procedure.nameEn).toBe('string');
    expect(procedure.nationalCode === null || typeof procedure.nationalCode === 'string').toBe(true);
    expect(typeof procedure.localCode).toBe('string');
    const agency = procedure.agency;
    expect(
      isObject(agency) &&
        typeof agency.code === 'string' &&
        Array.isArray(agency['2013']) &&
        isObject(agency['2025']),
    ).toBe(true);
    for (const level of [procedure.serviceLevel, procedure.targetLevel]) {
      expect([1, 2, 3, 4]).toContain(level);
    }
    expect(['toàn trình', 'một phần']).toContain(procedure.scope);
    expect(Array.isArray(procedure.channels)).toBe(true);
    expect(Array.isArray(procedure.fees)).toBe(true);
    expect(Array.isArray(procedure.legalBasis)).toBe(true);

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
