import { Pool } from 'pg';
// Spec-only cycle: libs/testing builds its databases with this library's migrations; nothing ships it.
import { asSuperuser, eventually, freshDatabase, type FreshDatabase } from '../../testing';
import { aStream, refusal, someEvents } from '../contract/contract-fixtures';
import { AUDIT_BUNDLE_FORMAT, auditBundleFromJson, auditBundleToJson } from '../integrity/audit-bundle';
import { generateCheckpointKeyPair, loadCheckpointSigner } from '../integrity/checkpoint-signer';
import { NoCoveringCheckpointError } from '../integrity/integrity.errors';
import type { SignedCheckpoint } from '../integrity/signed-checkpoint';
import { verifyBundle } from '../integrity/verify-bundle';
import { controlStream, ensStream, riskStream } from '../stream-names';
import { createCheckpoint } from './postgres-checkpointer';
import { exportBundle } from './postgres-bundle';
import { PostgresEventStore } from './postgres-event-store';

const signer = loadCheckpointSigner(generateCheckpointKeyPair().privateKeyPem);
const publicKeys = [signer.publicKeyPem];
const exportedAt = new Date('2026-05-06T07:08:09.000Z');

describe('audit bundles exported from PostgreSQL', () => {
  let db: FreshDatabase;
  let store: PostgresEventStore;
  let pool: Pool;
  const mrn = '26DE000000000000B7';
  const mrnStreams = [ensStream(mrn), riskStream(mrn), controlStream(mrn)];

  const checkpointAll = async (): Promise<SignedCheckpoint> => {
    const total = (await pool.query('SELECT count(*)::int AS n FROM event_store.events')).rows[0].n;
    return eventually(async () => {
      const { checkpoint } = await createCheckpoint(pool, signer);
      if (!checkpoint || checkpoint.eventCount !== total) throw new Error(`covers ${checkpoint?.eventCount} of ${total}`);
      return checkpoint;
    });
  };

  beforeAll(async () => {
    db = await freshDatabase('bundle');
    store = new PostgresEventStore({ connectionString: db.appUrl, poolSize: 2 });
    pool = new Pool({ connectionString: db.appUrl, max: 2 });
    // The MRN's ENS and risk streams among other traffic, across two checkpoints; no control stream yet.
    await store.append(ensStream(mrn), someEvents(2), 'no-stream');
    await store.append(aStream(), someEvents(3), 'no-stream');
    await checkpointAll();
    await store.append(riskStream(mrn), someEvents(2), 'no-stream');
    await store.append(aStream(), someEvents(2), 'no-stream');
    await store.append(ensStream(mrn), someEvents(1), 1);
  });
  afterAll(async () => {
    await Promise.all([store?.close(), pool?.end()]);
    await db?.drop();
  });

  it('refuses while no signed checkpoint covers the MRN yet, saying a checkpoint must be signed first', async () => {
    const error = await refusal(exportBundle(pool, { streamIds: mrnStreams }));
    expect(error).toBeInstanceOf(NoCoveringCheckpointError);
  });

  it("holds the MRN's whole history, and verifies offline from its file", async () => {
    const checkpoint = await checkpointAll();
    const bundle = await exportBundle(pool, { streamIds: mrnStreams, now: () => exportedAt });
    expect(bundle).toMatchObject({ format: AUDIT_BUNDLE_FORMAT, exportedAt: exportedAt.toISOString(), keyId: signer.keyId });
    expect(bundle.checkpoint).toEqual({
      id: checkpoint.id,
      version: 3,
      position: checkpoint.position,
      eventCount: checkpoint.eventCount,
      digest: checkpoint.digest,
      merkleRoot: checkpoint.merkleRoot,
      streamCount: checkpoint.streamCount,
      headsRoot: checkpoint.headsRoot,
      keyId: checkpoint.keyId,
      createdAt: checkpoint.createdAt,
      signature: checkpoint.signature,
    });
    // Every event from revision 0, as recorded: the same as reading the streams.
    expect(bundle.streams.map((s) => s.streamId)).toEqual(mrnStreams);
    for (const s of bundle.streams) expect(s.events).toEqual(await store.readStream(s.streamId));
    expect(bundle.streams.map((s) => s.events.length)).toEqual([3, 2, 0]);
    expect(Object.keys(bundle.proofs).sort()).toEqual(bundle.streams.flatMap((s) => s.events.map((e) => e.id)).sort());

    const file = auditBundleToJson(bundle);
    const report = verifyBundle(auditBundleFromJson(file), publicKeys);
    expect(report).toMatchObject({ ok: true, streamsChecked: 2, eventsChecked: 5, proofsVerified: 5, headsVerified: 2, problems: [] });
    // Each stream's head, at its leaf in the order streams first appear (the ENS stream was the log's first).
    expect(bundle.heads).toEqual({
      [ensStream(mrn)]: expect.objectContaining({ revision: 2, leafIndex: 0 }),
      [riskStream(mrn)]: expect.objectContaining({ revision: 1, leafIndex: 2 }),
    });
  });

  it('is refused again once an event of the MRN follows the last checkpoint', async () => {
    await store.append(riskStream(mrn), someEvents(1), 1);
    expect(await refusal(exportBundle(pool, { streamIds: mrnStreams }))).toBeInstanceOf(NoCoveringCheckpointError);
    await checkpointAll();
    expect(verifyBundle(await exportBundle(pool, { streamIds: mrnStreams }), publicKeys)).toMatchObject({ ok: true, eventsChecked: 6 });
  });

  it('against an older checkpoint, reads its heads from the log (stream_heads holds the latest one’s)', async () => {
    const latest = await exportBundle(pool, { streamIds: mrnStreams });
    await store.append(aStream(), someEvents(1), 'no-stream');
    const newer = await checkpointAll();
    expect(newer.streamCount).toBe((latest.checkpoint.streamCount as number) + 1);
    const bundle = await exportBundle(pool, { streamIds: mrnStreams, checkpointId: latest.checkpoint.id });
    expect(bundle.checkpoint).toEqual(latest.checkpoint);
    expect(verifyBundle(bundle, publicKeys)).toMatchObject({ ok: true, headsVerified: 2 });
    expect(bundle.heads).toEqual(latest.heads);
  });

  it('still proves the heads from the log when the stored heads were altered', async () => {
    await checkpointAll();
    await asSuperuser(db.adminUrl, `DELETE FROM event_store.stream_heads WHERE stream_id = '${ensStream(mrn)}'`);
    const bundle = await exportBundle(pool, { streamIds: mrnStreams });
    expect(verifyBundle(bundle, publicKeys)).toMatchObject({ ok: true, headsVerified: 2 });
  });

  it('does not verify under keys other than the signer’s', async () => {
    const bundle = await exportBundle(pool, { streamIds: mrnStreams });
    const report = verifyBundle(bundle, [generateCheckpointKeyPair().publicKeyPem]);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'unknown-key', checkpointId: bundle.checkpoint.id })]);
  });

  it('refuses a version 2 checkpoint: it signs no stream heads', async () => {
    const latest = await checkpointAll();
    // A version 2 row at the same position, as a store upgraded from before heads holds them (another key id: one
    // checkpoint per key and position).
    const { rows } = await pool.query(
      `INSERT INTO event_store.integrity_checkpoints (position_commit, position_prepare, event_count, digest, signature, key_id, created_at, claim_version, merkle_root, merkle_frontier)
       SELECT position_commit, position_prepare, event_count, digest, signature, 'an-older-key', created_at, 2, merkle_root, merkle_frontier
       FROM event_store.integrity_checkpoints WHERE id = $1 RETURNING id::text AS id`,
      [latest.id],
    );
    const error = await refusal(exportBundle(pool, { streamIds: mrnStreams, checkpointId: rows[0].id }));
    expect(error).toBeInstanceOf(NoCoveringCheckpointError);
    expect((error as Error).message).toContain('signs no stream heads');
  });
});
