/**
 * The linking processor's table (migration 20261201-0003): every filing's linking key, its parties and what the
 * consistency check needs of its houses, as the filing now stands (an accepted amendment replaces `houses`; the
 * key and parties may not be amended). Read and written inside the processor's transaction.
 */
import type { SqlTransaction } from '@ics2/event-store';
import { houseConsignmentsOf, type EnsFiling, type EnsFilingRegistered, type FilingParties } from '@ics2/contracts';
import { filingType } from '@ics2/domain';
import type { HouseSummary } from '../domain/filing.commands';
import { summariseHouse } from '../domain/rules/house-summary';
import { linkFamilyOf } from '../domain/rules/link-family';

export interface HouseFacts {
  readonly houseDocument: string;
  readonly summary: HouseSummary;
  readonly containers: readonly string[];
  readonly shippingMarks: readonly string[];
}

export interface LinkingKeyRow {
  readonly mrn: string;
  readonly filing_type: string;
  readonly level: 'complete' | 'master' | 'house';
  readonly link_family: string;
  readonly placi: boolean;
  readonly master_document: string | null;
  readonly carrier: string | null;
  readonly house_documents: string[];
  readonly parties: FilingParties;
  readonly houses: HouseFacts[];
  readonly open: boolean;
  readonly linked_to: string | null;
  readonly complete: boolean;
  readonly registered_at: Date;
}

/** A master whose linking timer ran out, with where it stands in the timer's order. */
export interface DueMaster extends LinkingKeyRow {
  /** `timer_from` as the database wrote it: a Date would keep milliseconds of an instant that may hold microseconds. */
  readonly timer_from_text: string;
}

/** A candidate house for a master's link proposals, with where it stands in their order (as DueMaster does). */
export interface CandidateHouse extends LinkingKeyRow {
  readonly registered_at_text: string;
}

const COLUMNS = 'mrn, filing_type, level, link_family, placi, master_document, carrier, house_documents, parties, houses, open, linked_to, complete, registered_at';

/**
 * `column = $n` (the value added to `params`), or `column IS NULL`: what `IS NOT DISTINCT FROM` says, in the form
 * an index serves (migration 20261203-0002), so a lookup does not read every filing of the family.
 */
function sameAs(column: string, value: string | null, params: unknown[]): string {
  if (value === null) return `${column} IS NULL`;
  params.push(value);
  return `${column} = $${params.length}`;
}

/** What houses are matched on besides their key (migration 20261203-0003), each once, sorted. */
export interface MatchTerms {
  readonly containers: string[];
  /** As the linking timer compares them: trimmed, upper case. */
  readonly shippingMarks: string[];
}

export function matchTermsOf(houses: readonly HouseFacts[]): MatchTerms {
  return {
    containers: [...new Set(houses.flatMap((h) => h.containers))].sort(),
    shippingMarks: [...new Set(houses.flatMap((h) => h.shippingMarks.map((m) => m.trim().toUpperCase())))].sort(),
  };
}

/** What linking and the consistency check read of each house consignment of a filing. */
export function houseFactsOf(filing: EnsFiling): HouseFacts[] {
  return houseConsignmentsOf(filing).map((h) => ({
    houseDocument: h.transportDocumentHouseLevel?.documentNumber ?? '',
    summary: summariseHouse(h),
    containers: (h.transportEquipment ?? []).map((t) => t.containerIdentificationNumber),
    shippingMarks: (h.goodsItem ?? []).flatMap((g) => (g.packaging ?? []).map((p) => p.shippingMarks).filter((m): m is string => !!m)),
  }));
}

export function linkingRowOf(event: EnsFilingRegistered['data']): Omit<LinkingKeyRow, 'open' | 'linked_to' | 'complete'> {
  const houses = houseFactsOf(event.filing);
  return {
    mrn: event.mrn,
    filing_type: event.filingType,
    level: event.level,
    link_family: linkFamilyOf(event.filingType),
    placi: filingType(event.filingType)?.placi ?? false,
    master_document: event.linkingKey.masterDocument ?? null,
    carrier: event.linkingKey.carrier ?? null,
    house_documents: [...event.linkingKey.houseDocuments],
    parties: event.parties,
    houses,
    registered_at: new Date(event.registeredAt),
  };
}

