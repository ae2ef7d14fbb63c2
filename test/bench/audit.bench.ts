/**
 * `npm run bench:audit` (after bench:integrity, which measures verification): what an auditor waits for when
 * 1,000,000 realistic events are stored. The timeline of one MRN, and a full replay of every read model of every
 * service compared row by row with the live one. Writes docs/benchmarks.md and prints the table.
 *
 * - The log (audit-log.ts): ENS lifecycles decided by the services' own deciders (filings from libs/testing, the
 *   real criteria engine, risk units, controls, arrivals...), loaded directly with chained hashes and signed
 *   checkpoints, as integrity-log.ts loads its log. verifyStore checks it once (every hash, every checkpoint).
 * - Timeline: what the audit service's timeline door does for an MRN (timeline.http-controller.ts), with its own
 *   EventLog class on a pg pool: the ENS family from the filings' events (up to 3 rounds of reads), every stream of
 *   the family in log order (readStreamsInLogOrder), the entries built (timelineOf). Left out: HTTP, the token and
 *   purpose checks, the access-log append, and the peers' delivery lookups (trader inbox, signal streams), which are
 *   other services' latency. Random MRNs (heads and houses) from the first, middle and last thirds of the log.
 * - Replay: first the live read models, built as the services build them: every projection of every catalogue
 *   (services/<svc>/src/read-models.catalogue.ts) running as a subscription with its catalogue's partitions, all at
 *   once, over the log already stored (timed: that is a rebuild from scratch of the live side). Then each service's
 *   own `replay()` (services/<svc>/src/replay.ts, what `npm run audit -- replay` runs): per read model a scratch
 *   database migrated with the service's migrations, the events replayed through the projection's handler, the
 *   live subscription's checkpoints checked, every table compared row by row with the live one, the scratch
 *   database dropped. Every report must say equal; a difference fails the benchmark.
 *
 * Runs on a durable PostgreSQL (bench-database.ts). BENCH_SCALE=0.05 loads 50,000 events for a smoke run.
 * Replay handles every event several times (each read model reads its own categories), a thousand to a few
 * thousand events a second per read model: on the 2-core machine of docs/benchmarks.md the full 1,000,000 events
 * took 6 min to load, 22 min to build live and 34 min to replay, about an hour in all. BENCH_REPLAY_EVENTS=200000
 * builds and replays the read models once that much of the log is loaded, then loads the rest and measures the
 * timelines on the whole log (the report says so).
 */
import { Pool } from 'pg';
import { generateCheckpointKeyPair, loadCheckpointSigner, PostgresEventStore, verifyStore, type RunningSubscription } from '@ics2/event-store';
import { projectionSubscription, ReadModelDatabase, type ReadModelCatalogue, type ServiceReplayReport } from '@ics2/platform';
import { migrateLocalStack } from '../../infra/local/migrations';
import { EventLog } from '../../services/audit/src/event-log/event-log';
import { streamsOf } from '../../services/audit/src/timeline/ens-family';
import { timelineOf } from '../../services/audit/src/timeline/timeline';
import { readModelCatalogue as commonRepository } from '../../services/common-repository/src/read-models.catalogue';
import { replay as replayCommonRepository } from '../../services/common-repository/src/replay';
import { readModelCatalogue as controlResults } from '../../services/control-results/src/read-models.catalogue';
import { replay as replayControlResults } from '../../services/control-results/src/replay';
import { readModelCatalogue as crms } from '../../services/crms/src/read-models.catalogue';
import { replay as replayCrms } from '../../services/crms/src/replay';
import { readModelCatalogue as riskAnalysis } from '../../services/risk-analysis/src/read-models.catalogue';
import { replay as replayRiskAnalysis } from '../../services/risk-analysis/src/replay';
import { readModelCatalogue as traderInterface } from '../../services/trader-interface/src/read-models.catalogue';
import { replay as replayTraderInterface } from '../../services/trader-interface/src/replay';
import { AuditLogLoader, type LoadedAuditLog, type LoggedEns } from './audit-log';
import { startBenchDatabase } from './bench-database';
import { benchmarkTable, writeBenchmarkReport, type Figure } from './bench-report';
import { sampleRandom } from '@ics2/testing';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const EVENTS = Math.round(1_000_000 * SCALE);
// A multiple of the loader's 5,000-row batches.
const CHECKPOINT_EVERY = Math.max(5_000, Math.round((100_000 * SCALE) / 5_000) * 5_000);
/** Replay (and the live build before it) runs once this many events are loaded; the rest of the log comes after. */
const REPLAY_EVENTS = Math.min(EVENTS, Number(process.env.BENCH_REPLAY_EVENTS ?? EVENTS));
const LOOKUPS = 200;
const WARM_UP_LOOKUPS = 20;
const TIMELINE_TARGET_MS = 50;

