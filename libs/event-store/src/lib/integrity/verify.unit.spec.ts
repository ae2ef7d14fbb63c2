import { generateCheckpointKeyPair, loadCheckpointSigner } from './checkpoint-signer';
import { eventHash } from './hash-chain';
import { LogDigest } from './log-digest';
import { merkleRoot } from './merkle-log';
import { headsAfter, recordLog, v2CheckpointAfter as v2CheckpointOverLog, v3CheckpointAfter } from './recorded-log.test-harness';
import { signCheckpoint, type SignedCheckpoint } from './signed-checkpoint';
import { verifyEvents } from './verify';
import type { RecordedEvent } from '../recorded-event';

const pair = generateCheckpointKeyPair();
const signer = loadCheckpointSigner(pair.privateKeyPem);
const publicKeys = [pair.publicKeyPem];

/** A checkpoint over the first `n` events of the log, as the checkpointer would sign it. */
function checkpointAfter(log: readonly RecordedEvent[], n: number, id = String(n)): SignedCheckpoint {
  const d = new LogDigest();
  for (const e of log.slice(0, n)) d.add(e.hash as string);
  const claim = { position: log[n - 1].position, eventCount: n, digest: d.digest, createdAt: '2026-01-02T00:00:00.000Z' };
  return { ...signCheckpoint(claim, signer), id };
}

const v2CheckpointAfter = (log: readonly RecordedEvent[], n: number, options: { id?: string; root?: string } = {}) =>
  v2CheckpointOverLog(log, n, signer, options);

const appends = [
  { stream: 'ens-A', data: { n: 0 } },
  { stream: 'ens-B', data: { n: 0 } },
  { stream: 'ens-A', data: { n: 1 } },
  { stream: 'ens-A', data: { n: 2 } },
  { stream: 'ens-B', data: { n: 1 } },
  { stream: 'ens-A', data: { n: 3 } },
  { stream: 'ens-A', data: { n: 4 } },
  { stream: 'ens-B', data: { n: 2 } },
];
const honest = recordLog(appends);
const a = (revision: number) => honest.findIndex((e) => e.streamId === 'ens-A' && e.revision === revision);
const checkpoints = [checkpointAfter(honest, 4), checkpointAfter(honest, 8)];

