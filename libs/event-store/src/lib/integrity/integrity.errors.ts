import { positionToString, type Position } from '../recorded-event';
import type { SignedCheckpoint } from './signed-checkpoint';

/**
 * No signed version 2+ checkpoint covers the events asked for (yet, or the one named is not usable): nothing can be
 * proven included; or, for an audit bundle, the checkpoint is not version 3, so no stream head can be proven. A checkpointer signs one at its next run (PostgresCheckpointer, createCheckpoint).
 */
export class NoCoveringCheckpointError extends Error {
  override readonly name = 'NoCoveringCheckpointError';
  constructor(
    /** The last position that must be covered. */
    readonly position: Position | null,
    /** The checkpoint that was considered, if any. */
    readonly latest: SignedCheckpoint | null,
    reason: string,
  ) {
    super(`${reason}${position ? ` (events up to ${positionToString(position)} must be covered)` : ''}: sign a checkpoint first (createCheckpoint), then try again`);
  }
}

/** Event ids asked for that the store does not hold. */
export class UnknownEventsError extends Error {
  override readonly name = 'UnknownEventsError';
  constructor(readonly eventIds: readonly string[]) {
    super(`no such event(s) in the store: ${eventIds.join(', ')}`);
  }
}
