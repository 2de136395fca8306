/**
 * A command's transaction with BEGIN sent lazily: PostgreSQL round trips are what a command costs most, and
 * the BEGIN need not be one of its own.
 */
import type pg from 'pg';

/** Command connections whose BEGIN has not been sent yet (see {@link lazyTransaction}). */
export const beginPending = new WeakSet<object>();

/**
 * The command's connection with BEGIN deferred to its first statement: `queryBeginning` sends both in one
 * round trip (most commands start by locking an instance), any other first statement is preceded by a queued
 * BEGIN. A command that sends nothing sends no BEGIN and needs no COMMIT.
 */
export function lazyTransaction(client: pg.PoolClient): pg.PoolClient {
  const tx: pg.PoolClient = new Proxy(client, {
    get(target, prop) {
      if (prop === 'query') {
        return (...args: unknown[]) => {
          if (beginPending.delete(tx)) target.query('BEGIN').catch(() => {});
          return (target.query as (...a: unknown[]) => unknown)(...args);
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  beginPending.add(tx);
  return tx;
}

/**
 * Runs `query`; as the command's first statement, with its BEGIN in the same simple-protocol message, where
 * `inlined` is the same statement with its values as literals (the simple protocol takes no parameters: callers
 * inline only checked values, such as digits).
 */
export async function queryBeginning<R extends pg.QueryResultRow>(client: pg.PoolClient, query: pg.QueryConfig, inlined: string): Promise<pg.QueryResult<R>> {
  if (!beginPending.delete(client)) return client.query<R>(query);
  const results = (await client.query(`BEGIN; ${inlined}`)) as unknown as pg.QueryResult<R>[];
  return results[1]!;
}