describe('verify events', () => {
  describe('an untouched log', () => {
    it('verifies every event, stream and checkpoint', async () => {
      const report = await verifyEvents(honest, { checkpoints, publicKeys });
      expect(report).toMatchObject({ ok: true, eventsChecked: 8, streamsChecked: 2, checkpointsChecked: 2, problems: [] });
      expect(report.lastCheckpoint).toMatchObject({ id: '8', eventCount: 8 });
      expect(report.firstProblem).toBeUndefined();
    });

    it('accepts revisions whose transactions commit in another order', async () => {
      const log = recordLog([
        { stream: 'ens-A', data: 0, tx: 10 },
        { stream: 'ens-A', data: 1, tx: 5 },
        { stream: 'ens-A', data: 2, tx: 11 },
      ]).sort((x, y) => Number(x.position.commit - y.position.commit));
      expect((await verifyEvents(log)).ok).toBe(true);
    });
  });

  describe('a changed payload', () => {
    it('names the event as changed content', async () => {
      const log = honest.map((e, i) => (i === a(2) ? { ...e, data: { n: 99 } } : e));
      const report = await verifyEvents(log, { checkpoints, publicKeys });
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([
        expect.objectContaining({ kind: 'changed-content', streamId: 'ens-A', revision: 2, eventId: honest[a(2)].id }),
      ]);
    });
  });

  describe('an event written past the append, backdated, its hash computed to fit', () => {
    it('is named: recorded_at never decreases along a stream', async () => {
      const last = honest[a(4)];
      const prevHash = honest[a(3)].hash as string;
      const backdated = { ...last, recordedAt: '2020-01-01T00:00:00.000Z' };
      const log = honest.map((e, i) => (i === a(4) ? { ...backdated, hash: eventHash(backdated, prevHash) } : e));
      const report = await verifyEvents(log);
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([expect.objectContaining({ kind: 'reordered-event', streamId: 'ens-A', revision: 4, detail: expect.stringContaining('backdated') })]);
    });
  });

  describe('a removed event', () => {
    it('in the middle of a stream: names the missing revision', async () => {
      const log = honest.filter((_e, i) => i !== a(2));
      const report = await verifyEvents(log, { checkpoints, publicKeys });
      expect(report.firstProblem).toMatchObject({ kind: 'removed-event', streamId: 'ens-A', revision: 2 });
      // The checkpoint over it disagrees as well, and says where.
      expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'removed-event', checkpointId: '4' }));
    });

    it('at the end of a stream: the checkpoint names the stretch it was in', async () => {
      const last = honest.length - 1;
      const report = await verifyEvents(honest.slice(0, last), { checkpoints, publicKeys });
      expect(report.firstProblem).toMatchObject({
        kind: 'removed-event',
        checkpointId: '8',
        range: { after: honest[3].position, upTo: honest[last].position },
      });
      expect(report.lastCheckpoint).toMatchObject({ id: '4' });
    });
  });

  describe('two exchanged events', () => {
    it('with their payloads exchanged: reordered, naming both', async () => {
      const [i, j] = [a(1), a(3)];
      const log = honest.map((e, k) => (k === i ? { ...e, data: honest[j].data } : k === j ? { ...e, data: honest[i].data } : e));
      const report = await verifyEvents(log, { checkpoints, publicKeys });
      expect(report.problems).toEqual([
        expect.objectContaining({ kind: 'reordered-event', streamId: 'ens-A', revision: 1, detail: expect.stringContaining(honest[j].id) }),
      ]);
    });

    it.each([
      ['adjacent', 1, 2],
      ['apart', 1, 3],
    ])('with their revisions exchanged (%s): reordered, naming both', async (_how, r1, r2) => {
      const [i, j] = [a(r1), a(r2)];
      const log = honest.map((e, k) => (k === i ? { ...e, revision: r2 } : k === j ? { ...e, revision: r1 } : e));
      const report = await verifyEvents(log, { checkpoints, publicKeys });
      expect(report.problems).toEqual([
        expect.objectContaining({ kind: 'reordered-event', streamId: 'ens-A', revision: r1, eventId: honest[j].id }),
      ]);
    });
  });

  describe('two events with their log positions exchanged', () => {
    it('reordered, naming the event that sits too early; the checkpoint over them disagrees too', async () => {
      const [i, j] = [a(2), a(3)];
      const log = honest
        .map((e, k) => (k === i ? { ...e, position: honest[j].position } : k === j ? { ...e, position: honest[i].position } : e))
        .sort((x, y) => Number(x.position.prepare - y.position.prepare));
      const report = await verifyEvents(log, { checkpoints, publicKeys });
      expect(report.firstProblem).toMatchObject({ kind: 'reordered-event', streamId: 'ens-A', revision: 3, eventId: honest[j].id, detail: expect.stringContaining(honest[i].id) });
      expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'checkpoint-mismatch', checkpointId: '4', mismatched: ['digest'] }));
    });
  });

  describe('the last event of a stream rewritten together with its hash', () => {
    it('only the checkpoint shows it: a mismatch over its stretch', async () => {
      const last = honest.length - 1;
      const previous = honest.filter((e, i) => i < last && e.streamId === honest[last].streamId).pop() as RecordedEvent;
      const forged = { ...honest[last], data: { n: 99 } };
      const log = [...honest.slice(0, last), { ...forged, hash: eventHash(forged, previous.hash as string) }];
      const report = await verifyEvents(log, { checkpoints, publicKeys });
      expect(report.problems).toEqual([
        expect.objectContaining({ kind: 'checkpoint-mismatch', checkpointId: '8', range: { after: honest[3].position, upTo: honest[last].position } }),
      ]);
    });
  });

  describe('a bad checkpoint', () => {
    it('with a changed digest is forged, and is no anchor', async () => {
      const forged = { ...checkpoints[1], digest: 'f'.repeat(64) };
      const report = await verifyEvents(honest, { checkpoints: [checkpoints[0], forged], publicKeys });
      expect(report.problems).toEqual([expect.objectContaining({ kind: 'forged-checkpoint', checkpointId: '8' })]);
      expect(report.lastCheckpoint).toMatchObject({ id: '4' });
    });

    it('signed by a key nobody trusts has an unknown key', async () => {
      const report = await verifyEvents(honest, { checkpoints, publicKeys: [generateCheckpointKeyPair().publicKeyPem] });
      expect(report.problems.map((p) => p.kind)).toEqual(['unknown-key', 'unknown-key']);
    });
  });

  describe('one stream alone', () => {
    it('checks its chain without checkpoints, in any order', async () => {
      const stream = honest.filter((e) => e.streamId === 'ens-A').reverse();
      const report = await verifyEvents(stream, { scope: 'streams' });
      expect(report).toMatchObject({ ok: true, eventsChecked: 5, streamsChecked: 1, checkpointsChecked: 0 });
    });
  });

  it('refuses a log fed out of position order', async () => {
    await expect(verifyEvents([honest[1], honest[0]])).rejects.toThrow(/log order/);
  });

  describe('version 2 checkpoints: the merkle root is compared too', () => {
    const hashes = honest.map((e) => e.hash as string);

    it('verify after version 1 ones, and the report keeps what a later check needs', async () => {
      const cps = [checkpoints[0], v2CheckpointAfter(honest, 6), v2CheckpointAfter(honest, 8)];
      const report = await verifyEvents(honest, { checkpoints: cps, publicKeys });
      expect(report).toMatchObject({ ok: true, scope: 'log', checkpointsChecked: 3, checkpointsOmitted: 0, trustedKeyIds: [signer.keyId] });
      expect(report.checkpoints).toEqual([
        { id: '4', position: cps[0].position, eventCount: 4, digest: cps[0].digest, keyId: signer.keyId, createdAt: cps[0].createdAt, signature: cps[0].signature, verdict: 'matched' },
        expect.objectContaining({ id: '6', version: 2, merkleRoot: merkleRoot(hashes.slice(0, 6)), signature: cps[1].signature, verdict: 'matched' }),
        expect.objectContaining({ id: '8', version: 2, verdict: 'matched' }),
      ]);
      // The stored frontier is the store's business, not the report's.
      expect(report.checkpoints[1]).not.toHaveProperty('merkleFrontier');
      expect(report.lastCheckpoint).toEqual({ ...cps[2], merkleFrontier: undefined, id: '8' });
      expect(report.logHead).toEqual({ position: honest[7].position, eventCount: 8, digest: cps[2].digest, merkleRoot: merkleRoot(hashes) });
    });

    it('signed over another tree (count and digest right): a mismatch of the merkle root, and no anchor', async () => {
      const wrong = v2CheckpointAfter(honest, 6, { root: merkleRoot(hashes.slice(0, 5)) });
      const report = await verifyEvents(honest, { checkpoints: [checkpoints[0], wrong], publicKeys });
      expect(report.problems).toEqual([
        expect.objectContaining({ kind: 'checkpoint-mismatch', checkpointId: '6', mismatched: ['merkleRoot'], range: { after: honest[3].position, upTo: honest[5].position } }),
      ]);
      expect(report.lastCheckpoint).toMatchObject({ id: '4' });
      expect(report.checkpoints.map((c) => c.verdict)).toEqual(['matched', 'mismatched']);
      expect(report.logHead).toBeUndefined();
    });

    it('a removed event: the checkpoint names every value the log no longer gives', async () => {
      const log = honest.filter((_e, i) => i !== a(1));
      const report = await verifyEvents(log, { checkpoints: [v2CheckpointAfter(honest, 4)], publicKeys });
      expect(report.problems).toContainEqual(
        expect.objectContaining({ kind: 'removed-event', checkpointId: '4', mismatched: ['eventCount', 'digest', 'merkleRoot'] }),
      );
    });

    it('after a mismatch, the tree resumes from the stored frontier, so a later wrong root is still found', async () => {
      const log = honest.filter((_e, i) => i !== a(1));
      const later = v2CheckpointAfter(honest, 8, { root: merkleRoot(hashes.slice(0, 7)) });
      const report = await verifyEvents(log, { checkpoints: [v2CheckpointAfter(honest, 4), later], publicKeys });
      expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'checkpoint-mismatch', checkpointId: '8', mismatched: ['merkleRoot'] }));
      const right = await verifyEvents(log, { checkpoints: [v2CheckpointAfter(honest, 4), v2CheckpointAfter(honest, 8)], publicKeys });
      expect(right.problems.filter((p) => p.checkpointId === '8')).toEqual([]);
    });

    it('version 3 after version 2: the stream count and heads root are compared too', async () => {
      const cps = [v2CheckpointAfter(honest, 4), v3CheckpointAfter(honest, 6, signer), v3CheckpointAfter(honest, 8, signer)];
      const report = await verifyEvents(honest, { checkpoints: cps, publicKeys });
      expect(report.ok).toBe(true);
      expect(report.checkpoints[2]).toMatchObject({ version: 3, streamCount: 2, headsRoot: headsAfter(honest, 8).root(), verdict: 'matched' });
    });

    it('signed over other heads (count, digest and merkle root right): a mismatch of the heads root, and no anchor', async () => {
      const wrong = v3CheckpointAfter(honest, 6, signer, { headsRoot: headsAfter(honest, 5).root() });
      const report = await verifyEvents(honest, { checkpoints: [v2CheckpointAfter(honest, 4), wrong], publicKeys });
      expect(report.problems).toEqual([
        expect.objectContaining({ kind: 'checkpoint-mismatch', checkpointId: '6', mismatched: ['headsRoot'], detail: expect.stringContaining('stream heads') }),
      ]);
      expect(report.lastCheckpoint).toMatchObject({ id: '4' });
    });

    it("a stream's last event removed: the version 3 checkpoint's heads no longer hold either", async () => {
      const log = honest.filter((_e, i) => i !== a(2));
      const report = await verifyEvents(log.slice(0, 3), { checkpoints: [v3CheckpointAfter(honest, 4, signer)], publicKeys });
      expect(report.problems).toContainEqual(
        expect.objectContaining({ kind: 'removed-event', checkpointId: '4', mismatched: ['eventCount', 'digest', 'merkleRoot', 'headsRoot'] }),
      );
    });

    it('lists the latest checkpoints when there are more than the cap', async () => {
      const cps = [2, 4, 6, 8].map((n) => v2CheckpointAfter(honest, n));
      const report = await verifyEvents(honest, { checkpoints: cps, publicKeys, maxCheckpoints: 2 });
      expect(report.checkpoints.map((c) => c.id)).toEqual(['6', '8']);
      expect(report).toMatchObject({ checkpointsChecked: 4, checkpointsOmitted: 2, lastCheckpoint: { id: '8' } });
    });
  });

  describe('coverage: the tail past the last authentic checkpoint', () => {
    // Every event recorded at 2026-01-01T00:00:00.001Z (recordLog); a rule of one hour.
    const rule = (at: string) => ({ coverage: { at, maxUncoveredMs: 3_600_000 } });
    const later = '2026-01-01T05:00:00.000Z';

    /** ens-A from revision 3 on rewritten with hashes that fit, and the checkpoint that covered it (8) removed. */
    function rewrittenPastCheckpoint4(): RecordedEvent[] {
      let prev = honest[a(2)].hash as string;
      return honest.map((e, i) => {
        if (e.streamId !== 'ens-A' || e.revision < 3) return e;
        const changed = { ...e, data: i === a(3) ? { n: 99 } : e.data };
        prev = eventHash(changed, prev);
        return { ...changed, hash: prev };
      });
    }

    it('a log rewritten after its covering checkpoints were removed passes without the rule: what the rule is for', async () => {
      const report = await verifyEvents(rewrittenPastCheckpoint4(), { checkpoints: [checkpoints[0]], publicKeys });
      expect(report.ok).toBe(true);
    });

    it('with the rule, the uncovered tail older than it is a problem naming its oldest event and the last checkpoint', async () => {
      const report = await verifyEvents(rewrittenPastCheckpoint4(), { checkpoints: [checkpoints[0]], publicKeys, ...rule(later) });
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([
        expect.objectContaining({ kind: 'uncovered-events', streamId: 'ens-B', revision: 1, eventId: honest[4].id, detail: expect.stringContaining('4 event(s) after checkpoint 4') }),
      ]);
      expect(report.coverage).toMatchObject({ uncoveredEvents: 4, oldestUncoveredAt: honest[4].recordedAt, lastCoveringCheckpoint: { id: '4' } });
    });

    it('a tail younger than the rule is fine: the checkpointer has not come round yet', async () => {
      const report = await verifyEvents(honest, { checkpoints: [checkpoints[0]], publicKeys, ...rule('2026-01-01T00:30:00.000Z') });
      expect(report).toMatchObject({ ok: true, coverage: { uncoveredEvents: 4 } });
    });

    it('a log covered to its end is fine however old', async () => {
      const report = await verifyEvents(honest, { checkpoints, publicKeys, ...rule('2030-01-01T00:00:00.000Z') });
      expect(report).toMatchObject({ ok: true, coverage: { uncoveredEvents: 0, oldestUncoveredAt: null, lastCoveringCheckpoint: { id: '8' } } });
    });

    it('no checkpoint, or only one whose signature fails, covers nothing', async () => {
      const none = await verifyEvents(honest, { publicKeys, ...rule(later) });
      expect(none.problems).toEqual([expect.objectContaining({ kind: 'uncovered-events', detail: expect.stringContaining('8 event(s) with no checkpoint whose signature holds') })]);
      const forged = { ...checkpoints[1], digest: checkpoints[0].digest };
      const report = await verifyEvents(honest, { checkpoints: [checkpoints[0], forged], publicKeys, ...rule(later) });
      expect(report.problems.map((p) => p.kind)).toEqual(['uncovered-events', 'forged-checkpoint']);
      expect(report.coverage).toMatchObject({ uncoveredEvents: 4, lastCoveringCheckpoint: { id: '4' } });
    });
  });

  describe('the heartbeat rule: how old the newest authentic checkpoint may be', () => {
    // checkpointAfter signs at 2026-01-02T00:00:00.000Z; the rule: one hour for both.
    const at = '2026-01-02T05:00:00.000Z';
    const rule = { coverage: { at, maxUncoveredMs: 3_600_000, maxCheckpointAgeMs: 3_600_000 } };
    /** The same claim signed again at `createdAt`, as a checkpointer with nothing new does (a heartbeat). */
    const heartbeat = (cp: SignedCheckpoint, createdAt: string, id: string): SignedCheckpoint => ({ ...signCheckpoint({ ...cp, createdAt }, signer), id });

    /**
     * ens-A from revision 3 on rewritten, checkpoint 8 removed, and every uncovered event's time moved to just before
     * `at`, each with a hash that fits (the times are hashed too).
     */
    function rewrittenAndRetimed(): RecordedEvent[] {
      const prev = new Map<string, string>();
      return honest.map((e, i) => {
        if (i < 4) {
          prev.set(e.streamId, e.hash as string);
          return e;
        }
        const changed = { ...e, data: i === a(3) ? { n: 99 } : e.data, recordedAt: '2026-01-02T04:59:00.000Z' };
        const hash = eventHash(changed, prev.get(e.streamId) as string);
        prev.set(e.streamId, hash);
        return { ...changed, hash };
      });
    }

    it('a rewrite whose uncovered events were retimed passes the recorded_at rule, and not this one', async () => {
      const retimed = rewrittenAndRetimed();
      const byTime = await verifyEvents(retimed, { checkpoints: [checkpoints[0]], publicKeys, coverage: { at, maxUncoveredMs: 3_600_000 } });
      expect(byTime).toMatchObject({ ok: true, coverage: { uncoveredEvents: 4 } });
      const report = await verifyEvents(retimed, { checkpoints: [checkpoints[0]], publicKeys, ...rule });
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([
        expect.objectContaining({ kind: 'stale-checkpoints', checkpointId: '4', position: checkpoints[0].position, detail: expect.stringContaining('signed at 2026-01-02T00:00:00.000Z') }),
      ]);
      expect(report.coverage).toMatchObject({ maxCheckpointAgeMs: 3_600_000, lastSignedAt: '2026-01-02T00:00:00.000Z' });
    });

    it('a quiet store whose checkpointer signs heartbeats is fine: the newest signature is recent, at the same position', async () => {
      const beat = heartbeat(checkpoints[1], '2026-01-02T04:30:00.000Z', '9');
      const report = await verifyEvents(honest, { checkpoints: [...checkpoints, beat], publicKeys, ...rule });
      expect(report).toMatchObject({ ok: true, checkpointsChecked: 3, lastCheckpoint: { id: '9' }, coverage: { lastSignedAt: '2026-01-02T04:30:00.000Z' } });
      expect(report.checkpoints.map((c) => c.verdict)).toEqual(['matched', 'matched', 'matched']);
    });

    it('a recent checkpoint whose signature fails does not count', async () => {
      const beat = heartbeat(checkpoints[1], '2026-01-02T04:30:00.000Z', '9');
      const forged = { ...beat, createdAt: '2026-01-02T04:45:00.000Z' };
      const report = await verifyEvents(honest, { checkpoints: [checkpoints[0], forged], publicKeys, ...rule });
      expect(report.problems.map((p) => p.kind)).toEqual(['stale-checkpoints', 'uncovered-events', 'forged-checkpoint']);
      expect(report.coverage).toMatchObject({ lastSignedAt: '2026-01-02T00:00:00.000Z' });
    });

    it('not judged without the rule', async () => {
      const without = await verifyEvents(honest, { checkpoints, publicKeys, coverage: { at, maxUncoveredMs: 3_600_000 } });
      expect(without).toMatchObject({ ok: true });
      expect(without.coverage).not.toHaveProperty('lastSignedAt');
    });
  });

  describe('the heads a report keeps', () => {
    it("scope 'streams': each stream's last event and its hash", async () => {
      const report = await verifyEvents(honest.filter((e) => e.streamId === 'ens-B'), { scope: 'streams' });
      const last = honest[honest.length - 1];
      expect(report.streamHeads).toEqual([{ streamId: 'ens-B', revision: 2, eventId: last.id, hash: last.hash }]);
      expect(report.logHead).toBeUndefined();
    });
  });
});
