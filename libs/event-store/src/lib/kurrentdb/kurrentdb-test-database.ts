import { migrateEventStore } from '../postgres/migrate';
import { freshDatabase, type FreshDatabase } from '../testing/fresh-database';
import { migrateKurrentDbSubscriptions } from './kurrentdb-processed';

/** The checkpoint database the KurrentDB specs need: the event store's schema plus the KurrentDB subscription tables. */
export type CheckpointDatabase = FreshDatabase;

export function freshCheckpointDatabase(): Promise<CheckpointDatabase> {
  return freshDatabase('kdb', async (adminUrl) => {
    await migrateEventStore(adminUrl);
    await migrateKurrentDbSubscriptions(adminUrl);
  });
}
