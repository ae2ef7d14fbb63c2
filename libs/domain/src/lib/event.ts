/**
 * The project's own event and command shapes: readonly records with a stable `type` string.
 * The schema version and the other envelope fields live in the event store's metadata, not here.
 */
export type Event<Type extends string = string, Data = unknown> = Readonly<{ type: Type; data: Readonly<Data> }>;

export type Command<Type extends string = string, Data = unknown> = Readonly<{ type: Type; data: Readonly<Data> }>;

/** A decider: pure functions, no I/O, no clock. Time and identifiers arrive inside commands. */
export interface Decider<C extends Command, E extends Event, S, R = never> {
  decide(command: C, state: S): readonly E[] | R;
  evolve(state: S, event: E): S;
  initialState(): S;
}
