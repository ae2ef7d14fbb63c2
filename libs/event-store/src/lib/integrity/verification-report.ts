import { comparePositions, type Position } from '../recorded-event';
import type { SignedCheckpoint } from './signed-checkpoint';

export type IntegrityProblemKind =
  | 'changed-content'
  | 'removed-event'
  | 'reordered-event'
  | 'forged-checkpoint'
  | 'unknown-key'
  | 'checkpoint-mismatch'
  /** An event whose hash is not proven to be in the checkpoint's Merkle tree (no proof, or one that fails). */
  | 'not-in-checkpoint'
  /** A bundle stream whose label is not the stream its events are of (what the bundle says it is about is wrong). */
  | 'mislabelled-stream'
  /** A checkpoint an earlier report named is no longer in the store. */
  | 'missing-checkpoint'
  /** The store's checkpoint of that id differs from the one an earlier report named. */
  | 'changed-checkpoint'
  /** The log no longer gives what an earlier report recorded where it ended (its unsigned head). */
  | 'report-mismatch'
  /** Events older than the coverage rule allows that no authentic checkpoint covers (later checkpoints removed?). */
  | 'uncovered-events'
  /** The newest authentic checkpoint is older than the rule allows, on a store whose checkpointer signs heartbeats. */
  | 'stale-checkpoints'
  /** The store's unsigned Merkle block or subtree roots disagree with the log's hashes (proofs were made from the log). */
  | 'wrong-stored-tree';

/** The signed values of a checkpoint that the log can fail to give. */
export type CheckpointValue = 'eventCount' | 'digest' | 'merkleRoot' | 'streamCount' | 'headsRoot';

export interface IntegrityProblem {
  readonly kind: IntegrityProblemKind;
  readonly streamId?: string;
  /** For a removed event: the first missing revision. */
  readonly revision?: number;
  readonly eventId?: string;
  /** The event's position, or the checkpoint's for a checkpoint problem. */
  readonly position?: Position;
  /** For problems found by a checkpoint: the stretch of the log they lie in (after, upTo]. */
  readonly range?: { readonly after: Position; readonly upTo: Position };
  /** The checkpoint's row id, for problems a checkpoint revealed. */
  readonly checkpointId?: string;
  /** For a checkpoint whose claim the log does not give: which of its values differ. */
  readonly mismatched?: readonly CheckpointValue[];
  readonly detail: string;
}

/**
 * A checkpoint as a report names it: every signed field with its signature and key id, so that whoever keeps the
 * report can check it again, against the key or against the store (verifyReportAgainstStore).
 */
export type CheckpointSummary = SignedCheckpoint;

/** What the walk found of a checkpoint: its claim held, the log disagreed, or its signature did not hold. */
export type CheckpointVerdict = 'matched' | 'mismatched' | 'forged' | 'unknown-key';

export interface CheckedCheckpoint extends CheckpointSummary {
  readonly verdict: CheckpointVerdict;
}

/**
 * The log as the walk left it: the count, digest and Merkle root of every event it read. Unsigned: it records what
 * this verification saw after the last checkpoint, so a later check can tell whether those events changed too.
 */
export interface LogHead {
  readonly position: Position;
  readonly eventCount: number;
  readonly digest: string;
  readonly merkleRoot: string;
}

/** The last event of a stream as the walk left it (scope 'streams'). */
export interface StreamHead {
  readonly streamId: string;
  readonly revision: number;
  readonly eventId: string;
  readonly hash: string | null;
}

/** Scope 'log' with a coverage rule: the log's tail past the last authentic checkpoint. */
export interface CoverageSummary {
  readonly at: string;
  readonly maxUncoveredMs: number;
  /** With the heartbeat rule: how old the newest authentic checkpoint may be, and when it was signed. */
  readonly maxCheckpointAgeMs?: number;
  readonly lastSignedAt?: string | null;
  readonly uncoveredEvents: number;
  readonly oldestUncoveredAt: string | null;
  readonly lastCoveringCheckpoint: CheckpointSummary | null;
}

