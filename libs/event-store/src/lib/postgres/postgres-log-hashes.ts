import type { PoolClient } from 'pg';
import type { Position } from '../recorded-event';
import { keysetPageArrays } from './postgres-pages';

/** One event of the global log as the Merkle tree and the digest see it: where it is, and its stored hash. */
export interface LogHashRow {
  /** `transaction_id` as text. */
  readonly log_commit: string;
  /** `position` as text: unique in the log, so it also identifies the event. */
  readonly log_prepare: string;
  readonly hash: string;
  /** Read only with `withStreams`: whose event it is, for the stream heads (stream-heads.ts). */
  readonly stream_id?: string;
  readonly revision?: number;
}

/** Where a read of the log stops: at a position (inclusive), or below a transaction-id watermark (the stable prefix). */
export type LogBound = { readonly upTo: Position } | { readonly belowTransaction: string };

// Keyset pages in the order of the (transaction_id, position) index; only the hashes, which is all a tree needs.
const HASH_COLUMNS = 'transaction_id::text AS log_commit, position::text AS log_prepare, hash';
const HEAD_COLUMNS = `${HASH_COLUMNS}, stream_id, revision`;
const HASHES_UP_TO_SQL = `SELECT ${HASH_COLUMNS} FROM event_store.events
  WHERE (transaction_id, position) > ($1::xid8, $2::bigint) AND (transaction_id, position) <= ($3::xid8, $4::bigint)
  ORDER BY transaction_id, position LIMIT $5`;
const HASHES_BELOW_SQL = `SELECT ${HASH_COLUMNS} FROM event_store.events
  WHERE (transaction_id, position) > ($1::xid8, $2::bigint) AND transaction_id < $3::xid8
  ORDER BY transaction_id, position LIMIT $4`;

/** xid8 has no negative values: the start of the log is "after (0, -1)", as in readAll. */
export const BEFORE_THE_LOG: Position = Object.freeze({ commit: 0n, prepare: -1n });

const HEADS_UP_TO_SQL = HASHES_UP_TO_SQL.replace(HASH_COLUMNS, HEAD_COLUMNS);
const HEADS_BELOW_SQL = HASHES_BELOW_SQL.replace(HASH_COLUMNS, HEAD_COLUMNS);

/**
 * The log's hashes after `after`, in log order, up to the bound, a page at a time; run it inside the caller's
 * snapshot. `withStreams`: each row also names its stream and revision.
 */
export function logHashPages(
  client: PoolClient,
  after: Position,
  bound: LogBound,
  batchSize: number,
  withStreams = false,
): AsyncGenerator<LogHashRow[]> {
  return keysetPageArrays(batchSize, async (last: LogHashRow | null) => {
    const from = last ? [last.log_commit, last.log_prepare] : [after.commit.toString(), after.prepare.toString()];
    const { rows } =
      'upTo' in bound
        ? await client.query<LogHashRow>({
            name: withStreams ? 'event_store.log-heads.up-to' : 'event_store.log-hashes.up-to',
            text: withStreams ? HEADS_UP_TO_SQL : HASHES_UP_TO_SQL,
            values: [...from, bound.upTo.commit.toString(), bound.upTo.prepare.toString(), batchSize],
          })
        : await client.query<LogHashRow>({
            name: withStreams ? 'event_store.log-heads.below' : 'event_store.log-hashes.below',
            text: withStreams ? HEADS_BELOW_SQL : HASHES_BELOW_SQL,
            values: [...from, bound.belowTransaction, batchSize],
          });
    return rows;
  });
}
