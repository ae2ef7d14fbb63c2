/**
 * The linking processor's lookups on a real PostgreSQL: each statement LinkingKeys sends (captured, then explained)
 * is served by an index on what it compares, so its cost does not grow with the filings kept. The master document
 * and carrier must be index conditions, not a filter over every open filing of the family: `IS NOT DISTINCT FROM`
 * (as the statements were) is not one an index serves, so a lookup read the whole family, and a master's houses or
 * a PLACI counterpart the whole table. The table is small here, so sequential scans are off for the EXPLAIN: the
 * question is whether an index can serve the statement, not whether the planner prefers it on a few rows.
 */
import type { SqlTransaction } from '@ics2/event-store';
import { freshDatabase, type FreshDatabase } from '@ics2/event-store/testing';
import { Client } from 'pg';
import { migrateCommonRepository } from '../migrate';
import { LinkingKeys, matchTermsOf, type CandidateHouse, type LinkingKeyRow } from './linking-keys';

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Index Name'?: string;
  readonly 'Index Cond'?: string;
  readonly 'Relation Name'?: string;
  readonly Plans?: readonly PlanNode[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/** The statement a LinkingKeys call sends, not run. */
async function statementOf(call: (keys: LinkingKeys) => Promise<unknown>): Promise<{ sql: string; params: readonly unknown[] }> {
  let sent: { sql: string; params: readonly unknown[] } | undefined;
  const tx: SqlTransaction = {
    query: async <Row>(sql: string, params: readonly unknown[] = []) => {
      sent = { sql, params };
      return [] as Row[];
    },
  };
  await call(new LinkingKeys(tx));
  if (!sent) throw new Error('no statement sent');
  return sent;
}

const row = (overrides: Partial<LinkingKeyRow> = {}): LinkingKeyRow => ({
  mrn: '26DE000000000001T1',
  filing_type: 'F24',
  level: 'house',
  link_family: 'air',
  placi: true,
  master_document: '176-12345675',
  carrier: 'LU987654321',
  house_documents: ['HAWB-1'],
  parties: {} as LinkingKeyRow['parties'],
  houses: [],
  open: true,
  linked_to: '26DE000000000002T1',
  complete: false,
  registered_at: new Date('2026-12-03T08:00:00Z'),
  ...overrides,
});

describe('LinkingKeys plans', () => {
  let db: FreshDatabase;
  let admin: Client;

  beforeAll(async () => {
    db = await freshDatabase('cr_linking_plan', migrateCommonRepository);
    admin = new Client({ connectionString: db.adminUrl });
    await admin.connect();
  }, 60_000);
  afterAll(async () => {
    await admin?.end();
    await db?.drop();
  });

  const planOf = async (call: (keys: LinkingKeys) => Promise<unknown>): Promise<PlanNode[]> => {
    const { sql, params } = await statementOf(call);
    await admin.query('BEGIN');
    try {
      await admin.query('SET LOCAL enable_seqscan = off');
      const { rows } = await admin.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(`EXPLAIN (FORMAT JSON) ${sql}`, [...params]);
      return nodesOf(rows[0]['QUERY PLAN'][0].Plan);
    } finally {
      await admin.query('ROLLBACK');
    }
  };
  const scans = (nodes: PlanNode[]) => nodes.filter((n) => /Scan/.test(n['Node Type']) && !/Function|Result/.test(n['Node Type']));
  const indexConditions = (nodes: PlanNode[], index: string) => nodes.filter((n) => n['Index Name'] === index).map((n) => n['Index Cond'] ?? '');

  it.each([
    ['a master document and a carrier', row()],
    ['no carrier', row({ carrier: null })],
    ['no master document (a house filed before its master is known)', row({ master_document: null })],
  ])('finds the filings of a linking key from the key index, with %s as index conditions', async (_, key) => {
    const nodes = await planOf((keys) => keys.sameKey(key));
    expect(scans(nodes).map((n) => n['Index Name'])).toEqual(['linking_keys_key_idx']);
    const [condition] = indexConditions(nodes, 'linking_keys_key_idx');
    expect(condition).toMatch(/link_family/);
    expect(condition).toMatch(key.master_document === null ? /master_document IS NULL/ : /master_document = /);
    expect(condition).toMatch(key.carrier === null ? /carrier IS NULL/ : /carrier = /);
  });

  it('finds a PLACI counterpart by master document and carrier from an index, not by reading every filing', async () => {
    const nodes = await planOf((keys) => keys.placiCounterpart('176-12345675', 'LU987654321', 'HAWB-1'));
    expect(scans(nodes).map((n) => n['Index Name'])).toEqual(['linking_keys_document_idx']);
    expect(indexConditions(nodes, 'linking_keys_document_idx')[0]).toMatch(/master_document = .*carrier = /);
  });

  it("finds a master's houses from the linked_to index", async () => {
    const nodes = await planOf((keys) => keys.housesOf('26DE000000000002T1'));
    expect(scans(nodes).map((n) => n['Index Name'])).toEqual(['linking_keys_linked_to_idx']);
  });

  it('finds the complete masters reading a PLACI house by primary key, their houses by master document and carrier', async () => {
    const nodes = await planOf((keys) => keys.completeMastersReading(row()));
    expect(scans(nodes).map((n) => n['Index Name']).sort()).toEqual(['linking_keys_document_idx', 'linking_keys_pkey']);
    expect(indexConditions(nodes, 'linking_keys_pkey')[0]).toMatch(/mrn = ANY/);
  });

  it.each([
    ['the first due master', null],
    ['the next due master after one looked at', { ...row({ level: 'master' }), timer_from_text: '2026-12-03 08:00:00.123456+00' }],
  ])('claims %s from the timer index, where the scan starts', async (_, after) => {
    const nodes = await planOf((keys) => keys.claimDueMaster(new Date('2026-12-03T12:00:00Z'), after));
    expect(scans(nodes).map((n) => n['Index Name'])).toEqual(['linking_keys_timer_idx']);
    const [condition] = indexConditions(nodes, 'linking_keys_timer_idx');
    expect(condition).toMatch(/timer_from < /);
    if (after) expect(condition).toMatch(/timer_from >= /);
  });

  it('claims a due master once per pass, however finely its timer instant was written', async () => {
    const on = { query: async <Row>(sql: string, params: readonly unknown[] = []) => (await admin.query(sql, [...params])).rows as Row[] };
    const keys = new LinkingKeys(on);
    // Microseconds, as a timer_from written by the database itself holds: a Date of it would fall before it.
    await admin.query(
      `INSERT INTO common_repository.linking_keys (mrn, filing_type, level, link_family, placi, master_document, carrier, house_documents, parties, houses, registered_at, timer_from)
       VALUES ('DUE000000000000001', 'F21', 'master', 'air', false, '176-00000001', 'LU987654321', ARRAY['H-1'], '{}', '[]', $1, timestamptz '2026-12-03 08:00:00.123456+00')`,
      [new Date('2026-12-03T08:00:00Z')],
    );
    try {
      const before = new Date('2026-12-03T12:00:00Z');
      const first = await keys.claimDueMaster(before, null);
      expect(first?.mrn).toBe('DUE000000000000001');
      expect(await keys.claimDueMaster(before, first)).toBeNull();
    } finally {
      await admin.query(`DELETE FROM common_repository.linking_keys WHERE mrn LIKE 'DUE%'`);
    }
  });

  it("finds a master's candidate houses by container or shipping mark from their indexes, not by reading the family", async () => {
    const houses = [{ houseDocument: 'HAWB-1', summary: {} as LinkingKeyRow['houses'][number]['summary'], containers: ['MSCU1234565'], shippingMarks: [' abc 1 '] }];
    // A family of 5,000 unlinked houses, analysed: the key index (the whole family) would serve as well on an empty
    // table, so the planner is shown a family to choose against.
    await admin.query(
      `INSERT INTO common_repository.linking_keys (mrn, filing_type, level, link_family, placi, master_document, carrier, house_documents, parties, houses, registered_at, timer_from, containers, shipping_marks)
       SELECT 'P' || lpad(n::text, 17, '0'), 'F22', 'house', 'air', false, '176-' || lpad(n::text, 8, '0'), 'LU987654321', ARRAY['H-' || n], '{}', '[]',
              now(), now(), ARRAY['CONT' || n], ARRAY['MARK ' || n]
         FROM generate_series(1, 5000) AS n`,
    );
    await admin.query('ANALYZE common_repository.linking_keys');
    try {
      const nodes = await planOf((keys) => keys.candidateHouses('air', matchTermsOf(houses), 1_000));
      expect(scans(nodes).map((n) => n['Index Name']).sort()).toEqual(['linking_keys_unlinked_containers_idx', 'linking_keys_unlinked_marks_idx']);
      // The pages after the first as well.
      const after = { mrn: 'P00000000000000001', registered_at_text: new Date().toISOString() } as CandidateHouse;
      const next = await planOf((keys) => keys.candidateHouses('air', matchTermsOf(houses), 1_000, after));
      expect(scans(next).map((n) => n['Index Name']).sort()).toEqual(['linking_keys_unlinked_containers_idx', 'linking_keys_unlinked_marks_idx']);
    } finally {
      await admin.query(`DELETE FROM common_repository.linking_keys WHERE mrn LIKE 'P%'`);
    }
  });
});
