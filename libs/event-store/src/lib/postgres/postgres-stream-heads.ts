import type { PoolClient } from 'pg';
import type { StoredCheckpoint } from '../integrity/signed-checkpoint';
import { StreamHeads, type StreamHeadEntry } from '../integrity/stream-heads';
import { BEFORE_THE_LOG, logHashPages } from './postgres-log-hashes';
import { keysetPageArrays } from './postgres-pages';

/**
 * event_store.stream_heads (schema/011-stream-heads.sql): the heads as of the latest checkpoint, kept so that the
 * checkpointer continues from them and an export proves a head without reading the whole log. Unsigned: a table
 * that does not give the checkpoint's signed heads root is set aside and the heads are read from the log instead.
 */

interface HeadRow {
  readonly stream_id: string;
  readonly leaf: string;
  readonly revision: number;
  readonly hash: string;
}

const HEADS_SQL = `SELECT stream_id, leaf::text AS leaf, revision, hash FROM event_store.stream_heads
  WHERE leaf > $1::bigint ORDER BY leaf LIMIT $2`;
const UPSERT_SQL = `INSERT INTO event_store.stream_heads (stream_id, leaf, revision, hash)
  SELECT * FROM unnest($1::text[], $2::bigint[], $3::integer[], $4::text[])
  ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision, hash = excluded.hash`;
const WRITE_CHUNK = 5_000;

/** The stored heads, when they are those `checkpoint` (version 3) signed: leaves 0..n-1, its stream count and root. */
export async function storedStreamHeads(client: PoolClient, checkpoint: StoredCheckpoint, batchSize: number): Promise<StreamHeads | null> {
  if (checkpoint.version !== 3) return null;
  const entries: StreamHeadEntry[] = [];
  let expected = 0;
  for await (const page of keysetPageArrays(batchSize, async (last: HeadRow | null) => {
    const { rows } = await client.query<HeadRow>({ name: 'event_store.stream-heads.page', text: HEADS_SQL, values: [last?.leaf ?? '-1', batchSize] });
    return rows;
  })) {
    for (const row of page) {
      if (Number(row.leaf) !== expected++) return null;
      entries.push({ streamId: row.stream_id, revision: row.revision, hash: row.hash });
    }
  }
  if (entries.length !== checkpoint.streamCount) return null;
  const heads = StreamHeads.of(entries);
  return heads.root() === checkpoint.headsRoot ? heads : null;
}

/** The heads of the log up to `checkpoint` (inclusive), from its events, in one pass; empty before any checkpoint. */
export async function streamHeadsFromLog(client: PoolClient, checkpoint: StoredCheckpoint | null, batchSize: number): Promise<StreamHeads> {
  const heads = new StreamHeads();
  if (!checkpoint) return heads;
  for await (const page of logHashPages(client, BEFORE_THE_LOG, { upTo: checkpoint.position }, batchSize, true)) {
    for (const row of page) heads.set(row.stream_id as string, row.revision as number, row.hash);
  }
  return heads;
}

/** The heads as of `checkpoint`: the stored ones when they are what it signed, else read from the log. */
export async function streamHeadsAt(client: PoolClient, checkpoint: StoredCheckpoint | null, batchSize: number): Promise<{ heads: StreamHeads; stored: boolean }> {
  const stored = checkpoint ? await storedStreamHeads(client, checkpoint, batchSize) : null;
  return stored ? { heads: stored, stored: true } : { heads: await streamHeadsFromLog(client, checkpoint, batchSize), stored: false };
}

/**
 * Writes the heads that changed. `replaceAll`: the table was not the heads of the last checkpoint; its rows are
 * removed first and every head written, so no stale leaf survives.
 */
export async function saveStreamHeads(client: PoolClient, heads: StreamHeads, replaceAll: boolean): Promise<void> {
  if (replaceAll) await client.query('DELETE FROM event_store.stream_heads');
  const changed = replaceAll ? [...heads.entries()] : heads.takeChanged();
  if (replaceAll) heads.takeChanged();
  for (let i = 0; i < changed.length; i += WRITE_CHUNK) {
    const chunk = changed.slice(i, i + WRITE_CHUNK);
    await client.query({
      name: 'event_store.stream-heads.upsert',
      text: UPSERT_SQL,
      values: [chunk.map((h) => h.streamId), chunk.map((h) => h.leafIndex), chunk.map((h) => h.revision), chunk.map((h) => h.hash)],
    });
  }
}
