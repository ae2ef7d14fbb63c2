import type { Pool, PoolClient } from 'pg';
import { oneAtATime } from '../one-at-a-time';
import type { SqlTransaction, TransactionRunner } from '../subscription';

/**
 * The default TransactionRunner of subscriptions: one pooled client per transaction, READ COMMITTED (the
 * checkpoint compare-and-set relies on READ COMMITTED re-checking the row after a concurrent update, instead of
 * failing with a serialization error).
 */
export class PoolTransactionRunner implements TransactionRunner<SqlTransaction> {
  constructor(private readonly pool: Pool) {}

  async inTransaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A checked-out client has no error listener; without one, a connection killed between two statements
    // would be an unhandled 'error' event and take the process down. The failure still reaches the caller
    // through the next query.
    let broken: Error | undefined;
    const onError = (e: Error) => (broken = e);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      // Handlers of one batch may run at once (`concurrency`): their statements queue here, not in pg.
      const query = oneAtATime(async (sql: string, params?: readonly unknown[]) => (await client.query(sql, params as unknown[] | undefined)).rows);
      const tx: SqlTransaction = { query: async <Row>(sql: string, params?: readonly unknown[]) => (await query(sql, params)) as Row[] };
      const result = await work(tx);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      broken = broken ?? (await rollback(client));
      throw e;
    } finally {
      client.off('error', onError);
      // A client whose connection failed must not go back to the pool.
      client.release(broken);
    }
  }
}

/** Rolls back; returns the error when even that failed, so the caller discards the connection. */
async function rollback(client: PoolClient): Promise<Error | undefined> {
  try {
    await client.query('ROLLBACK');
    return undefined;
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}
