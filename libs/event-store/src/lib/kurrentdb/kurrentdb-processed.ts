import { Client } from 'pg';
import { APP_ROLE, runSqlMigrations, type SqlMigration } from '../postgres/migrate';
import type { SqlTransaction } from '../subscription';

/**
 * Per competing-consumer group and stream, the revision of the last event handled, in PostgreSQL next to the read
 * models, written in the handler's own transaction. A KurrentDB persistent subscription delivers at-least-once and
 * not in log order, so a single checkpoint position cannot say what is done; this record, committed with the
 * handler's writes, turns redeliveries into no-ops and keeps each stream in order.
 *
 * (Catch-up subscriptions use the PostgreSQL adapter's checkpoint table instead: one position per name fits them.
 * That table is keyed by partition number, not by stream, hence this one.)
 */
const TABLE = 'event_store.kurrentdb_processed';

const MIGRATIONS: readonly SqlMigration[] = [
  {
    id: '001-kurrentdb-processed',
    sql: `
      CREATE TABLE ${TABLE} (
        subscription text   NOT NULL,
        stream_id    text   NOT NULL,
        revision     bigint NOT NULL,
        PRIMARY KEY (subscription, stream_id)
      );
      GRANT SELECT, INSERT, UPDATE, DELETE ON ${TABLE} TO ${APP_ROLE};`,
  },
];

// 'ICS2KD' in ASCII: differs from the event store's own migration lock.
const LOCK_KEY = 0x494353324b44n;

/**
 * Creates the table competing consumers on KurrentDB need, in the checkpoint database (which carries the event
 * store's migrations too: migrateEventStore first). Run it as the schema owner, like migrateEventStore.
 */
export async function migrateKurrentDbSubscriptions(connectionString: string): Promise<void> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    await runSqlMigrations(client, { lockKey: LOCK_KEY, table: 'event_store.kurrentdb_schema_migrations', migrations: MIGRATIONS });
  } finally {
    await client.end();
  }
}

/** Refuses to start a group whose table is missing, naming the migration, rather than failing on every event. */
export async function assertProcessedTable(tx: SqlTransaction): Promise<void> {
  const [row] = await tx.query<{ present: boolean }>(`SELECT to_regclass('${TABLE}') IS NOT NULL AS present`);
  if (!row?.present) throw new Error(`${TABLE} is missing: run migrateKurrentDbSubscriptions on the checkpoint database`);
}

/** Revision of the last event of `streamId` the group handled, locked until the transaction ends; null if none. */
export async function lockProcessedRevision(tx: SqlTransaction, subscription: string, streamId: string): Promise<number | null> {
  // Insert-then-lock, so two consumers racing on a stream's first event serialise on the same row.
  await tx.query(`INSERT INTO ${TABLE} (subscription, stream_id, revision) VALUES ($1, $2, -1) ON CONFLICT DO NOTHING`, [
    subscription,
    streamId,
  ]);
  const [row] = await tx.query<{ revision: string }>(
    `SELECT revision FROM ${TABLE} WHERE subscription = $1 AND stream_id = $2 FOR UPDATE`,
    [subscription, streamId],
  );
  const revision = Number(row.revision);
  return revision < 0 ? null : revision;
}

export async function recordProcessedRevision(tx: SqlTransaction, subscription: string, streamId: string, revision: number): Promise<void> {
  await tx.query(`UPDATE ${TABLE} SET revision = $3 WHERE subscription = $1 AND stream_id = $2`, [subscription, streamId, revision]);
}

/** Whether the group handled `streamId` up to `revision` (to tell when it has caught up). */
export async function hasProcessed(tx: SqlTransaction, subscription: string, streamId: string, revision: number): Promise<boolean> {
  const [row] = await tx.query<{ revision: string }>(`SELECT revision FROM ${TABLE} WHERE subscription = $1 AND stream_id = $2`, [
    subscription,
    streamId,
  ]);
  return row !== undefined && Number(row.revision) >= revision;
}
