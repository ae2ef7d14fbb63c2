import type { Actor } from '@ics2/domain';

/**
 * A place in the global log. `commit` orders transactions, `prepare` orders events inside them; compare the pair
 * lexicographically. The names follow KurrentDB's $all positions; in PostgreSQL `commit` is the appending
 * transaction's id (xid8) and `prepare` the event's unique global sequence number. Reading the log in
 * (commit, prepare) order is what lets a subscriber never skip an event whose transaction committed late.
 */
export interface Position {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export const START: Position = Object.freeze({ commit: -1n, prepare: -1n });

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export function positionToString(p: Position): string {
  return `${p.commit}/${p.prepare}`;
}

export function positionFromString(s: string): Position {
  const m = /^(-?\d+)\/(-?\d+)$/.exec(s);
  if (!m) throw new Error(`not a log position: ${s}`);
  return { commit: BigInt(m[1]), prepare: BigInt(m[2]) };
}

/** Metadata the caller supplies with each event. */
export interface EventMetadata {
  /** Version of the event's data schema; upcasters in contracts turn old versions into the current one. */
  readonly schemaVersion: number;
  /** When the fact happened in the domain (ISO-8601 UTC), as the command said; the store adds `recordedAt`. */
  readonly occurredAt: string;
  /** Ties together everything caused by one business case; the MRN where there is one. */
  readonly correlationId: string;
  /** The id of the message or event that caused this one. */
  readonly causationId: string | null;
  readonly actor: Actor;
}

/** An event as the caller hands it to `append`. The id is the caller's: it makes a retried append idempotent. */
export interface EventToAppend<Type extends string = string, Data = unknown> {
  readonly id: string;
  readonly type: Type;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

/** An event as the store keeps it. */
export interface RecordedEvent<Type extends string = string, Data = unknown> extends EventToAppend<Type, Data> {
  readonly streamId: string;
  /** 0-based index of the event in its stream. */
  readonly revision: number;
  readonly position: Position;
  /** When the store recorded it (ISO-8601 UTC, the database's clock). */
  readonly recordedAt: string;
  /** sha256 over the canonical content chained to the previous event of the stream (hex); null where an adapter keeps none. */
  readonly hash: string | null;
}

/** The category of a stream is the part before the first dash: `ens-24DE...` -> `ens`. */
export function categoryOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
}
