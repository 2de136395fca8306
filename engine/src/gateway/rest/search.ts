/**
 * Camunda's search requests (`{ filter, sort, page }`) and responses (`{ items, page }`), translated to the
 * read side's `searchRows`. Each resource declares its filterable fields; unknown filter or sort fields are
 * rejected by the JSON schema (400 naming the field) instead of being ignored.
 */
import type { SearchCondition, SearchQuery } from '../../read/queries.js';
import { invalidArgument } from './errors.js';

/** How a field is filtered: keys, text, integers, epoch-ms dates, ISO-text dates, booleans, JSON values, text arrays, tenant. */
export type FieldKind =
  'key' | 'string' | 'integer' | 'date' | 'isoText' | 'boolean' | 'json' | 'array' | 'tenant';

/** One filterable/sortable field of a resource. `values` restricts strings to an enum. */
export interface FieldSpec {
  column: string;
  kind: FieldKind;
  values?: readonly string[];
  /** Not offered as a sort field. */
  noSort?: boolean;
}

/** API field name -> field spec. */
export type FieldMap = Readonly<Record<string, FieldSpec>>;

/** The tenant every resource belongs to (multi-tenancy is not implemented). */
export const DEFAULT_TENANT = '<default>';

/** JSON schema of an entity key: an int64 as a decimal string. */
export const keySchema = { type: 'string', pattern: '^[0-9]{1,19}$' } as const;

const operators: Record<FieldKind, readonly string[]> = {
  key: ['$eq', '$neq', '$exists', '$in', '$notIn'],
  string: ['$eq', '$neq', '$exists', '$in', '$notIn', '$like'],
  integer: ['$eq', '$neq', '$exists', '$in', '$notIn', '$gt', '$gte', '$lt', '$lte'],
  date: ['$eq', '$neq', '$exists', '$in', '$notIn', '$gt', '$gte', '$lt', '$lte'],
  isoText: ['$eq', '$neq', '$exists', '$in', '$notIn', '$gt', '$gte', '$lt', '$lte'],
  boolean: [],
  json: ['$eq', '$neq', '$exists', '$in', '$notIn'],
  array: ['$eq', '$in', '$exists'],
  tenant: ['$eq', '$neq', '$exists', '$in', '$notIn', '$like'],
};

function scalarSchema(spec: FieldSpec): Record<string, unknown> {
  if (spec.kind === 'key') return keySchema;
  if (spec.kind === 'integer') return { type: 'integer' };
  if (spec.kind === 'boolean') return { type: 'boolean' };
  if (spec.kind === 'date' || spec.kind === 'isoText') return { type: 'string', format: 'date-time' };
  return spec.values ? { type: 'string', enum: spec.values } : { type: 'string' };
}

function fieldSchema(spec: FieldSpec): Record<string, unknown> {
  const scalar = scalarSchema(spec);
  const ops = operators[spec.kind];
  if (ops.length === 0) return scalar;
  const properties: Record<string, unknown> = {};
  for (const op of ops) {
    if (op === '$exists') properties[op] = { type: 'boolean' };
    else if (op === '$in' || op === '$notIn') properties[op] = { type: 'array', items: scalar };
    else if (op === '$like') properties[op] = { type: 'string' };
    else properties[op] = scalar;
  }
  return { anyOf: [scalar, { type: 'object', additionalProperties: false, properties }] };
}

/** JSON schema of a search request body for `fields`. */
export function searchBodySchema(fields: FieldMap): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(fields)) filter[name] = fieldSchema(spec);
  const sortable = Object.entries(fields)
    .filter(([, s]) => !s.noSort && s.kind !== 'tenant')
    .map(([n]) => n);
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      filter: { type: 'object', additionalProperties: false, properties: filter },
      sort: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['field'],
          properties: {
            field: { type: 'string', enum: sortable },
            order: { type: 'string', enum: ['ASC', 'DESC', 'asc', 'desc'] },
          },
        },
      },
      page: {
        type: 'object',
        additionalProperties: false,
        properties: {
          from: { type: 'integer', minimum: 0 },
          limit: { type: 'integer', minimum: 1, maximum: 10000 },
          after: { type: 'string' },
          before: { type: 'string' },
        },
      },
    },
  };
}

/** A search request body as validated by `searchBodySchema`. */
export interface SearchBody {
  filter?: Record<string, unknown>;
  sort?: { field: string; order?: string }[];
  page?: { from?: number; limit?: number; after?: string; before?: string };
}

function toEpoch(name: string, v: unknown): number {
  const ms = Date.parse(String(v));
  if (Number.isNaN(ms)) throw invalidArgument(`filter.${name}: '${String(v)}' is not a date-time`);
  return ms;
}

