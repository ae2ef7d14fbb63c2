/**
 * Given/when/then for deciders (STYLE.md): `deciderSpec(decider)(givenEvents).when(command).then(expectedEvents)`.
 * `then` takes the events decide must return (whole events, compared deeply) or, for a Refusal, `refused(value)`.
 * `thenNothingHappened()` asserts an empty decision. The state is rebuilt from the given events with `evolve`, so
 * a test states history, never internal state.
 */
import type { Decider, Event } from '@ics2/domain';

const REFUSED = Symbol('refused');

export interface RefusalExpectation<R> {
  readonly [REFUSED]: true;
  readonly refusal: R;
}

/** The expectation that decide refuses with exactly this value (a Refusal, never an event). */
export function refused<R>(refusal: R): RefusalExpectation<R> {
  return { [REFUSED]: true, refusal };
}

function isRefusalExpectation<R>(x: unknown): x is RefusalExpectation<R> {
  return typeof x === 'object' && x !== null && REFUSED in x;
}

export interface DeciderWhen<E, R> {
  then(expected: readonly E[] | RefusalExpectation<R>): void;
  thenNothingHappened(): void;
  /** The raw decision, for assertions `then` cannot express. */
  decision(): readonly E[] | R;
}

export function deciderSpec<C extends Event, E extends Event, S, R>(decider: Decider<C, E, S, R>) {
  return (given: readonly E[] = []) => ({
    /** The state the given events fold into. */
    state: (): S => given.reduce(decider.evolve, decider.initialState()),
    when(command: C): DeciderWhen<E, R> {
      const decide = () => decider.decide(command, given.reduce(decider.evolve, decider.initialState()));
      return {
        decision: decide,
        then(expected) {
          const actual = decide();
          if (isRefusalExpectation<R>(expected)) {
            expect({ refused: !Array.isArray(actual), value: actual }).toEqual({ refused: true, value: expected.refusal });
          } else {
            expect({ refused: !Array.isArray(actual), value: actual }).toEqual({ refused: false, value: expected });
          }
        },
        thenNothingHappened() {
          expect(decide()).toEqual([]);
        },
      };
    },
  });
}
