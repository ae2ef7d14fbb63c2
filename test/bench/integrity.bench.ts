/**
 * `npm run bench:integrity`: what auditors wait for over a log of 1,000,000 events. Verification throughput of the
 * whole store (verifyStore: every hash chain, the digest and Merkle tree, every checkpoint), next to the same rows
 * merely read; exporting one MRN's streams as an audit bundle; verifying that bundle offline; checking a kept report
 * again; and signing a checkpoint over 100,000 new events. Writes docs/benchmarks.md and prints the table.
 *
 * The log is loaded directly, not through 1,000,000 appends (integrity-log.ts). Runs on a durable PostgreSQL
 * (bench-database.ts). Sizes can be cut for a smoke run: BENCH_SCALE=0.05.
 *
 * Where the time goes is measured too: the verifier's own CPU per event (process.cpuUsage, GC threads included) and
 * verifyEvents over events already in memory, which is the ceiling of a walk that has to parse and hash every event.
 */
import { Pool, type PoolClient } from 'pg';
import {
  auditBundleFromJson,
  auditBundleToJson,
  exportBundle,
  PostgresEventStore,
  verifyEvents,
  generateCheckpointKeyPair,
  loadCheckpointSigner,
  verifyBundle,
  verifyReportAgainstStore,
  verifyStore,
} from '@ics2/event-store';
import { startBenchDatabase } from './bench-database';
import { benchmarkTable, writeBenchmarkReport, type Figure } from './bench-report';
import { benchMrn, EVENTS_PER_MRN, loadBenchLog, mrnStreams, MRNS_PER_WAVE } from './integrity-log';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const EVENTS = Math.round(1_000_000 * SCALE);
// A multiple of the loader's 5,000-row batches.
const CHECKPOINT_EVERY = Math.max(5_000, Math.round((100_000 * SCALE) / 5_000) * 5_000);
const VERIFY_RUNS = 3;
const TARGET = 100_000;

/** The rows verifyStore reads, read the same way (keyset pages, one ahead) and parsed, with nothing checked. */
async function readOnlyThroughput(app: Pool): Promise<number> {
  const client: PoolClient = await app.connect();
  const started = performance.now();
  let rows = 0;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const sql = `SELECT position::text AS log_prepare, transaction_id::text AS log_commit, stream_id, revision, id::text AS event_id, type, data,
        metadata, to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at_iso, hash
      FROM event_store.events WHERE (transaction_id, position) > ($1::xid8, $2::bigint) ORDER BY transaction_id, position LIMIT 10000`;
    const page = (c: string, p: string) => client.query<{ log_commit: string; log_prepare: string }>({ name: 'bench.read', text: sql, values: [c, p] });
    let pending = page('0', '-1');
    for (;;) {
      const { rows: got } = await pending;
      rows += got.length;
      if (got.length < 10_000) break;
      const last = got[got.length - 1];
      pending = page(last.log_commit, last.log_prepare);
    }
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  return rows / ((performance.now() - started) / 1000);
}

