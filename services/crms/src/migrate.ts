/**
 * `node dist/services/crms/src/migrate.js` (the init container, npm start): the event store's schema and this
 * service's own, as the schema owner (MIGRATION_DATABASE_URL, else DATABASE_URL).
 */
import { migrateEventStore } from '@ics2/event-store';
import { migrateReadModels } from '@ics2/platform';
import { crmsMigrations } from './database/schema';

export async function migrateCrms(ownerUrl: string): Promise<void> {
  await migrateEventStore(ownerUrl);
  await migrateReadModels(ownerUrl, crmsMigrations);
}

/** The name docker/migrate.cjs calls in every service's image. */
export const migrate = migrateCrms;

if (require.main === module) {
  const url = process.env['MIGRATION_DATABASE_URL'] ?? process.env['DATABASE_URL'];
  if (!url) {
    process.stderr.write('config error: MIGRATION_DATABASE_URL or DATABASE_URL must be set (the schema owner)\n');
    process.exit(1);
  }
  migrateCrms(url).then(
    () => process.stdout.write('crms: migrations applied\n'),
    (e: unknown) => {
      process.stderr.write(`crms: migrations failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
