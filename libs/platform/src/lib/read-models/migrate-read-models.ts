/**
 * Creates or updates a service's read-model schema, as the schema owner (the migration job, or `npm start`), and
 * grants the application role what projections need: read and write its tables, nothing on other schemas.
 * Migrations are SQL kept in TypeScript files (`read-models/migrations/<date>-<what>.ts`); a merged migration is
 * never edited (runSqlMigrations refuses a changed checksum), a new one is added instead.
 */
import { createHash } from 'node:crypto';
import { APP_ROLE, runSqlMigrations, type SqlMigration } from '@ics2/event-store';
import { Client } from 'pg';

export interface ReadModelMigrations {
  readonly schema: string;
  readonly migrations: readonly SqlMigration[];
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function migrateReadModels(ownerUrl: string, plan: ReadModelMigrations): Promise<string[]> {
  if (!SCHEMA_NAME.test(plan.schema)) throw new Error(`not a plain schema name: ${plan.schema}`);
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const applied = await runSqlMigrations(client, {
      lockKey: lockKeyOf(plan.schema),
      table: `${plan.schema}.schema_migrations`,
      migrations: plan.migrations,
    });
    await client.query(`
      GRANT USAGE ON SCHEMA ${plan.schema} TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${plan.schema} TO ${APP_ROLE};
      GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${plan.schema} TO ${APP_ROLE};
      REVOKE INSERT, UPDATE, DELETE ON ${plan.schema}.schema_migrations FROM ${APP_ROLE};`);
    return applied;
  } finally {
    await client.end();
  }
}

// One advisory lock per schema, so replicas migrating the same schema take turns and different services do not wait.
function lockKeyOf(schema: string): bigint {
  return BigInt.asIntN(64, BigInt(`0x${createHash('sha256').update(`read-models:${schema}`).digest('hex').slice(0, 16)}`));
}
