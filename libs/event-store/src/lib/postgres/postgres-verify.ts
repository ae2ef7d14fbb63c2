import type { Pool, PoolClient } from 'pg';
import type { CheckpointPublicKey } from '../integrity/checkpoint-signer';
import type { IntegrityProblem, VerificationReport } from '../integrity/verification-report';
import { FirstCheckpointAfter } from '../integrity/first-checkpoint-after';
import type { SignedCheckpoint } from '../integrity/signed-checkpoint';
import { verifyEventPages, type StreamEventProof, type VerifyEventsOptions } from '../integrity/verify';
import type { RecordedEvent } from '../recorded-event';
import { firstVersion2CheckpointAtOrAfter, proveInclusionInSnapshot, type InclusionTarget } from './postgres-inclusion';
import { logEventPages, snapshotWatermark, storedCheckpoints, streamEventPages } from './postgres-integrity-reads';

export interface VerifyStoreOptions {
  /** Trusted checkpoint keys (PEM or loaded). A checkpoint signed by any other key is reported as unknown-key. */
  readonly publicKeys: readonly (CheckpointPublicKey | string)[];
  /**
   * Verify this stream alone: its chain, and each of its events proven in the latest version 2+ checkpoint's signed
   * Merkle tree (as a bundle would be); events after that checkpoint are the stream's uncovered tail.
   */
  readonly streamId?: string;
  /**
   * Events recorded longer ago than this must be under an authentic checkpoint (else `uncovered-events`): the whole
   * log's, or the stream's. Absent: not checked.
   */
  readonly maxUncoveredMs?: number;
  /**
   * Whole store, with maxUncoveredMs, for a store whose checkpointer signs heartbeats (`heartbeatMs`): the newest
   * authentic checkpoint must be at most this old, else `stale-checkpoints` (uncovered-tail.ts says why).
   */
  readonly maxCheckpointAgeMs?: number;
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
/**
 * The stream's events (a stream is small: read whole), its chain, and each event's proof in the first version 2
 * checkpoint at or after it (stream-inclusion.ts says why the first).
 */
async function verifyOneStream(
  client: PoolClient,
  streamId: string,
  batchSize: number,
  common: Omit<VerifyEventsOptions, 'scope' | 'checkpoints' | 'inclusion'>,
): Promise<VerificationReport> {
  const events: RecordedEvent[] = [];
  for await (const page of streamEventPages(client, streamId, batchSize)) events.push(...page);
  const checkpoints = new Map<string, SignedCheckpoint>();
  const targetsOf = new Map<string, InclusionTarget[]>();
  const firstAfter = new FirstCheckpointAfter((position) => firstVersion2CheckpointAtOrAfter(client, position));
  for (const e of events) {
    const cp = e.hash === null ? null : await firstAfter.of(e.position);
    if (!cp?.id) continue;
    checkpoints.set(cp.id, cp);
    const targets = targetsOf.get(cp.id) ?? [];
    targets.push({ eventId: e.id, streamId: e.streamId, revision: e.revision, position: e.position, hash: e.hash as string });
    targetsOf.set(cp.id, targets);
  }
  const proofs = new Map<string, StreamEventProof>();
  const storedTreeFaults = new Set<string>();
  for (const [checkpointId, targets] of targetsOf) {
    const proven = await proveInclusionInSnapshot(client, targets, { checkpointId, batchSize });
    if (proven.storedTreeFault) storedTreeFaults.add(checkpointId);
    for (const p of proven.events) proofs.set(p.eventId, { checkpointId, leafIndex: p.leafIndex, path: p.path });
  }
  return verifyEventPages([events], { ...common, scope: 'streams', inclusion: { proofs, checkpoints, storedTreeFaults } });
}

/** Streams whose broken links the whole-log walk looks into again; beyond them the link that broke stays named. */
const MAX_STREAMS_RECHECKED = 20;

/**
 * The whole log's walk sees an event rewritten together with its stored hash only as the next revision's broken
 * link (and a checkpoint whose tree no longer matches). When such a checkpoint is there, each stream with a broken
 * link is verified again alone, in the same snapshot, against the signed trees: if the next revision's hash is the
 * signed one and the revision before it is the one rewritten, that revision is named in place of the next.
 */
async function blameRewrittenEvents(
  client: PoolClient,
  report: VerificationReport,
  batchSize: number,
  common: Omit<VerifyEventsOptions, 'scope' | 'checkpoints' | 'inclusion'>,
): Promise<VerificationReport> {
  if (!report.checkpoints.some((c) => c.verdict === 'mismatched')) return report;
  const brokenLinks = report.problems.filter((p) => p.kind === 'changed-content' && p.streamId !== undefined && (p.revision ?? 0) > 0);
  const streams = [...new Set(brokenLinks.map((p) => p.streamId as string))].slice(0, MAX_STREAMS_RECHECKED);
  const named = new Map<IntegrityProblem, IntegrityProblem>();
  for (const streamId of streams) {
    const alone = await verifyOneStream(client, streamId, batchSize, common);
    const rewrittenAt = (revision: number) =>
      alone.problems.find((p) => p.kind === 'changed-content' && p.streamId === streamId && p.revision === revision);
    for (const link of brokenLinks.filter((p) => p.streamId === streamId)) {
      const revision = link.revision as number;
      const rewritten = rewrittenAt(revision - 1);
      if (rewritten && !alone.problems.some((p) => p.streamId === streamId && p.revision === revision)) named.set(link, rewritten);
    }
  }
  if (named.size === 0) return report;
  const swap = (p: IntegrityProblem) => named.get(p) ?? p;
  return { ...report, problems: report.problems.map(swap), ...(report.firstProblem ? { firstProblem: swap(report.firstProblem) } : {}) };
}

export async function verifyStore(pool: Pool, options: VerifyStoreOptions): Promise<VerificationReport> {
  const batchSize = options.batchSize ?? 10_000;
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const verifiedAt = (options.now ?? (() => new Date()))().toISOString();
    const common = {
      publicKeys: options.publicKeys,
      maxProblems: options.maxProblems,
      maxCheckpoints: options.maxCheckpoints,
      ...(options.maxUncoveredMs === undefined
        ? {}
        : {
            coverage: {
              at: verifiedAt,
              maxUncoveredMs: options.maxUncoveredMs,
              ...(options.maxCheckpointAgeMs === undefined ? {} : { maxCheckpointAgeMs: options.maxCheckpointAgeMs }),
            },
          }),
    };
    const report =
      options.streamId === undefined
        ? await blameRewrittenEvents(
            client,
            await verifyEventPages(logEventPages(client, { belowTransaction: await snapshotWatermark(client) }, batchSize), {
              ...common,
              checkpoints: storedCheckpoints(client, batchSize),
            }),
            batchSize,
            common,
          )
        : await verifyOneStream(client, options.streamId, batchSize, common);
    await client.query('COMMIT');
    return { ...report, ...(options.streamId === undefined ? {} : { streamId: options.streamId }), verifiedAt };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
