import { AUDIT_BUNDLE_FORMAT, AUDIT_BUNDLE_FORMAT_1, auditBundleFromJson, auditBundleToJson, type AuditBundle } from './audit-bundle';
import { generateCheckpointKeyPair, loadCheckpointSigner } from './checkpoint-signer';
import { eventHash, GENESIS_HASH } from './hash-chain';
import { MalformedDocumentError } from './integrity-json';
import { inclusionProofs } from './merkle-log';
import { headsAfter, recordLog, v2CheckpointAfter, v3CheckpointAfter } from './recorded-log.test-harness';
import { signCheckpoint, type SignedCheckpoint } from './signed-checkpoint';
import { verifyBundle } from './verify-bundle';
import type { RecordedEvent } from '../recorded-event';

const pair = generateCheckpointKeyPair();
const signer = loadCheckpointSigner(pair.privateKeyPem);
const publicKeys = [pair.publicKeyPem];

// One MRN's ENS and risk streams among other traffic; the bundle holds the two streams of that MRN.
const log = recordLog([
  { stream: 'ens-M', data: { n: 0 } },
  { stream: 'ens-X', data: { n: 0 } },
  { stream: 'ens-M', data: { n: 1 } },
  { stream: 'risk-M', data: { n: 0 } },
  { stream: 'ens-X', data: { n: 1 } },
  { stream: 'ens-M', data: { n: 2 } },
  { stream: 'ens-M', data: { n: 3 } },
  { stream: 'risk-M', data: { n: 1 } },
  { stream: 'ens-Y', data: { n: 0 } },
]);
const checkpoint = v3CheckpointAfter(log, log.length, signer);

/**
 * A bundle as exportBundle builds it: the streams' events, proofs against the checkpoint over the whole log, and
 * (version 3) the streams' heads; against a version 2 checkpoint, a format 1 bundle as exported before heads.
 */
function bundleOf(events: readonly RecordedEvent[], cp: SignedCheckpoint = checkpoint): AuditBundle {
  const streamIds = ['ens-M', 'risk-M'];
  const wanted = events.filter((e) => streamIds.includes(e.streamId));
  const indexOf = new Map(events.map((e, i) => [e.id, i]));
  const paths = inclusionProofs(
    events.map((e) => e.hash as string),
    wanted.map((e) => indexOf.get(e.id) as number),
    events.length,
  );
  const { merkleFrontier: _frontier, ...signed } = cp as SignedCheckpoint & { merkleFrontier?: unknown };
  const withHeads = cp.version === 3;
  return {
    format: withHeads ? AUDIT_BUNDLE_FORMAT : AUDIT_BUNDLE_FORMAT_1,
    exportedAt: '2026-01-03T00:00:00.000Z',
    streams: streamIds.map((streamId) => ({ streamId, events: wanted.filter((e) => e.streamId === streamId) })),
    checkpoint: signed,
    proofs: Object.fromEntries(wanted.map((e) => [e.id, { leafIndex: indexOf.get(e.id) as number, path: paths.get(indexOf.get(e.id) as number) as string[] }])),
    ...(withHeads ? { heads: Object.fromEntries(headsAfter(events, events.length).proofs(streamIds)) } : {}),
    keyId: cp.keyId,
  };
}

const honest = bundleOf(log);
const ens = (revision: number) => honest.streams[0].events[revision];
/** The bundle with the events of ens-M changed by `edit` (hashes and proofs left as exported). */
const editEns = (edit: (events: RecordedEvent[]) => RecordedEvent[]): AuditBundle => ({
  ...honest,
  streams: [{ ...honest.streams[0], events: edit([...honest.streams[0].events]) }, honest.streams[1]],
});

