import type { QueryConfig, QueryResult, QueryResultRow } from 'pg';
import type { AppendResult } from '../event-store.port';
import type { ExpectedRevision } from '../expected-revision';
import { categoryOf, START, type EventToAppend } from '../recorded-event';
import { IdempotencyConflictError, WrongExpectedRevisionError } from '../store.errors';
import { prepareAppend, type AppendInput } from './postgres-append-input';
import { isUniqueViolation } from './postgres-errors';
import { streamHashOf } from './postgres-partition';

/**
 * Append on PostgreSQL: one call of `event_store.append_events` (schema/001-events.sql), so one round trip and one
 * implicit transaction. The function reads the stream's head and any earlier event carrying one of the ids, writes
 * the events only if no id was seen and the expectation holds, hashing each (postgres-append-input.ts), and returns
 * what this module needs to answer: the result, or the head and the ids seen to refuse or replay with.
 *
 * Concurrency is left to the unique constraints. If another append took the revision in between, (stream_id,
 * revision) is violated and nothing is written; if it used one of our ids, the id is. Either way the call runs again
 * and sees the other append: an identical one is a replay, anything else a wrong expectation (or, for 'any' and
 * 'stream-exists', simply the next revision).
 */

/** What append and the reads need from PostgreSQL: a Pool, or one client (possibly inside a caller's transaction). */
export interface SqlQueryable {
  query<R extends QueryResultRow>(config: QueryConfig): Promise<QueryResult<R>>;
}

export const APPENDED_CHANNEL = 'event_store_appended';
/** Appends that keep losing the race to concurrent appends of the same stream give up after this many tries. */
const MAX_ATTEMPTS = 10;
/**
 * Revisions are an integer column, so no stream reaches a revision past this one. A greater expectation is sent as
 * one no stream meets (-2): it then fails, or is found a replay, as any wrong expectation is, instead of overflowing
 * the statement's parameter.
 */
const MAX_REVISION = 2 ** 31 - 1;

export interface AppendOptions {
  /**
   * `in-statement` (default): pg_notify in the append itself, delivered when its transaction commits: right for an
   * append inside a caller's transaction. `none`: the caller wakes subscribers after commit (PostgresEventStore
   * does, see postgres-notify.ts), because a NOTIFY in the transaction serialises every notifying commit.
   */
  readonly notify?: 'in-statement' | 'none';
  /** The largest append taken, as append-size.ts counts it; larger ones throw AppendTooLargeError. Default: none. */
  readonly maxAppendBytes?: number | null;
}

interface AppendRow {
  readonly revision: number | null;
  readonly head_prepare: string | null;
  readonly head_commit: string | null;
  readonly seen: SeenEvent[] | null;
  readonly appended_prepare: string | null;
  readonly appended_commit: string | null;
}

interface SeenEvent {
  readonly streamId: string;
  readonly id: string;
  readonly revision: number;
  readonly commit: string;
  readonly prepare: string;
  /** How many events of this stream the same transaction wrote: the size of the earlier append. */
  readonly appendSize: number;
}

const APPEND_STATEMENT = {
  name: 'event_store.append',
  text: `SELECT head_revision AS revision, head_prepare::text AS head_prepare, head_commit::text AS head_commit, seen,
      appended_prepare::text AS appended_prepare, appended_commit::text AS appended_commit
    FROM event_store.append_events($1, $2, $3, $4, $5, $6::uuid[], $7::text[], $8::jsonb[], $9::jsonb[], $10::text[], $11::text[], $12)`,
};

/**
 * Appends as the EventStore port defines it. An empty `events` writes nothing: it checks the expectation and returns
 * the stream's current state (firstRevision = lastRevision + 1, the head's position, START for no stream).
 * Given a client inside its own transaction, a lost race aborts that transaction: the retry then fails with
 * PostgreSQL's error, and the caller must roll back and start again.
 */
