import type { SignedCheckpoint } from './signed-checkpoint';
import { checkpointSummary, type CheckpointSummary, type CoverageSummary, type ProblemLog } from './verification-report';
import { positionToString, type RecordedEvent } from '../recorded-event';

/** When the verification runs and how old an event may be with no authentic checkpoint over it. */
export interface CoverageRule {
  /** When the verification runs, ISO-8601. */
  readonly at: string;
  readonly maxUncoveredMs: number;
  /**
   * Scope 'log', for a store whose checkpointer signs heartbeats (postgres-checkpointer.ts, `heartbeatMs`): the
   * newest authentic checkpoint must have been signed at most this long before `at`, else `stale-checkpoints`.
   * It needs no event's recorded_at: checkpoints removed to hide a rewrite leave an old one newest, however the
   * events' times were moved. Absent: not checked (a checkpointer without heartbeats leaves a quiet store's
   * newest checkpoint old).
   */
  readonly maxCheckpointAgeMs?: number;
}

/**
 * The events a walk has seen past the last authentic checkpoint (the whole log's tail, or one stream's), and the
 * coverage rule over them: an event older than the rule under no signed checkpoint is `uncovered-events`.
 */
export class UncoveredTail {
  private count = 0;
  private oldest: RecordedEvent | null = null;
  private covering: CheckpointSummary | null = null;
  /** The authentic checkpoint signed last, by its createdAt. */
  private newest: CheckpointSummary | null = null;
  private sawEvents = false;

  add(event: RecordedEvent): void {
    this.count += 1;
    this.sawEvents = true;
    // ISO-8601 UTC in one format (the store writes them so) orders as text: no date parsing per event.
    if (this.oldest === null || event.recordedAt < this.oldest.recordedAt) this.oldest = event;
  }

  /** An authentic checkpoint over everything added so far. */
  coveredBy(cp: SignedCheckpoint): void {
    this.count = 0;
    this.oldest = null;
    this.covering = checkpointSummary(cp);
    if (this.newest === null || cp.createdAt > this.newest.createdAt) this.newest = this.covering;
  }

  /** What is uncovered; a problem (anchored at the oldest uncovered event) when part of it is older than the rule. */
  finish(rule: CoverageRule, problems: ProblemLog): CoverageSummary {
    const oldest = this.oldest;
    if (oldest && Date.parse(rule.at) - Date.parse(oldest.recordedAt) > rule.maxUncoveredMs) {
      const after = this.covering
        ? `after checkpoint ${this.covering.id ?? '?'} at ${positionToString(this.covering.position)} (signed ${this.covering.createdAt})`
        : 'with no checkpoint whose signature holds';
      problems.add(
        {
          kind: 'uncovered-events',
          streamId: oldest.streamId,
          revision: oldest.revision,
          eventId: oldest.id,
          position: oldest.position,
          detail:
            `${this.count} event(s) ${after} are covered by no signed checkpoint, the oldest recorded at ${oldest.recordedAt}, ` +
            `more than ${rule.maxUncoveredMs} ms before ${rule.at}: checkpoints signed over them were removed, or none is being signed`,
        },
        oldest.position,
      );
    }
    const newest = this.newest;
    // No authentic checkpoint at all is judged by the events' age above: a store is not stale before its first one.
    if (rule.maxCheckpointAgeMs !== undefined && this.sawEvents && newest && Date.parse(rule.at) - Date.parse(newest.createdAt) > rule.maxCheckpointAgeMs) {
      problems.add(
        {
          kind: 'stale-checkpoints',
          ...(newest.id === undefined ? {} : { checkpointId: newest.id }),
          position: newest.position,
          detail:
            `the newest checkpoint whose signature holds, ${newest.id ?? '?'} at ${positionToString(newest.position)}, was signed at ${newest.createdAt}, ` +
            `more than ${rule.maxCheckpointAgeMs} ms before ${rule.at}: checkpoints signed after it were removed, or none is being signed`,
        },
        newest.position,
      );
    }
    return {
      at: rule.at,
      maxUncoveredMs: rule.maxUncoveredMs,
      ...(rule.maxCheckpointAgeMs === undefined ? {} : { maxCheckpointAgeMs: rule.maxCheckpointAgeMs, lastSignedAt: newest?.createdAt ?? null }),
      uncoveredEvents: this.count,
      oldestUncoveredAt: oldest?.recordedAt ?? null,
      lastCoveringCheckpoint: this.covering,
    };
  }
}
