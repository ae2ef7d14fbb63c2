/**
 * What a replay answers: per read model, how many events were replayed up to which log position, whether the live
 * subscription had projected all of them, and per table the row counts and differences. JSON-safe, so the CLI
 * prints it as it is and an auditor can keep it.
 */
import type { MergeCounts, RowDifference } from './merge-compare';

export interface TableReport {
  /** `schema.table`. */
  readonly table: string;
  readonly key: readonly string[];
  /** Columns left out of the comparison, each with its reason (from the catalogue). */
  readonly ignored: readonly { readonly column: string; readonly why: string }[];
  readonly liveRows: number;
  readonly replayedRows: number;
  /** Rows the events give that the live table lacks. */
  readonly missing: number;
  /** Live rows the events do not give. */
  readonly extra: number;
  /** Rows on both sides whose compared columns differ. */
  readonly different: number;
  readonly samples: readonly RowDifference[];
}

export interface ReplayReport {
  readonly readModel: string;
  readonly service: string;
  readonly eventsReplayed: number;
  /** Log position (`commit/prepare`) of the last event replayed; null when no event matched the filter. */
  readonly upTo: string | null;
  /** The live subscription's checkpoints had passed `upTo` before the tables were compared. */
  readonly liveCaughtUp: boolean;
  /**
   * Events matching the filter were recorded after `upTo` by the end of the comparison: the live rows may already
   * reflect them, so a difference may be the live model being ahead rather than wrong. Replay again when quiet.
   */
  readonly liveMovedOn: boolean;
  readonly tables: readonly TableReport[];
  /** Every table has no difference and the live subscription had caught up (a lagging one proves nothing). */
  readonly equal: boolean;
  readonly durationMs: number;
}

export interface ServiceReplayReport {
  readonly service: string;
  readonly readModels: readonly ReplayReport[];
  readonly equal: boolean;
}

export function tableReport(table: string, key: readonly string[], ignored: TableReport['ignored'], counts: MergeCounts): TableReport {
  return { table, key, ignored, ...counts };
}

export function tableIsEqual(t: TableReport): boolean {
  return t.missing === 0 && t.extra === 0 && t.different === 0;
}

/** The verdict first, then the facts it rests on: that is the order a reader of the JSON wants. */
export function replayReport(facts: Omit<ReplayReport, 'equal'>): ReplayReport {
  const { readModel, service, ...rest } = facts;
  return { readModel, service, equal: facts.liveCaughtUp && facts.tables.every(tableIsEqual), ...rest };
}

export function serviceReplayReport(service: string, readModels: readonly ReplayReport[]): ServiceReplayReport {
  return { service, equal: readModels.every((r) => r.equal), readModels };
}
