/**
 * BPMN lint with the project's configuration (bpmnlint:recommended + camunda-compat 8.8), by running
 * processes/lint-bpmn.mjs in a child Node process: the rules need ESM-only packages, and one runner keeps the
 * API's findings identical to the repository's lint test.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findProjectRoot } from '@motcua/engine/postgres';

/** One lint finding, per element. */
export interface Finding {
  resourceName: string;
  elementId: string | null;
  rule: string;
  category: string;
  message: string;
}

const LINE = /^(\S+) \[([^\]]+)\] (\w+): (.*)$/s;

/** Lints BPMN files given as name + XML; resolves with every finding (empty when clean). */
export async function lintBpmn(files: readonly { name: string; xml: string }[]): Promise<Finding[]> {
  if (files.length === 0) return [];
  const root = findProjectRoot(process.cwd());
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-lint-'));
  try {
    const paths = await Promise.all(
      files.map(async (f, i) => {
        const p = path.join(dir, `${i}.bpmn`);
        await fs.writeFile(p, f.xml);
        return p;
      }),
    );
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        [path.join(root, 'processes', 'lint-bpmn.mjs'), ...paths],
        { cwd: root, timeout: 60_000, maxBuffer: 8 << 20 },
        (err, out) => {
          if (out) resolve(out);
          else reject(err ?? new Error('bpmnlint produced no output'));
        },
      );
    });
    const report = JSON.parse(stdout) as Record<string, string[]>;
    return paths.flatMap((p, i) =>
      (report[p] ?? []).map((line) => {
        const m = LINE.exec(line);
        const id = m?.[1] ?? null;
        return {
          resourceName: files[i]?.name ?? p,
          elementId: id && !id.startsWith('(') ? id : null,
          rule: m?.[2] ?? 'unknown',
          category: m?.[3] ?? 'error',
          message: m?.[4] ?? line,
        };
      }),
    );
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