export interface VerificationReport {
  readonly ok: boolean;
  /** 'log': the whole global log with its checkpoints; 'streams': hash chains of some streams only. */
  readonly scope: 'log' | 'streams';
  /** The stream verified, when one was asked for. */
  readonly streamId?: string;
  /** When the verification ran (ISO-8601 UTC), when the caller knows it. */
  readonly verifiedAt?: string;
  /** The key ids the checkpoints were checked against. */
  readonly trustedKeyIds: readonly string[];
  readonly eventsChecked: number;
  readonly streamsChecked: number;
  readonly checkpointsChecked: number;
  /**
   * The latest checkpoint whose signature held and whose count and digest (and merkle root, version 2) matched the
   * log, with no checkpoint before it mismatching: the log up to it holds exactly the event hashes it was signed
   * over. What an auditor anchors to.
   */
  readonly lastCheckpoint: CheckpointSummary | null;
  /** Every checkpoint compared, in log order, with what was found; the latest ones when more than the cap. */
  readonly checkpoints: readonly CheckedCheckpoint[];
  /** Checkpoints compared but left out of `checkpoints` (the earliest ones). */
  readonly checkpointsOmitted: number;
  /** Scope 'log', when no checkpoint mismatched: where the walk ended. */
  readonly logHead?: LogHead;
  /** Scope 'log', when a coverage rule was given: what no authentic checkpoint covers yet. */
  readonly coverage?: CoverageSummary;
  /** Scope 'streams' tied to a checkpoint: events proven in its signed Merkle tree. */
  readonly proofsVerified?: number;
  /** Scope 'streams': each stream's last event. */
  readonly streamHeads?: readonly StreamHead[];
  readonly firstProblem?: IntegrityProblem;
  /** In log order; capped at `maxProblems` (see `problemsOmitted`). */
  readonly problems: readonly IntegrityProblem[];
  readonly problemsOmitted: number;
}

/** The signed fields of a checkpoint, and nothing a store keeps beside them (the frontier). */
export function checkpointSummary(cp: SignedCheckpoint): CheckpointSummary {
  return {
    ...(cp.id === undefined ? {} : { id: cp.id }),
    ...(cp.version === undefined ? {} : { version: cp.version }),
    position: cp.position,
    eventCount: cp.eventCount,
    digest: cp.digest,
    ...(cp.merkleRoot === undefined ? {} : { merkleRoot: cp.merkleRoot }),
    ...(cp.streamCount === undefined ? {} : { streamCount: cp.streamCount }),
    ...(cp.headsRoot === undefined ? {} : { headsRoot: cp.headsRoot }),
    keyId: cp.keyId,
    createdAt: cp.createdAt,
    signature: cp.signature,
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A problem while the walk is still running: a later event may reclassify it or show it was a consequence. */
export interface ProblemEntry {
  problem: Mutable<IntegrityProblem>;
  /** Where in the log the break shows; orders the report. */
  readonly anchor: Position | null;
  /**
   * Found by a checkpoint's count or digest, which can only name a stretch of the log. A stream check that names
   * the event itself is preferred as the first problem.
   */
  fromCheckpoint: boolean;
  dropped: boolean;
  readonly seq: number;
}

/** Collects problems during a walk and orders them at the end. */
export class ProblemLog {
  private readonly entries: ProblemEntry[] = [];
  private overflow = 0;

  /** `limit` bounds memory when a whole log was rewritten: past it, problems are only counted. */
  constructor(private readonly limit = 100_000) {}

  add(problem: IntegrityProblem, anchor: Position | null, fromCheckpoint = false): ProblemEntry {
    const entry: ProblemEntry = { problem: { ...problem }, anchor, fromCheckpoint, dropped: false, seq: this.entries.length };
    if (this.entries.length < this.limit) this.entries.push(entry);
    else this.overflow += 1;
    return entry;
  }

  /** Live problems a later check may explain otherwise (drop, or name more precisely). */
  live(match: (problem: IntegrityProblem) => boolean): ProblemEntry[] {
    return this.entries.filter((e) => !e.dropped && match(e.problem));
  }

  /**
   * Problems in log order (ties: event problems before checkpoint ones). The first problem is the earliest one that
   * names an event or a checkpoint's own fault; a checkpoint's count/digest mismatch leads only when nothing more
   * precise was found, because a removed or changed event also upsets every checkpoint covering it.
   */
  finish(maxProblems: number): { problems: IntegrityProblem[]; firstProblem?: IntegrityProblem; omitted: number } {
    const live = this.entries.filter((e) => !e.dropped).sort(byAnchor);
    const first = live.find((e) => !e.fromCheckpoint) ?? live[0];
    const problems = live.slice(0, maxProblems).map((e) => e.problem as IntegrityProblem);
    return { problems, firstProblem: first?.problem, omitted: Math.max(0, live.length - maxProblems) + this.overflow };
  }
}

function byAnchor(a: ProblemEntry, b: ProblemEntry): number {
  if (a.anchor && b.anchor) {
    const c = comparePositions(a.anchor, b.anchor);
    if (c !== 0) return c;
  } else if (a.anchor || b.anchor) {
    return a.anchor ? -1 : 1;
  }
  if (a.fromCheckpoint !== b.fromCheckpoint) return a.fromCheckpoint ? 1 : -1;
  return a.seq - b.seq;
}