const SERVICES: readonly { readonly catalogue: ReadModelCatalogue; readonly replay: (ownerUrl: string, liveUrl: string) => Promise<ServiceReplayReport> }[] = [
  { catalogue: commonRepository, replay: replayCommonRepository },
  { catalogue: traderInterface, replay: replayTraderInterface },
  { catalogue: riskAnalysis, replay: replayRiskAnalysis },
  { catalogue: controlResults, replay: replayControlResults },
  { catalogue: crms, replay: replayCrms },
];

const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (ms: number) => ms / 1000;

// -- timeline -----------------------------------------------------------------------------------------------------

interface Lookup {
  readonly part: 'first' | 'middle' | 'last';
  readonly mrn: string;
  readonly kind: string;
}

/**
 * MRNs of ENS registered in each third of the log (by the order of their registration), a third of the lookups each,
 * heads and houses alike. The last 1% of the ENS are left out: the log ends in their first steps.
 */
function chooseLookups(ens: readonly LoggedEns[], count: number, seed: number): Lookup[] {
  // The same lookups every run.
  const { next } = sampleRandom(seed);
  const usable = ens.slice(0, Math.floor(ens.length * 0.99));
  const parts = (['first', 'middle', 'last'] as const).map((part, i) => ({ part, candidates: usable.slice(Math.floor((i * usable.length) / 3), Math.floor(((i + 1) * usable.length) / 3)) }));
  const lookups: Lookup[] = [];
  for (let k = 0; k < count; k++) {
    const { part, candidates } = parts[k % 3];
    const e = candidates[Math.floor(next() * candidates.length)];
    lookups.push({ part, mrn: e.mrns[Math.floor(next() * e.mrns.length)], kind: e.kind });
  }
  return lookups;
}

interface TimelineRun {
  readonly ms: number;
  readonly entries: number;
  readonly streams: number;
  readonly filings: number;
}

/** The timeline door's work for one MRN, minus HTTP, the access log and the peers' deliveries. */
async function timeline(log: EventLog, mrn: string): Promise<TimelineRun> {
  const started = performance.now();
  const family = await log.family(mrn);
  if (!family) throw new Error(`no filing ${mrn} in the store`);
  const streams = streamsOf(family);
  const events = await log.inLogOrder(streams);
  const entries = timelineOf(events, []);
  const ms = performance.now() - started;
  if (!entries.some((e) => e.streamId === `ens-${mrn}`)) throw new Error(`the timeline of ${mrn} lacks its own filing`);
  return { ms, entries: entries.length, streams: streams.length, filings: family.mrns.size };
}

