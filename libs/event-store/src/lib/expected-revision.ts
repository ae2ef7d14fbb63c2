/**
 * What the caller believes about a stream before appending. Revisions count from 0 (the first event).
 * - `no-stream`: the stream must not exist yet (creating an aggregate);
 * - `stream-exists`: it must have at least one event;
 * - `any`: no check (use sparingly: it gives up optimistic concurrency);
 * - a number: the revision of the stream's last event.
 */
export type ExpectedRevision = 'no-stream' | 'any' | 'stream-exists' | number;

export const NO_STREAM = 'no-stream' as const;
export const ANY = 'any' as const;
export const STREAM_EXISTS = 'stream-exists' as const;

export function describeExpected(expected: ExpectedRevision): string {
  return typeof expected === 'number' ? `revision ${expected}` : expected;
}
