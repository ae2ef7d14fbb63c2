/**
 * What a subscription partition does with the batch it reads after its handler threw, as a pure function of the
 * event it threw on, how many times in a row it threw on that event, and the subscription's `maxAttempts`
 * (postgres-partition-worker.ts runs the plan).
 *
 * - `batch`: hand the whole batch to the handler in one transaction, as always.
 * - `before-failing`: the events before the one the handler threw on, as one batch with the checkpoint: they were
 *   handled in the failed transaction, which rolled back, so they are handled once here and no longer wait for it.
 * - `failing-alone`: the event the handler threw on is first: retry it alone, and `park` it (record it and move the
 *   checkpoint past it, in one transaction) if it throws again once it has failed `maxAttempts` times.
 *
 * Only failures of the handler on that event count: a failed read, checkpoint or connection says nothing about the
 * event and parks nothing. Without `maxAttempts` nothing is ever parked: the event is retried alone, forever. That is
 * the default on purpose: a projection that skips an event no longer equals a replay of the log, and only the
 * subscription's owner can say whether a stuck read model is worse than a wrong one. The events before it still
 * commit: they skip nothing, and a poison event should not hold back the work recorded before it.
 */
export type BatchRetryPlan =
  | { readonly kind: 'batch' }
  | { readonly kind: 'before-failing'; readonly count: number }
  | { readonly kind: 'failing-alone'; readonly park: boolean };

/** The event a partition's handler threw on, and how many attempts in a row it threw on it. */
export interface FailingAttempts {
  readonly eventId: string;
  readonly attempts: number;
}

export function batchRetryPlan(batch: readonly { readonly id: string }[], failing: FailingAttempts | null, maxAttempts: number | undefined): BatchRetryPlan {
  if (!failing) return { kind: 'batch' };
  // Read again from the same checkpoint, the event is there; if it ever is not, the plan does not guess.
  const at = batch.findIndex((e) => e.id === failing.eventId);
  if (at < 0) return { kind: 'batch' };
  if (at > 0) return { kind: 'before-failing', count: at };
  return { kind: 'failing-alone', park: maxAttempts !== undefined && failing.attempts >= maxAttempts };
}

/** The attempts after the handler threw on `eventId`: one more on the same event, else a first on a new one. */
export function failedOn(failing: FailingAttempts | null, eventId: string): FailingAttempts {
  return { eventId, attempts: failing?.eventId === eventId ? failing.attempts + 1 : 1 };
}

/** Validates the `maxAttempts` option of a subscription: unset, or a positive integer. */
export function maxAttemptsOption(value: number | undefined): number | undefined {
  if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw new Error('maxAttempts must be a positive integer');
  return value;
}
