/**
 * A large, honest event log for the integrity benchmark, loaded without going through append: rows whose chained
 * hashes are computed here exactly as the store computes them (verifyStore checks every one, so a wrong hash would
 * show), written by multi-row INSERTs of 5,000 rows, one transaction each, with a checkpoint signed every so often.
 * MRNs come in waves of 1,000 filings whose ENS, risk and control events interleave, as concurrent filings do.
 */
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import {
  categoryOf,
  controlStream,
  createCheckpoint,
  type StreamHeadsCache,
  ensStream,
  eventHash,
  GENESIS_HASH,
  riskStream,
  streamHashOf,
  type CheckpointSigner,
  type EventMetadata,
} from '@ics2/event-store';

/** One MRN's lifecycle: 5 ENS events, 3 risk events, 2 control events, in that order of steps. */
const STEPS = [
  ...['EnsFilingRegistered', 'EnsFilingAmended', 'EnsFilingCompleted', 'EnsArrivalNotified', 'EnsGoodsPresented'].map((type, revision) => ({ stream: ensStream, revision, type })),
  ...['RiskAnalysisStarted', 'RiskHitRecorded', 'RiskAnalysisCompleted'].map((type, revision) => ({ stream: riskStream, revision, type })),
  ...['ControlDecided', 'ControlResultRecorded'].map((type, revision) => ({ stream: controlStream, revision, type })),
];
export const EVENTS_PER_MRN = STEPS.length;
export const MRNS_PER_WAVE = 1_000;
const INSERT_BATCH = 5_000;
const EPOCH = Date.parse('2026-01-05T08:00:00.000Z');

export const benchMrn = (n: number) => `26DE${n.toString().padStart(14, '0')}`;

/**
 * A version 7 uuid (time first) for the i-th event: ids grow with the log, so loading them touches the right edge
 * of the id index only. Random ids would make the loader wait on index pages read back from disk, which measures
 * nothing the benchmark is about (no verification reads that index).
 */
export function uuidV7At(ms: number): string {
  const time = ms.toString(16).padStart(12, '0');
  const random = randomBytes(10).toString('hex');
  const variant = (8 | (parseInt(random[3], 16) & 3)).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(0, 3)}-${variant}${random.slice(4, 7)}-${random.slice(7, 19)}`;
}

const eventId = (i: number) => uuidV7At(EPOCH + i);

/** The streams of one MRN, as an audit export asks for them. */
export const mrnStreams = (mrn: string) => [ensStream(mrn), riskStream(mrn), controlStream(mrn)];

/** One event as the loaders insert it (the audit bench's loader shares this one's SQL). */
export interface LogRow {
  readonly streamId: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly recordedAt: string;
  readonly hash: string;
}

/** The log in order: waves of MRNs, each wave stepping its filings through their lifecycles together. */
function* benchLog(total: number): Generator<LogRow> {
  const heads = new Map<string, string>();
  let i = 0;
  for (let wave = 0; i < total; wave++) {
    for (const step of STEPS) {
      for (let k = 0; k < MRNS_PER_WAVE && i < total; k++, i++) {
        const mrn = benchMrn(wave * MRNS_PER_WAVE + k);
        const streamId = step.stream(mrn);
        const at = new Date(EPOCH + i).toISOString();
        const content = {
          streamId,
          revision: step.revision,
          id: eventId(i),
          type: step.type,
          data: {
            mrn,
            lrn: `LRN-${wave}-${k}`,
            declarant: 'DE123456789012345',
            goods: [
              { hsCode: '851712', description: 'mobile phones', grossMass: 1250.5, packages: 12 },
              { hsCode: '940540', description: 'LED lamps', grossMass: 310.25, packages: 3 },
            ],
            transport: { mode: 4, identity: 'LH8400', arrival: '2026-01-06T10:00:00.000Z' },
          },
          metadata: { schemaVersion: 1, occurredAt: at, correlationId: mrn, causationId: null, actor: { kind: 'system' as const, component: 'bench' } },
          recordedAt: at,
        };
        const hash = eventHash(content, heads.get(streamId) ?? GENESIS_HASH);
        heads.set(streamId, hash);
        yield { ...content, hash };
      }
    }
  }
}

// One JSON document per batch, unpacked by PostgreSQL: no per-element array escaping on this side. Positions come
// from the sequence in the order of the rows, so a batch's rows keep the generator's order.
export const INSERT_SQL = `INSERT INTO event_store.events (stream_id, category, stream_hash, revision, id, type, data, metadata, recorded_at, hash)
  SELECT s, c, h, r, i, t, d, m, ra, hs
  FROM ROWS FROM (jsonb_to_recordset($1::jsonb)
      AS (s text, c text, h integer, r integer, i uuid, t text, d jsonb, m jsonb, ra timestamptz, hs text)) WITH ORDINALITY
    AS u(s, c, h, r, i, t, d, m, ra, hs, n)
  ORDER BY n`;

export function batchJson(rows: readonly LogRow[]): string {
  return JSON.stringify(
    rows.map((r) => ({
      s: r.streamId,
      c: categoryOf(r.streamId),
      h: streamHashOf(r.streamId),
      r: r.revision,
      i: r.id,
      t: r.type,
      d: r.data,
      m: r.metadata,
      ra: r.recordedAt,
      hs: r.hash,
    })),
  );
}

export interface LoadedLog {
  readonly seconds: number;
  /** Time to sign each checkpoint, ms. */
  readonly checkpointMs: readonly number[];
}

/** Loads `events` events as the superuser and signs a checkpoint through the application's pool every `checkpointEvery`. */
export async function loadBenchLog(adminUrl: string, app: Pool, signer: CheckpointSigner, events: number, checkpointEvery: number): Promise<LoadedLog> {
  const admin = new Pool({ connectionString: adminUrl, max: 1 });
  const checkpointMs: number[] = [];
  const started = performance.now();
  let batch: LogRow[] = [];
  let loaded = 0;
  let inFlight: Promise<unknown> = Promise.resolve();
  let seconds = 0;
  // Ended whatever happens: left open, the database's drop would kill its idle connection and hide the first error.
  try {
    for (const row of benchLog(events)) {
      batch.push(row);
      if (batch.length < INSERT_BATCH && loaded + batch.length < events) continue;
      const json = batchJson(batch);
      loaded += batch.length;
      batch = [];
      await inFlight;
      // The next batch is built while this one is written.
      inFlight = admin.query(INSERT_SQL, [json]);
      if (loaded % checkpointEvery === 0 || loaded === events) {
        await inFlight;
        checkpointMs.push(await checkpointCovering(app, signer, loaded));
      }
    }
    await inFlight;
    seconds = (performance.now() - started) / 1000;
    // As an old log would be: statistics known, hint bits set, nothing left for the first reader to write.
    await admin.query('VACUUM (ANALYZE) event_store.events');
  } finally {
    await admin.end();
  }
  return { seconds, checkpointMs };
}

/**
 * The heads the bench's checkpointer signed last, kept between its runs as a service's PostgresCheckpointer keeps
 * them (a run then reads only the new events, not event_store.stream_heads).
 */
const headsCache: StreamHeadsCache = { checkpointId: null, heads: null };

/** Signs a checkpoint once it can cover `count` events (the stable prefix may trail by a transaction); its time in ms. */
export async function checkpointCovering(app: Pool, signer: CheckpointSigner, count: number): Promise<number> {
  for (;;) {
    const started = performance.now();
    const { checkpoint } = await createCheckpoint(app, signer, { headsCache });
    if (checkpoint?.eventCount === count) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 10));
  }
}
