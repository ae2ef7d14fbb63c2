/**
 * `node dist/services/audit/src/migrate.js` (the init container, npm start): the audit service keeps no tables of
 * its own (everything it shows is read from the events), so only the event store's schema.
 */
import { migrateEventStore } from '@ics2/event-store';

export async function migrateAudit(ownerUrl: string): Promise<void> {
  await migrateEventStore(ownerUrl);
}

/** The name docker/migrate.cjs calls in every service's image. */
export const migrate = migrateAudit;

if (require.main === module) {
  const url = process.env['MIGRATION_DATABASE_URL'] ?? process.env['DATABASE_URL'];
  if (!url) {
    process.stderr.write('config error: MIGRATION_DATABASE_URL or DATABASE_URL must be set (the schema owner)\n');
    process.exit(1);
  }
  migrateAudit(url).then(
    () => process.stdout.write('audit: migrations applied\n'),
    (e: unknown) => {
      process.stderr.write(`audit: migrations failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