describe('verify an audit bundle offline', () => {
  describe('as exported', () => {
    it('verifies every event, chain, proof and the signature', () => {
      const report = verifyBundle(honest, publicKeys);
      expect(report).toMatchObject({ ok: true, streamsChecked: 2, eventsChecked: 6, proofsVerified: 6, headsVerified: 2, problems: [], trustedKeyIds: [signer.keyId] });
      expect(report.checkpoint).toMatchObject({ version: 3, merkleRoot: checkpoint.merkleRoot, headsRoot: checkpoint.headsRoot, signature: checkpoint.signature });
    });

    it('still verifies after a round trip through its JSON file', () => {
      expect(verifyBundle(auditBundleFromJson(auditBundleToJson(honest)), publicKeys).ok).toBe(true);
    });
  });

  describe('edited by hand', () => {
    it('a stream relabelled as another MRN\'s: mislabelled, naming the stream its events are of', () => {
      const relabelled = { ...honest, streams: [{ ...honest.streams[0], streamId: 'ens-Z' }, honest.streams[1]] };
      const report = verifyBundle(relabelled, publicKeys);
      expect(report.ok).toBe(false);
      expect(report.firstProblem).toMatchObject({ kind: 'mislabelled-stream', streamId: 'ens-Z', revision: 0, detail: expect.stringContaining('of ens-M') });
    });

    it('a changed payload: changed content of that event', () => {
      const report = verifyBundle(editEns((es) => es.map((e) => (e.revision === 2 ? { ...e, data: { n: 99 } } : e))), publicKeys);
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([expect.objectContaining({ kind: 'changed-content', streamId: 'ens-M', revision: 2, eventId: ens(2).id })]);
    });

    it('a removed event: the missing revision is named', () => {
      const report = verifyBundle(editEns((es) => es.filter((e) => e.revision !== 1)), publicKeys);
      expect(report.problems).toEqual([expect.objectContaining({ kind: 'removed-event', streamId: 'ens-M', revision: 1 })]);
    });

    it('the first event removed: the stream must start at revision 0', () => {
      const report = verifyBundle(editEns((es) => es.slice(1)), publicKeys);
      expect(report.firstProblem).toMatchObject({ kind: 'removed-event', streamId: 'ens-M', revision: 0 });
    });

    it('two events with their payloads exchanged: reordered, naming both', () => {
      const report = verifyBundle(
        editEns((es) => es.map((e) => (e.revision === 1 ? { ...e, data: ens(3).data } : e.revision === 3 ? { ...e, data: ens(1).data } : e))),
        publicKeys,
      );
      expect(report.problems).toEqual([
        expect.objectContaining({ kind: 'reordered-event', streamId: 'ens-M', revision: 1, eventId: ens(1).id, detail: expect.stringContaining(ens(3).id) }),
      ]);
    });

    it('an event rewritten with its hash chain recomputed: the chain holds, the proof does not', () => {
      const forged = editEns((es) => {
        let previous = GENESIS_HASH;
        return es.map((e) => {
          const content = e.revision === 2 ? { ...e, data: { n: 99 } } : e;
          previous = eventHash(content, previous);
          return { ...content, hash: previous };
        });
      });
      const report = verifyBundle(forged, publicKeys);
      expect(report.firstProblem).toMatchObject({ kind: 'not-in-checkpoint', streamId: 'ens-M', revision: 2, eventId: ens(2).id });
      // Every later event of the stream carries a new hash too, and none is in the signed tree; nor is the last one
      // the head the checkpoint signed.
      expect(report.problems.map((p) => p.revision)).toEqual([2, 3, 3]);
      expect(report.problems[2].detail).toContain('is not the head of ens-M');
    });

    it('positions edited (not hashed): one moved before the event the signed log holds before it, or after the checkpoint', () => {
      // ens-M 1 and the risk-M event after it exchange positions: each chain holds, each proof holds, the order does not.
      const risk0 = honest.streams[1].events[0];
      const exchanged = {
        ...honest,
        streams: [
          { ...honest.streams[0], events: honest.streams[0].events.map((e) => (e.revision === 1 ? { ...e, position: risk0.position } : e)) },
          { ...honest.streams[1], events: honest.streams[1].events.map((e) => (e.revision === 0 ? { ...e, position: ens(1).position } : e)) },
        ],
      };
      expect(verifyBundle(exchanged, publicKeys).problems).toEqual([
        expect.objectContaining({ kind: 'reordered-event', streamId: 'risk-M', revision: 0, eventId: risk0.id, detail: expect.stringContaining(ens(1).id) }),
      ]);
      // The bundle's last event in the log (risk-M 1) moved past the checkpoint that holds it.
      const risk1 = honest.streams[1].events[1];
      const beyond = { commit: checkpoint.position.commit + 1n, prepare: checkpoint.position.prepare + 1n };
      const late = { ...honest, streams: [honest.streams[0], { ...honest.streams[1], events: [risk0, { ...risk1, position: beyond }] }] };
      expect(verifyBundle(late, publicKeys).problems).toEqual([
        expect.objectContaining({ kind: 'reordered-event', streamId: 'risk-M', revision: 1, eventId: risk1.id, detail: expect.stringContaining('after checkpoint') }),
      ]);
    });

    it('an event without its proof, or with the proof of another event', () => {
      const { [ens(1).id]: _gone, ...others } = honest.proofs;
      expect(verifyBundle({ ...honest, proofs: others }, publicKeys).problems).toEqual([
        expect.objectContaining({ kind: 'not-in-checkpoint', eventId: ens(1).id }),
      ]);
      const swapped = { ...honest.proofs, [ens(1).id]: honest.proofs[ens(2).id] };
      expect(verifyBundle({ ...honest, proofs: swapped }, publicKeys).problems).toEqual([
        expect.objectContaining({ kind: 'not-in-checkpoint', eventId: ens(1).id }),
      ]);
    });

    it('a checkpoint claiming another log size: forged (an audit path alone need not show the size)', () => {
      const report = verifyBundle({ ...honest, checkpoint: { ...honest.checkpoint, eventCount: 10 } }, publicKeys);
      expect(report.problems).toEqual([expect.objectContaining({ kind: 'forged-checkpoint', checkpointId: checkpoint.id })]);
    });
  });

  describe("a stream's end", () => {
    it("the stream's last event left out: the revision the checkpoint signed as its head is named missing", () => {
      const report = verifyBundle(editEns((es) => es.slice(0, -1)), publicKeys);
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([
        expect.objectContaining({ kind: 'removed-event', streamId: 'ens-M', revision: 3, detail: expect.stringContaining(`signed revision 3 (hash ${ens(3).hash})`) }),
      ]);
      expect(report.headsVerified).toBe(1);
    });

    it('its last two events left out: both revisions named', () => {
      const report = verifyBundle(editEns((es) => es.slice(0, 2)), publicKeys);
      expect(report.problems).toEqual([expect.objectContaining({ kind: 'removed-event', streamId: 'ens-M', revision: 2, detail: expect.stringContaining('revisions 2..3 are missing') })]);
    });

    it('every event of a stream left out, its head kept: revision 0 on is missing', () => {
      const report = verifyBundle({ ...honest, streams: [{ ...honest.streams[0], events: [] }, honest.streams[1]] }, publicKeys);
      expect(report.problems).toEqual([expect.objectContaining({ kind: 'removed-event', streamId: 'ens-M', revision: 0 })]);
    });

    it('the last event and its head proof left out: the stream has no proven end', () => {
      const { 'ens-M': _gone, ...heads } = honest.heads as Record<string, never>;
      const report = verifyBundle({ ...editEns((es) => es.slice(0, -1)), heads }, publicKeys);
      expect(report.problems).toEqual([expect.objectContaining({ kind: 'not-in-checkpoint', streamId: 'ens-M', revision: 2, detail: expect.stringContaining('proves no head of ens-M') })]);
    });

    it('a head made up to fit the shortened stream: its proof does not lead to the signed heads root', () => {
      const heads = { ...honest.heads, 'ens-M': { ...honest.heads!['ens-M'], revision: 2, hash: ens(2).hash as string } };
      const report = verifyBundle({ ...editEns((es) => es.slice(0, -1)), heads }, publicKeys);
      expect(report.problems).toEqual([expect.objectContaining({ kind: 'not-in-checkpoint', streamId: 'ens-M', revision: 2, detail: expect.stringContaining('is not at leaf') })]);
    });

    it('a checkpoint claiming another heads root: forged', () => {
      const report = verifyBundle({ ...honest, checkpoint: { ...honest.checkpoint, headsRoot: honest.checkpoint.merkleRoot } }, publicKeys);
      expect(report.problems).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'forged-checkpoint', checkpointId: checkpoint.id })]));
    });

    it('the heads stripped from a bundle of a version 3 checkpoint (passed off as format 1): every stream is unproven', () => {
      const { heads: _heads, ...rest } = honest;
      const report = verifyBundle({ ...rest, format: AUDIT_BUNDLE_FORMAT_1 }, publicKeys);
      expect(report.problems.map((p) => [p.kind, p.streamId])).toEqual([
        ['not-in-checkpoint', 'ens-M'],
        ['not-in-checkpoint', 'risk-M'],
      ]);
    });

    it('a format 2 bundle needs a version 3 checkpoint: a version 2 one signs no heads', () => {
      const v2 = v2CheckpointAfter(log, log.length, signer);
      const report = verifyBundle({ ...honest, checkpoint: v2 }, publicKeys);
      expect(report.problems).toEqual([expect.objectContaining({ kind: 'checkpoint-mismatch', mismatched: ['headsRoot'] })]);
    });

    it('a format 1 bundle over a version 2 checkpoint, exported before heads, still verifies: without them', () => {
      const legacy = bundleOf(log, v2CheckpointAfter(log, log.length, signer));
      expect(legacy.format).toBe(AUDIT_BUNDLE_FORMAT_1);
      const report = verifyBundle(auditBundleFromJson(auditBundleToJson(legacy)), publicKeys);
      expect(report).toMatchObject({ ok: true, format: AUDIT_BUNDLE_FORMAT_1, proofsVerified: 6, headsVerified: 0 });
    });
  });

  describe('the checkpoint re-signed', () => {
    it('with a key nobody trusts: unknown key, naming the checkpoint', () => {
      const stranger = loadCheckpointSigner(generateCheckpointKeyPair().privateKeyPem);
      const resigned = signCheckpoint(honest.checkpoint, stranger);
      const report = verifyBundle({ ...honest, checkpoint: resigned, keyId: stranger.keyId }, publicKeys);
      expect(report.problems).toEqual([expect.objectContaining({ kind: 'unknown-key', checkpointId: checkpoint.id, position: checkpoint.position })]);
    });

    it('with another key under the trusted key id: forged', () => {
      const intruder = loadCheckpointSigner(generateCheckpointKeyPair().privateKeyPem);
      const resigned = signCheckpoint(honest.checkpoint, { ...intruder, keyId: signer.keyId });
      expect(verifyBundle({ ...honest, checkpoint: resigned }, publicKeys).problems).toEqual([
        expect.objectContaining({ kind: 'forged-checkpoint', checkpointId: checkpoint.id }),
      ]);
    });

    it('over a rewritten log by an intruder with their own key: the events prove in, the key is unknown', () => {
      const stranger = loadCheckpointSigner(generateCheckpointKeyPair().privateKeyPem);
      // The whole log recorded again with one payload changed: every chain and hash is consistent.
      const rewritten = recordLog(log.map((e) => ({ stream: e.streamId, data: e.id === ens(2).id ? { n: 99 } : e.data })));
      const report = verifyBundle(bundleOf(rewritten, v3CheckpointAfter(rewritten, rewritten.length, stranger)), publicKeys);
      expect(report).toMatchObject({ proofsVerified: 6, headsVerified: 2 });
      expect(report.problems.map((p) => p.kind)).toEqual(['unknown-key']);
    });

    it('a version 1 checkpoint proves nothing included', () => {
      const { version: _v, merkleRoot: _r, streamCount: _n, headsRoot: _h, ...claim } = honest.checkpoint;
      const v1 = signCheckpoint(claim, signer);
      const report = verifyBundle({ ...honest, checkpoint: v1 }, publicKeys);
      expect(report.problems).toEqual([expect.objectContaining({ kind: 'checkpoint-mismatch', mismatched: ['merkleRoot'] })]);
      expect(report.proofsVerified).toBe(0);
    });

    it('the bundle naming another key than its checkpoint', () => {
      expect(verifyBundle({ ...honest, keyId: 'ffffffffffffffff' }, publicKeys).problems).toEqual([
        expect.objectContaining({ kind: 'forged-checkpoint', checkpointId: checkpoint.id }),
      ]);
    });
  });

  describe('its file', () => {
    it('keeps event data that looks like a position exactly as it was', () => {
      const tricky = recordLog([{ stream: 'ens-M', data: { commit: '1', prepare: '2' } }]);
      const bundle = { ...bundleOf(tricky, v3CheckpointAfter(tricky, 1, signer)) };
      const back = auditBundleFromJson(auditBundleToJson(bundle));
      expect(back.streams[0].events[0].data).toEqual({ commit: '1', prepare: '2' });
      expect(back.checkpoint.position).toEqual(tricky[0].position);
      expect(verifyBundle(back, publicKeys).ok).toBe(true);
    });

    it.each([
      ['not JSON', 'nope', '$'],
      ['another format', JSON.stringify({ format: 'other/1' }), '$.format'],
      ['an event without its revision', auditBundleToJson(honest).replace('"revision": 0,', ''), '$.streams[0].events[0].revision'],
      ['a position that is no number', auditBundleToJson(honest).replace(/"commit": "\d+"/, '"commit": "x"'), '$.streams[0].events[0].position.commit'],
    ])('refuses %s, naming where', (_what, text, path) => {
      let error: unknown;
      try {
        auditBundleFromJson(text);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(MalformedDocumentError);
      expect(error).toMatchObject({ path });
    });
  });
});