export class LinkingKeys {
  constructor(private readonly tx: SqlTransaction) {}

  async insert(row: ReturnType<typeof linkingRowOf>): Promise<void> {
    const terms = matchTermsOf(row.houses);
    await this.tx.query(
      `INSERT INTO common_repository.linking_keys (mrn, filing_type, level, link_family, placi, master_document, carrier, house_documents, parties, houses, registered_at, timer_from, containers, shipping_marks)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $13) ON CONFLICT (mrn) DO NOTHING`,
      [row.mrn, row.filing_type, row.level, row.link_family, row.placi, row.master_document, row.carrier, row.house_documents, JSON.stringify(row.parties), JSON.stringify(row.houses), row.registered_at, terms.containers, terms.shippingMarks],
    );
  }

  async get(mrn: string): Promise<LinkingKeyRow | null> {
    const rows = await this.tx.query<LinkingKeyRow>(`SELECT ${COLUMNS} FROM common_repository.linking_keys WHERE mrn = $1`, [mrn]);
    return rows[0] ?? null;
  }

  /** Open filings of the same family and linking key (master document + carrier), oldest first. */
  sameKey(row: Pick<LinkingKeyRow, 'link_family' | 'master_document' | 'carrier'>): Promise<LinkingKeyRow[]> {
    const params: unknown[] = [row.link_family];
    return this.tx.query<LinkingKeyRow>(
      `SELECT ${COLUMNS} FROM common_repository.linking_keys
       WHERE open AND link_family = $1 AND ${sameAs('master_document', row.master_document, params)} AND ${sameAs('carrier', row.carrier, params)}
       ORDER BY registered_at, mrn`,
      params,
    );
  }

  /**
   * The PLACI filing of the same house (same master document, carrier and house document) that stands, for PET11: an
   * open one. A later duplicate rejected with X08, or one invalidated, declares nothing to compare with.
   */
  async placiCounterpart(masterDocument: string | null, carrier: string | null, houseDocument: string): Promise<LinkingKeyRow | null> {
    const params: unknown[] = [houseDocument];
    const rows = await this.tx.query<LinkingKeyRow>(
      `SELECT ${COLUMNS} FROM common_repository.linking_keys
       WHERE placi AND level <> 'master' AND ${sameAs('master_document', masterDocument, params)} AND ${sameAs('carrier', carrier, params)} AND $1 = ANY(house_documents)
       ORDER BY open DESC, registered_at DESC LIMIT 1`,
      params,
    );
    // `open` sorts rather than filters: with it in the filter the planner may take the partial key index (open
    // filings), which without the family reads every one of them (linking-keys.plan.int.spec.ts).
    return rows[0]?.open ? rows[0] : null;
  }

  async housesOf(masterMrn: string): Promise<LinkingKeyRow[]> {
    return this.tx.query<LinkingKeyRow>(`SELECT ${COLUMNS} FROM common_repository.linking_keys WHERE linked_to = $1 ORDER BY registered_at, mrn`, [masterMrn]);
  }

  /** An accepted amendment: the houses as the filing now stands. */
  async amendHouses(mrn: string, houses: readonly HouseFacts[]): Promise<void> {
    const terms = matchTermsOf(houses);
    await this.tx.query('UPDATE common_repository.linking_keys SET houses = $2, containers = $3, shipping_marks = $4 WHERE mrn = $1', [
      mrn,
      JSON.stringify(houses),
      terms.containers,
      terms.shippingMarks,
    ]);
  }

  /**
   * The complete masters whose consistency check reads this filing's houses: itself (a master), its master (a
   * house), and for a PLACI house the masters of the pre-arrival houses it is compared with.
   */
  completeMastersReading(row: LinkingKeyRow): Promise<LinkingKeyRow[]> {
    const params: unknown[] = [row.mrn, row.linked_to, row.placi && row.level !== 'master', row.house_documents];
    // The masters by primary key, from an array built first (an InitPlan): an OR of the subquery with the keys would
    // be a filter over every master.
    return this.tx.query<LinkingKeyRow>(
      `SELECT ${COLUMNS} FROM common_repository.linking_keys m
       WHERE m.level = 'master' AND m.complete AND m.mrn = ANY(ARRAY[$1::text, $2::text] || ARRAY(
         SELECT h.linked_to FROM common_repository.linking_keys h
         WHERE $3 AND h.linked_to IS NOT NULL AND NOT h.placi AND ${sameAs('h.master_document', row.master_document, params)}
           AND ${sameAs('h.carrier', row.carrier, params)} AND h.house_documents && $4::text[]))
       ORDER BY m.registered_at, m.mrn`,
      params,
    );
  }

