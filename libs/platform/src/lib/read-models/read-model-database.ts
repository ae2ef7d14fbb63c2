/**
 * The service's read models: a TypeORM DataSource on its own PostgreSQL schema (`schema`), created by migrations
 * (`migrateReadModels`), never by `synchronize`. It is also the TransactionRunner subscriptions hand their
 * batches to, so projected rows and the checkpoint that covers them commit in one transaction.
 */
import { oneAtATime, reservePoolConnections, type SqlTransaction, type TransactionRunner } from '@ics2/event-store';
import { DataSource, type EntityManager, type EntitySchema, type MixedList } from 'typeorm';

/** What a projection receives: raw SQL (the subscription's checkpoint uses it) and TypeORM, on one transaction. */
export interface ReadModelTransaction extends SqlTransaction {
  readonly manager: EntityManager;
}

export interface ReadModelSettings {
  /** PostgreSQL schema of the service's tables, e.g. `common_repository`. */
  readonly schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity classes
  readonly entities: MixedList<Function | string | EntitySchema>;
}

export class ReadModelDatabase implements TransactionRunner<ReadModelTransaction> {
  private constructor(
    readonly dataSource: DataSource,
    readonly schema: string,
  ) {}

  static async connect(url: string, settings: ReadModelSettings, options: { poolMax: number; applicationName: string }): Promise<ReadModelDatabase> {
    const dataSource = new DataSource({
      type: 'postgres',
      url,
      schema: settings.schema,
      entities: settings.entities,
      synchronize: false,
      migrationsRun: false,
      poolSize: options.poolMax,
      applicationName: options.applicationName,
      extra: { connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 },
    });
    await dataSource.initialize();
    return new ReadModelDatabase(dataSource, settings.schema);
  }

  /**
   * Grows the pool by `count` connections until the returned release is called. Each partition of a subscription
   * holds one connection for as long as its batch runs; without room of their own, partitions (16 in risk-analysis)
   * take the whole pool under load, and queries and the other partitions time out waiting for a connection. So
   * DATABASE_POOL_MAX stays what queries get, and subscriptions bring their own (postgres-pool-reserve.ts).
   */
  reserveConnections(count: number): () => void {
    return reservePoolConnections(this.pgPool, count);
  }

  /** Connections the pool may open now: DATABASE_POOL_MAX plus what running subscriptions reserved. */
  get poolSize(): number {
    return this.pgPool.options.max;
  }

  /** TypeORM's PostgresDriver keeps its pg Pool as `master`. */
  private get pgPool(): { readonly options: { max: number } } {
    return (this.dataSource.driver as unknown as { master: { options: { max: number } } }).master;
  }

  /** For reads outside a projection (queries answer from here). */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  inTransaction<T>(work: (tx: ReadModelTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(readModelTransaction(manager)));
  }

  async ping(): Promise<void> {
    await this.dataSource.query('select 1');
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

function readModelTransaction(manager: EntityManager): ReadModelTransaction {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('a read-model transaction needs the query runner of its transaction');
  // Handlers of one batch may run at once (a subscription's `concurrency`), on this one connection: their
  // statements, TypeORM's included (they all go through `runner.query`), queue here rather than in pg. The runner
  // is this transaction's own, created for it and dropped after it.
  runner.query = oneAtATime(runner.query.bind(runner)) as typeof runner.query;
  return {
    manager,
    // Structured results: TypeORM's plain `query` returns [rows, count] for UPDATE and DELETE, rows otherwise.
    query: async <Row>(sql: string, params?: readonly unknown[]) => (await runner.query(sql, params ? [...params] : undefined, true)).records as Row[],
  };
}
