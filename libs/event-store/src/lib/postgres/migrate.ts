import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, type ClientBase } from 'pg';

/** The application's NOLOGIN group role: SELECT on events, appends through append_events only (schema/009). */
export const APP_ROLE = 'ics2_app';

/** The SQLSTATE the append-only trigger raises on UPDATE, DELETE or TRUNCATE of events. */
export const APPEND_ONLY_SQLSTATE = 'ES001';

export interface SqlMigration {
  /** Applied in ascending id order; an applied id is never run again. */
  readonly id: string;
  readonly sql: string;
}

export interface SqlMigrationPlan {
  /** pg advisory lock key: one per migration set, so concurrent runners of the same set take turns. */
  readonly lockKey: bigint | number;
  /** Where applied ids are recorded, optionally schema-qualified (`event_store.schema_migrations`). */
  readonly table: string;
  readonly migrations: readonly SqlMigration[];
}

const QUALIFIED_NAME = /^(?:([a-z_][a-z0-9_]{0,62})\.)?([a-z_][a-z0-9_]{0,62})$/;
// 'ICS2ES' in ASCII: any fixed bigint would do, it only has to differ from other migration sets' keys.
const EVENT_STORE_LOCK_KEY = 0x494353324553n;
const SCHEMA_DIR = join(__dirname, 'schema');

/**
 * Applies the pending migrations of a plan, each in its own transaction together with the row recording it, under
 * a session advisory lock (scoped to the database). Idempotent. Refuses to run when an applied migration's text
 * changed since: a merged migration is never edited, a new one is added instead. Returns the ids applied now.
 */
export async function runSqlMigrations(client: ClientBase, plan: SqlMigrationPlan): Promise<string[]> {
  const name = QUALIFIED_NAME.exec(plan.table);
  if (!name) throw new Error(`not a plain table name: ${plan.table}`);
  const migrations = [...plan.migrations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids = new Set<string>();
  for (const m of migrations) {
    if (ids.has(m.id)) throw new Error(`migration ${m.id} is listed twice`);
    ids.add(m.id);
  }
  const lockKey = String(plan.lockKey);
  await client.query('SELECT pg_advisory_lock($1::bigint)', [lockKey]);
  try {
    // After the lock: CREATE ... IF NOT EXISTS is not safe against a concurrent creator.
    if (name[1]) await client.query(`CREATE SCHEMA IF NOT EXISTS ${name[1]}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${plan.table} (
         id text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const applied = new Map(
      (await client.query<{ id: string; checksum: string }>(`SELECT id, checksum FROM ${plan.table}`)).rows.map((r) => [r.id, r.checksum]),
    );
    const appliedNow: string[] = [];
    for (const m of migrations) {
      const checksum = checksumOf(m.sql);
      const known = applied.get(m.id);
      if (known !== undefined) {
        if (known !== checksum) throw new Error(`migration ${m.id} was edited after it was applied; add a new migration instead`);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO ${plan.table} (id, checksum) VALUES ($1, $2)`, [m.id, checksum]);
        await client.query('COMMIT');
      } catch (e) {
        // The migration's own error is the one to report, even if the connection is gone by now.
        await client.query('ROLLBACK').catch(() => undefined);
        throw new Error(`migration ${m.id} failed: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
      }
      appliedNow.push(m.id);
    }
    return appliedNow;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1::bigint)', [lockKey]);
  }
}

/** Every `*.sql` file of a folder, its name without the extension as id (`001-events`). */
export function loadSqlMigrations(dir: string): SqlMigration[] {
  if (!existsSync(dir)) {
    // A build that compiles TypeScript only leaves the .sql files behind: they must be copied next to the output.
    throw new Error(`migration folder not found: ${dir} (copy the schema/*.sql files next to the compiled code)`);
  }
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => ({ id: f.slice(0, -'.sql'.length), sql: readFileSync(join(dir, f), 'utf8') }));
}

/**
 * Creates or updates the event store's schema (`event_store`) from `schema/*.sql`, as the connection's role (the
 * schema owner; a superuser on the test and local clusters). Safe to call from several processes at once.
 */
export async function migrateEventStore(connectionString: string): Promise<void> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    await runSqlMigrations(client, {
      lockKey: EVENT_STORE_LOCK_KEY,
      table: 'event_store.schema_migrations',
      migrations: loadSqlMigrations(SCHEMA_DIR),
    });
  } finally {
    await client.end();
  }
}

// Line endings differ between checkouts; they must not make an applied migration look edited.
function checksumOf(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}
