/**
 * Replay (issue 6): rebuilds one read model from the events into a scratch database and compares it row by row
 * with the live one. In order: create the scratch database and migrate it with the service's own migrations;
 * replay the live events matching the projection's filter up to the log's head through the projection's handler
 * (given the live store, as the live subscription is); wait until the live subscription's checkpoints have passed
 * that head; compare every table the projection owns in key order; drop the scratch database, also on failure.
 *
 * Read-only on the live side: events through a PostgresEventStore on `liveUrl`, checkpoints and tables through
 * the same pool. The owner's URL is only used to create, migrate, fill and drop the scratch database.
 */
import { PostgresEventStore, positionToString, START } from '@ics2/event-store';
import { Pool } from 'pg';
import { migrateReadModels } from '../migrate-read-models';
import { ReadModelDatabase } from '../read-model-database';
import { compareTable, planTableComparison } from './compare-table';
import { livePartitionCount, waitForLiveCatchUp } from './live-catch-up';
import { catalogueProjection, type ReadModelCatalogue, type ReadModelProjection } from './read-model-catalogue';
import { replayEvents } from './replay-events';
import { replayReport, serviceReplayReport, type ReplayReport, type ServiceReplayReport, type TableReport } from './replay-report';
import { createScratchDatabase } from './scratch-database';
import { RENDERING_SESSION, schemaTables } from './table-pages';

export interface ReplayConnections {
  /** The schema owner (MIGRATION_DATABASE_URL): creates the scratch database next to the live one. Needs CREATEDB. */
  readonly ownerUrl: string;
  /** The application role on the live database (DATABASE_URL): events, checkpoints and live rows are read with it. */
  readonly liveUrl: string;
}

export interface ReplaySettings {
  /** How long to wait for the live subscription to reach the replayed head. Default 30 s. */
  readonly catchUpTimeoutMs?: number;
  /** Rows per keyset page. Default 1000. */
  readonly pageSize?: number;
  /** Differences kept as samples per table. Default 5. */
  readonly sampleLimit?: number;
}

export interface ReplayOptions extends ReplayConnections, ReplaySettings {
  readonly catalogue: ReadModelCatalogue;
  /** The subscription name, e.g. `risk-analysis.analyses`. */
  readonly projection: string;
}

export async function replayReadModel(options: ReplayOptions): Promise<ReplayReport> {
  const started = Date.now();
  // Before any connection: an unknown name fails at once.
  const projection = catalogueProjection(options.catalogue, options.projection);
  const live = new Pool({ connectionString: options.liveUrl, max: 3, options: RENDERING_SESSION });
  live.on('error', () => undefined);
  const store = new PostgresEventStore(live);
  try {
    const scratch = await createScratchDatabase(options.ownerUrl);
    try {
      return await replayIntoScratch(options, projection, scratch.url, live, store, started);
    } finally {
      await scratch.drop();
    }
  } finally {
    await store.close();
    await live.end();
  }
}

async function replayIntoScratch(options: ReplayOptions, projection: ReadModelProjection, scratchUrl: string, live: Pool, store: PostgresEventStore, started: number): Promise<ReplayReport> {
  const { catalogue } = options;
  const schema = catalogue.migrations.schema;
  await migrateReadModels(scratchUrl, catalogue.migrations);
  const scratchRows = new Pool({ connectionString: scratchUrl, max: 2, options: RENDERING_SESSION });
  scratchRows.on('error', () => undefined);
  try {
    await checkCatalogueCoversSchema(scratchRows, catalogue);
    const plans = [];
    for (const table of projection.tables) plans.push(await planTableComparison(scratchRows, schema, table));
    // The live count, where it ran: its checkpoints are per partition of that count, whatever the default says.
    const partitions = (await livePartitionCount(live, projection.name)) ?? projection.partitions;
    const db = await ReadModelDatabase.connect(scratchUrl, { schema, entities: catalogue.entities }, { poolMax: 2, applicationName: `replay ${projection.name}` });
    const replayed = await replayEvents(store, projection, projection.handler({ store }), db, partitions).finally(() => db.close());
    const liveCaughtUp = await waitForLiveCatchUp(live, projection.name, partitions, replayed.lastByPartition, { timeoutMs: options.catchUpTimeoutMs ?? 30_000 });
    const tables: TableReport[] = [];
    for (const plan of plans) {
      tables.push(await compareTable(live, scratchRows, plan, { pageSize: options.pageSize ?? 1000, sampleLimit: options.sampleLimit ?? 5, sampleValueChars: 300 }));
    }
    const after = await store.readAll({ fromPosition: replayed.upTo ?? START, maxCount: 1, filter: projection.filter });
    return replayReport({
      readModel: projection.name,
      service: catalogue.service,
      eventsReplayed: replayed.count,
      upTo: replayed.upTo ? positionToString(replayed.upTo) : null,
      liveCaughtUp,
      liveMovedOn: after.length > 0,
      tables,
      durationMs: Date.now() - started,
    });
  } finally {
    await scratchRows.end();
  }
}

/** Every projection of the catalogue, one after the other, each into its own scratch database. */
export async function replayAll(catalogue: ReadModelCatalogue, options: ReplayConnections & ReplaySettings): Promise<ServiceReplayReport> {
  const reports: ReplayReport[] = [];
  for (const projection of catalogue.projections) reports.push(await replayReadModel({ ...options, catalogue, projection: projection.name }));
  return serviceReplayReport(catalogue.service, reports);
}

/** What a service's `replay.ts` exports: every read model of the catalogue, or only the one named. */
export async function replayService(catalogue: ReadModelCatalogue, options: ReplayConnections & ReplaySettings, name?: string): Promise<ServiceReplayReport> {
  if (name === undefined) return replayAll(catalogue, options);
  return serviceReplayReport(catalogue.service, [await replayReadModel({ ...options, catalogue, projection: name })]);
}

/** Each table of the schema is a projection's or declared not replayed: a new table cannot escape replay unnoticed. */
async function checkCatalogueCoversSchema(db: Pool, catalogue: ReadModelCatalogue): Promise<void> {
  const accounted = new Set(['schema_migrations', ...catalogue.projections.flatMap((p) => p.tables.map((t) => t.table)), ...(catalogue.notReplayed ?? []).map((t) => t.table)]);
  const unaccounted = (await schemaTables(db, catalogue.migrations.schema)).filter((t) => !accounted.has(t));
  if (unaccounted.length > 0) {
    throw new Error(`${catalogue.service}: the read-model catalogue says nothing of ${unaccounted.map((t) => `${catalogue.migrations.schema}.${t}`).join(', ')}: declare it in a projection's tables or in notReplayed`);
  }
}
