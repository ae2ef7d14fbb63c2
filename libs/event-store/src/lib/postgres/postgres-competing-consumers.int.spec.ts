// Competing consumers: three replicas of one subscription share eight partitions while writers append; one
// replica crashes (its connections are killed, its pool closed, stop() never called). The survivors must take its
// partitions over, and every event must take effect exactly once, in stream order, with no partition ever
// worked by two replicas at a time.
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
// Spec-only cycle: libs/testing builds its databases with this library's migrations; nothing ships it.
import { eventually, freshDatabase, type FreshDatabase } from '../../testing';
import type { RunningSubscription, SqlTransaction } from '../subscription';
import type { EventToAppend } from '../recorded-event';
import { partitionOf } from './postgres-partition';
import { PostgresEventStore } from './postgres-event-store';
import { startPostgresSubscription } from './postgres-subscription';

const PARTITIONS = 8;
const CATEGORY = 'cc';
const WRITERS = 4;

/** Three streams in every partition, so that every partition has work before and after the crash. */
function streamsOfEveryPartition(): string[] {
  const streams: string[] = [];
  for (let k = 0; streams.length < PARTITIONS * 3; k++) {
    const stream = `${CATEGORY}-${k}`;
    if (streams.filter((s) => partitionOf(s, PARTITIONS) === partitionOf(stream, PARTITIONS)).length < 3) streams.push(stream);
  }
  return streams;
}

function events(count: number): EventToAppend[] {
  return Array.from({ length: count }, () => ({
    id: randomUUID(),
    type: 'CompetingProbeRecorded',
    data: {},
    metadata: { schemaVersion: 1, occurredAt: '2025-01-01T00:00:00.000Z', correlationId: 'cc', causationId: null, actor: { kind: 'system', component: 'test' } },
  }));
}

interface Replica {
  readonly name: string;
  readonly store: PostgresEventStore;
  readonly sub: RunningSubscription;
}

