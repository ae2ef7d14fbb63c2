import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
// Spec-only cycle: libs/testing builds its databases with this library's migrations; nothing ships it.
import { asSuperuser, eventually, freshDatabase, type FreshDatabase } from '../../testing';
import { aStream, refusal, someEvents } from '../contract/contract-fixtures';
import { generateCheckpointKeyPair, loadCheckpointSigner } from '../integrity/checkpoint-signer';
import { NoCoveringCheckpointError, UnknownEventsError } from '../integrity/integrity.errors';
import { inclusionProofs, merkleLeafHash, verifyInclusion } from '../integrity/merkle-log';
import type { SignedCheckpoint } from '../integrity/signed-checkpoint';
import { comparePositions, type RecordedEvent } from '../recorded-event';
import { createCheckpoint } from './postgres-checkpointer';
import { PostgresEventStore } from './postgres-event-store';
import { proveInclusion } from './postgres-inclusion';

const signer = loadCheckpointSigner(generateCheckpointKeyPair().privateKeyPem);

describe('inclusion proofs from the PostgreSQL store', () => {
  let db: FreshDatabase;
  let store: PostgresEventStore;
  let pool: Pool;
  let log: RecordedEvent[];
  const checkpoints: SignedCheckpoint[] = [];
  const streams = Array.from({ length: 4 }, () => aStream());

  const checkpointAll = async () => {
    const total = (await pool.query('SELECT count(*)::int AS n FROM event_store.events')).rows[0].n;
    checkpoints.push(
      await eventually(async () => {
        const { checkpoint } = await createCheckpoint(pool, signer);
        if (!checkpoint || checkpoint.eventCount !== total) throw new Error(`covers ${checkpoint?.eventCount} of ${total}`);
        return checkpoint;
      }),
    );
  };

  beforeAll(async () => {
    db = await freshDatabase('incl');
    store = new PostgresEventStore({ connectionString: db.appUrl, poolSize: 2 });
    pool = new Pool({ connectionString: db.appUrl, max: 2 });
    // 37 events in 3 checkpoints, the streams interleaved across them.
    for (let round = 0; round < 3; round++) {
      for (const [i, stream] of streams.entries()) await store.append(stream, someEvents(1 + ((round + i) % 4)), 'any');
      await checkpointAll();
    }
    log = await store.readAll();
  });
  afterAll(async () => {
    await Promise.all([store?.close(), pool?.end()]);
    await db?.drop();
  });

  const expectProven = (proofs: Awaited<ReturnType<typeof proveInclusion>>, cp: SignedCheckpoint) => {
    for (const p of proofs.events) {
      expect(p.leafIndex).toBe(log.findIndex((e) => e.id === p.eventId));
      expect(verifyInclusion(merkleLeafHash(p.hash), p.leafIndex, cp.eventCount, p.path, cp.merkleRoot as string)).toBe(true);
    }
  };

  it('proves events by id against the latest checkpoint: leaf index in the log and the audit path', async () => {
    const picked = [log[0], log[17], log[log.length - 1]];
    const proofs = await proveInclusion(pool, { eventIds: picked.map((e) => e.id) });
    const latest = checkpoints[checkpoints.length - 1];
    expect(proofs.checkpoint).toMatchObject({ id: latest.id, version: 3, merkleRoot: latest.merkleRoot });
    expect(proofs.treeSize).toBe(log.length);
    expect(proofs.events.map((p) => p.eventId)).toEqual(picked.map((e) => e.id));
    expectProven(proofs, latest);
    // The same paths as the pure builder over every hash of the log.
    const pure = inclusionProofs(log.map((e) => e.hash as string), [0, 17, log.length - 1], log.length);
    expect(proofs.events.map((p) => p.path)).toEqual([0, 17, log.length - 1].map((i) => pure.get(i)));
  });

  it('proves every event of some streams, in one pass', async () => {
    const proofs = await proveInclusion(pool, { streamIds: [streams[1], streams[3]] });
    expect(proofs.events.map((p) => p.eventId)).toEqual(log.filter((e) => e.streamId === streams[1] || e.streamId === streams[3]).map((e) => e.id));
    expectProven(proofs, checkpoints[2]);
  });

  it('proves against an earlier checkpoint when asked, if it covers the events', async () => {
    const early = log.filter((e) => comparePositions(e.position, checkpoints[0].position) <= 0);
    const proofs = await proveInclusion(pool, { eventIds: [early[1].id], checkpointId: checkpoints[0].id });
    expect(proofs.checkpoint.id).toBe(checkpoints[0].id);
    expectProven(proofs, checkpoints[0]);
    const late = log[log.length - 1];
    expect(await refusal(proveInclusion(pool, { eventIds: [late.id], checkpointId: checkpoints[0].id }))).toBeInstanceOf(NoCoveringCheckpointError);
  });

  it('reads the log only after the last checkpoint before the first event: its stored frontier stands in for the rest', async () => {
    // Break a hash before the second checkpoint: a proof built from a read of the whole log would no longer verify.
    const target = log[log.length - 2];
    const early = log[2];
    await asSuperuser(db.adminUrl, `UPDATE event_store.events SET hash = '${'e'.repeat(64)}' WHERE position = ${early.position.prepare}`);
    try {
      const proofs = await proveInclusion(pool, { eventIds: [target.id] });
      expectProven(proofs, checkpoints[2]);
    } finally {
      await asSuperuser(db.adminUrl, `UPDATE event_store.events SET hash = '${early.hash}' WHERE position = ${early.position.prepare}`);
    }
  });

  it('refuses events no signed checkpoint covers yet, saying a checkpoint must be signed first', async () => {
    const written = await store.append(aStream(), someEvents(1), 'no-stream');
    const newest = (await eventually(async () => (await store.readAll()).find((e) => e.position.prepare === written.position.prepare))) as RecordedEvent;
    const error = await refusal(proveInclusion(pool, { eventIds: [newest.id] }));
    expect(error).toBeInstanceOf(NoCoveringCheckpointError);
    expect(error).toMatchObject({ position: newest.position, latest: expect.objectContaining({ id: checkpoints[2].id }) });
    await checkpointAll();
    expect((await proveInclusion(pool, { eventIds: [newest.id] })).checkpoint.id).toBe(checkpoints[3].id);
  });

  it('refuses ids the store does not hold', async () => {
    const unknown = randomUUID();
    const malformed = await refusal(proveInclusion(pool, { eventIds: [log[0].id, unknown, 'not-a-uuid'] }));
    expect(malformed).toBeInstanceOf(UnknownEventsError);
    expect(malformed).toMatchObject({ eventIds: ['not-a-uuid'] });
    expect(await refusal(proveInclusion(pool, { eventIds: [log[0].id, unknown] }))).toMatchObject({ eventIds: [unknown] });
  });
});
