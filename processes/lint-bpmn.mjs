#!/usr/bin/env node
// Lints BPMN files with bpmnlint's Linter API: bpmnlint:recommended + plugin:camunda-compat/camunda-cloud-8-8.
// Usage: node processes/lint-bpmn.mjs <file.bpmn>...   Prints JSON { "<file>": ["<id> [<rule>] <category>: <message>"] }
// and exits with 1 when any file has a problem.
//
// It runs as a plain Node process (also from processes/lint.test.ts): some camunda-compat rules require ESM-only
// packages (e.g. @bpmn-io/feel-analyzer) that Node >= 20.19 loads natively (require(esm)) but that Jest's module
// registry cannot load without a transform.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import BpmnModdle from 'bpmn-moddle';
import bpmnlint from 'bpmnlint';
import NodeResolver from 'bpmnlint/lib/resolver/node-resolver.js';

// This script lives in processes/, so the repository root is one level up from it.
const rootDir = path.resolve(path.dirname(path.resolve(process.argv[1] ?? 'processes/lint-bpmn.mjs')), '..');
const nodeRequire = createRequire(path.join(rootDir, 'package.json'));

const config = { extends: ['bpmnlint:recommended', 'plugin:camunda-compat/camunda-cloud-8-8'] };
const zeebeSchema = nodeRequire('zeebe-bpmn-moddle/resources/zeebe.json');
const modelerSchema = nodeRequire('modeler-moddle/resources/modeler.json');

async function lintBpmn(xml) {
  const moddle = new BpmnModdle({ zeebe: zeebeSchema, modeler: modelerSchema });
  const { rootElement, warnings } = await moddle.fromXML(xml);
  const problems = warnings.map((w) => `(import) [bpmn-moddle] error: ${w.message}`);
  // A fresh linter per model: some bpmnlint rules keep state between lint() calls.
  const linter = new bpmnlint.Linter({ config, resolver: new NodeResolver({ require: nodeRequire }) });
  const results = await linter.lint(rootElement);
  for (const [rule, reports] of Object.entries(results)) {
    for (const report of reports) {
      problems.push(`${report.id ?? '(definitions)'} [${rule}] ${report.category}: ${report.message}`);
    }
  }
  return problems;
}

const output = {};
let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    output[file] = await lintBpmn(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    output[file] = [`(parse) [bpmn-moddle] error: ${err instanceof Error ? err.message : String(err)}`];
  }
  if (output[file].length > 0) failed = true;
}
process.stdout.write(JSON.stringify(output, null, 2) + '\n');
process.exitCode = failed ? 1 : 0;