  async close(mrn: string): Promise<void> {
    await this.tx.query('UPDATE common_repository.linking_keys SET open = false WHERE mrn = $1', [mrn]);
  }

  async linkHouse(houseMrn: string, masterMrn: string): Promise<void> {
    await this.tx.query('UPDATE common_repository.linking_keys SET linked_to = $2 WHERE mrn = $1', [houseMrn, masterMrn]);
  }

  /** The house's master was invalidated: it waits for a master again. */
  async unlinkHouse(houseMrn: string): Promise<void> {
    await this.tx.query('UPDATE common_repository.linking_keys SET linked_to = NULL WHERE mrn = $1', [houseMrn]);
  }

  /**
   * One of the master's houses was invalidated at `at`: its ENS is incomplete again, and its linking timer starts
   * again from then (the refiled house gets the whole delay to link by its key before proposals are made).
   */
  async reopenMaster(masterMrn: string, at: Date): Promise<void> {
    await this.tx.query('UPDATE common_repository.linking_keys SET complete = false, timer_done = false, timer_from = $2 WHERE mrn = $1', [masterMrn, at]);
  }

  async completeMaster(masterMrn: string): Promise<void> {
    await this.tx.query('UPDATE common_repository.linking_keys SET complete = true WHERE mrn = $1', [masterMrn]);
  }

  /**
   * The next master after `after` (in timer order: timer_from, then MRN) still incomplete whose linking timer ran out
   * (started before `before`) and not yet looked at since it started, locked until the caller's transaction ends: a
   * replica running the timer at the same time skips it (SKIP LOCKED) and takes the next, so no two propose for one
   * master at once, and a master done (timer_done, committed with its lock) is not taken again.
   */
  async claimDueMaster(before: Date, after: DueMaster | null): Promise<DueMaster | null> {
    const params: unknown[] = [before];
    let past = '';
    if (after) {
      params.push(after.timer_from_text, after.mrn);
      // The row comparison's first column bounds the scan of the timer index (linking-keys.plan.int.spec.ts).
      past = 'AND (timer_from, mrn) > ($2::timestamptz, $3)';
    }
    const rows = await this.tx.query<DueMaster>(
      `SELECT ${COLUMNS}, timer_from::text AS timer_from_text FROM common_repository.linking_keys
       WHERE open AND NOT complete AND NOT timer_done AND level = 'master' AND timer_from < $1 ${past}
       ORDER BY timer_from, mrn LIMIT 1 FOR UPDATE SKIP LOCKED`,
      params,
    );
    return rows[0] ?? null;
  }

  /**
   * Open houses of a family not linked to any master that share a container number or a shipping mark with these
   * terms (a master's, matchTermsOf): the candidates for manual linking, oldest first, from the indexes over those
   * terms, `limit` at a time: the page after `after` (the last candidate of the page before), however many wait.
   */
  candidateHouses(family: string, terms: MatchTerms, limit: number, after: CandidateHouse | null = null): Promise<CandidateHouse[]> {
    if (terms.containers.length === 0 && terms.shippingMarks.length === 0) return Promise.resolve([]);
    const params: unknown[] = [family, terms.containers, terms.shippingMarks, limit];
    let past = '';
    if (after) {
      params.push(after.registered_at_text, after.mrn);
      past = 'AND (registered_at, mrn) > ($5::timestamptz, $6)';
    }
    return this.tx.query<CandidateHouse>(
      `SELECT ${COLUMNS}, registered_at::text AS registered_at_text FROM common_repository.linking_keys
       WHERE open AND level = 'house' AND linked_to IS NULL AND link_family = $1 AND (containers && $2::text[] OR shipping_marks && $3::text[]) ${past}
       ORDER BY registered_at, mrn LIMIT $4`,
      params,
    );
  }

  async timerDone(mrn: string): Promise<void> {
    await this.tx.query('UPDATE common_repository.linking_keys SET timer_done = true WHERE mrn = $1', [mrn]);
  }
}
