/**
 * filing_index (migration 20261210-0001): each filing's LRN and parties, from its EnsFilingRegistered, which the
 * inbox projection reads for nearly every event it handles. A row is a fact, written once (insert-or-ignore), so
 * what a transaction has read or written is kept for the rest of it: the events of one filing in a batch cost one
 * lookup, not one each. A filing not found is not kept: its registration may still come, in this batch or in
 * another partition's commit. Raw SQL: TypeORM's query building cost more CPU than the lookup itself.
 */
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

export async function indexedFiling(tx: ReadModelTransaction, mrn: string): Promise<FilingFacts | undefined> {
  const filings = knownIn(tx);
  const cached = filings?.get(mrn);
  if (cached) return cached;
  const [row] = await tx.query<IndexRow>(`SELECT lrn, filed_by, declarant, representative, carrier FROM ${TABLE} WHERE mrn = $1`, [mrn]);
  if (!row) return undefined;
  const facts = factsOf(mrn, row);
  filings?.set(mrn, facts);
  return facts;
}
