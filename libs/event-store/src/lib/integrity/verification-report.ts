import { comparePositions, type Position } from '../recorded-event';

export type IntegrityProblemKind =
  | 'changed-content'
  | 'removed-event'
  | 'reordered-event'
  | 'forged-checkpoint'
  | 'unknown-key'
  | 'checkpoint-mismatch';

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
  readonly detail: string;
}

export interface CheckpointSummary {
  readonly id?: string;
  readonly position: Position;
  readonly eventCount: number;
  readonly digest: string;
  readonly keyId: string;
  readonly createdAt: string;
}

export interface VerificationReport {
  readonly ok: boolean;
  readonly eventsChecked: number;
  readonly streamsChecked: number;
  readonly checkpointsChecked: number;
  /**
   * The latest checkpoint whose signature held and whose count and digest matched the log, with no checkpoint before
   * it mismatching: the log up to it holds exactly the event hashes it was signed over. What an auditor anchors to.
   */
  readonly lastCheckpoint: CheckpointSummary | null;
  readonly firstProblem?: IntegrityProblem;
  /** In log order; capped at `maxProblems` (see `problemsOmitted`). */
  readonly problems: readonly IntegrityProblem[];
  readonly problemsOmitted: number;
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
  readonly fromCheckpoint: boolean;
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
