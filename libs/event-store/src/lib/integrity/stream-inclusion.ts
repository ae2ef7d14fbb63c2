import type { EventInclusionProof } from './audit-bundle';
import { inclusionProblem, signatureProblem } from './checkpoint-problems';
import { signsMerkleRoot, type CheckpointKeyRing, type SignedCheckpoint } from './signed-checkpoint';
import { UncoveredTail } from './uncovered-tail';
import {
  checkpointSummary,
  type CheckedCheckpoint,
  type CheckpointSummary,
  type CheckpointVerdict,
  type ProblemEntry,
  type ProblemLog,
} from './verification-report';
import { comparePositions, type RecordedEvent } from '../recorded-event';

/** An event's proof, in the checkpoint it was made against. */
export interface StreamEventProof extends EventInclusionProof {
  readonly checkpointId: string;
}

/** The checkpoints some streams' events are proven in, and the store's proofs. */
export interface StreamInclusionInput {
  /**
   * Each event's proof in the first version 2 checkpoint at or after it, by event id: a rewritten event then fails
   * only the proofs of its own checkpoint's stretch (a proof's path covers every leaf of its tree), not those of
   * older events. Events without one are after every checkpoint.
   */
  readonly proofs: ReadonlyMap<string, StreamEventProof>;
  /** The checkpoints the proofs name, by id. */
  readonly checkpoints: ReadonlyMap<string, SignedCheckpoint>;
  /** Checkpoints whose proofs the store's stored tree got wrong (made again from the log's hashes). */
  readonly storedTreeFaults?: ReadonlySet<string>;
}

/**
 * Ties the events of one stream (or a few) to the signed log, as a bundle does, but against the store: a chain
 * check alone passes a stream whose last events were rewritten with fresh hashes; their proofs then fail. Events
 * after every checkpoint, or under one whose signature fails, are the uncovered tail.
 */
export class StreamInclusion {
  proofsVerified = 0;
  readonly tail = new UncoveredTail();
  /** Verdicts in log order; a checkpoint whose signature fails proves nothing. */
  private readonly verdicts = new Map<string, CheckpointVerdict>();
  private readonly ordered: SignedCheckpoint[];
  /** Failed proofs by `<stream>#<revision>` (with the checkpoint they were made in), and the events whose proofs held. */
  private readonly failedAt = new Map<string, { entry: ProblemEntry; checkpointId: string }>();
  private readonly proven = new Set<string>();

  constructor(
    private readonly problems: ProblemLog,
    keys: CheckpointKeyRing,
    private readonly input: StreamInclusionInput,
  ) {
    this.ordered = [...input.checkpoints.values()].sort((a, b) => comparePositions(a.position, b.position));
    for (const cp of this.ordered) {
      const signature = signatureProblem(cp, keys);
      if (signature) problems.add(signature, cp.position);
      const noRoot = !signsMerkleRoot(cp);
      this.verdicts.set(cp.id as string, signature ? (signature.kind === 'unknown-key' ? 'unknown-key' : 'forged') : noRoot ? 'forged' : 'matched');
      if (input.storedTreeFaults?.has(cp.id as string)) {
        problems.add(
          {
            kind: 'wrong-stored-tree',
            checkpointId: cp.id as string,
            position: cp.position,
            detail: `the stored Merkle block or subtree roots under checkpoint ${cp.id as string} do not give its signed root; the proofs were made from the log's own hashes instead`,
          },
          cp.position,
        );
      }
    }
    const latest = this.ordered.filter((cp) => this.verdicts.get(cp.id as string) === 'matched').at(-1);
    if (latest) this.tail.coveredBy(latest);
  }

  accept(event: RecordedEvent): void {
    const proof = this.input.proofs.get(event.id);
    const cp = proof ? this.input.checkpoints.get(proof.checkpointId) : undefined;
    if (!proof || !cp || this.verdicts.get(proof.checkpointId) === 'unknown-key' || this.verdicts.get(proof.checkpointId) === 'forged') {
      this.tail.add(event);
      return;
    }
    const problem = inclusionProblem(event, proof, cp, cp.merkleRoot as string);
    if (!problem) {
      this.proofsVerified += 1;
      this.proven.add(event.id);
      return;
    }
    // Found through the checkpoint: a chain problem of the same event, which says what changed, leads.
    this.failedAt.set(`${event.streamId}#${event.revision}`, { entry: this.problems.add(problem, event.position, true), checkpointId: proof.checkpointId });
    this.verdicts.set(proof.checkpointId, 'mismatched');
  }

  /**
   * After the chains are checked: an event whose link to the revision before it is broken, though its own hash is
   * the one the checkpoint signed, is not what changed; the revision before it is, if its proof failed: it was
   * rewritten together with its stored hash (its own link made to fit). Named there instead. The other failed
   * proofs of that checkpoint stay, said to be possibly its consequence: a proof's path covers every leaf of its
   * tree, so one rewritten leaf fails them all, and the log alone cannot tell which of them changed too.
   */
  explainBrokenLinks(): void {
    const broken = this.problems.live((p) => p.kind === 'changed-content' && p.eventId !== undefined && this.proven.has(p.eventId) && (p.revision ?? 0) > 0);
    const rewritten = new Map<string, string>();
    for (const entry of broken) {
      const { streamId, revision } = entry.problem as { streamId: string; revision: number };
      const before = this.failedAt.get(`${streamId}#${revision - 1}`);
      if (!before) continue;
      entry.dropped = true;
      before.entry.fromCheckpoint = false;
      before.entry.problem.kind = 'changed-content';
      before.entry.problem.detail =
        `revision ${revision - 1} was rewritten together with its stored hash: ${before.entry.problem.detail}, and revision ${revision}, ` +
        `whose hash is the one signed, no longer links to it`;
      rewritten.set(before.checkpointId, `revision ${revision - 1} of ${streamId}`);
    }
    for (const { entry, checkpointId } of this.failedAt.values()) {
      const cause = rewritten.get(checkpointId);
      if (cause && entry.problem.kind === 'not-in-checkpoint') {
        entry.problem.detail += ` (its proof passes through every leaf of the tree, so the rewrite of ${cause} fails it too: it may be unchanged)`;
      }
    }
  }

  /** The latest checkpoint, when every one was authentic and every proof held. */
  lastGood(): CheckpointSummary | null {
    if ([...this.verdicts.values()].some((v) => v !== 'matched')) return null;
    const latest = this.ordered.at(-1);
    return latest ? checkpointSummary(latest) : null;
  }

  /** Each checkpoint proven against, with what was found of it. */
  checked(): CheckedCheckpoint[] {
    return this.ordered.map((cp) => ({ ...checkpointSummary(cp), verdict: this.verdicts.get(cp.id as string) as CheckpointVerdict }));
  }

  get checkpointCount(): number {
    return this.ordered.length;
  }
}
