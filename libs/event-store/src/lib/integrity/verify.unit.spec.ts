import { generateCheckpointKeyPair, loadCheckpointSigner } from './checkpoint-signer';
import { eventHash, GENESIS_HASH } from './hash-chain';
import { LogDigest } from './log-digest';
import { signCheckpoint, type SignedCheckpoint } from './signed-checkpoint';
import { verifyEvents } from './verify';
import type { RecordedEvent } from '../recorded-event';

const metadata = {
  schemaVersion: 1,
  occurredAt: '2026-01-01T00:00:00.000Z',
  correlationId: 'c',
  causationId: null,
  actor: { kind: 'system' as const, component: 'test' },
};

/** Records events as an honest store would: revisions per stream, hashes chained, positions ascending. */
function record(appends: readonly { stream: string; data: unknown; tx?: number }[]): RecordedEvent[] {
  const heads = new Map<string, { revision: number; hash: string }>();
  return appends.map(({ stream, data, tx }, i) => {
    const head = heads.get(stream) ?? { revision: -1, hash: GENESIS_HASH };
    const content = {
      streamId: stream,
      revision: head.revision + 1,
      id: `e${i}`,
      type: 'EnsFilingRegistered',
      data,
      metadata,
      recordedAt: '2026-01-01T00:00:00.001Z',
    };
    const hash = eventHash(content, head.hash);
    heads.set(stream, { revision: content.revision, hash });
    return { ...content, position: { commit: BigInt(tx ?? 100 + i), prepare: BigInt(i + 1) }, hash };
  });
}

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
const honest = record(appends);
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
      const log = record([
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
});
