/**
 * What a service declares to the audit door: the stream categories it owns with the fold that rebuilds their
 * state (its deciders' `evolve` and `initialState`), and the keyed feeds that derive deliveries from events.
 */
import type { Event } from '@ics2/domain';
import type { KeyedFeedDefinition } from '../feeds/keyed-feed.definition';

export interface AuditableStream {
  readonly initialState: () => unknown;
  readonly evolve: (state: never, event: never) => unknown;
}

/** A decider's fold, as the audit door calls it (events as recorded: type and data). */
export const auditableStream = <S, E extends Event>(fold: { initialState: () => S; evolve: (state: S, event: E) => S }): AuditableStream => fold as unknown as AuditableStream;

export interface AuditableFeed {
  readonly feed: KeyedFeedDefinition<never, unknown>;
  /** Columns of the feed's items table: what was delivered, about which MRN, from which event. */
  readonly kindColumn: string;
  readonly mrnColumn: string;
  readonly sourceEventColumn: string;
}

export interface AuditSourceOptions {
  /** By stream category (`ens`, `risk`...). */
  readonly streams: Readonly<Record<string, AuditableStream>>;
  readonly feeds?: readonly AuditableFeed[];
}

export const AUDIT_SOURCE_OPTIONS = Symbol.for('ics2.platform.audit-source');

/** The most MRNs one ListDeliveries takes: the audit door asks for a larger family in several calls. */
export const LIST_DELIVERIES_MAX = 1_000;

/** For a stream no decider folds (a single registration, say): its state is the events themselves, in order. */
export const eventsAsState: AuditableStream = auditableStream<readonly Event[], Event>({ initialState: () => [], evolve: (events, e) => [...events, e] });
