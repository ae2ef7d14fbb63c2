import type { CheckpointSigner } from './checkpoint-signer';
import { eventHash, GENESIS_HASH } from './hash-chain';
import { LogDigest } from './log-digest';
import { MerkleFrontier } from './merkle-log';
import { signCheckpoint, type StoredCheckpoint } from './signed-checkpoint';
import { StreamHeads } from './stream-heads';
import type { RecordedEvent } from '../recorded-event';

/** Builders for the integrity specs: logs recorded as an honest store records them, and checkpoints over them. */

export const metadata = {
  schemaVersion: 1,
  occurredAt: '2026-01-01T00:00:00.000Z',
  correlationId: 'c',
  causationId: null,
  actor: { kind: 'system' as const, component: 'test' },
};

/** Records events as an honest store would: revisions per stream, hashes chained, positions ascending. */
export function recordLog(appends: readonly { stream: string; data: unknown; tx?: number }[]): RecordedEvent[] {
  const heads = new Map<string, { revision: number; hash: string }>();
  return appends.map(({ stream, data, tx }, i) => {
    const head = heads.get(stream) ?? { revision: -1, hash: GENESIS_HASH };
    const content = {
      streamId: stream,
      revision: head.revision + 1,
      id: `e${i}`,
      type: 'EnsFilingRegistered',
      data,
      metadata,
      recordedAt: '2026-01-01T00:00:00.001Z',
    };
    const hash = eventHash(content, head.hash);
    heads.set(stream, { revision: content.revision, hash });
    return { ...content, position: { commit: BigInt(tx ?? 100 + i), prepare: BigInt(i + 1) }, hash };
  });
}

/** A version 2 checkpoint over the first `n` events, with the frontier a store keeps beside it. */
export function v2CheckpointAfter(
  log: readonly RecordedEvent[],
  n: number,
  signer: CheckpointSigner,
  options: { id?: string; root?: string } = {},
): StoredCheckpoint {
  const d = new LogDigest();
  const frontier = MerkleFrontier.empty();
  for (const e of log.slice(0, n)) {
    d.add(e.hash as string);
    frontier.append(e.hash as string);
  }
  const claim = {
    version: 2 as const,
    position: log[n - 1].position,
    eventCount: n,
    digest: d.digest,
    merkleRoot: options.root ?? frontier.root(),
    createdAt: '2026-01-02T00:00:00.000Z',
  };
  return { ...signCheckpoint(claim, signer), id: options.id ?? String(n), merkleFrontier: frontier.toJSON() };
}

/** A version 3 checkpoint over the first `n` events: version 2's claim and every stream's head there. */
export function v3CheckpointAfter(
  log: readonly RecordedEvent[],
  n: number,
  signer: CheckpointSigner,
  options: { id?: string; headsRoot?: string } = {},
): StoredCheckpoint {
  const v2 = v2CheckpointAfter(log, n, signer, { id: options.id });
  const heads = headsAfter(log, n);
  const claim = {
    version: 3 as const,
    position: v2.position,
    eventCount: v2.eventCount,
    digest: v2.digest,
    merkleRoot: v2.merkleRoot as string,
    streamCount: heads.size,
    headsRoot: options.headsRoot ?? heads.root(),
    createdAt: v2.createdAt,
  };
  return { ...signCheckpoint(claim, signer), id: v2.id, merkleFrontier: v2.merkleFrontier };
}

/** The stream heads of the first `n` events, as a store keeps them. */
export function headsAfter(log: readonly RecordedEvent[], n: number): StreamHeads {
  const heads = new StreamHeads();
  for (const e of log.slice(0, n)) heads.set(e.streamId, e.revision, e.hash as string);
  return heads;
}
