import type { Pool } from 'pg';
import { AUDIT_BUNDLE_FORMAT, type AuditBundle, type EventInclusionProof } from '../integrity/audit-bundle';
import { NoCoveringCheckpointError } from '../integrity/integrity.errors';
import type { StreamHeadProof } from '../integrity/stream-heads';
import { comparePositions, type Position, type RecordedEvent } from '../recorded-event';
import { proveInclusionInSnapshot } from './postgres-inclusion';
import { streamEventPages } from './postgres-integrity-reads';
import { storedStreamHeadProofs, streamHeadsFromLog } from './postgres-stream-heads';

export interface ExportBundleOptions {
  /** The streams to export whole, e.g. one MRN's: ensStream(mrn), riskStream(mrn), controlStream(mrn). */
  readonly streamIds: readonly string[];
  /** Prove against this checkpoint (row id). Default: the latest checkpoint; it must be version 3 and cover every event. */
  readonly checkpointId?: string;
  /** Clock for `exportedAt`. Default: the system clock. */
  readonly now?: () => Date;
  /** Rows per query. Default 10,000. */
  readonly batchSize?: number;
}

/**
 * Exports streams as an audit bundle (audit-bundle.ts, format 2) that verifies offline: every event from revision 0,
 * proofs of their hashes in a signed version 3 checkpoint, and proofs of each stream's head there, all read in one
 * REPEATABLE READ snapshot. The heads are proven from event_store.stream_heads and its block roots when they give the
 * checkpoint's signed heads root (the latest checkpoint's do: its streams' blocks and the block roots are read), else
 * from the log up to the checkpoint (a full read: an older checkpoint).
 *
 * When no signed checkpoint covers the streams' last events yet, it throws NoCoveringCheckpointError rather than
 * signing one: exporting is an auditor's read, and signing needs the private key and the right to insert, which
 * only the one signing instance holds (CHECKPOINT_SIGNING_KEY_FILE). Its checkpointer signs at its next run.
 * A stream with no events is exported empty; a bundle cannot prove that a stream has no events.
 * The bundle is built from the store as it is: if it was tampered with, the bundle fails verifyBundle, naming
 * what it can (the export does not judge; verification does).
 */
export async function exportBundle(pool: Pool, options: ExportBundleOptions): Promise<AuditBundle> {
  const batchSize = options.batchSize ?? 10_000;
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const streams: { streamId: string; events: RecordedEvent[] }[] = [];
    for (const streamId of new Set(options.streamIds)) {
      const events: RecordedEvent[] = [];
      for await (const page of streamEventPages(client, streamId, batchSize)) events.push(...page);
      streams.push({ streamId, events });
    }
    const targets = streams.flatMap((s) =>
      s.events.map((e) => ({ eventId: e.id, streamId: e.streamId, revision: e.revision, position: e.position, hash: e.hash as string })),
    );
    const { checkpoint, events } = await proveInclusionInSnapshot(client, targets, { checkpointId: options.checkpointId, batchSize });
    if (checkpoint.version !== 3) {
      const last = targets.reduce<Position | null>((a, t) => (a === null || comparePositions(t.position, a) > 0 ? t.position : a), null);
      throw new NoCoveringCheckpointError(last, checkpoint, `checkpoint ${checkpoint.id} is a version ${checkpoint.version ?? 1} claim: it signs no stream heads`);
    }
    const streamIds = streams.map((s) => s.streamId);
    const stored = await storedStreamHeadProofs(client, checkpoint, streamIds);
    // A stream with events but no stored head (a row removed from the unsigned table): the log says where it ends.
    const complete = stored && streams.every((s) => s.events.length === 0 || stored.has(s.streamId));
    const proven = complete ? stored : (await streamHeadsFromLog(client, checkpoint, batchSize)).proofs(streamIds);
    const headProofs: Record<string, StreamHeadProof> = Object.fromEntries(proven);
    await client.query('COMMIT');
    const proofs: Record<string, EventInclusionProof> = {};
    for (const e of events) proofs[e.eventId] = { leafIndex: e.leafIndex, path: e.path };
    return {
      format: AUDIT_BUNDLE_FORMAT,
      exportedAt: (options.now ?? (() => new Date()))().toISOString(),
      streams,
      checkpoint,
      proofs,
      heads: headProofs,
      keyId: checkpoint.keyId,
    };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
