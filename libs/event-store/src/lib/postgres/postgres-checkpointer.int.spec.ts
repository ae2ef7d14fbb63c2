import { Client, Pool } from 'pg';
// Spec-only cycle: libs/testing builds its databases with this library's migrations; nothing ships it.
import { eventually, freshDatabase, type FreshDatabase } from '../../testing';
import { aStream, refusal, someEvents } from '../contract/contract-fixtures';
import { generateCheckpointKeyPair, loadCheckpointSigner } from '../integrity/checkpoint-signer';
import { LogDigest } from '../integrity/log-digest';
import { checkCheckpointSignature, checkpointKeyRing, type SignedCheckpoint } from '../integrity/signed-checkpoint';
import { APPEND_ONLY_SQLSTATE } from './migrate';
import { createCheckpoint, PostgresCheckpointer } from './postgres-checkpointer';
import { PostgresEventStore } from './postgres-event-store';
import { verifyStore } from './postgres-verify';

const PERMISSION_DENIED = '42501';
const keys = generateCheckpointKeyPair();
const signer = loadCheckpointSigner(keys.privateKeyPem);
const now = () => new Date('2026-02-03T04:05:06.789Z');

describe('PostgreSQL checkpointer', () => {
  let db: FreshDatabase;
  let store: PostgresEventStore;
  let pool: Pool;
  let admin: Client;

  beforeAll(async () => {
    db = await freshDatabase('cp');
    store = new PostgresEventStore({ connectionString: db.appUrl, poolSize: 4 });
    pool = new Pool({ connectionString: db.appUrl, max: 4 });
    admin = await db.admin();
  });
  afterAll(async () => {
    await Promise.all([store?.close(), pool?.end()]);
    await db?.drop();
  });

  const rows = async () => (await admin.query('SELECT count(*)::int AS n FROM event_store.integrity_checkpoints')).rows[0].n;
  const eventCount = async () => (await admin.query('SELECT count(*)::int AS n FROM event_store.events')).rows[0].n;
  /** Checkpoints until one covers every event written so far: the stable prefix may lag behind other transactions. */
  const checkpointAll = async (): Promise<SignedCheckpoint> => {
    const total = await eventCount();
    return eventually(async () => {
      const { checkpoint } = await createCheckpoint(pool, signer, { now });
      if (!checkpoint || checkpoint.eventCount !== total) throw new Error(`covers ${checkpoint?.eventCount} of ${total}`);
      return checkpoint;
    });
  };

  it('writes nothing while the log is empty', async () => {
    expect(await createCheckpoint(pool, signer)).toEqual({ checkpoint: null, created: false });
    expect(await rows()).toBe(0);
  });

  it('signs the running digest of the stable log, and writes nothing more when nothing was appended', async () => {
    await store.append(aStream(), someEvents(3), 'no-stream');
    await store.append(aStream(), someEvents(2), 'no-stream');
    const checkpoint = await checkpointAll();
    const log = await store.readAll();
    const digest = new LogDigest();
    for (const e of log) digest.add(e.hash as string);
    expect(checkpoint).toMatchObject({
      position: log[log.length - 1].position,
      eventCount: 5,
      digest: digest.digest,
      keyId: signer.keyId,
      createdAt: now().toISOString(),
    });
    expect(checkCheckpointSignature(checkpoint, checkpointKeyRing([keys.publicKeyPem]))).toBe('valid');

    const written = await rows();
    expect(await createCheckpoint(pool, signer, { now })).toEqual({ checkpoint, created: false });
    expect(await rows()).toBe(written);
  });

  it('extends the previous checkpoint, counting every event from the start', async () => {
    const before = await checkpointAll();
    await store.append(aStream(), someEvents(4), 'no-stream');
    const after = await checkpointAll();
    expect(after.eventCount).toBe(before.eventCount + 4);
    expect(await verifyStore(pool, { publicKeys: [keys.publicKeyPem] })).toMatchObject({ ok: true, lastCheckpoint: { id: after.id } });
  });

  it('builds a chain of checkpoints that verifies page by page', async () => {
    for (let i = 0; i < 11; i++) {
      await store.append(aStream(), someEvents(1 + (i % 3)), 'no-stream');
      await checkpointAll();
    }
    const total = await rows();
    const report = await verifyStore(pool, { publicKeys: [keys.publicKeyPem], batchSize: 2 });
    expect(report).toMatchObject({ ok: true, eventsChecked: await eventCount(), checkpointsChecked: total });
  });

  it('covers only the stable prefix: not the events of a transaction older ones may still precede', async () => {
    const covered = await checkpointAll();
    // A transaction holding an xid keeps every later one out of the stable prefix until it ends.
    const blocker = new Client({ connectionString: db.appUrl });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT pg_current_xact_id()');
      await store.append(aStream(), someEvents(2), 'no-stream');
      expect(await createCheckpoint(pool, signer, { now })).toEqual({ checkpoint: covered, created: false });
      await blocker.query('COMMIT');
    } finally {
      await blocker.end();
    }
    expect((await checkpointAll()).eventCount).toBe(covered.eventCount + 2);
  });

  it('writes one checkpoint when replicas race for the same events', async () => {
    await store.append(aStream(), someEvents(1), 'no-stream');
    const total = await eventCount();
    await eventually(async () => (await store.readAll()).length === total);
    const outcomes = await Promise.all([1, 2, 3].map(() => createCheckpoint(pool, signer, { now })));
    expect(outcomes.filter((o) => o.created)).toHaveLength(1);
    expect(new Set(outcomes.map((o) => o.checkpoint?.id)).size).toBe(1);
  });

  it('with heartbeatMs and nothing new, signs the last claim again once it is that old (a heartbeat); verification counts its time', async () => {
    await store.append(aStream(), someEvents(1), 'no-stream');
    // Signed later than any checkpoint before (the rule reads the newest signature).
    const base = Date.now() + 3_600_000;
    const at = (ms: number) => () => new Date(base + ms);
    const total = await eventCount();
    const last = await eventually(async () => {
      const { checkpoint } = await createCheckpoint(pool, signer, { now: at(0) });
      if (!checkpoint || checkpoint.eventCount !== total) throw new Error(`covers ${checkpoint?.eventCount} of ${total}`);
      return checkpoint;
    });
    const written = await rows();
    // Not due yet: nothing written.
    expect(await createCheckpoint(pool, signer, { now: at(30_000), heartbeatMs: 60_000 })).toMatchObject({ created: false, checkpoint: { id: last.id } });
    expect(await rows()).toBe(written);
    // Due: the same claim at the same position, signed at the later time.
    const beat = await createCheckpoint(pool, signer, { now: at(61_000), heartbeatMs: 60_000 });
    expect(beat).toMatchObject({ created: true, heartbeat: true });
    const { id, createdAt, signature, merkleFrontier, ...claim } = beat.checkpoint as SignedCheckpoint & { merkleFrontier: unknown };
    const { id: lastId, createdAt: lastAt, signature: lastSignature, ...lastClaim } = last as SignedCheckpoint & { merkleFrontier?: unknown };
    expect({ ...claim, merkleFrontier }).toEqual(lastClaim);
    expect(id).not.toBe(lastId);
    expect([createdAt, lastAt]).toEqual([at(61_000)().toISOString(), last.createdAt]);
    expect(checkCheckpointSignature(beat.checkpoint as SignedCheckpoint, checkpointKeyRing([keys.publicKeyPem]))).toBe('valid');
    expect(signature).not.toBe(lastSignature);
    expect(await rows()).toBe(written + 1);
    // The heartbeat is now the last checkpoint: the next is due a heartbeatMs after it.
    expect(await createCheckpoint(pool, signer, { now: at(100_000), heartbeatMs: 60_000 })).toMatchObject({ created: false, checkpoint: { id } });
    // Both checkpoints at that position match the log; the heartbeat's time is what the heartbeat rule reads.
    const rule = { publicKeys: [keys.publicKeyPem], maxUncoveredMs: 3_600_000, maxCheckpointAgeMs: 60_000 };
    const fresh = await verifyStore(pool, { ...rule, now: at(90_000) });
    expect(fresh).toMatchObject({ ok: true, lastCheckpoint: { id }, coverage: { lastSignedAt: createdAt } });
    expect(fresh.checkpoints.slice(-2)).toEqual([expect.objectContaining({ id: lastId, verdict: 'matched' }), expect.objectContaining({ id, verdict: 'matched' })]);
    const stale = await verifyStore(pool, { ...rule, now: at(200_000) });
    expect(stale.problems).toEqual([expect.objectContaining({ kind: 'stale-checkpoints', checkpointId: id })]);
    // One stream's verification ties its events to the checkpoints that prove them, not the newest: not judged there.
    const [first] = await store.readAll();
    expect(await verifyStore(pool, { ...rule, now: at(200_000), streamId: first.streamId })).toMatchObject({ ok: true });
  });

  it('refuses to extend a checkpoint whose signature does not verify', async () => {
    const other = loadCheckpointSigner(generateCheckpointKeyPair().privateKeyPem);
    await store.append(aStream(), someEvents(1), 'no-stream');
    await expect(createCheckpoint(pool, other)).rejects.toThrow(/unknown key/);
    // ...unless it is told to trust the key that signed it (a rotation), and back.
    await eventually(async () => (await createCheckpoint(pool, other, { trustedKeys: [signer.publicKeyPem] })).created);
    await store.append(aStream(), someEvents(1), 'no-stream');
    await eventually(async () => (await createCheckpoint(pool, signer, { trustedKeys: [other.publicKeyPem] })).created);
  });

  describe('the table is append-only', () => {
    it.each([
      ['UPDATE', `UPDATE event_store.integrity_checkpoints SET digest = digest`],
      ['DELETE', 'DELETE FROM event_store.integrity_checkpoints'],
      ['TRUNCATE', 'TRUNCATE event_store.integrity_checkpoints'],
    ])("%s: permission denied to the application's role, refused by the trigger to the owner", async (_op, sql) => {
      const app = new Client({ connectionString: db.appUrl });
      await app.connect();
      try {
        expect(await refusal(app.query(sql))).toMatchObject({ code: PERMISSION_DENIED });
      } finally {
        await app.end();
      }
      expect(await refusal(admin.query(sql))).toMatchObject({ code: APPEND_ONLY_SQLSTATE });
    });
  });

  describe('run periodically', () => {
    it('checkpoints new events on its own, and on demand, until stopped', async () => {
      const made: SignedCheckpoint[] = [];
      const errors: unknown[] = [];
      const checkpointer = new PostgresCheckpointer(pool, signer, {
        intervalMs: 10,
        onCheckpoint: (c) => made.push(c),
        onError: (e) => errors.push(e),
      });
      checkpointer.start();
      try {
        await store.append(aStream(), someEvents(2), 'no-stream');
        const total = await eventCount();
        await eventually(() => made.some((c) => c.eventCount === total), 4_000);
        expect((await checkpointer.checkpointNow()).created).toBe(false);
        expect(errors).toEqual([]);
      } finally {
        await checkpointer.stop();
      }
      const stoppedAt = await rows();
      await store.append(aStream(), someEvents(1), 'no-stream');
      // Stopped: only an explicit call writes now.
      expect(await rows()).toBe(stoppedAt);
      const total = await eventCount();
      await eventually(async () => (await checkpointer.checkpointNow()).checkpoint?.eventCount === total);
    });
  });
});
