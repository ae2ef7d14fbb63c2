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
}

/** Where a read of the log stops: at a position (inclusive), or below a transaction-id watermark (the stable prefix). */
export type LogBound = { readonly upTo: Position } | { readonly belowTransaction: string };

// Keyset pages in the order of the (transaction_id, position) index; only the hashes, which is all a tree needs.
const HASHES_UP_TO_SQL = `SELECT transaction_id::text AS log_commit, position::text AS log_prepare, hash FROM event_store.events
  WHERE (transaction_id, position) > ($1::xid8, $2::bigint) AND (transaction_id, position) <= ($3::xid8, $4::bigint)
  ORDER BY transaction_id, position LIMIT $5`;
const HASHES_BELOW_SQL = `SELECT transaction_id::text AS log_commit, position::text AS log_prepare, hash FROM event_store.events
  WHERE (transaction_id, position) > ($1::xid8, $2::bigint) AND transaction_id < $3::xid8
  ORDER BY transaction_id, position LIMIT $4`;

/** xid8 has no negative values: the start of the log is "after (0, -1)", as in readAll. */
export const BEFORE_THE_LOG: Position = Object.freeze({ commit: 0n, prepare: -1n });

/** The log's hashes after `after`, in log order, up to the bound, a page at a time; run it inside the caller's snapshot. */
export function logHashPages(client: PoolClient, after: Position, bound: LogBound, batchSize: number): AsyncGenerator<LogHashRow[]> {
  return keysetPageArrays(batchSize, async (last: LogHashRow | null) => {
    const from = last ? [last.log_commit, last.log_prepare] : [after.commit.toString(), after.prepare.toString()];
    const { rows } =
      'upTo' in bound
        ? await client.query<LogHashRow>({
            name: 'event_store.log-hashes.up-to',
            text: HASHES_UP_TO_SQL,
            values: [...from, bound.upTo.commit.toString(), bound.upTo.prepare.toString(), batchSize],
          })
        : await client.query<LogHashRow>({
            name: 'event_store.log-hashes.below',
            text: HASHES_BELOW_SQL,
            values: [...from, bound.belowTransaction, batchSize],
          });
    return rows;
  });
}