/** How PostgreSQL reads one family's streams in log order: the plan's nodes, one line. */
async function planOf(pool: Pool, streams: readonly string[]): Promise<string> {
  const { rows } = await pool.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, SUMMARY OFF) SELECT * FROM event_store.events WHERE stream_id = ANY($1) ORDER BY transaction_id, position`,
    [streams],
  );
  return rows
    .map((r) => r['QUERY PLAN'].trim().replace(/^->\s*/, ''))
    .map((l) => l.replace(/\s*\(cost=[^)]*\)/, '').replace(/\s*\(actual[^)]*\)/, ''))
    // Plan nodes only, not their details (Sort Key:, Index Cond:, Buffers:...).
    .filter((l) => l !== '' && !l.includes(':'))
    .join(' <- ');
}

async function measureTimelines(appUrl: string, load: LoadedAuditLog, figures: Figure[]): Promise<string> {
  const pool = new Pool({ connectionString: appUrl, max: 4 });
  const store = new PostgresEventStore(pool);
  const log = new EventLog(store);
  try {
    for (const w of chooseLookups(load.ens, WARM_UP_LOOKUPS, 7)) await timeline(log, w.mrn);
    const lookups = chooseLookups(load.ens, LOOKUPS, 20_260_105);
    const runs: (TimelineRun & Lookup)[] = [];
    for (const l of lookups) runs.push({ ...l, ...(await timeline(log, l.mrn)) });
    const all = runs.map((r) => r.ms).sort((a, b) => a - b);
    const p99 = quantile(all, 0.99);
    const label = `timeline of one MRN (the door's work without HTTP, access log and the peers' deliveries: ENS family, its streams in log order, the entries), ${LOOKUPS} random MRNs, heads and houses, a third from each third of the log; median ${median(runs.map((r) => r.entries))} entries, up to ${Math.max(...runs.map((r) => r.filings))} filings`;
    figures.push({ name: `${label}: p50`, value: quantile(all, 0.5), unit: 'ms' });
    figures.push({ name: 'timeline of one MRN: p99', value: p99, unit: 'ms', target: { text: `< ${TIMELINE_TARGET_MS} ms`, met: p99 < TIMELINE_TARGET_MS } });
    figures.push({ name: 'timeline of one MRN: max', value: all[all.length - 1], unit: 'ms' });
    for (const part of ['first', 'middle', 'last'] as const) {
      const xs = runs.filter((r) => r.part === part).map((r) => r.ms).sort((a, b) => a - b);
      figures.push({ name: `timeline of one MRN: slowest of the ${xs.length} from the ${part} third of the log`, value: xs[xs.length - 1], unit: 'ms' });
    }
    const multiple = runs.filter((r) => r.filings > 1).map((r) => r.ms).sort((a, b) => a - b);
    if (multiple.length > 0) figures.push({ name: `timeline of one MRN: p50 of the ${multiple.length} MRNs of a master + houses ENS (2 or 3 rounds of family reads)`, value: quantile(multiple, 0.5), unit: 'ms' });
    const widest = runs.reduce((a, b) => (b.streams > a.streams ? b : a));
    const family = await log.family(widest.mrn);
    return family ? await planOf(pool, streamsOf(family)) : 'unknown';
  } finally {
    await store.close();
    await pool.end();
  }
}

// -- live read models ---------------------------------------------------------------------------------------------

interface LiveBuild {
  readonly ms: number;
  readonly handled: number;
  readonly projections: number;
  readonly partitions: number;
  /** Batches retried because a read-model connection was not free within 5 s. */
  readonly retried: number;
}

/**
 * The live read models as the services build them: each service with its own event store (pool of 20, the
 * platform's EVENT_STORE_POOL_MAX) and read-model database (pool of 10, DATABASE_POOL_MAX), each projection of its
 * catalogue a subscription with the catalogue's partitions; every service at once, until every subscription has
 * caught up with the log. Then stopped; their checkpoints stay (replay checks them).
 */
async function buildLiveReadModels(appUrl: string): Promise<LiveBuild> {
  const partitions = SERVICES.flatMap((s) => s.catalogue.projections).reduce((n, p) => n + p.partitions, 0);
  const stores: PostgresEventStore[] = [];
  const databases: ReadModelDatabase[] = [];
  const running: RunningSubscription[] = [];
  let failed: (e: unknown) => void = () => undefined;
  const failure = new Promise<never>((_, reject) => (failed = reject));
  failure.catch(() => undefined);
  let retried = 0;
  try {
    for (const { catalogue } of SERVICES) {
      stores.push(new PostgresEventStore({ connectionString: appUrl, poolSize: 20 }));
      databases.push(await ReadModelDatabase.connect(appUrl, { schema: catalogue.migrations.schema, entities: catalogue.entities }, { poolMax: 10, applicationName: `${catalogue.service}.read-models` }));
    }
    const started = performance.now();
    for (const [i, { catalogue }] of SERVICES.entries()) {
      for (const projection of catalogue.projections) {
        running.push(
          await stores[i].subscribe({
            ...projectionSubscription(projection, { store: stores[i] }),
            transactions: databases[i],
            // A batch that fails is retried after a back-off, as in the services. Waiting too long for a pooled
            // connection is counted (the pools are the services' defaults); anything else stops the benchmark.
            onError: (err, partition) => {
              const message = err instanceof Error ? err.message : String(err);
              if (/timeout exceeded when trying to connect/.test(message) && ++retried <= 100) return;
              failed(new Error(`${projection.name} partition ${partition}: ${err instanceof Error ? err.stack : message}`));
            },
          }),
        );
      }
    }
    await Promise.race([Promise.all(running.map((s) => s.caughtUp())), failure]);
    const ms = performance.now() - started;
    const handled = running.reduce((n, s) => n + s.status().handled, 0);
    return { ms, handled, projections: running.length, partitions, retried };
  } finally {
    for (const s of running) await s.stop();
    for (const db of databases) await db.close();
    for (const store of stores) await store.close();
  }
}

// -- main ---------------------------------------------------------------------------------------------------------

/** Each service's replay(), one after the other, as an operator replays them; a read model not equal fails the run. */
async function replayEverything(ownerUrl: string, liveUrl: string): Promise<{ ms: number; readModels: ServiceReplayReport['readModels'] }> {
  const started = performance.now();
  const readModels: ServiceReplayReport['readModels'][number][] = [];
  for (const s of SERVICES) {
    const t = performance.now();
    const report = await s.replay(ownerUrl, liveUrl);
    console.log(`  ${s.catalogue.service}: ${seconds(performance.now() - t).toFixed(1)} s, equal=${report.equal}`);
    if (!report.equal) {
      console.error(JSON.stringify(report, null, 2));
      throw new Error(`${s.catalogue.service}: a replayed read model differs from the live one (report above)`);
    }
    readModels.push(...report.readModels);
  }
  return { ms: performance.now() - started, readModels };
}

async function main(): Promise<void> {
  const db = await startBenchDatabase();
  const app = new Pool({ connectionString: db.appUrl, max: 4 });
  const signer = loadCheckpointSigner(generateCheckpointKeyPair().privateKeyPem);
  const loader = new AuditLogLoader(db.adminUrl, app, signer, EVENTS, CHECKPOINT_EVERY);
  const figures: Figure[] = [];
  try {
    await migrateLocalStack(db.adminUrl);
    const partial = REPLAY_EVENTS < EVENTS;
    console.log(`generating and loading ${REPLAY_EVENTS} events${partial ? ` (of ${EVENTS}: replay runs on this part)` : ''}...`);
    const first = await loader.loadUpTo(REPLAY_EVENTS);

    console.log('building the live read models (every projection as a subscription)...');
    const live = await buildLiveReadModels(db.appUrl);
    console.log(`live read models built in ${seconds(live.ms).toFixed(1)} s (${live.handled} events handled by ${live.projections} projections)`);
    console.log('replaying every read model...');
    const replayed = await replayEverything(db.adminUrl, db.appUrl);
    const replayedEvents = replayed.readModels.reduce((n, r) => n + r.eventsReplayed, 0);
    const over = partial ? `over the first ${first.events} events of the log (BENCH_REPLAY_EVENTS)` : `over ${first.events} events`;
    const replayFigures: Figure[] = [
      {
        name: `full replay of all ${replayed.readModels.length} read models of ${SERVICES.length} services ${over}, each service's replay() in turn (per read model: scratch database, the events through the projection, row-by-row comparison with the live tables: all equal; ${replayedEvents} events replayed in all), wall time`,
        value: seconds(replayed.ms),
        unit: 's',
      },
      ...replayed.readModels.map((r) => ({
        name: `replay ${r.readModel}: ${r.eventsReplayed} events, ${r.tables.reduce((n, t) => n + t.replayedRows, 0)} rows compared equal, ${seconds(r.durationMs).toFixed(1)} s (scratch database and comparison included)`,
        value: r.eventsReplayed / seconds(r.durationMs),
        unit: 'events/s',
      })),
      {
        name: `live read models built from scratch ${over} by the projections' own subscriptions (${live.projections} projections, ${live.partitions} partitions, the 5 services at once in one Node process; ${live.handled} events handled${live.retried ? `; ${live.retried} batches retried after waiting 5 s for a read-model connection` : ''}), wall time`,
        value: seconds(live.ms),
        unit: 's',
      },
    ];

    if (partial) console.log(`generating and loading the rest, up to ${EVENTS} events...`);
    const load = partial ? await loader.loadUpTo(EVENTS) : first;
    const size = (await app.query<{ s: string }>(`SELECT pg_size_pretty(pg_total_relation_size('event_store.events')) AS s`)).rows[0].s;
    console.log(`loaded ${load.events} events (${load.ens.length} ENS, ${load.streams} streams, ${size}) in ${load.seconds.toFixed(1)} s, ${load.checkpointMs.length} checkpoints`);

    const verify = performance.now();
    const report = await verifyStore(app, { publicKeys: [signer.publicKeyPem] });
    const verifyMs = performance.now() - verify;
    if (!report.ok || report.eventsChecked !== load.events) throw new Error(`verifyStore: ok=${report.ok}, ${report.eventsChecked} of ${load.events} events`);
    console.log(`verifyStore: ${(load.events / seconds(verifyMs)).toFixed(0)} events/s`);

    console.log('timelines...');
    const plan = await measureTimelines(db.appUrl, load, figures);
    figures.push(...replayFigures);
    figures.push({ name: `verifyStore over this log (${load.events} events, ${report.checkpointsChecked} checkpoints, one run; bench:integrity measures verification)`, value: load.events / seconds(verifyMs), unit: 'events/s' });
    figures.push({ name: 'generating and loading the log (deciders, criteria engine, hashes; multi-row INSERT)', value: load.events / load.seconds, unit: 'events/s' });

    const kindOf = (k: string) => k.replace(/ \(master \+ \d houses\)/, ' (master + houses)');
    const kinds = new Map<string, number>();
    for (const e of load.ens) kinds.set(kindOf(e.kind), (kinds.get(kindOf(e.kind)) ?? 0) + 1);
    console.log(benchmarkTable(figures));
    writeBenchmarkReport('audit', figures, {
      postgres: `${db.serverVersion} (${db.settings})`,
      scale: `${SCALE}${partial ? `, replay on the first ${first.events} events (BENCH_REPLAY_EVENTS)` : ''}`,
      log: `${load.events} events, ${load.streams} streams, ${size} (event_store.events with its indexes); ${load.ens.length} ENS decided by the services' own deciders (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}), in waves of 1,000 whose steps interleave, plus RIFs and crisis alerts; checkpoints every ${CHECKPOINT_EVERY}`,
      'event types': [...load.byType].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${n}`).join(', '),
      timeline: `the audit service's EventLog class on a pg pool (4 connections), one lookup at a time after ${WARM_UP_LOOKUPS} warm-up ones; the widest family's streams are read by: ${plan}`,
      replay: `live read models first built by the catalogues' projections as subscriptions (each service's own store and read-model pools), then each service's replay() (services/<svc>/src/replay.ts): scratch database, replay, live checkpoints checked, row-by-row comparison; every report equal${partial ? `; replay was measured on the first ${first.events} events, before the rest of the log was loaded` : ''}`,
      note: "one machine, 2 cores, shared with another engineer's test runs: PostgreSQL and the benchmark share them, so figures are noisy",
    });
  } finally {
    await loader.close();
    await app.end();
    await db.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
