/**
 * The scenario environment: one embedded engine with a ControlledClock on a test database, with ALL of processes/
 * (every .bpmn and .form) deployed in one deployment, and the start variables the API passes for a package
 * (processes/README.md §5, built from the package's procedure.json).
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  ControlledClock,
  createEmbeddedEngine,
  type EmbeddedEngine,
  type Resource,
  type Variables,
} from '@motcua/engine/client';
import { testDatabase } from '../../tests/support/database';

export const PROCESSES_DIR = path.resolve(__dirname, '..');

/** Allowed values of the select/radio/checklist fields of a form, by field key. */
export type FormChoices = Map<string, Set<string>>;

export interface DeployedModels {
  /** formKey (engine) -> formId (model) */
  formIdByKey: Map<string, string>;
  choicesByFormId: Map<string, FormChoices>;
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

interface FormComponent {
  key?: string;
  values?: { value: unknown }[];
  components?: FormComponent[];
}

function collectChoices(components: FormComponent[], into: FormChoices): void {
  for (const c of components) {
    if (c.components) collectChoices(c.components, into);
    if (c.key && c.values) into.set(c.key, new Set(c.values.map((v) => String(v.value))));
  }
}

/** Every .bpmn and .form file under processes/, as deployment resources named by their relative path. */
export function processResources(): Resource[] {
  return walk(PROCESSES_DIR, (f) => f.endsWith('.bpmn') || f.endsWith('.form')).map((file) => ({
    name: path.relative(PROCESSES_DIR, file),
    content: fs.readFileSync(file, 'utf8'),
  }));
}

/** Deploys all models and forms in one deployment. */
export async function deployAll(engine: EmbeddedEngine): Promise<DeployedModels> {
  const resources = processResources();
  const deployment = await engine.deployResources(resources);
  const choicesByFormId = new Map<string, FormChoices>();
  for (const r of resources) {
    if (!r.name.endsWith('.form')) continue;
    const schema = JSON.parse(String(r.content)) as { id: string; components: FormComponent[] };
    const choices: FormChoices = new Map();
    collectChoices(schema.components, choices);
    choicesByFormId.set(schema.id, choices);
  }
  return { formIdByKey: new Map(deployment.forms.map((f) => [f.formKey, f.formId])), choicesByFormId };
}

export interface EngineOnClock {
  engine: EmbeddedEngine;
  clock: ControlledClock;
}

/** A Monday morning in Tiền Giang (08:00 +07:00), so working-day arithmetic starts inside office hours. */
export const SCENARIO_EPOCH = Date.parse('2026-03-02T01:00:00Z');

/** An embedded engine with a pinned clock and no background scheduler (tests call tick()). */
export async function startEngine(suite: string): Promise<EngineOnClock> {
  const databaseUrl = await testDatabase(suite);
  const clock = new ControlledClock(SCENARIO_EPOCH);
  const engine = await createEmbeddedEngine({ databaseUrl, clock, startSchedulers: false, poolSize: 5 });
  return { engine, clock };
}

interface ProcedureJson {
  nationalCode: string | null;
  localCode: string;
  agency: { code: string };
  fees: { amountVnd: number | null; timing: string }[];
  variants: { key: string; bpmnProcessId: string; startVariables?: Variables | string[] | null }[];
}

/** The package's procedure.json. */
export function readProcedure(pkg: string): ProcedureJson {
  return JSON.parse(
    fs.readFileSync(path.join(PROCESSES_DIR, pkg, 'procedure.json'), 'utf8'),
  ) as ProcedureJson;
}

let sequence = 0;

/**
 * The start variables of README §5 for a variant of a package: dossierCode, agencyCode, procedureCode, variantKey,
 * channel, deliveryMethod, feeTiming, feeAmount, the variant's startVariables, then the application form fields (flat,
 * and as `formData`, as api/src/modules/dossiers/submit.ts passes them).
 */
export function startVariables(
  pkg: string,
  application: Variables,
  options: { variantKey?: string; channel?: string } = {},
): {
  bpmnProcessId: string;
  variables: Variables;
} {
  const procedure = readProcedure(pkg);
  const variant = procedure.variants.find(
    (v) => v.key === (options.variantKey ?? procedure.variants[0]!.key),
  );
  if (!variant) throw new Error(`${pkg} has no variant ${options.variantKey}`);
  const fee = procedure.fees[0];
  const feeTiming = fee ? (fee.timing === 'before' ? 'before' : 'after') : 'none';
  sequence += 1;
  const extra =
    variant.startVariables && !Array.isArray(variant.startVariables) ? variant.startVariables : {};
  const variables: Variables = {
    dossierCode: `${procedure.agency.code}-260302-${String(sequence).padStart(4, '0')}-${process.env.JEST_WORKER_ID ?? '0'}`,
    agencyCode: procedure.agency.code,
    procedureCode: procedure.nationalCode ?? procedure.localCode,
    variantKey: variant.key,
    channel: options.channel ?? 'direct',
    deliveryMethod: 'in-person',
    feeTiming,
    feeAmount: fee?.amountVnd ?? 0,
    ...extra,
    ...application,
    formData: application,
  };
  return { bpmnProcessId: variant.bpmnProcessId, variables };
}
