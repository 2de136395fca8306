/**
 * Catalogue search in SQL. Text is matched on columns normalized in TypeScript (see normalize.ts): every word
 * must occur (the last as a prefix); ranking adds full-text rank, a bonus when the whole phrase starts or
 * equals the name, and trigram similarity when pg_trgm is installed (which also forgives small typos).
 */
import type pg from 'pg';
import { normalizeForSearch, toPrefixTsQuery } from './normalize.js';

/** Filters and paging of a search. */
export interface SearchParams {
  q?: string;
  /** Agency mã định danh (or slug, resolved by the route). */
  agency?: string;
  field?: string;
  level?: number;
  tier?: string;
  at: string;
  page: number;
  pageSize: number;
}

/** One hit of the result list. */
export interface SearchHit {
  id: string;
  name: string;
  nationalCode: string | null;
  localCode: string | null;
  field: string;
  agency: { code: string; name: string };
  tier: string;
  serviceLevel: number;
  scope: string | null;
  channels: string[];
  dayKind: string;
  daysPaper: number | null;
  daysOnline: number | null;
  score: number;
}

type Facet = 'agency' | 'field' | 'level';

/** A SQL fragment builder with numbered parameters. */
class Sql {
  readonly params: unknown[] = [];
  bind(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}

const CODE_LIKE = /^[0-9]+(\.[0-9]+)*(\.[A-Z][0-9]{2})?$/i;

function where(
  sql: Sql,
  p: SearchParams,
  trgm: boolean,
  skip?: Facet,
): { conditions: string[]; rank: string } {
  const at = sql.bind(p.at);
  const conditions = [`p.valid_from <= ${at}::date`, `(p.valid_to IS NULL OR p.valid_to > ${at}::date)`];
  if (p.agency && skip !== 'agency') conditions.push(`p.agency_code = ${sql.bind(p.agency)}`);
  if (p.field && skip !== 'field') conditions.push(`p.field = ${sql.bind(p.field)}`);
  if (p.level && skip !== 'level') conditions.push(`p.service_level = ${sql.bind(p.level)}`);
  if (p.tier) conditions.push(`p.tier = ${sql.bind(p.tier)}`);
  const raw = p.q?.trim() ?? '';
  const phrase = normalizeForSearch(raw);
  const tsq = toPrefixTsQuery(phrase);
  if (!tsq) return { conditions, rank: '0' };
  const q = sql.bind(tsq);
  const ph = sql.bind(phrase);
  const matches = [`p.search_vector @@ to_tsquery('simple', ${q})`];
  const rank = [
    `ts_rank_cd(p.search_vector, to_tsquery('simple', ${q}), 1)`,
    `CASE WHEN p.search_name = ${ph} THEN 4 WHEN p.search_name LIKE ${ph} || '%' THEN 2
          WHEN p.search_name LIKE '%' || ${ph} || '%' THEN 1 ELSE 0 END`,
  ];
  if (trgm) {
    matches.push(`${ph} <% p.search_name`);
    rank.push(`similarity(p.search_name, ${ph})`);
  }
  if (CODE_LIKE.test(raw)) {
    const code = sql.bind(raw);
    matches.push(`p.national_code LIKE ${code} || '%'`, `p.local_code ILIKE ${code} || '%'`);
    rank.push(`CASE WHEN p.national_code = ${code} OR p.local_code ILIKE ${code} THEN 5 ELSE 0 END`);
  }
  conditions.push(`(${matches.join(' OR ')})`);
  return { conditions, rank: rank.join(' + ') };
}

const AGENCY_NAME = `(SELECT a.name FROM agency a WHERE a.code = p.agency_code ORDER BY a.valid_from DESC LIMIT 1)`;

/** Runs a search: one page of hits, ranked, with the total. */
export async function searchProcedures(
  pool: pg.Pool,
  p: SearchParams,
  trgm: boolean,
): Promise<{ items: SearchHit[]; total: number }> {
  const sql = new Sql();
  const { conditions, rank } = where(sql, p, trgm);
  const limit = sql.bind(p.pageSize);
  const offset = sql.bind((p.page - 1) * p.pageSize);
  const text = `
    SELECT p.id, p.name, p.national_code, p.local_code, p.field, p.agency_code, ${AGENCY_NAME} AS agency_name,
           p.tier, p.service_level, p.scope, p.channels, p.day_kind, p.days_paper, p.days_online,
           (${rank})::float8 AS score, count(*) OVER () AS total
      FROM procedure p
     WHERE ${conditions.join(' AND ')}
     ORDER BY score DESC, p.name ASC, p.id ASC
     LIMIT ${limit} OFFSET ${offset}`;
  const { rows } = await pool.query<Record<string, unknown>>(text, sql.params);
  const items = rows.map((r): SearchHit => ({
    id: String(r.id),
    name: String(r.name),
    nationalCode: (r.national_code as string | null) ?? null,
    localCode: (r.local_code as string | null) ?? null,
    field: String(r.field),
    agency: { code: String(r.agency_code), name: String(r.agency_name ?? r.agency_code) },
    tier: String(r.tier),
    serviceLevel: Number(r.service_level),
    scope: (r.scope as string | null) ?? null,
    channels: (r.channels as string[]) ?? [],
    dayKind: String(r.day_kind),
    daysPaper: r.days_paper === null ? null : Number(r.days_paper),
    daysOnline: r.days_online === null ? null : Number(r.days_online),
    score: Number(r.score),
  }));
  return { items, total: Number(rows[0]?.total ?? 0) };
}

/** Facet counts; each facet ignores its own filter, so the user sees what choosing another value would give. */
export async function searchFacets(pool: pg.Pool, p: SearchParams, trgm: boolean) {
  const facet = async (dimension: Facet, column: string, label: string) => {
    const sql = new Sql();
    const { conditions } = where(sql, p, trgm, dimension);
    const { rows } = await pool.query<{ value: string | number; label: string; count: string }>(
      `SELECT ${column} AS value, ${label} AS label, count(*) AS count FROM procedure p
        WHERE ${conditions.join(' AND ')} GROUP BY 1, 2 ORDER BY count(*) DESC, 2 ASC LIMIT 100`,
      sql.params,
    );
    return rows.map((r) => ({ value: String(r.value), label: String(r.label), count: Number(r.count) }));
  };
  const [agencies, fields, levels] = await Promise.all([
    facet('agency', 'p.agency_code', `coalesce(${AGENCY_NAME}, p.agency_code)`),
    facet('field', 'p.field', 'p.field'),
    facet('level', 'p.service_level', `'Mức độ ' || p.service_level`),
  ]);
  return { agencies, fields, levels: levels.sort((a, b) => Number(a.value) - Number(b.value)) };
}

/** True when pg_trgm is installed in the database (the migration installs it when allowed). */
export async function hasTrigram(pool: pg.Pool): Promise<boolean> {
  const { rows } = await pool.query("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'");
  return rows.length > 0;
}
