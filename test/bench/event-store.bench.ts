/**
 * `npm run bench:event-store`: append throughput against the machine's plain-INSERT limit, catch-up read
 * throughput over 1,000,000 events, and live append-to-handler lag at a steady rate. Writes docs/benchmarks.md.
 * Runs on a durable PostgreSQL (see bench-database.ts). Sizes can be cut for a smoke run: BENCH_SCALE=0.05.
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import * as hdr from 'hdr-histogram-js';
import { PostgresEventStore, type EventToAppend } from '@ics2/event-store';
import { startBenchDatabase, type BenchDatabase } from './bench-database';
import { writeBenchmarkReport, type Figure } from './bench-report';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const APPEND_SECONDS = Math.max(1, 5 * SCALE);
const CATCH_UP_EVENTS = Math.round(1_000_000 * SCALE);
const LIVE_RATE = 2_000;
const LIVE_SECONDS = Math.max(2, 10 * SCALE);

const actor = { kind: 'system' as const, component: 'bench' };
function benchEvent(data: Record<string, unknown> = {}): EventToAppend {
  return {
    id: randomUUID(),
    type: 'BenchEventRecorded',
    data: { lrn: 'LRN-0001', goods: 'electronic components', grossMass: 1250.5, ...data },
    metadata: { schemaVersion: 1, occurredAt: new Date().toISOString(), correlationId: 'bench', causationId: null, actor },
  };
}

/** Runs `writers` loops of `work` for `seconds`; returns operations per second. */
async function runFor(seconds: number, writers: number, work: (writer: number, i: number) => Promise<void>): Promise<number> {
  const deadline = Date.now() + seconds * 1000;
  let ops = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; Date.now() < deadline; i++) {
        await work(w, i);
        ops++;
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return ops / elapsed;
}

async function appendThroughput(db: BenchDatabase, writers: number, batch: number): Promise<number> {
  const store = new PostgresEventStore({ connectionString: db.appUrl, poolSize: writers + 2 });
  const run = randomUUID().slice(0, 8);
  const revision = new Array<number>(writers).fill(-1);
  const perSecond = await runFor(APPEND_SECONDS, writers, async (w) => {
    const events = Array.from({ length: batch }, () => benchEvent());
    const r = await store.append(`bench-${run}-${w}`, events, revision[w] < 0 ? 'no-stream' : revision[w]);
    revision[w] = r.lastRevision;
  });
  await store.close();
  return perSecond * batch;
}

