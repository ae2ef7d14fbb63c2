/**
 * filing_index (migration 20261210-0001): each filing's LRN and parties, from its EnsFilingRegistered, which the
 * inbox projection reads for nearly every event it handles. A filing another partition has not indexed yet (an
 * arrival's IE3N07, a risk or control item about the ENS head) is read from its registration event in the store,
 * which was recorded before anything about the filing: live and replay give the same LRN. A row is a fact, written once (insert-or-ignore), so
 * what a transaction has read or written is kept for the rest of it: the events of one filing in a batch cost one
 * lookup, not one each. A filing not found is not kept: its registration may still come, in this batch or in
 * another partition's commit. Raw SQL: TypeORM's query building cost more CPU than the lookup itself.
 */
import type { EnsFilingRegistered } from '@ics2/contracts';
import { ensStream, type EventStore } from '@ics2/event-store';
import type { ReadModelTransaction } from '@ics2/platform';
import type { QueryRunner } from 'typeorm';
import { TRADER_INTERFACE_SCHEMA } from '../database/schema';
import type { FilingFacts } from './notification';

const TABLE = `${TRADER_INTERFACE_SCHEMA}.filing_index`;

const known = new WeakMap<QueryRunner, Map<string, FilingFacts>>();

function knownIn(tx: ReadModelTransaction): Map<string, FilingFacts> | undefined {
  const runner = tx.manager.queryRunner;
  if (!runner) return undefined;
  let filings = known.get(runner);
  if (!filings) known.set(runner, (filings = new Map()));
  return filings;
}

export async function indexFiling(tx: ReadModelTransaction, filing: FilingFacts): Promise<void> {
  const { filedBy, declarant, representative, carrier } = filing.parties;
  await tx.query(`INSERT INTO ${TABLE} (mrn, lrn, filed_by, declarant, representative, carrier) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (mrn) DO NOTHING`, [
    filing.mrn,
    filing.lrn,
    filedBy,
    declarant,
    representative ?? null,
    carrier ?? null,
  ]);
  knownIn(tx)?.set(filing.mrn, factsOf(filing.mrn, { lrn: filing.lrn, filed_by: filedBy, declarant, representative: representative ?? null, carrier: carrier ?? null }));
}

interface IndexRow {
  readonly lrn: string;
  readonly filed_by: string;
  readonly declarant: string;
  readonly representative: string | null;
  readonly carrier: string | null;
}

/** The facts as a row gives them back, whether just written or read. */
const factsOf = (mrn: string, row: IndexRow): FilingFacts => ({
  mrn,
  lrn: row.lrn,
  parties: {
    filedBy: row.filed_by,
    declarant: row.declarant,
    ...(row.representative ? { representative: row.representative } : {}),
    ...(row.carrier ? { carrier: row.carrier } : {}),
  },
});

export async function indexedFiling(tx: ReadModelTransaction, mrn: string, store: EventStore): Promise<FilingFacts | undefined> {
  const filings = knownIn(tx);
  const cached = filings?.get(mrn);
  if (cached) return cached;
  const [row] = await tx.query<IndexRow>(`SELECT lrn, filed_by, declarant, representative, carrier FROM ${TABLE} WHERE mrn = $1`, [mrn]);
  const facts = row ? factsOf(mrn, row) : await registrationOf(store, mrn);
  if (facts) filings?.set(mrn, facts);
  return facts;
}

async function registrationOf(store: EventStore, mrn: string): Promise<FilingFacts | undefined> {
  const [first] = await store.readStream(ensStream(mrn), { maxCount: 1 });
  if (first?.type !== 'EnsFilingRegistered') return undefined;
  const { lrn, parties } = first.data as EnsFilingRegistered['data'];
  return { mrn, lrn, parties };
}