describe('PostgreSQL subscription: competing consumers', () => {
  let db: FreshDatabase;
  let admin: Pool;
  let writer: PostgresEventStore;

  beforeAll(async () => {
    db = await freshDatabase('cc');
    admin = new Pool({ connectionString: db.adminUrl, max: 3 });
    writer = new PostgresEventStore({ connectionString: db.appUrl, poolSize: WRITERS + 1 });
    await admin.query(`CREATE TABLE handled (
      seq bigserial PRIMARY KEY, event_id uuid NOT NULL, stream_id text NOT NULL, revision int NOT NULL,
      partition int NOT NULL, position_commit numeric NOT NULL, position_prepare bigint NOT NULL, replica text NOT NULL)`);
    await admin.query('GRANT ALL ON handled TO PUBLIC');
    await admin.query('GRANT ALL ON SEQUENCE handled_seq_seq TO PUBLIC');
  });
  afterAll(async () => {
    await writer.close();
    await admin.end();
    await db.drop();
  });

  async function startReplica(name: string): Promise<Replica> {
    const url = new URL(db.appUrl);
    url.searchParams.set('application_name', name);
    const store = new PostgresEventStore({ connectionString: url.toString() });
    const sub = await startPostgresSubscription(store, store.pool, {
      name: 'test.competing',
      consumerId: name,
      partitions: PARTITIONS,
      batchSize: 10,
      filter: { categories: [CATEGORY] },
      rebalanceIntervalMs: 50,
      memberStaleAfterMs: 1_000,
      handle: async (e, tx: SqlTransaction) => {
        await tx.query(
          `INSERT INTO handled (event_id, stream_id, revision, partition, position_commit, position_prepare, replica)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [e.id, e.streamId, e.revision, partitionOf(e.streamId, PARTITIONS), e.position.commit.toString(), e.position.prepare.toString(), name],
        );
      },
    });
    return { name, store, sub };
  }

  /** A crash: the replica's sessions die (so PostgreSQL frees its locks) and it never gets to clean up. */
  async function crash(replica: Replica): Promise<void> {
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [replica.name]);
    await replica.store.close().catch(() => undefined);
  }

  it('shares the partitions, takes over a crashed replica’s, and handles every event exactly once in stream order', async () => {
    const replicas = [await startReplica('replica-a'), await startReplica('replica-b'), await startReplica('replica-c')];
    const [a, b, c] = replicas;
    let live = replicas;
    // Sampled throughout: no partition may appear in two live replicas' holdings at the same instant.
    const overlaps: string[] = [];
    const sampler = setInterval(() => {
      const owners = new Map<number, string>();
      for (const r of live) {
        for (const p of r.sub.status().partitions) {
          if (owners.has(p.index)) overlaps.push(`partition ${p.index}: ${owners.get(p.index)} and ${r.name}`);
          owners.set(p.index, r.name);
        }
      }
    }, 5);

    let writing = true;
    const streams = streamsOfEveryPartition();
    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      const mine = streams.filter((_, i) => i % WRITERS === w);
      const revisions = new Map<string, number>();
      for (let i = 0; writing; i++) {
        const stream = mine[i % mine.length];
        const r = await writer.append(stream, events(1 + (i % 2)), revisions.get(stream) ?? 'no-stream');
        revisions.set(stream, r.lastRevision);
      }
    });
    const handledBy = async (replica: string) =>
      Number((await admin.query('SELECT count(*) FROM handled WHERE replica = $1', [replica])).rows[0].count);

    // Balanced: 8 partitions over 3 replicas is at most 3 each, so everyone holds some and all are held.
    await eventually(() => {
      const held = replicas.map((r) => r.sub.status().partitions.length);
      expect(Math.min(...held)).toBeGreaterThan(0);
      expect(Math.max(...held)).toBeLessThanOrEqual(3);
      expect(held.reduce((x, y) => x + y)).toBe(PARTITIONS);
    });
    await eventually(async () => expect(await handledBy('replica-c')).toBeGreaterThan(0));

    const orphaned = c.sub.status().partitions.map((p) => p.index);
    await crash(c);
    live = [a, b];
    const beforeTakeover = await handledBy('replica-c');
    const crashedAt = (await admin.query('SELECT max(seq) AS seq FROM handled')).rows[0].seq;
    await eventually(() => {
      const held = [...a.sub.status().partitions, ...b.sub.status().partitions].map((p) => p.index).sort();
      expect(held).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    }, 10_000);
    // Writers still running: the survivors are handling the crashed replica's partitions now.
    await eventually(async () => {
      const { rows } = await admin.query('SELECT DISTINCT partition FROM handled WHERE seq > $1 AND partition = ANY($2)', [crashedAt, orphaned]);
      expect(rows).toHaveLength(orphaned.length);
    }, 10_000);

    writing = false;
    await Promise.all(writers);
    await Promise.all([a.sub.caughtUp(), b.sub.caughtUp()]);
    clearInterval(sampler);
    await Promise.all([a.sub.stop(), b.sub.stop()]);
    await Promise.all([a.store.close(), b.store.close()]);

    expect(overlaps).toEqual([]);
    expect(await handledBy('replica-c')).toBe(beforeTakeover);
    // Exactly once in effect: one row per appended event, no more, no fewer.
    const counts = (
      await admin.query(`SELECT (SELECT count(*) FROM event_store.events WHERE category = $1) AS appended,
                                (SELECT count(*) FROM handled) AS rows, (SELECT count(DISTINCT event_id) FROM handled) AS distinct_rows`, [CATEGORY])
    ).rows[0];
    expect(Number(counts.rows)).toBe(Number(counts.appended));
    expect(Number(counts.distinct_rows)).toBe(Number(counts.appended));
    // Per-stream order in the order rows were written.
    const gaps = await admin.query(`
      SELECT stream_id FROM (SELECT stream_id, revision, row_number() OVER (PARTITION BY stream_id ORDER BY seq) - 1 AS expected FROM handled) s
      WHERE revision <> expected`);
    expect(gaps.rows).toEqual([]);
    // Each partition was worked as one sequence: its positions only ever increase in the order rows were written,
    // through every hand-over, which two replicas working it at once could not produce.
    const backwards = await admin.query(`
      SELECT partition FROM (
        SELECT partition, position_commit, position_prepare,
               lag(position_commit) OVER w AS prev_commit, lag(position_prepare) OVER w AS prev_prepare
        FROM handled WINDOW w AS (PARTITION BY partition ORDER BY seq)) s
      WHERE (position_commit, position_prepare) <= (prev_commit, prev_prepare)`);
    expect(backwards.rows).toEqual([]);
  }, 30_000);
});
