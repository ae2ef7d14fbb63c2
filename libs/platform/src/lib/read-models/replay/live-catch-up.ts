/**
 * Before the live tables are compared, the live subscription must have projected every event the replay did:
 * otherwise a difference would only be lag. Its checkpoints commit with its rows, so once each partition's
 * checkpoint has passed the last replayed event of that partition, the live rows cover everything replayed.
 * Waits on them with a timeout rather than assuming; a subscription that is stopped, lagging or was never started
 * answers false, and the report says so.
 */
import { comparePositions, readCommittedCheckpoints, type Position } from '@ics2/event-store';
import type { Pool } from 'pg';

export interface CatchUpWait {
  readonly timeoutMs: number;
  /** Between two looks at the checkpoints. Default 100 ms. */
  readonly pollMs?: number;
}

/** The partition count the live subscription's checkpoints were written with, or undefined if it never ran. */
export async function livePartitionCount(live: Pool, subscription: string): Promise<number | undefined> {
  const [first] = await readCommittedCheckpoints(live, subscription);
  return first?.partitionCount;
}

export async function waitForLiveCatchUp(live: Pool, subscription: string, partitions: number, lastByPartition: ReadonlyMap<number, Position>, wait: CatchUpWait): Promise<boolean> {
  const deadline = Date.now() + wait.timeoutMs;
  for (;;) {
    const checkpoints = await readCommittedCheckpoints(live, subscription);
    // Another count means the positions are of another split of the log: they cannot vouch for these partitions.
    if (checkpoints.some((c) => c.partitionCount !== partitions)) return false;
    const at = new Map(checkpoints.map((c) => [c.partition, c.position]));
    const caughtUp = [...lastByPartition].every(([partition, last]) => {
      const checkpoint = at.get(partition);
      return checkpoint !== undefined && comparePositions(checkpoint, last) >= 0;
    });
    if (caughtUp) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, Math.min(wait.pollMs ?? 100, Math.max(0, deadline - Date.now()))));
  }
}
