/**
 * One round trip for the writes of a command: each write is a data-modifying CTE of a single statement
 * (PostgreSQL always runs those, in one snapshot, and checks constraints at the end of the statement). Writes
 * in one batch must touch disjoint rows; callers run overlapping writes as separate statements.
 */
import type pg from 'pg';

/**
 * Batch texts seen so far, by name: a command's batch is one of a few shapes (which tables it writes), so each
 * shape becomes a named statement that PostgreSQL parses and plans once per connection. Capped, in case some
 * model produced many shapes; past the cap batches go unnamed.
 */
const names = new Map<string, string>();
const MAX_NAMES = 256;

function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (!name && names.size < MAX_NAMES) names.set(text, (name = `motcua_wb_${names.size}`));
  return name;
}

/** Collects writes; `run` sends them as one statement. */
export class WriteBatch {
  private readonly parts: string[] = [];
  private readonly params: unknown[] = [];
  private select = 'SELECT 1';

  /** Adds a write whose SQL numbers its own parameters from $1. */
  add(sql: string, values: unknown[]): void {
    this.parts.push(`w${this.parts.length} AS (${this.renumber(sql)})`);
    this.params.push(...values);
  }

  /** The statement's final SELECT (e.g. pg_notify calls), numbering its own parameters from $1. */
  finalSelect(sql: string, values: unknown[]): void {
    this.select = this.renumber(sql);
    this.params.push(...values);
  }

  get empty(): boolean {
    return this.parts.length === 0 && this.select === 'SELECT 1';
  }

  private renumber(sql: string): string {
    const offset = this.params.length;
    return sql.replace(/\$(\d+)/g, (_m, n: string) => `$${Number(n) + offset}`);
  }

  /** Sends the batch (nothing when empty). */
  async run(client: pg.PoolClient): Promise<void> {
    if (this.empty) return;
    const text = this.parts.length > 0 ? `WITH ${this.parts.join(',\n')}\n${this.select}` : this.select;
    await client.query({ name: statementName(text), text, values: this.params });
  }
}
