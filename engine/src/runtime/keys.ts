/**
 * Keys: 64-bit integers from one PostgreSQL sequence that advances by 1,000, so each engine process takes a
 * block of keys per round trip. Keys are unique across processes; gaps are harmless.
 */
import type pg from 'pg';

const BLOCK = 1000n;

/** Something that runs a query: the pool, or the connection of the command asking for a key. */
type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

/**
 * Hands out keys as decimal strings. A refill runs on the caller's connection when given: a command holding a
 * pool connection must not wait for another one (with every connection held by commands needing keys, a
 * refill through the pool would never get one).
 */
export class KeyGenerator {
  private next = 0n;
  private end = 0n;

  constructor(private readonly pool: pg.Pool) {}

  /**
   * The next key; `via` runs the refill. Each command refills on its own connection and never waits for
   * another command's refill (that connection may be blocked on a lock for a long time); when two refill at
   * once, the later block is dropped. nextval is not transactional: a rolled-back command loses its block's
   * unused keys, never hands one out twice.
   */
  async nextKey(via?: Queryable): Promise<string> {
    while (this.next >= this.end) {
      const r = await (via ?? this.pool).query<{ v: string }>("SELECT nextval('engine.key_seq')::text AS v");
      if (this.next >= this.end) {
        const start = BigInt(r.rows[0]!.v);
        this.next = start;
        this.end = start + BLOCK;
      }
    }
    const key = this.next;
    this.next += 1n;
    return key.toString();
  }

  /** Several keys at once. */
  async nextKeys(n: number): Promise<string[]> {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(await this.nextKey());
    return out;
  }
}
