import { generateCheckpointKeyPair, loadCheckpointSigner } from '../integrity/checkpoint-signer';
import { signCheckpoint } from '../integrity/signed-checkpoint';
import { verifyStore } from './postgres-verify';
import { publicKeys, row, signer, tamperScenario, type Scenario } from './tamper-scenario.test-harness';

describe('tamper detection on PostgreSQL', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await tamperScenario();
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
      // The hashes did not move, so count, digest and merkle root still match; the stream's head (its last event in
      // the log, now called revision 2) is not the one the checkpoint signed.
      expect.objectContaining({ kind: 'checkpoint-mismatch', mismatched: ['headsRoot'] }),
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