export async function appendToStream(
  db: SqlQueryable,
  streamId: string,
  events: readonly EventToAppend[],
  expected: ExpectedRevision,
  options: AppendOptions = {},
): Promise<AppendResult> {
  const inputs = prepareAppend(streamId, events, expected, options.maxAppendBytes ?? null);
  const notify = (options.notify ?? 'in-statement') === 'in-statement';
  const values = valuesOf(streamId, inputs, expected, notify);
  for (let attempt = 1; ; attempt++) {
    let row: AppendRow;
    try {
      row = (await db.query<AppendRow>({ ...APPEND_STATEMENT, values })).rows[0];
    } catch (e) {
      const raced = isUniqueViolation(e, 'events_stream_revision_key') || isUniqueViolation(e, 'events_id_key');
      if (raced && attempt < MAX_ATTEMPTS) continue;
      if (!raced) throw e;
      // Still losing after all those tries: report the stream as it is now.
      const current = (await db.query<AppendRow>({ ...APPEND_STATEMENT, values: valuesOf(streamId, [], expected, false) })).rows[0];
      throw new WrongExpectedRevisionError(streamId, expected, current.revision ?? -1);
    }
    return outcome(streamId, inputs, expected, row);
  }
}

function valuesOf(streamId: string, inputs: readonly AppendInput[], expected: ExpectedRevision, notify: boolean): unknown[] {
  return [
    streamId,
    categoryOf(streamId),
    streamHashOf(streamId),
    typeof expected === 'number' ? 'revision' : expected,
    typeof expected === 'number' ? (expected > MAX_REVISION ? -2 : expected) : null,
    inputs.map((e) => e.id),
    inputs.map((e) => e.type),
    inputs.map((e) => e.dataJson),
    inputs.map((e) => e.metadataJson),
    inputs.map((e) => e.canonicalHead),
    inputs.map((e) => e.canonicalTail),
    notify,
  ];
}

function outcome(streamId: string, inputs: readonly AppendInput[], expected: ExpectedRevision, row: AppendRow): AppendResult {
  const current = row.revision ?? -1;
  if (row.appended_prepare !== null && row.appended_commit !== null) {
    const commit = BigInt(row.appended_commit);
    // Only possible inside a caller's transaction that took its id before the head committed: the log (ordered by
    // transaction id) would then show this stream's revisions out of order. Refuse, so the caller rolls back.
    if (row.head_commit !== null && BigInt(row.head_commit) > commit) {
      throw new Error(`append to ${streamId}: the transaction is older than the stream's last append; retry it in a new transaction`);
    }
    return {
      streamId,
      firstRevision: current + 1,
      lastRevision: current + inputs.length,
      position: { commit, prepare: BigInt(row.appended_prepare) },
      replayed: false,
    };
  }
  if (row.seen?.length) return replayOf(streamId, inputs, row.seen);
  if (!expectationHolds(expected, current)) throw new WrongExpectedRevisionError(streamId, expected, current);
  if (inputs.length > 0) throw new Error(`append to ${streamId}: the statement wrote nothing and gave no reason`);
  const position = row.head_prepare !== null ? { commit: BigInt(row.head_commit as string), prepare: BigInt(row.head_prepare) } : START;
  return { streamId, firstRevision: current + 1, lastRevision: current, position, replayed: false };
}

function expectationHolds(expected: ExpectedRevision, current: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no-stream':
      return current === -1;
    case 'stream-exists':
      return current >= 0;
    default:
      return current === expected;
  }
}

/**
 * Ids seen before: a replay only if they are exactly one earlier append to this stream, whole and in the same
 * order; then its original result is returned and nothing is written.
 */
function replayOf(streamId: string, inputs: readonly AppendInput[], seen: readonly SeenEvent[]): AppendResult {
  const ids = inputs.map((e) => e.id);
  const byId = new Map(seen.map((s) => [s.id, s]));
  const first = byId.get(ids[0]);
  const whole =
    first !== undefined &&
    seen.length === ids.length &&
    first.appendSize === ids.length &&
    ids.every((id, i) => {
      const s = byId.get(id);
      return s !== undefined && s.streamId === streamId && s.commit === first.commit && s.revision === first.revision + i;
    });
  if (!whole) throw new IdempotencyConflictError(streamId, ids);
  const last = byId.get(ids[ids.length - 1]) as SeenEvent;
  return {
    streamId,
    firstRevision: first.revision,
    lastRevision: last.revision,
    position: { commit: BigInt(last.commit), prepare: BigInt(last.prepare) },
    replayed: true,
  };
}
