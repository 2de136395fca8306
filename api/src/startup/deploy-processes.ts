/**
 * Deploys the procedure models kept in the repository (every `.bpmn` and `.form` file under processes/) at start, in one
 * deployment, so a fresh installation can run every procedure at once. The engine skips resources it already
 * holds unchanged, so restarting adds no new versions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EngineError, type Deployment, type Resource, type WorkflowEngine } from '@motcua/engine';

const MODEL_FILE = /\.(bpmn|form)$/;

/** Every model file under `dir`, depth first in name order (stable across machines), with names relative to it. */
export function findModelFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const found: string[] = [];
  const walk = (current: string): void => {
    const entries = fs
      .readdirSync(current, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && MODEL_FILE.test(entry.name))
        found.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return found;
}

/** Why a start was stopped: a model in processes/ was rejected by the engine. */
export class DeploymentRejected extends Error {
  constructor(cause: EngineError) {
    const details = cause.details.map(
      (p) => `  - ${[p.resourceName, p.elementId].filter(Boolean).join(' ')}: ${p.message}`,
    );
    super(
      [
        `The models under processes/ were rejected: ${cause.message}`,
        ...details,
        'Fix the model, or start with DEPLOY_PROCESSES=false to skip the deployment.',
      ].join('\n'),
    );
    this.name = 'DeploymentRejected';
  }
}

/** Deploys every model under `dir` in one deployment and logs what was deployed; undefined when there is none. */
export async function deployProcesses(
  engine: WorkflowEngine,
  dir: string,
  log: (message: string) => void,
): Promise<Deployment | undefined> {
  const files = findModelFiles(dir);
  if (files.length === 0) {
    log(`No models found under ${dir}; nothing deployed`);
    return undefined;
  }
  const resources: Resource[] = files.map((name) => ({
    name,
    content: fs.readFileSync(path.join(dir, name), 'utf8'),
  }));
  let deployment: Deployment;
  try {
    deployment = await engine.deployResources(resources);
  } catch (e) {
    if (e instanceof EngineError) throw new DeploymentRejected(e);
    throw e;
  }
  const created =
    deployment.processes.filter((p) => p.isNew).length + deployment.forms.filter((f) => f.isNew).length;
  log(`Deployed ${files.length} model file(s) from ${dir} (${created} new version(s)):`);
  for (const p of deployment.processes) {
    log(`  process ${p.bpmnProcessId} v${p.version}${p.isNew ? ' (new)' : ''}  [${p.resourceName}]`);
  }
  const newForms = deployment.forms.filter((f) => f.isNew).length;
  if (deployment.forms.length > 0) log(`  ${deployment.forms.length} form(s), ${newForms} new version(s)`);
  return deployment;
}
