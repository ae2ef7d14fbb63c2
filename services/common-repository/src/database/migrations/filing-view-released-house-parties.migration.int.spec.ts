/**
 * Migration 20261203-0004 on a store upgraded from the one before: a house row linked to no master loses the carrier
 * of a master whose link was released, and keeps its own parties in the projection's order, as a replay gives; a
 * house still linked and a master are left as they were.
 */
import { migrateEventStore } from '@ics2/event-store';
import { freshDatabase, type FreshDatabase } from '@ics2/event-store/testing';
import { migrateReadModels } from '@ics2/platform';
import { Client } from 'pg';
import { commonRepositoryMigrations } from '../schema';

const before = { ...commonRepositoryMigrations, migrations: commonRepositoryMigrations.migrations.filter((m) => m.id !== '20261203-0004-filing-view-released-house-parties') };

describe('migration 20261203-0004-filing-view-released-house-parties', () => {
  let db: FreshDatabase;
  let admin: Client;

  beforeAll(async () => {
    db = await freshDatabase('cr_house_parties', async (url) => {
      await migrateEventStore(url);
      await migrateReadModels(url, before);
    });
    admin = await db.admin();
  }, 60_000);
  afterAll(async () => {
    await db?.drop();
  });

  it("gives a released house its own parties back, without its former master's carrier", async () => {
    const row = (mrn: string, level: string, representative: string | null, parties: string[], linked: object[]) =>
      admin.query(
        `INSERT INTO common_repository.filing_view (mrn, revision, lrn, filing_type, level, status, filed_by, declarant, representative, carrier, parties, registered_at, linked, filing)
         VALUES ($1, 3, 'L', 'F22', $2, 'registered', 'FR555555555', 'FR555555555', $3, 'LU987654321', $4, now(), $5, '{}')`,
        [mrn, level, representative, parties, JSON.stringify(linked)],
      );
    await row('26DE000000000001T1', 'house', 'BE111111111', ['FR555555555', 'BE111111111', 'LU987654321', 'NL222222222'], []);
    await row('26DE000000000002T9', 'house', null, ['FR555555555', 'LU987654321', 'NL222222222'], [{ mrn: '26DE000000000003T7', level: 'master', houseDocument: 'H1' }]);
    await row('26DE000000000003T7', 'master', null, ['FR555555555', 'LU987654321', 'NL222222222'], []);
    await migrateReadModels(db.adminUrl, commonRepositoryMigrations);
    const { rows } = await admin.query('SELECT mrn, parties FROM common_repository.filing_view ORDER BY mrn');
    expect(rows).toEqual([
      { mrn: '26DE000000000001T1', parties: ['FR555555555', 'BE111111111', 'LU987654321'] },
      { mrn: '26DE000000000002T9', parties: ['FR555555555', 'LU987654321', 'NL222222222'] },
      { mrn: '26DE000000000003T7', parties: ['FR555555555', 'LU987654321', 'NL222222222'] },
    ]);
  });
});
