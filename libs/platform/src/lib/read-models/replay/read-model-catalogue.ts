/**
 * What a service declares once about its read models: its schema's migrations and entities, and each projection
 * (subscription name, filter, partitions, handler) with the tables it owns and how replay compares them. The live
 * subscriptions start from this declaration (`projectionSubscription`) and replay reads the same one, so the two
 * cannot drift: a projection replayed is exactly the projection running.
 *
 * Processors that append events (intake, linking, escalation...) are not projections and are never declared here:
 * replaying them would decide again, not rebuild.
 */
import type { EventFilter, EventStore, RecordedEvent } from '@ics2/event-store';
import type { ProjectionOptions } from '../../event-sourcing/subscriptions';
import type { ReadModelMigrations } from '../migrate-read-models';
import type { ReadModelSettings, ReadModelTransaction } from '../read-model-database';

/** What a handler may close over: the live event store (e.g. to read a stream's history up to an event). */
export interface ProjectionDependencies {
  readonly store: EventStore;
}

export type ProjectionHandler = (event: RecordedEvent, tx: ReadModelTransaction) => Promise<void>;

/** A column left out of the comparison, with the reason it is not a function of the events alone. */
export interface IgnoredColumn {
  readonly column: string;
  readonly why: string;
}

/** A table a projection owns: compared row by row by `key` (unique, not null), every column but `ignore`. */
export interface ComparedTable {
  readonly table: string;
  readonly key: readonly string[];
  readonly ignore?: readonly IgnoredColumn[];
}

export interface ReadModelProjection {
  /** The subscription name `<service>.<purpose>`: the checkpoint key, and what `replay <read-model>` takes. */
  readonly name: string;
  readonly filter: Omit<EventFilter, 'partition'>;
  /** The partition count the live subscription runs with (a service may make it configurable, see below). */
  readonly partitions: number;
  readonly batchSize?: number;
  readonly tables: readonly ComparedTable[];
  readonly handler: (deps: ProjectionDependencies) => ProjectionHandler;
}

/** A table of the schema that no projection owns (a write-side guard, a processor's own state), and why. */
export interface UnreplayedTable {
  readonly table: string;
  readonly why: string;
}

export interface ReadModelCatalogue {
  readonly service: string;
  readonly migrations: ReadModelMigrations;
  readonly entities: ReadModelSettings['entities'];
  readonly projections: readonly ReadModelProjection[];
  /** Every other table of the schema: replay refuses a schema with a table the catalogue says nothing about. */
  readonly notReplayed?: readonly UnreplayedTable[];
}

/** A read model asked for by a name its service's catalogue does not declare: the caller's mistake, not a failure. */
export class UnknownReadModelError extends Error {
  override readonly name = 'UnknownReadModelError';
}

/** The projection of that subscription name; throws UnknownReadModelError for a name the catalogue does not declare. */
export function catalogueProjection(catalogue: ReadModelCatalogue, name: string): ReadModelProjection {
  const projection = catalogue.projections.find((p) => p.name === name);
  if (!projection) throw new UnknownReadModelError(`${catalogue.service} has no read model ${name}; it has ${catalogue.projections.map((p) => p.name).join(', ')}`);
  return projection;
}

/** What a service may set for a projection it starts, where it makes these settings. */
export interface ProjectionOverrides {
  /** Overrides the declared partition count: the count changes how work is shared, never what the rows are. */
  readonly partitions?: number;
  /**
   * Opt-in parking of the event the handler keeps failing on after this many failed attempts (`SubscriptionOptions`).
   * Not declared in the catalogue: a parked event makes the rows differ from a replay, so whether a stuck read model
   * is worse than a wrong one is the running service's call, not the projection's. Unset: retry forever.
   */
  readonly maxAttempts?: number;
}

/** The options `Subscriptions.start` takes for a projection, with the service's overrides. */
export function projectionSubscription(projection: ReadModelProjection, deps: ProjectionDependencies, overrides: ProjectionOverrides = {}): ProjectionOptions {
  return {
    name: projection.name,
    filter: projection.filter,
    partitions: overrides.partitions ?? projection.partitions,
    ...(projection.batchSize !== undefined ? { batchSize: projection.batchSize } : {}),
    ...(overrides.maxAttempts !== undefined ? { maxAttempts: overrides.maxAttempts } : {}),
    handle: projection.handler(deps),
  };
}