/** verifyEvents over the first events of the log, read beforehand: what hashing and checking alone cost. */
async function inMemoryThroughput(appUrl: string, count: number): Promise<{ events: number; rate: number }> {
  const store = new PostgresEventStore({ connectionString: appUrl, poolSize: 1 });
  const events = await store.readAll({ maxCount: count });
  await store.close();
  await verifyEvents(events.slice(0, 10_000), { scope: 'streams' }); // warm-up
  const { ms, value } = await timed(() => verifyEvents(events));
  if (value.problems.length > 0) throw new Error('the log read back did not verify');
  return { events: events.length, rate: events.length / (ms / 1000) };
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function main(): Promise<void> {
  const db = await startBenchDatabase();
  const app = new Pool({ connectionString: db.appUrl, max: 4 });
  const signer = loadCheckpointSigner(generateCheckpointKeyPair().privateKeyPem);
  const publicKeys = [signer.publicKeyPem];
  const figures: Figure[] = [];
  try {
    console.log(`loading ${EVENTS} events...`);
    const load = await loadBenchLog(db.adminUrl, app, signer, EVENTS, CHECKPOINT_EVERY);
    console.log(`loaded in ${load.seconds.toFixed(1)} s, ${load.checkpointMs.length} checkpoints`);

    const readRate = await readOnlyThroughput(app);
    const runs: number[] = [];
    const cpuPerEvent: number[] = [];
    let report = await verifyStore(app, { publicKeys });
    for (let run = 0; run < VERIFY_RUNS; run++) {
      const cpu = process.cpuUsage();
      const { ms, value } = await timed(() => verifyStore(app, { publicKeys }));
      const used = process.cpuUsage(cpu);
      if (!value.ok || value.eventsChecked !== EVENTS) throw new Error(`verifyStore: ok=${value.ok}, ${value.eventsChecked} of ${EVENTS} events`);
      runs.push(EVENTS / (ms / 1000));
      cpuPerEvent.push((used.user + used.system) / EVENTS);
      report = value;
      console.log(`verifyStore run ${run + 1}: ${(EVENTS / (ms / 1000)).toFixed(0)} events/s, ${cpuPerEvent[run].toFixed(1)} µs CPU per event`);
    }
    const verifyRate = median(runs);
    const inMemory = await inMemoryThroughput(db.appUrl, Math.min(EVENTS, 200_000));
    figures.push({
      name: `verifyStore, ${EVENTS} events, ${report.checkpointsChecked} checkpoints (median of ${VERIFY_RUNS}; baseline: the same rows read, nothing checked)`,
      value: verifyRate,
      unit: 'events/s',
      baseline: readRate,
      target: { text: `>= ${TARGET.toLocaleString('en-US')} events/s`, met: verifyRate >= TARGET },
    });
    figures.push({ name: 'verifyStore, best run', value: Math.max(...runs), unit: 'events/s' });
    figures.push({ name: 'verifyStore, verifier CPU per event (median; GC threads included)', value: median(cpuPerEvent), unit: 'µs' });
    figures.push({ name: `verifyEvents over ${inMemory.events} events already in memory (no database: parsing excluded)`, value: inMemory.rate, unit: 'events/s' });

    const recheck = await timed(() => verifyReportAgainstStore(app, report, { publicKeys }));
    if (!recheck.value.ok) throw new Error('the report did not hold against the store');
    figures.push({ name: 'verifyReportAgainstStore (the report just made)', value: EVENTS / (recheck.ms / 1000), unit: 'events/s' });

    // One MRN of the middle wave, and one of the first (its proofs need the tree from the log's start).
    const waves = Math.ceil(EVENTS / (MRNS_PER_WAVE * EVENTS_PER_MRN));
    for (const [label, mrn] of [
      ['mid-log MRN', benchMrn(Math.floor(waves / 2) * MRNS_PER_WAVE + 17)],
      ['first-wave MRN', benchMrn(17)],
    ] as const) {
      const streamIds = mrnStreams(mrn);
      const exports: number[] = [];
      let file = '';
      for (let run = 0; run < 5; run++) {
        const { ms, value } = await timed(() => exportBundle(app, { streamIds }));
        exports.push(ms);
        file = auditBundleToJson(value);
      }
      const bundle = auditBundleFromJson(file);
      const events = bundle.streams.reduce((n, s) => n + s.events.length, 0);
      const verifies: number[] = [];
      for (let run = 0; run < 50; run++) {
        const { ms, value } = await timed(() => verifyBundle(auditBundleFromJson(file), publicKeys));
        if (!value.ok) throw new Error(`the ${label}'s bundle did not verify`);
        verifies.push(ms);
      }
      figures.push({ name: `exportBundle, ${label} (${events} events, median of 5)`, value: median(exports), unit: 'ms' });
      figures.push({ name: `verifyBundle offline, ${label} (parse + verify, median of 50; file ${(file.length / 1024).toFixed(1)} KiB)`, value: median(verifies), unit: 'ms' });
    }

    figures.push({ name: `createCheckpoint over ${CHECKPOINT_EVERY} new events (median of ${load.checkpointMs.length})`, value: median(load.checkpointMs), unit: 'ms' });
    figures.push({ name: `loading the log (multi-row INSERT, hashes computed by the loader)`, value: EVENTS / load.seconds, unit: 'events/s' });

    console.log(benchmarkTable(figures));
    writeBenchmarkReport('integrity', figures, {
      postgres: `${db.serverVersion} (${db.settings})`,
      scale: SCALE,
      log: `${EVENTS} events in waves of ${MRNS_PER_WAVE} MRNs (ENS 5, risk 3, control 2 events each), checkpoints every ${CHECKPOINT_EVERY}`,
      note: 'one machine, 2 cores: PostgreSQL and the verifier share them',
    });
  } finally {
    await app.end();
    await db.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
