import type { Pool } from 'pg';
import type { CheckpointPublicKey } from '../integrity/checkpoint-signer';
import type { VerificationReport } from '../integrity/verification-report';
import { verifyEventPages } from '../integrity/verify';
import { logEventPages, snapshotWatermark, storedCheckpoints, streamEventPages } from './postgres-integrity-reads';

export interface VerifyStoreOptions {
  /** Trusted checkpoint keys (PEM or loaded). A checkpoint signed by any other key is reported as unknown-key. */
  readonly publicKeys: readonly (CheckpointPublicKey | string)[];
  /** Verify this stream's chain alone; checkpoints (which cover the whole log) are then not compared. */
  readonly streamId?: string;
  /**
   * Whole store only: events recorded longer ago than this must be under an authentic checkpoint (else
   * `uncovered-events`). Absent: not checked.
   */
  readonly maxUncoveredMs?: number;
  /** Rows per query. Default 10,000. */
  readonly batchSize?: number;
  /** Problems listed in the report. Default 1000. */
  readonly maxProblems?: number;
  /** Checkpoints listed in the report, the latest ones. Default 10,000. */
  readonly maxCheckpoints?: number;
  /** Clock for the report's `verifiedAt`. Default: the system clock. */
  readonly now?: () => Date;
}

/**
 * Verifies the store (or one stream) with verifyEvents, streaming rows in batches with one query in flight ahead.
 * Everything is read in one REPEATABLE READ snapshot, so checkpoints made while the walk runs stay out of it: every
 * checkpoint it sees covers only events below the watermark it walks to.
 */
export async function verifyStore(pool: Pool, options: VerifyStoreOptions): Promise<VerificationReport> {
  const batchSize = options.batchSize ?? 10_000;
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const verifiedAt = (options.now ?? (() => new Date()))().toISOString();
    const common = { publicKeys: options.publicKeys, maxProblems: options.maxProblems, maxCheckpoints: options.maxCheckpoints };
    const report =
      options.streamId === undefined
        ? await verifyEventPages(logEventPages(client, { belowTransaction: await snapshotWatermark(client) }, batchSize), {
            ...common,
            checkpoints: storedCheckpoints(client, batchSize),
            ...(options.maxUncoveredMs === undefined ? {} : { coverage: { at: verifiedAt, maxUncoveredMs: options.maxUncoveredMs } }),
          })
        : await verifyEventPages(streamEventPages(client, options.streamId, batchSize), { ...common, scope: 'streams' });
    await client.query('COMMIT');
    return { ...report, ...(options.streamId === undefined ? {} : { streamId: options.streamId }), verifiedAt };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