/** The same rows as plain multi-row INSERTs into a bare table: what this PostgreSQL can do at best. */
async function plainInsertThroughput(db: BenchDatabase, writers: number, batch: number): Promise<number> {
  const pool = new Pool({ connectionString: db.adminUrl, max: writers + 2 });
  await pool.query(
    `CREATE TABLE IF NOT EXISTS bench_plain (position bigserial PRIMARY KEY, stream_id text NOT NULL, revision int NOT NULL,
       id uuid NOT NULL, type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())`,
  );
  const run = randomUUID().slice(0, 8);
  const perSecond = await runFor(APPEND_SECONDS, writers, async (w, i) => {
    const events = Array.from({ length: batch }, () => benchEvent());
    const params: unknown[] = [];
    const rows = events.map((e, k) => {
      params.push(`bench-${run}-${w}`, i * batch + k, e.id, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata));
      const b = k * 6;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6})`;
    });
    await pool.query(`INSERT INTO bench_plain (stream_id, revision, id, type, data, metadata) VALUES ${rows.join(', ')}`, params);
  });
  await pool.end();
  return perSecond * batch;
}

async function fillLog(db: BenchDatabase, events: number): Promise<void> {
  const store = new PostgresEventStore({ connectionString: db.appUrl, poolSize: 6 });
  const perAppend = 500;
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (;;) {
        const n = next;
        next += perAppend;
        if (n >= events) return;
        const count = Math.min(perAppend, events - n);
        await store.append(`fill-${n}`, Array.from({ length: count }, () => benchEvent()), 'no-stream');
      }
    }),
  );
  await store.close();
}

async function catchUpThroughput(db: BenchDatabase): Promise<number> {
  const store = new PostgresEventStore({ connectionString: db.appUrl, poolSize: 4 });
  let handled = 0;
  const started = process.hrtime.bigint();
  const sub = await store.subscribe({
    name: `bench.catch-up-${randomUUID().slice(0, 8)}`,
    filter: { categories: ['fill'] },
    batchSize: 5_000,
    handle: async () => {
      handled++;
    },
  });
  await sub.caughtUp();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await sub.stop();
  await store.close();
  if (handled < CATCH_UP_EVENTS) throw new Error(`catch-up saw ${handled} of ${CATCH_UP_EVENTS} events`);
  return handled / seconds;
}

/**
 * The live-lag writer: a process of its own, as in the stack, where other services append. Sharing the subscriber's
 * event loop would measure that loop's queueing, not the store. Appends one event every 1/rate s, paced to the clock.
 */
async function liveWriter(appUrl: string, rate: number, seconds: number): Promise<void> {
  const store = new PostgresEventStore({ connectionString: appUrl, poolSize: 12 });
  const total = rate * seconds;
  const started = performance.now();
  const inFlight = new Set<Promise<unknown>>();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const append = store.append(`live-${i}`, [benchEvent({ sentAt: performance.timeOrigin + performance.now() })], 'no-stream');
    inFlight.add(append);
    void append.finally(() => inFlight.delete(append));
    if (inFlight.size >= 200) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  await store.close();
}

interface LiveLag {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly count: number;
  /** From the event's recorded_at (the database clock in the append, before its commit) to the handler. */
  readonly fromRecorded: { readonly p50: number; readonly p99: number };
}

async function liveLag(db: BenchDatabase): Promise<LiveLag> {
  const store = new PostgresEventStore({ connectionString: db.appUrl, poolSize: 4 });
  const histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
  const fromRecorded = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
  const sub = await store.subscribe({
    name: `bench.live-${randomUUID().slice(0, 8)}`,
    filter: { categories: ['live'] },
    handle: async (event) => {
      // Wall-clock instants of one machine: the writer's and ours share the clock they are read from.
      const sentAt = (event.data as { sentAt: number }).sentAt;
      const now = performance.timeOrigin + performance.now();
      histogram.recordValue(Math.max(1, Math.round((now - sentAt) * 1000)));
      // Whole milliseconds: the part after the append took its place, without the writer's queue and the commit.
      fromRecorded.recordValue(Math.max(1, Math.round((now - Date.parse(event.recordedAt)) * 1000)));
    },
  });
  await sub.caughtUp();
  const total = LIVE_RATE * LIVE_SECONDS;
  const writer = fork(__filename, [], {
    execArgv: process.execArgv,
    env: { ...process.env, BENCH_LIVE_WRITER: JSON.stringify({ appUrl: db.appUrl, rate: LIVE_RATE, seconds: LIVE_SECONDS }) },
  });
  const exitCode = await new Promise<number | null>((resolve) => writer.once('exit', resolve));
  if (exitCode !== 0) throw new Error(`live writer exited with ${exitCode}`);
  const deadline = Date.now() + 30_000;
  while (histogram.totalCount < total && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  await sub.stop();
  await store.close();
  const ms = (us: number) => us / 1000;
  return {
    p50: ms(histogram.getValueAtPercentile(50)),
    p99: ms(histogram.getValueAtPercentile(99)),
    max: ms(histogram.maxValue),
    count: histogram.totalCount,
    fromRecorded: { p50: ms(fromRecorded.getValueAtPercentile(50)), p99: ms(fromRecorded.getValueAtPercentile(99)) },
  };
}

async function main(): Promise<void> {
  const db = await startBenchDatabase();
  const figures: Figure[] = [];
  try {
    for (const [writers, batch] of [
      [1, 1],
      [8, 1],
      [32, 1],
      [8, 10],
    ] as const) {
      const ours = await appendThroughput(db, writers, batch);
      const plain = await plainInsertThroughput(db, writers, batch);
      const label = batch === 1 ? `single-event appends, ${writers} writer(s)` : `${batch}-event appends, ${writers} writers`;
      const target = writers === 32 && batch === 1 ? { text: '>= 50% of plain INSERT', met: ours >= 0.5 * plain } : undefined;
      figures.push({ name: label, value: ours, unit: 'events/s', baseline: plain, target });
      console.log(`${label}: ${ours.toFixed(0)} events/s; plain INSERT ${plain.toFixed(0)} events/s`);
    }
    await fillLog(db, CATCH_UP_EVENTS);
    const catchUp = await catchUpThroughput(db);
    figures.push({
      name: `catch-up read, one subscriber, ${CATCH_UP_EVENTS} events`,
      value: catchUp,
      unit: 'events/s',
      target: { text: '>= 50,000 events/s', met: catchUp >= 50_000 },
    });
    console.log(`catch-up: ${catchUp.toFixed(0)} events/s`);
    const lag = await liveLag(db);
    figures.push({ name: `live lag p50 at ${LIVE_RATE} events/s (${lag.count} events)`, value: lag.p50, unit: 'ms' });
    figures.push({
      name: `live lag p99 at ${LIVE_RATE} events/s`,
      value: lag.p99,
      unit: 'ms',
      target: { text: '< 50 ms', met: lag.p99 < 50 },
    });
    figures.push({ name: `live lag max at ${LIVE_RATE} events/s`, value: lag.max, unit: 'ms' });
    figures.push({
      name: `live lag from recorded_at (the append's insert, so without the writer's queue) p50 / p99 at ${LIVE_RATE} events/s`,
      value: lag.fromRecorded.p50,
      unit: `ms / ${lag.fromRecorded.p99.toFixed(1)} ms`,
    });
    console.log(
      `live lag: p50 ${lag.p50.toFixed(1)} ms, p99 ${lag.p99.toFixed(1)} ms, max ${lag.max.toFixed(1)} ms; from recorded_at p50 ${lag.fromRecorded.p50.toFixed(1)} ms, p99 ${lag.fromRecorded.p99.toFixed(1)} ms`,
    );
    writeBenchmarkReport('event-store', figures, { postgres: `${db.serverVersion} (${db.settings})`, scale: SCALE });
  } finally {
    await db.stop();
  }
}

const writerTask = process.env.BENCH_LIVE_WRITER;
const run = writerTask
  ? (() => {
      const { appUrl, rate, seconds } = JSON.parse(writerTask) as { appUrl: string; rate: number; seconds: number };
      return liveWriter(appUrl, rate, seconds);
    })()
  : main();
run.catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
