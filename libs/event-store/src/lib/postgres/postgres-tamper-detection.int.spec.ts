import { Client, Pool } from 'pg';
// Spec-only cycle: libs/testing builds its databases with this library's migrations; nothing ships it.
import { freshDatabase, type FreshDatabase } from '../../testing';
import { someEvents } from '../contract/contract-fixtures';
import { generateCheckpointKeyPair, loadCheckpointSigner } from '../integrity/checkpoint-signer';
import { signCheckpoint, type SignedCheckpoint } from '../integrity/signed-checkpoint';
import type { RecordedEvent } from '../recorded-event';
import { createCheckpoint } from './postgres-checkpointer';
import { PostgresEventStore } from './postgres-event-store';
import { verifyStore } from './postgres-verify';

const keys = generateCheckpointKeyPair();
const signer = loadCheckpointSigner(keys.privateKeyPem);
const publicKeys = [keys.publicKeyPem];

/**
 * A store with three streams and three signed checkpoints, ready to be tampered with:
 *   cp1: A0 A1 B0 | cp2: A2 A3 B1 C0 C1 | cp3: A4 B2     (B2 is the last event of stream B)
 */
interface Scenario {
  readonly db: FreshDatabase;
  readonly pool: Pool;
  readonly events: RecordedEvent[];
  readonly checkpoints: SignedCheckpoint[];
  event(stream: 'A' | 'B' | 'C', revision: number): RecordedEvent;
  /** Runs SQL as a superuser with the append-only triggers switched off, as an intruder with full access would. */
  tamper(...statements: string[]): Promise<void>;
  close(): Promise<void>;
}

async function scenario(): Promise<Scenario> {
  const db = await freshDatabase('tamper');
  const store = new PostgresEventStore({ connectionString: db.appUrl, poolSize: 2 });
  const pool = new Pool({ connectionString: db.appUrl, max: 2 });
  const names = { A: 'ens-25DE0000000000000A', B: 'ens-25DE0000000000000B', C: 'risk-25DE0000000000000C' };
  const checkpoints: SignedCheckpoint[] = [];
  const checkpointAll = async () => {
    // The stable prefix waits for every older transaction in the cluster: wait until it holds all events written.
    const written = await pool.query('SELECT count(*)::int AS n FROM event_store.events');
    const { checkpoint } = await waitForCheckpointOf(pool, written.rows[0].n);
    checkpoints.push(checkpoint);
  };
  await store.append(names.A, someEvents(2), 'no-stream');
  await store.append(names.B, someEvents(1), 'no-stream');
  await checkpointAll();
  await store.append(names.A, someEvents(1), 1);
  await store.append(names.A, someEvents(1), 2);
  await store.append(names.B, someEvents(1), 0);
  await store.append(names.C, someEvents(2), 'no-stream');
  await checkpointAll();
  await store.append(names.A, someEvents(1), 3);
  await store.append(names.B, someEvents(1), 1);
  await checkpointAll();
  const events = await store.readAll();
  await store.close();
  return {
    db,
    pool,
    events,
    checkpoints,
    event: (s, revision) => events.find((e) => e.streamId === names[s] && e.revision === revision) as RecordedEvent,
    async tamper(...statements) {
      const admin = new Client({ connectionString: db.adminUrl });
      await admin.connect();
      try {
        await admin.query('SET session_replication_role = replica');
        for (const sql of statements) await admin.query(sql);
      } finally {
        await admin.end();
      }
    },
    async close() {
      await pool.end();
      await db.drop();
    },
  };
}

