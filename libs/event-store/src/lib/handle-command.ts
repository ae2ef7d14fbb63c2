/**
 * The one command path of every event-sourced service: read the aggregate's stream, fold it with `evolve`, run
 * `decide`, append what it decided at the revision that was read. Pure deciders stay pure: the clock, the actor and
 * the command's own id arrive in the envelope.
 *
 * Idempotency: the ids of the events a command produces are derived from the command's id (`eventIdFor`), so a retried
 * command whose events are already in the stream is recognised and answered with them, appending nothing. A
 * concurrent writer makes the append fail its expected revision: the command is decided again on the new state.
 */
import { createHash } from 'node:crypto';
import type { Actor, Decider, Event } from '@ics2/domain';
import type { EventStore } from './event-store.port';
import type { EventToAppend, RecordedEvent } from './recorded-event';
import { WrongExpectedRevisionError } from './store.errors';

export interface CommandEnvelope<C> {
  readonly command: C;
  /** Stable per command: the operator's message id, or one derived from it. Retries must carry the same. */
  readonly commandId: string;
  readonly actor: Actor;
  /** The instant the command is decided at (ISO-8601 UTC); it becomes the events' occurredAt. */
  readonly occurredAt: string;
  /** The business case: the MRN where there is one. */
  readonly correlationId: string;
  /** The event or message that caused this command; default: the command id. */
  readonly causationId?: string | null;
}

export type CommandOutcome<E extends Event, S, R> =
  /** `events` were appended; `lastRevision` is the stream's revision after them. */
  | { readonly kind: 'appended'; readonly events: readonly E[]; readonly state: S; readonly lastRevision: number }
  /** The command had been handled before: these are the events it produced then; nothing was written now. */
  | { readonly kind: 'replayed'; readonly events: readonly E[]; readonly state: S; readonly lastRevision: number }
  /** `decide` decided nothing: nothing was written. */
  | { readonly kind: 'unchanged'; readonly state: S; readonly lastRevision: number }
  /** `decide` refused without a trace (a Refusal value, never an event). */
  | { readonly kind: 'refused'; readonly refusal: R; readonly state: S; readonly lastRevision: number };

export interface HandleCommandOptions<E extends Event> {
  /** Schema version written with each event type. Default 1. */
  readonly schemaVersionOf?: (type: E['type']) => number;
  /** From a recorded event to what `evolve` takes: the place for upcasters. Default: its type and data as stored. */
  readonly toDomainEvent?: (event: RecordedEvent) => E;
  /** Decide-and-append rounds lost to concurrent writers before giving up with the last conflict. Default 5. */
  readonly maxAttempts?: number;
  /**
   * The stream is new for sure (its id was just allocated): skip reading it and append expecting no stream. A
   * stream that exists after all fails the append (WrongExpectedRevisionError) rather than being decided on.
   */
  readonly newStream?: boolean;
  /**
   * The actor of one decided event when it is not the envelope's: an act the decision sets off on its own (risk
   * analysis completing a held analysis automatically in the risk unit's decision) is the system's, not the
   * caller's. Undefined (the default, and for any event it returns undefined for): the envelope's actor.
   */
  readonly actorOf?: (event: E) => Actor | undefined;
}

/** A name-based (version 5 style) UUID from the command id and the event's index among the command's events. */
export function eventIdFor(commandId: string, index: number): string {
  const bytes = createHash('sha1').update(`ics2-event:${commandId}:${index}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const asDomainEvent = <E extends Event>(event: RecordedEvent): E => ({ type: event.type, data: event.data }) as unknown as E;

export async function handleCommand<C, E extends Event, S, R>(
  store: EventStore,
  streamId: string,
  decider: Decider<C & Event, E, S, R>,
  envelope: CommandEnvelope<C>,
  options: HandleCommandOptions<E> = {},
): Promise<CommandOutcome<E, S, R>> {
  const toDomain = options.toDomainEvent ?? asDomainEvent<E>;
  const maxAttempts = options.maxAttempts ?? 5;
  const firstId = eventIdFor(envelope.commandId, 0);
  for (let attempt = 1; ; attempt++) {
    const history = options.newStream ? [] : await store.readStream(streamId);
    const lastRevision = history.length === 0 ? -1 : history[history.length - 1].revision;
    let state = decider.initialState();
    const domainEvents = history.map((event) => {
      const domain = toDomain(event);
      state = decider.evolve(state, domain);
      return domain;
    });
    const replayFrom = history.findIndex((e) => e.id === firstId);
    if (replayFrom >= 0) {
      const replayed: E[] = [];
      for (let i = replayFrom; i < history.length && history[i].id === eventIdFor(envelope.commandId, i - replayFrom); i++) replayed.push(domainEvents[i]);
      return { kind: 'replayed', events: replayed, state, lastRevision };
    }
    const decision = decider.decide(envelope.command as C & Event, state);
    if (!Array.isArray(decision)) return { kind: 'refused', refusal: decision as R, state, lastRevision };
    const decided = decision as readonly E[];
    if (decided.length === 0) return { kind: 'unchanged', state, lastRevision };
    const toAppend: EventToAppend[] = decided.map((event, i) => ({
      id: eventIdFor(envelope.commandId, i),
      type: event.type,
      data: event.data,
      metadata: {
        schemaVersion: options.schemaVersionOf?.(event.type) ?? 1,
        occurredAt: envelope.occurredAt,
        correlationId: envelope.correlationId,
        causationId: envelope.causationId === undefined ? envelope.commandId : envelope.causationId,
        actor: options.actorOf?.(event) ?? envelope.actor,
      },
    }));
    try {
      const result = await store.append(streamId, toAppend, history.length === 0 ? 'no-stream' : lastRevision);
      return { kind: result.replayed ? 'replayed' : 'appended', events: decided, state: decided.reduce(decider.evolve, state), lastRevision: result.lastRevision };
    } catch (e) {
      if (e instanceof WrongExpectedRevisionError && attempt < maxAttempts && !options.newStream) continue;
      throw e;
    }
  }
}
