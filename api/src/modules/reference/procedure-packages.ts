/**
 * Reads the procedure packages under processes/<key>/ (procedure.json, process.bpmn, forms/) into procedure
 * rows. The package format is still settling, so every field is optional and several spellings are accepted;
 * what cannot be read is reported, not fatal, so one odd package never blocks the others.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { agencyDirectory, upsertPackageProcedure, type ProcedureInput } from './procedures.js';
import { AgencySchema, ProcedureSchema, type Procedure, type Tier } from './entities.js';
import { readPackageJson, type AgencyResolver, type PackageFields } from './package-fields.js';
import type { ProcedureForm } from './procedure-types.js';

/** What one load did, per package. */
export interface PackageLoadReport {
  loaded: { key: string; name: string; created: boolean }[];
  skipped: { key: string; reason: string }[];
}

const MEDIA_TYPES: Record<string, string> = {
  '.form': 'application/vnd.camunda.form+json',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.txt': 'text/plain; charset=utf-8',
};

/** Files under forms/: form-js schemas and downloadable templates. */
export function readPackageForms(dir: string): ProcedureForm[] {
  const formsDir = path.join(dir, 'forms');
  if (!fs.existsSync(formsDir)) return [];
  return fs
    .readdirSync(formsDir)
    .filter((f) => MEDIA_TYPES[path.extname(f).toLowerCase()] !== undefined)
    .sort()
    .map((fileName) => {
      const ext = path.extname(fileName).toLowerCase();
      const text = ext === '.form' || ext === '.json' || ext === '.txt';
      const content = fs.readFileSync(path.join(formsDir, fileName));
      let name = path.basename(fileName, ext);
      if (ext === '.form') {
        try {
          const schema = JSON.parse(content.toString('utf8')) as {
            id?: unknown;
            name?: unknown;
            title?: unknown;
          };
          name =
            typeof schema.title === 'string'
              ? schema.title
              : typeof schema.name === 'string'
                ? schema.name
                : name;
        } catch {
          /* keep the file name: the deployer reports broken forms */
        }
      }
      return {
        id: path.basename(fileName, ext),
        name,
        fileName,
        mediaType: MEDIA_TYPES[ext] ?? 'application/octet-stream',
        content: content.toString(text ? 'utf8' : 'base64'),
        encoding: text ? ('utf8' as const) : ('base64' as const),
      };
    });
}

/** The BPMN process ids declared in the package's .bpmn files. */
export function readProcessIds(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.bpmn'))
    .sort()
    .flatMap((f) => {
      const xml = fs.readFileSync(path.join(dir, f), 'utf8');
      return [...xml.matchAll(/<(?:bpmn:)?process\b[^>]*\bid="([^"]+)"/g)]
        .map((m) => m[1] ?? '')
        .filter(Boolean);
    });
}

async function agencyResolver(em: EntityManager): Promise<AgencyResolver> {
  const agencies = await em.find(AgencySchema, {});
  return (ref) => {
    const wanted = ref.trim().toLowerCase();
    const hit = agencies.find(
      (a) =>
        a.code.toLowerCase() === wanted ||
        a.slug === wanted ||
        a.name.toLowerCase() === wanted ||
        a.shortName?.toLowerCase() === wanted,
    );
    return hit ? { code: hit.code, tier: hit.tier as Tier } : undefined;
  };
}

/** Package values win where the package states them; otherwise earlier values (or defaults) stay. */
function mergePackage(existing: Procedure | null, fields: PackageFields): ProcedureInput {
  const stated = Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== undefined),
  ) as PackageFields;
  const base: ProcedureInput = existing
    ? { ...existing, daysPaper: existing.daysPaper ?? null, daysOnline: existing.daysOnline ?? null }
    : {
        name: fields.name,
        agencyCode: fields.agencyCode,
        field: 'Khác',
        serviceLevel: 3,
        channels: ['direct', 'online'],
      };
  return { ...base, ...stated };
}

/**
 * Loads every `root/<key>/procedure.json` (folders starting with `_` are shared fragments) and upserts one
 * procedure per package, keyed by the folder name. Idempotent: a second run updates in place.
 */
export async function loadProcedurePackages(em: EntityManager, root: string): Promise<PackageLoadReport> {
  const report: PackageLoadReport = { loaded: [], skipped: [] };
  if (!fs.existsSync(root)) return report;
  const resolve = await agencyResolver(em);
  const directory = await agencyDirectory(em);
  const keys = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && !d.name.startsWith('.'))
    .map((d) => d.name)
    .sort();
  for (const key of keys) {
    const dir = path.join(root, key);
    const file = path.join(dir, 'procedure.json');
    if (!fs.existsSync(file)) {
      report.skipped.push({ key, reason: 'no procedure.json' });
      continue;
    }
    let input: PackageFields | string;
    try {
      const json: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      input = readPackageJson(json, {
        key,
        processIds: readProcessIds(dir),
        forms: readPackageForms(dir),
        resolveAgency: resolve,
      });
    } catch (e) {
      input = `unreadable procedure.json: ${(e as Error).message}`;
    }
    if (typeof input === 'string') {
      report.skipped.push({ key, reason: input });
      continue;
    }
    const existing = await em.findOne(ProcedureSchema, { packageKey: key });
    const merged = mergePackage(existing, input);
    const { procedure, created } = await upsertPackageProcedure(
      em,
      { ...merged, packageKey: key, source: 'package' },
      directory,
    );
    report.loaded.push({ key, name: procedure.name, created });
  }
  return report;
}
