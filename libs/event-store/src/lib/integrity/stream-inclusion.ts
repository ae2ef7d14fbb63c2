import type { EventInclusionProof } from './audit-bundle';
import { inclusionProblem, signatureProblem } from './checkpoint-problems';
import type { CheckpointKeyRing, SignedCheckpoint } from './signed-checkpoint';
import { UncoveredTail } from './uncovered-tail';
import { checkpointSummary, type CheckedCheckpoint, type CheckpointSummary, type CheckpointVerdict, type ProblemLog } from './verification-report';
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

  constructor(
    private readonly problems: ProblemLog,
    keys: CheckpointKeyRing,
    private readonly input: StreamInclusionInput,
  ) {
    this.ordered = [...input.checkpoints.values()].sort((a, b) => comparePositions(a.position, b.position));
    for (const cp of this.ordered) {
      const signature = signatureProblem(cp, keys);
      if (signature) problems.add(signature, cp.position);
      const noRoot = cp.version !== 2 || cp.merkleRoot === undefined;
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
      return;
    }
    // Found through the checkpoint: a chain problem of the same event, which says what changed, leads.
    this.problems.add(problem, event.position, true);
    this.verdicts.set(proof.checkpointId, 'mismatched');
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
