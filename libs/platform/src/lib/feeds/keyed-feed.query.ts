/** Reads one key's items from a keyed feed's table: never the event store. Paging follows the primary key. */
import type { ReadModelDatabase } from '../read-models/read-model-database';
import type { FeedItem, KeyedFeedDefinition, StoredFeedRow } from './keyed-feed.definition';

/** Where a reader gets its pages from. */
export interface FeedPages<Entry> {
  /** The key's items after sequence number `after`, oldest first, at most `limit`. */
  page(key: string, after: bigint, limit: number): Promise<FeedItem<Entry>[]>;
  /** The key's last committed sequence number, 0 for none. */
  lastSeq(key: string): Promise<bigint>;
}

export class KeyedFeedQuery<Entry> implements FeedPages<Entry> {
  private readonly sql: string;
  private readonly lastSql: string;

  constructor(
    private readonly feed: KeyedFeedDefinition<never, Entry>,
    private readonly db: ReadModelDatabase,
  ) {
    const own = feed.columns.map((c) => `, f.${c.name}`).join('');
    // Qualified: a bare `seq` in ORDER BY would name the text output column and sort "10" before "9".
    this.sql = `SELECT f.${feed.keyColumn} AS key, f.seq::text AS seq, f.id::text AS id${own}
      FROM ${feed.schema}.${feed.itemsTable} AS f
      WHERE f.${feed.keyColumn} = $1 AND f.seq > $2
      ORDER BY f.seq ASC
      LIMIT $3`;
    this.lastSql = `SELECT max(f.seq)::text AS seq FROM ${feed.schema}.${feed.itemsTable} AS f WHERE f.${feed.keyColumn} = $1`;
  }

  /**
   * The sequence number of the key's last committed item, 0 for none: every cursor the feed gave out for the key is
   * at most this, so a larger one was never given out (a reader resuming from it would skip the items up to it).
   */
  async lastSeq(key: string): Promise<bigint> {
    const [row] = (await this.db.manager.query(this.lastSql, [key])) as { seq: string | null }[];
    return row?.seq ? BigInt(row.seq) : 0n;
  }

  async page(key: string, after: bigint, limit: number): Promise<FeedItem<Entry>[]> {
    const rows = (await this.db.manager.query(this.sql, [key, after.toString(), Math.max(0, Math.floor(limit))])) as StoredFeedRow[];
    return rows.map((row) => ({ seq: BigInt(row.seq), entry: this.feed.read(row) }));
  }
}
