/**
 * Migration 20261203-0003 on a store upgraded from the one before: linking_keys rows written before it get their
 * container numbers and shipping marks (trimmed, upper case, each once) from `houses`, as the processor writes them
 * for new rows, so the linking timer finds those houses too.
 */
import { matchTermsOf, type HouseFacts } from '../../link-filings/linking-keys';
import { storeBeforeMigration, type StoreBeforeMigration } from '../../common-repository.test-harness';

describe('migration 20261203-0003-linking-keys-match-terms', () => {
  let store: StoreBeforeMigration;

  beforeAll(async () => {
    store = await storeBeforeMigration('20261203-0003-linking-keys-match-terms', 'cr_match_terms');
  }, 60_000);
  afterAll(async () => {
    await store?.db.drop();
  });

  it('fills the terms of rows written before it from their houses, as the processor would', async () => {
    const houses: HouseFacts[] = [
      { houseDocument: 'H1', summary: {} as HouseFacts['summary'], containers: ['MSCU2', 'MSCU1'], shippingMarks: [' abc 1 ', 'ABC 1'] },
      { houseDocument: 'H2', summary: {} as HouseFacts['summary'], containers: ['MSCU1'], shippingMarks: ['xyz'] },
    ];
    await store.admin.query(
      `INSERT INTO common_repository.linking_keys (mrn, filing_type, level, link_family, placi, master_document, carrier, house_documents, parties, houses, registered_at, timer_from)
       VALUES ('26DE000000000001T1', 'F22', 'house', 'air', false, '176-12345675', 'LU987654321', ARRAY['H1', 'H2'], '{}', $1, now(), now())`,
      [JSON.stringify(houses)],
    );
    await store.upgrade();
    const { rows } = await store.admin.query('SELECT containers, shipping_marks FROM common_repository.linking_keys');
    const terms = matchTermsOf(houses);
    expect(terms).toEqual({ containers: ['MSCU1', 'MSCU2'], shippingMarks: ['ABC 1', 'XYZ'] });
    expect(rows).toEqual([{ containers: terms.containers, shipping_marks: terms.shippingMarks }]);
  });
});