function likePattern(v: string): string {
  return v
    .replace(/[\\%_]/g, (c) => `\\${c}`)
    .replace(/\*/g, '%')
    .replace(/\?/g, '_');
}

function conditionsFor(name: string, spec: FieldSpec, raw: unknown): SearchCondition[] {
  const convert = (v: unknown): unknown =>
    spec.kind === 'date' ? toEpoch(name, v) : spec.kind === 'json' ? parseJsonValue(name, v) : v;
  const column = spec.column;
  if (spec.kind === 'tenant') {
    const values =
      typeof raw === 'object' && raw !== null
        ? Object.entries(raw as Record<string, unknown>)
        : [['$eq', raw] as const];
    const matches = values.every(([op, v]) =>
      op === '$eq'
        ? v === DEFAULT_TENANT
        : op === '$neq'
          ? v !== DEFAULT_TENANT
          : op === '$exists'
            ? v === true
            : op === '$in'
              ? (v as string[]).includes(DEFAULT_TENANT)
              : op === '$notIn'
                ? !(v as string[]).includes(DEFAULT_TENANT)
                : new RegExp(`^${likePattern(String(v)).replace(/%/g, '.*').replace(/_/g, '.')}$`).test(
                    DEFAULT_TENANT,
                  ),
    );
    return matches ? [] : [{ column: 'key', op: 'notExists' }];
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return [{ column, op: spec.kind === 'array' ? 'has' : 'eq', value: convert(raw) }];
  }
  const out: SearchCondition[] = [];
  for (const [op, v] of Object.entries(raw as Record<string, unknown>)) {
    if (op === '$exists') out.push({ column, op: v ? 'exists' : 'notExists' });
    else if (op === '$in' || op === '$notIn') {
      const list = (v as unknown[]).map(convert);
      out.push({ column, op: spec.kind === 'array' ? 'hasAny' : op === '$in' ? 'in' : 'notIn', value: list });
    } else if (op === '$like') out.push({ column, op: 'like', value: likePattern(String(v)) });
    else if (op === '$eq') out.push({ column, op: spec.kind === 'array' ? 'has' : 'eq', value: convert(v) });
    else out.push({ column, op: op.slice(1) as SearchCondition['op'], value: convert(v) });
  }
  return out;
}

function parseJsonValue(name: string, v: unknown): unknown {
  try {
    return JSON.parse(String(v));
  } catch {
    throw invalidArgument(
      `filter.${name}: expected a JSON value (strings in double quotes), but got '${String(v)}'`,
    );
  }
}

function decodeCursor(cursor: string, field: string): number {
  const n = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isInteger(n) || n < 0)
    throw invalidArgument(`page.${field}: not a cursor returned by this gateway`);
  return n;
}

function encodeCursor(offset: number): string {
  return Buffer.from(String(offset), 'utf8').toString('base64url');
}

/** Translates a search body; `fixed` conditions (e.g. a path key) are added to the filter's. */
export function toSearchQuery(
  body: SearchBody | undefined,
  fields: FieldMap,
  fixed: SearchCondition[] = [],
): SearchQuery {
  const conditions = [...fixed];
  for (const [name, raw] of Object.entries(body?.filter ?? {})) {
    const spec = fields[name];
    if (!spec) throw invalidArgument(`filter: unknown property '${name}'`);
    conditions.push(...conditionsFor(name, spec, raw));
  }
  const sort = (body?.sort ?? []).map((s) => ({
    column: fields[s.field]!.column,
    desc: s.order?.toUpperCase() === 'DESC',
  }));
  const page = body?.page ?? {};
  const limit = page.limit ?? 100;
  let offset = page.from ?? 0;
  if (page.after) offset = decodeCursor(page.after, 'after');
  if (page.before) offset = Math.max(0, decodeCursor(page.before, 'before') - limit);
  return { conditions, sort, limit, offset };
}

/** Camunda's search response: items plus `page` with the total and cursors. */
export function searchResponse<T>(
  items: T[],
  total: number,
  query: SearchQuery,
): { items: T[]; page: Record<string, unknown> } {
  return {
    items,
    page: {
      totalItems: total,
      hasMoreTotalItems: false,
      startCursor: items.length ? encodeCursor(query.offset) : null,
      endCursor: items.length ? encodeCursor(query.offset + items.length) : null,
    },
  };
}

/** Epoch milliseconds (as read from the database) to an ISO date-time, or undefined. */
export function isoDate(ms: string | number | null | undefined): string | undefined {
  return ms === null || ms === undefined ? undefined : new Date(Number(ms)).toISOString();
}
