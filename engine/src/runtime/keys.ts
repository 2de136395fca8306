/**
 * Keys: 64-bit integers from one PostgreSQL sequence that advances by 1,000, so each engine process takes a
 * block of keys per round trip. Keys are unique across processes; gaps are harmless.
 */
import type pg from 'pg';

const BLOCK = 1000n;

/** Hands out keys as decimal strings. */
export class KeyGenerator {
  private next = 0n;
  private end = 0n;
  private refill: Promise<void> | undefined;

  constructor(private readonly pool: pg.Pool) {}

  /** The next key. */
  async nextKey(): Promise<string> {
    while (this.next >= this.end) {
      this.refill ??= this.pool
        .query<{ v: string }>("SELECT nextval('engine.key_seq')::text AS v")
        .then((r) => {
          const start = BigInt(r.rows[0]!.v);
          this.next = start;
          this.end = start + BLOCK;
        })
        .finally(() => {
          this.refill = undefined;
        });
      await this.refill;
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
