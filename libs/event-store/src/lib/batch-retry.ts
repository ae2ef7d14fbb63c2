/**
 * What a subscription partition does with the batch it reads after failures, as a pure function of its failed
 * attempts in a row and the subscription's `maxAttempts` (postgres-subscription.ts runs the plan).
 *
 * - `batch`: hand the whole batch to the handler in one transaction, as always.
 * - `one-at-a-time`: the batch failed `maxAttempts` times: handle its events one per transaction to find the one
 *   that fails, and park that one (record it, move the checkpoint past it, in one transaction) so that the events
 *   after it are handled.
 *
 * Without `maxAttempts` the answer is always `batch`: retry forever. That is the default on purpose: a projection
 * that skips an event no longer equals a replay of the log, and only the subscription's owner can say whether a
 * stuck read model is worse than a wrong one.
 */
export type BatchRetryPlan = 'batch' | 'one-at-a-time';

export function batchRetryPlan(failedAttempts: number, maxAttempts: number | undefined): BatchRetryPlan {
  return maxAttempts !== undefined && failedAttempts >= maxAttempts ? 'one-at-a-time' : 'batch';
}

/** Validates the `maxAttempts` option of a subscription: unset, or a positive integer. */
export function maxAttemptsOption(value: number | undefined): number | undefined {
  if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw new Error('maxAttempts must be a positive integer');
  return value;
}