async function waitForCheckpointOf(pool: Pool, count: number): Promise<{ checkpoint: SignedCheckpoint }> {
  for (;;) {
    const stable = await pool.query('SELECT count(*)::int AS n FROM event_store.events WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())');
    if (stable.rows[0].n >= count) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  const { checkpoint } = await createCheckpoint(pool, signer);
  if (checkpoint?.eventCount !== count) throw new Error(`checkpoint covers ${checkpoint?.eventCount}, expected ${count}`);
  return { checkpoint };
}

const row = (e: RecordedEvent) => `position = ${e.position.prepare}`;

describe('tamper detection on PostgreSQL', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await scenario();
  });
  afterEach(async () => {
    await s?.close();
  });

  it('an untouched store verifies, up to its last checkpoint', async () => {
    const report = await verifyStore(s.pool, { publicKeys });
    expect(report).toMatchObject({ ok: true, eventsChecked: 10, streamsChecked: 3, checkpointsChecked: 3, problems: [] });
    expect(report.lastCheckpoint).toMatchObject({ id: s.checkpoints[2].id, eventCount: 10 });
    expect(await verifyStore(s.pool, { publicKeys, streamId: s.event('A', 0).streamId })).toMatchObject({ ok: true, eventsChecked: 5 });
  });

  it('a changed payload: changed content of that event', async () => {
    const changed = s.event('A', 2);
    await s.tamper(`UPDATE event_store.events SET data = '{"n": 99}' WHERE ${row(changed)}`);
    const expected = { kind: 'changed-content', streamId: changed.streamId, revision: 2, eventId: changed.id, position: changed.position };
    const report = await verifyStore(s.pool, { publicKeys });
    expect(report.ok).toBe(false);
    expect(report.firstProblem).toMatchObject(expected);
    expect(report.problems).toHaveLength(1);
    expect((await verifyStore(s.pool, { publicKeys, streamId: changed.streamId })).firstProblem).toMatchObject(expected);
  });

  it('an event deleted in the middle of its stream: removed, naming the missing revision', async () => {
    const removed = s.event('A', 2);
    await s.tamper(`DELETE FROM event_store.events WHERE ${row(removed)}`);
    const report = await verifyStore(s.pool, { publicKeys });
    expect(report.firstProblem).toMatchObject({ kind: 'removed-event', streamId: removed.streamId, revision: 2 });
    // The checkpoint that covered it counts one event less, between the checkpoints around it.
    expect(report.problems).toContainEqual(
      expect.objectContaining({ kind: 'removed-event', checkpointId: s.checkpoints[1].id, range: { after: s.checkpoints[0].position, upTo: s.checkpoints[1].position } }),
    );
    // Checkpoints after the hole are judged from the one that showed it, so the log is vouched for only up to cp1.
    expect(report.lastCheckpoint).toMatchObject({ id: s.checkpoints[0].id });
  });

  it('the last event of a stream deleted: the checkpoint over it names the stretch it was in', async () => {
    await s.tamper(`DELETE FROM event_store.events WHERE ${row(s.event('B', 2))}`);
    const report = await verifyStore(s.pool, { publicKeys });
    expect(report.problems).toEqual([
      expect.objectContaining({
        kind: 'removed-event',
        checkpointId: s.checkpoints[2].id,
        range: { after: s.checkpoints[1].position, upTo: s.checkpoints[2].position },
      }),
    ]);
    expect(report.firstProblem).toBe(report.problems[0]);
    expect(report.lastCheckpoint).toMatchObject({ id: s.checkpoints[1].id });
  });

  it('two events with their payloads exchanged: reordered, naming both', async () => {
    const [first, second] = [s.event('A', 1), s.event('A', 3)];
    await s.tamper(`UPDATE event_store.events e SET data = o.data FROM event_store.events o
      WHERE (e.${row(first)} AND o.${row(second)}) OR (e.${row(second)} AND o.${row(first)})`);
    const report = await verifyStore(s.pool, { publicKeys });
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'reordered-event', streamId: first.streamId, revision: 1, eventId: first.id, detail: expect.stringContaining(second.id) }),
    ]);
  });

  it('two events with their revisions exchanged: reordered, naming both', async () => {
    const [first, second] = [s.event('A', 2), s.event('A', 3)];
    // Through a free revision: the (stream, revision) unique index holds even for a superuser.
    await s.tamper(
      `UPDATE event_store.events SET revision = 1000 WHERE ${row(first)}`,
      `UPDATE event_store.events SET revision = 2 WHERE ${row(second)}`,
      `UPDATE event_store.events SET revision = 3 WHERE ${row(first)}`,
    );
    const report = await verifyStore(s.pool, { publicKeys });
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'reordered-event', streamId: first.streamId, revision: 2, eventId: second.id, detail: expect.stringContaining(first.id) }),
    ]);
  });

  it('a checkpoint re-signed with another key under the trusted key id: forged', async () => {
    const target = s.checkpoints[1];
    const intruder = loadCheckpointSigner(generateCheckpointKeyPair().privateKeyPem);
    const resigned = signCheckpoint(target, { ...intruder, keyId: signer.keyId });
    await s.tamper(`UPDATE event_store.integrity_checkpoints SET signature = '${resigned.signature}' WHERE id = ${target.id}`);
    const report = await verifyStore(s.pool, { publicKeys });
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'forged-checkpoint', checkpointId: target.id, position: target.position }),
    ]);
  });

  it('a checkpoint re-signed with a key nobody trusts: unknown key', async () => {
    const target = s.checkpoints[1];
    const stranger = loadCheckpointSigner(generateCheckpointKeyPair().privateKeyPem);
    const resigned = signCheckpoint(target, stranger);
    await s.tamper(
      `UPDATE event_store.integrity_checkpoints SET signature = '${resigned.signature}', key_id = '${stranger.keyId}' WHERE id = ${target.id}`,
    );
    const report = await verifyStore(s.pool, { publicKeys });
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'unknown-key', checkpointId: target.id })]);
  });

  it('a checkpoint with a forged digest: forged, and no anchor', async () => {
    const target = s.checkpoints[2];
    await s.tamper(`UPDATE event_store.integrity_checkpoints SET digest = '${'f'.repeat(64)}' WHERE id = ${target.id}`);
    const report = await verifyStore(s.pool, { publicKeys });
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'forged-checkpoint', checkpointId: target.id })]);
    expect(report.lastCheckpoint).toMatchObject({ id: s.checkpoints[1].id });
  });
});
