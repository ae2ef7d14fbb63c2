/**
 * `node dist/services/trader-interface/src/migrate.js` (the init container, npm start): the event store's schema
 * and this service's own, as the schema owner (DATABASE_URL of the owner, or MIGRATION_DATABASE_URL).
 */
import { migrateEventStore } from '@ics2/event-store';
import { migrateReadModels } from '@ics2/platform';
import { traderInterfaceMigrations } from './database/schema';

export async function migrateTraderInterface(ownerUrl: string): Promise<void> {
  await migrateEventStore(ownerUrl);
  await migrateReadModels(ownerUrl, traderInterfaceMigrations);
}

/** The name docker/migrate.cjs calls in every service's image. */
export const migrate = migrateTraderInterface;

if (require.main === module) {
  const url = process.env['MIGRATION_DATABASE_URL'] ?? process.env['DATABASE_URL'];
  if (!url) {
    process.stderr.write('config error: MIGRATION_DATABASE_URL or DATABASE_URL must be set (the schema owner)\n');
    process.exit(1);
  }
  migrateTraderInterface(url).then(
    () => process.stdout.write('trader-interface: migrations applied\n'),
    (e: unknown) => {
      process.stderr.write(`trader-interface: migrations failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
