/**
 * Rows that follow one stream each and record the stream revision they reflect (STYLE: idempotent by revision): an
 * event changes a row only when the row stands at the revision just before the event's, so a redelivered or replayed
 * event changes nothing.
 *
 * Why a class: done one event at a time, that rule costs two round trips per event (read the row, update it), and
 * round trips are what a projection spends its time on (bench:audit's replay profile: most of the CPU in the socket
 * writes and TypeORM around them, PostgreSQL itself mostly idle). Here a row is read once per transaction, the
 * events of the batch change it in memory, and the changed rows are written once, just before the transaction
 * commits (TypeORM's `beforeTransactionCommit`, as the keyed-feed sequencer does): a statement per set of changed
 * columns, whatever the number of events. Reads inside the transaction see the changes made so far.
 *
 * The write still checks the revision the row was read at, so a row changed behind the transaction's back fails the
 * batch (which the subscription retries) instead of being overwritten. Only changed columns are written: an
 * unchanged `jsonb` document keeps its stored (TOASTed) value.
 *
 * One instance per table, created once where the projection is defined (a module constant): it keeps its rows per
 * transaction, so several apps and partitions in one process share it safely, and handlers running at once on
 * different streams (a subscription's `concurrency`) touch different rows.
 */
import type { EntitySubscriberInterface, ObjectLiteral, QueryResult, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { ReadModelTransaction } from './read-model-database';

type Changes<Row> = Partial<Omit<Row, 'revision'>>;

interface Entry<Row> {
  readonly row: Row;
  /** The revision the stored row has: what the write at commit checks. */
  readonly storedRevision: number;
  readonly changed: Set<string>;
}

export class RevisionedRows<Row extends ObjectLiteral & { revision: number }> implements EntitySubscriberInterface {
  private readonly open = new WeakMap<QueryRunner, Map<string, Entry<Row>>>();

  /** `entity`: the TypeORM entity of the table; `key`: its one primary-key property (the stream's id, e.g. the MRN). */
  constructor(
    private readonly entity: new () => Row,
    private readonly key: keyof Row & string,
  ) {}

  /** The row as this transaction sees it, changes not yet written included; undefined if there is none. */
  async get(tx: ReadModelTransaction, key: string): Promise<Row | undefined> {
    const rows = this.rowsOf(tx);
    const cached = rows.get(key);
    if (cached) return cached.row;
    const stored = await tx.manager.getRepository(this.entity).findOneBy({ [this.key]: key } as never);
    if (!stored) return undefined;
    rows.set(key, { row: stored, storedRevision: stored.revision, changed: new Set() });
    return stored;
  }

  /** The stream's first event: inserts the row unless one with its key is already there (a redelivery). */
  async insert(tx: ReadModelTransaction, row: Row): Promise<void> {
    const rows = this.rowsOf(tx);
    const key = String(row[this.key]);
    if (rows.has(key)) return;
    const result = await tx.manager.getRepository(this.entity).createQueryBuilder().insert().values(row).orIgnore().returning([this.key]).execute();
    // Only a row this transaction inserted is known as it stands; another is read when an event needs it.
    if ((result.raw as unknown[]).length > 0) rows.set(key, { row: { ...row }, storedRevision: row.revision, changed: new Set() });
  }

  /**
   * The event at `revision` of the row's stream: applies `changes` (a function of the row as it stands) if the row
   * stands at `revision - 1`; otherwise (no row, already applied) nothing. True if applied.
   */
  async apply(tx: ReadModelTransaction, key: string, revision: number, changes: Changes<Row> | ((row: Row) => Changes<Row>)): Promise<boolean> {
    const row = await this.get(tx, key);
    if (!row || row.revision !== revision - 1) return false;
    const entry = this.rowsOf(tx).get(key) as Entry<Row>;
    // An undefined member changes nothing, as in a TypeORM update.
    const values = Object.entries(typeof changes === 'function' ? changes(row) : changes).filter(([, value]) => value !== undefined);
    for (const [property, value] of values) {
      (row as Record<string, unknown>)[property] = value;
      entry.changed.add(property);
    }
    row.revision = revision;
    entry.changed.add('revision');
    return true;
  }

  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const rows = this.open.get(event.queryRunner);
    if (!rows) return;
    this.open.delete(event.queryRunner);
    await this.write(event.queryRunner, [...rows.values()].filter((e) => e.changed.size > 0));
  }

  beforeTransactionRollback(event: TransactionRollbackEvent): void {
    this.open.delete(event.queryRunner);
  }

  private rowsOf(tx: ReadModelTransaction): Map<string, Entry<Row>> {
    const runner = tx.manager.queryRunner;
    if (!runner?.isTransactionActive) throw new Error(`${this.entity.name}: revisioned rows change only inside a read-model transaction`);
    const subscribers = tx.manager.dataSource.subscribers;
    if (!subscribers.includes(this)) subscribers.push(this);
    let rows = this.open.get(runner);
    if (!rows) this.open.set(runner, (rows = new Map()));
    return rows;
  }

  /** One UPDATE per set of changed columns, the rows as a JSON recordset, each checked at its stored revision. */
  private async write(runner: QueryRunner, entries: readonly Entry<Row>[]): Promise<void> {
    if (entries.length === 0) return;
    const metadata = runner.connection.getMetadata(this.entity);
    const keyColumn = metadata.findColumnWithPropertyName(this.key) as ColumnMetadata;
    const groups = new Map<string, Entry<Row>[]>();
    for (const entry of entries) {
      const signature = [...entry.changed].sort().join(',');
      const group = groups.get(signature);
      if (group) group.push(entry);
      else groups.set(signature, [entry]);
    }
    for (const [signature, group] of groups) {
      const columns = signature.split(',').map((property) => {
        const column = metadata.findColumnWithPropertyName(property);
        if (!column) throw new Error(`${metadata.name}: no column for ${property}`);
        return column;
      });
      const set = columns.map((c) => `"${c.databaseName}" = v."${c.databaseName}"`).join(', ');
      const definitions = [`"$key" text`, `"$stored" integer`, ...columns.map((c) => `"${c.databaseName}" ${sqlType(c)}`)].join(', ');
      const records = group.map((entry) => {
        const record: Record<string, unknown> = { $key: String(entry.row[this.key]), $stored: entry.storedRevision };
        for (const c of columns) record[c.databaseName] = entry.row[c.propertyName] ?? null;
        return record;
      });
      const result = (await runner.query(
        `UPDATE ${metadata.tablePath} t SET ${set} FROM jsonb_to_recordset($1::jsonb) AS v(${definitions})
          WHERE t."${keyColumn.databaseName}"::text = v."$key" AND t.revision = v."$stored"`,
        [JSON.stringify(records)],
        true,
      )) as QueryResult;
      const affected = result.affected ?? 0;
      if (affected !== group.length) {
        throw new Error(`${metadata.tablePath}: ${group.length - affected} of ${group.length} rows changed behind this transaction; the batch is retried`);
      }
    }
  }
}

/** The column's PostgreSQL type, as jsonb_to_recordset reads it from JSON (an array from a JSON array). */
function sqlType(column: ColumnMetadata): string {
  if (typeof column.type !== 'string') throw new Error(`${column.propertyName}: give the column an explicit type`);
  return column.isArray ? `${column.type}[]` : column.type;
}
