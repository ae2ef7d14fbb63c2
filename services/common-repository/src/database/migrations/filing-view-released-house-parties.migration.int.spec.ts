/**
 * Migration 20261203-0004 on a store upgraded from the one before: a house row linked to no master loses the carrier
 * of a master whose link was released, and keeps its own parties in the projection's order, as a replay gives; a
 * house still linked and a master are left as they were.
 */
import { storeBeforeMigration, type StoreBeforeMigration } from '../../common-repository.test-harness';

describe('migration 20261203-0004-filing-view-released-house-parties', () => {
  let store: StoreBeforeMigration;

  beforeAll(async () => {
    store = await storeBeforeMigration('20261203-0004-filing-view-released-house-parties', 'cr_house_parties');
  }, 60_000);
  afterAll(async () => {
    await store?.db.drop();
  });

  it("gives a released house its own parties back, without its former master's carrier", async () => {
    const row = (mrn: string, level: string, representative: string | null, parties: string[], linked: object[]) =>
      store.admin.query(
        `INSERT INTO common_repository.filing_view (mrn, revision, lrn, filing_type, level, status, filed_by, declarant, representative, carrier, parties, registered_at, linked, filing)
         VALUES ($1, 3, 'L', 'F22', $2, 'registered', 'FR555555555', 'FR555555555', $3, 'LU987654321', $4, now(), $5, '{}')`,
        [mrn, level, representative, parties, JSON.stringify(linked)],
      );
    await row('26DE000000000001T1', 'house', 'BE111111111', ['FR555555555', 'BE111111111', 'LU987654321', 'NL222222222'], []);
    await row('26DE000000000002T9', 'house', null, ['FR555555555', 'LU987654321', 'NL222222222'], [{ mrn: '26DE000000000003T7', level: 'master', houseDocument: 'H1' }]);
    await row('26DE000000000003T7', 'master', null, ['FR555555555', 'LU987654321', 'NL222222222'], []);
    await store.upgrade();
    const { rows } = await store.admin.query('SELECT mrn, parties FROM common_repository.filing_view ORDER BY mrn');
    expect(rows).toEqual([
      { mrn: '26DE000000000001T1', parties: ['FR555555555', 'BE111111111', 'LU987654321'] },
      { mrn: '26DE000000000002T9', parties: ['FR555555555', 'LU987654321', 'NL222222222'] },
      { mrn: '26DE000000000003T7', parties: ['FR555555555', 'LU987654321', 'NL222222222'] },
    ]);
  });
});
