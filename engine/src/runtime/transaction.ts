/**
 * A command's transaction with a lazy BEGIN: the connection handed to the command sends BEGIN in front of its
 * first statement, unless the command's first statement takes it over and sends "BEGIN; <statement>" as one
 * simple query (the instance lock, see state-writer.ts): one round trip less per command.
 */
import type pg from 'pg';

export class LazyTransaction {
  /** The connection for the command: its `query` sends BEGIN first when it is still due. */
  readonly client: pg.PoolClient;
  private begun = false;

  constructor(private readonly raw: pg.PoolClient) {
    const query = ((...args: unknown[]) => {
      this.begin();
      return (raw.query as (...a: unknown[]) => unknown).apply(raw, args);
    }) as pg.PoolClient['query'];
    this.client = new Proxy(raw, {
      get: (target, prop) => (prop === 'query' ? query : (Reflect.get(target, prop, target) as unknown)),
    });
  }

  /** Queues BEGIN (not awaited: a failed BEGIN fails the statement behind it) unless it was sent. */
  begin(): void {
    if (this.begun) return;
    this.begun = true;
    this.raw.query('BEGIN').catch(() => {});
  }

  /** True once, when BEGIN is still due: the caller then sends it itself, in front of its statement. */
  takeBegin(): boolean {
    if (this.begun) return false;
    this.begun = true;
    return true;
  }
}
