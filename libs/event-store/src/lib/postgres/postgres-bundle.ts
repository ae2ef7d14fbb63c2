import type { Pool } from 'pg';
import { AUDIT_BUNDLE_FORMAT, type AuditBundle, type EventInclusionProof } from '../integrity/audit-bundle';
import type { RecordedEvent } from '../recorded-event';
import { proveInclusionInSnapshot } from './postgres-inclusion';
import { streamEventPages } from './postgres-integrity-reads';

export interface ExportBundleOptions {
  /** The streams to export whole, e.g. one MRN's: ensStream(mrn), riskStream(mrn), controlStream(mrn). */
  readonly streamIds: readonly string[];
  /** Prove against this checkpoint (row id). Default: the latest version 2 checkpoint; it must cover every event. */
  readonly checkpointId?: string;
  /** Clock for `exportedAt`. Default: the system clock. */
  readonly now?: () => Date;
  /** Rows per query. Default 10,000. */
  readonly batchSize?: number;
}

/**
 * Exports streams as an audit bundle (audit-bundle.ts) that verifies offline: every event from revision 0 and
 * proofs of their hashes in a signed version 2 checkpoint, all read in one REPEATABLE READ snapshot.
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
    await client.query('COMMIT');
    const proofs: Record<string, EventInclusionProof> = {};
    for (const e of events) proofs[e.eventId] = { leafIndex: e.leafIndex, path: e.path };
    return {
      format: AUDIT_BUNDLE_FORMAT,
      exportedAt: (options.now ?? (() => new Date()))().toISOString(),
      streams,
      checkpoint,
      proofs,
      keyId: checkpoint.keyId,
    };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
