import type { SignedCheckpoint } from './signed-checkpoint';
import { checkpointSummary, type CheckpointSummary, type CoverageSummary, type ProblemLog } from './verification-report';
import { positionToString, type RecordedEvent } from '../recorded-event';

/** When the verification runs and how old an event may be with no authentic checkpoint over it. */
export interface CoverageRule {
  /** When the verification runs, ISO-8601. */
  readonly at: string;
  readonly maxUncoveredMs: number;
}

/**
 * The events a walk has seen past the last authentic checkpoint (the whole log's tail, or one stream's), and the
 * coverage rule over them: an event older than the rule under no signed checkpoint is `uncovered-events`.
 */
export class UncoveredTail {
  private count = 0;
  private oldest: RecordedEvent | null = null;
  private covering: CheckpointSummary | null = null;

  add(event: RecordedEvent): void {
    this.count += 1;
    // ISO-8601 UTC in one format (the store writes them so) orders as text: no date parsing per event.
    if (this.oldest === null || event.recordedAt < this.oldest.recordedAt) this.oldest = event;
  }

  /** An authentic checkpoint over everything added so far. */
  coveredBy(cp: SignedCheckpoint): void {
    this.count = 0;
    this.oldest = null;
    this.covering = checkpointSummary(cp);
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
    return {
      at: rule.at,
      maxUncoveredMs: rule.maxUncoveredMs,
      uncoveredEvents: this.count,
      oldestUncoveredAt: oldest?.recordedAt ?? null,
      lastCoveringCheckpoint: this.covering,
    };
  }
}
