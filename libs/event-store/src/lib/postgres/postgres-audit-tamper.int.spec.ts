import { auditBundleFromJson, auditBundleToJson, type AuditBundle } from '../integrity/audit-bundle';
import { generateCheckpointKeyPair, loadCheckpointSigner } from '../integrity/checkpoint-signer';
import { eventHash } from '../integrity/hash-chain';
import { signCheckpoint } from '../integrity/signed-checkpoint';
import type { IntegrityProblem, VerificationReport } from '../integrity/verification-report';
import { verificationReportFromJson, verificationReportToJson } from '../integrity/verification-report-json';
import { verifyBundle } from '../integrity/verify-bundle';
import type { RecordedEvent } from '../recorded-event';
import { someEvents } from '../contract/contract-fixtures';
import { exportBundle } from './postgres-bundle';
import { createCheckpoint } from './postgres-checkpointer';
import { PostgresEventStore } from './postgres-event-store';
import { verifyStore } from './postgres-verify';
import { verifyReportAgainstStore } from './postgres-verify-report';
import { publicKeys, row, signer, tamperScenario, type Scenario } from './tamper-scenario.test-harness';

/**
 * The auditors' tamper tests (issue 6): with a superuser connection, change a payload, delete an event, exchange two
 * events, re-sign a checkpoint with a key that is not trusted. After each: verifyStore fails naming the event (or
 * the checkpoint); a bundle exported before still verifies offline; a bundle exported after, and the earlier
 * bundle edited by hand the same way, fail verifyBundle naming it; a report kept from before fails
 * verifyReportAgainstStore. The scenario (tamper-scenario.test-harness.ts): A and C are one MRN's streams.
 */

/** The bundle with the events of one stream replaced, proofs as they were. */
function editStream(bundle: AuditBundle, streamId: string, edit: (events: RecordedEvent[]) => RecordedEvent[]): AuditBundle {
  return { ...bundle, streams: bundle.streams.map((st) => (st.streamId === streamId ? { ...st, events: edit([...st.events]) } : st)) };
}

/** Exchanges one field's values between two events of a stream. */
function exchange<K extends keyof RecordedEvent>(events: RecordedEvent[], r1: number, r2: number, field: K): RecordedEvent[] {
  const [e1, e2] = [events.find((e) => e.revision === r1), events.find((e) => e.revision === r2)] as RecordedEvent[];
  return events.map((e) => (e === e1 ? { ...e, [field]: e2[field] } : e === e2 ? { ...e, [field]: e1[field] } : e));
}

interface TamperCase {
  readonly name: string;
  /** Superuser SQL, triggers off. */
  sql(s: Scenario): string[];
  /** The same change made by hand to a bundle exported before. */
  editBundle(bundle: AuditBundle, s: Scenario): AuditBundle;
  /** What verifyStore, verifyBundle and verifyReportAgainstStore must name first. */
  named(s: Scenario): Partial<IntegrityProblem>;
}

const cases: TamperCase[] = [
  {
    name: 'a payload changed',
    sql: (s) => [`UPDATE event_store.events SET data = '{"n": 99}' WHERE ${row(s.event('A', 2))}`],
    editBundle: (b, s) => editStream(b, s.event('A', 2).streamId, (es) => es.map((e) => (e.revision === 2 ? { ...e, data: { n: 99 } } : e))),
    named: (s) => ({ kind: 'changed-content', streamId: s.event('A', 2).streamId, revision: 2, eventId: s.event('A', 2).id }),
  },
  {
    name: 'an event deleted',
    sql: (s) => [`DELETE FROM event_store.events WHERE ${row(s.event('A', 2))}`],
    editBundle: (b, s) => editStream(b, s.event('A', 2).streamId, (es) => es.filter((e) => e.revision !== 2)),
    named: (s) => ({ kind: 'removed-event', streamId: s.event('A', 2).streamId, revision: 2 }),
  },
  {
    name: 'two events with their payloads exchanged',
    sql: (s) => [
      `UPDATE event_store.events e SET data = o.data FROM event_store.events o
        WHERE (e.${row(s.event('A', 1))} AND o.${row(s.event('A', 3))}) OR (e.${row(s.event('A', 3))} AND o.${row(s.event('A', 1))})`,
    ],
    editBundle: (b, s) => editStream(b, s.event('A', 1).streamId, (es) => exchange(es, 1, 3, 'data')),
    named: (s) => ({ kind: 'reordered-event', streamId: s.event('A', 1).streamId, revision: 1, eventId: s.event('A', 1).id }),
  },
  {
    name: 'two events with their revisions exchanged',
    // Through a free revision: the (stream, revision) unique index holds even for a superuser.
    sql: (s) => [
      `UPDATE event_store.events SET revision = 1000 WHERE ${row(s.event('A', 2))}`,
      `UPDATE event_store.events SET revision = 2 WHERE ${row(s.event('A', 3))}`,
      `UPDATE event_store.events SET revision = 3 WHERE ${row(s.event('A', 2))}`,
    ],
    editBundle: (b, s) =>
      editStream(b, s.event('A', 2).streamId, (es) => exchange(es, 2, 3, 'revision').sort((x, y) => x.revision - y.revision)),
    named: (s) => ({ kind: 'reordered-event', streamId: s.event('A', 2).streamId, revision: 2, eventId: s.event('A', 3).id }),
  },
  {
    name: 'two events with their places in the log exchanged',
    // Both halves of the position: the log is ordered by transaction first. Through a free position (primary key).
    sql: (s) => {
      const [e1, e3] = [s.event('A', 1), s.event('A', 3)];
      return [
        `UPDATE event_store.events SET position = 1000000, transaction_id = '${e3.position.commit}' WHERE ${row(e1)}`,
        `UPDATE event_store.events SET position = ${e1.position.prepare}, transaction_id = '${e1.position.commit}' WHERE ${row(e3)}`,
        `UPDATE event_store.events SET position = ${e3.position.prepare} WHERE position = 1000000`,
      ];
    },
    editBundle: (b, s) => {
      const [e1, e3] = [s.event('A', 1), s.event('A', 3)];
      const moved = editStream(b, e1.streamId, (es) => exchange(es, 1, 3, 'position'));
      return { ...moved, proofs: { ...b.proofs, [e1.id]: b.proofs[e3.id], [e3.id]: b.proofs[e1.id] } };
    },
    // The event moved ahead of the revision before it.
    named: (s) => ({ kind: 'reordered-event', streamId: s.event('A', 3).streamId, revision: 3, eventId: s.event('A', 3).id }),
  },
];

describe('tamper tests for auditors: store, bundle and kept report', () => {
  let s: Scenario;
  let before: AuditBundle;
  let keptReport: VerificationReport;
  beforeEach(async () => {
    s = await tamperScenario();
    // What an auditor took away before the intrusion: files, read back as such.
    before = auditBundleFromJson(auditBundleToJson(await exportBundle(s.pool, { streamIds: s.mrnStreams })));
    keptReport = verificationReportFromJson(verificationReportToJson(await verifyStore(s.pool, { publicKeys })));
  });
  afterEach(async () => {
    await s?.close();
  });

  it('untouched: everything verifies, and the bundle covers the MRN with the last checkpoint', async () => {
    expect(keptReport).toMatchObject({ ok: true, checkpointsChecked: 3, lastCheckpoint: { id: s.checkpoints[2].id, version: 3 } });
    expect(verifyBundle(before, publicKeys)).toMatchObject({ ok: true, streamsChecked: 2, eventsChecked: 7, proofsVerified: 7, headsVerified: 2 });
    expect(before.checkpoint).toMatchObject({ id: s.checkpoints[2].id, merkleRoot: s.checkpoints[2].merkleRoot });
    expect(await verifyReportAgainstStore(s.pool, keptReport, { publicKeys })).toMatchObject({ ok: true, checkpointsReplayed: 3, eventsChecked: 10 });
  });

  describe.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    beforeEach(async () => {
      await s.tamper(...c.sql(s));
    });

    it('verifyStore fails, naming the event', async () => {
      const report = await verifyStore(s.pool, { publicKeys });
      expect(report.ok).toBe(false);
      expect(report.firstProblem).toMatchObject(c.named(s));
    });

    it('the bundle exported before still verifies offline; one exported after fails, naming the event', async () => {
      expect(verifyBundle(before, publicKeys)).toMatchObject({ ok: true, problems: [] });
      const after = auditBundleFromJson(auditBundleToJson(await exportBundle(s.pool, { streamIds: s.mrnStreams })));
      const report = verifyBundle(after, publicKeys);
      expect(report.ok).toBe(false);
      expect(report.firstProblem).toMatchObject(c.named(s));
    });

    it('the bundle exported before, edited by hand the same way, fails, naming the event', () => {
      const report = verifyBundle(c.editBundle(before, s), publicKeys);
      expect(report.ok).toBe(false);
      expect(report.firstProblem).toMatchObject(c.named(s));
    });

    it('the report kept from before no longer holds against the store, naming the event', async () => {
      const recheck = await verifyReportAgainstStore(s.pool, keptReport, { publicKeys });
      expect(recheck.ok).toBe(false);
      expect(recheck.firstProblem).toMatchObject(c.named(s));
    });
  });

  // A stream's last event leaves no gap in its chain: only the signed heads (claim version 3) show a bundle is short.
  describe("a stream's last event deleted (the MRN's risk stream ends at revision 1)", () => {
    const c1 = () => s.event('C', 1);
    const named = () => ({ kind: 'removed-event', streamId: c1().streamId, revision: 1 });

    it('verifyStore fails: the checkpoint over it no longer gets its count, digest, root or heads', async () => {
      await s.tamper(`DELETE FROM event_store.events WHERE ${row(c1())}`);
      const report = await verifyStore(s.pool, { publicKeys });
      expect(report.firstProblem).toMatchObject({ kind: 'removed-event', checkpointId: s.checkpoints[1].id, mismatched: ['eventCount', 'digest', 'merkleRoot', 'headsRoot'] });
    });

    it('a bundle exported after fails, naming the revision the checkpoint signed as the head', async () => {
      await s.tamper(`DELETE FROM event_store.events WHERE ${row(c1())}`);
      const after = auditBundleFromJson(auditBundleToJson(await exportBundle(s.pool, { streamIds: s.mrnStreams })));
      expect(after.streams.find((st) => st.streamId === c1().streamId)?.events.map((e) => e.revision)).toEqual([0]);
      const report = verifyBundle(after, publicKeys);
      expect(report.ok).toBe(false);
      // The proofs made from the log without it fail too (its leaf is gone, every later one moved); the stream's end leads.
      expect(report.firstProblem).toMatchObject({ ...named(), detail: expect.stringContaining(`signed revision 1 (hash ${c1().hash})`) });
    });

    it('the bundle exported before, its last event of the stream dropped from the file, fails the same way', () => {
      const report = verifyBundle(editStream(before, c1().streamId, (es) => es.filter((e) => e.revision !== 1)), publicKeys);
      expect(report.problems).toEqual([expect.objectContaining(named())]);
      expect(report.headsVerified).toBe(1);
    });
  });

  describe('one stream verified: its chain, and its events proven in the latest checkpoint', () => {
    const b = () => s.event('B', 0).streamId;

    it('untouched: every event proven', async () => {
      const report = await verifyStore(s.pool, { publicKeys, streamId: b() });
      // B0, B1, B2 each in the first checkpoint after it: cp1, cp2, cp3.
      expect(report).toMatchObject({ ok: true, scope: 'streams', proofsVerified: 3, checkpointsChecked: 3, lastCheckpoint: { id: s.checkpoints[2].id } });
      expect(report.checkpoints.map((c) => [c.id, c.verdict])).toEqual(s.checkpoints.map((c) => [c.id, 'matched']));
    });

    it('its last event rewritten with a hash that fits: the chain holds, the proof fails, naming the event', async () => {
      const [b1, b2] = [s.event('B', 1), s.event('B', 2)];
      await s.tamper(`UPDATE event_store.events SET data = '{"n": 99}', hash = '${eventHash({ ...b2, data: { n: 99 } }, b1.hash as string)}' WHERE ${row(b2)}`);
      const report = await verifyStore(s.pool, { publicKeys, streamId: b() });
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([expect.objectContaining({ kind: 'not-in-checkpoint', streamId: b(), revision: 2, eventId: b2.id })]);
      // Only cp3's stretch is blamed: B0 and B1 are proven in the trees of cp1 and cp2, which the rewrite left alone.
      expect(report).toMatchObject({ proofsVerified: 2, lastCheckpoint: null });
      expect(report.checkpoints.map((c) => c.verdict)).toEqual(['matched', 'matched', 'mismatched']);
    });

    it('an event rewritten with a stored hash that fits its own link: named, not the next revision whose link it broke', async () => {
      // A1 (under cp1) rewritten, its hash made to fit; A2 (under cp2) untouched, so its link to A1 no longer holds.
      const [a0, a1, a2] = [s.event('A', 0), s.event('A', 1), s.event('A', 2)];
      await s.tamper(`UPDATE event_store.events SET data = '{"n": 99}', hash = '${eventHash({ ...a1, data: { n: 99 } }, a0.hash as string)}' WHERE ${row(a1)}`);
      // The whole log's walk sees the link that broke and cp1's tree no longer matching; it looks at A alone again.
      const whole = await verifyStore(s.pool, { publicKeys });
      expect(whole.ok).toBe(false);
      expect(whole.firstProblem).toMatchObject({ kind: 'changed-content', revision: 1, eventId: a1.id, detail: expect.stringContaining('rewritten together with its stored hash') });
      expect(whole.problems.filter((p) => p.kind === 'changed-content')).toEqual([expect.objectContaining({ eventId: a1.id })]);
      expect(whole.problems.some((p) => p.eventId === a2.id)).toBe(false);
      expect(whole.checkpoints.find((c) => c.id === s.checkpoints[0].id)?.verdict).toBe('mismatched');
      // One stream: A2's hash is the one cp2 signed (its proof starts from cp1's frontier), A1's is not the one cp1 signed.
      const report = await verifyStore(s.pool, { publicKeys, streamId: a1.streamId });
      // A0 shares A1's tree: its proof fails through A1's leaf, which is said, but it stays listed (it may have changed too).
      expect(report.problems).toEqual([
        expect.objectContaining({ kind: 'not-in-checkpoint', revision: 0, eventId: a0.id, detail: expect.stringContaining('fails it too') }),
        expect.objectContaining({ kind: 'changed-content', revision: 1, eventId: a1.id, detail: expect.stringContaining('rewritten together with its stored hash') }),
      ]);
      expect(report.firstProblem).toMatchObject({ kind: 'changed-content', eventId: a1.id });
    });

    it('events after the latest checkpoint are its uncovered tail, judged by the coverage rule', async () => {
      const store = new PostgresEventStore({ connectionString: s.db.appUrl, poolSize: 1 });
      await store.append(b(), someEvents(2), 2).finally(() => store.close());
      await new Promise((r) => setTimeout(r, 20));
      const fresh = await verifyStore(s.pool, { publicKeys, streamId: b(), maxUncoveredMs: 3_600_000 });
      expect(fresh).toMatchObject({ ok: true, proofsVerified: 3, coverage: { uncoveredEvents: 2, lastCoveringCheckpoint: { id: s.checkpoints[2].id } } });
      const strict = await verifyStore(s.pool, { publicKeys, streamId: b(), maxUncoveredMs: 10 });
      expect(strict.problems).toEqual([expect.objectContaining({ kind: 'uncovered-events', streamId: b(), revision: 3 })]);
    });
  });

  describe('the last event of a stream rewritten with a hash that fits, and the checkpoint over it removed', () => {
    beforeEach(async () => {
      const [b1, b2] = [s.event('B', 1), s.event('B', 2)];
      const hash = eventHash({ ...b2, data: { n: 99 } }, b1.hash as string);
      await s.tamper(
        `UPDATE event_store.events SET data = '{"n": 99}', hash = '${hash}' WHERE ${row(b2)}`,
        `DELETE FROM event_store.integrity_checkpoints WHERE id = ${s.checkpoints[2].id}`,
      );
      // Older than the rule below by the database clock (recorded_at), which the walk compares with the verifier's.
      await new Promise((r) => setTimeout(r, 20));
    });

    it('the chains and the checkpoints left agree: without a coverage rule, verifyStore cannot tell', async () => {
      expect(await verifyStore(s.pool, { publicKeys })).toMatchObject({ ok: true, lastCheckpoint: { id: s.checkpoints[1].id } });
    });

    it('with one, the tail past the last checkpoint left is reported, naming its oldest event', async () => {
      const report = await verifyStore(s.pool, { publicKeys, maxUncoveredMs: 10 });
      expect(report.ok).toBe(false);
      const a4 = s.event('A', 4);
      expect(report.problems).toEqual([expect.objectContaining({ kind: 'uncovered-events', streamId: a4.streamId, revision: 4, eventId: a4.id })]);
      expect(report.coverage).toMatchObject({ uncoveredEvents: 2, maxUncoveredMs: 10, lastCoveringCheckpoint: { id: s.checkpoints[1].id } });
      // The report survives its file, coverage and all.
      expect(verificationReportFromJson(verificationReportToJson(report)).coverage).toEqual(report.coverage);
    });

    it('the report kept from before names the checkpoint that went missing', async () => {
      const recheck = await verifyReportAgainstStore(s.pool, keptReport, { publicKeys });
      expect(recheck.problems).toContainEqual(expect.objectContaining({ kind: 'missing-checkpoint', checkpointId: s.checkpoints[2].id }));
    });
  });

  describe('on a store whose checkpointer signs heartbeats: the same rewrite, the checkpoints after it removed, and the times moved', () => {
    // Verification runs at T (two minutes ahead: nothing waits); the rules: one minute each.
    const T = Date.now() + 120_000;
    const rule = { publicKeys, maxUncoveredMs: 60_000, now: () => new Date(T) };
    beforeEach(async () => {
      // The store was quiet: the checkpointer signed the last checkpoint again shortly before T.
      const beat = await createCheckpoint(s.pool, signer, { heartbeatMs: 60_000, now: () => new Date(T - 10_000) });
      expect(beat).toMatchObject({ created: true, heartbeat: true });
      expect(await verifyStore(s.pool, { ...rule, maxCheckpointAgeMs: 60_000 })).toMatchObject({ ok: true, coverage: { uncoveredEvents: 0 } });
      // B2 rewritten; it and A4 (the events the removed checkpoints covered) recorded "just before T", hashes made to fit.
      const [a3, a4, b1, b2] = [s.event('A', 3), s.event('A', 4), s.event('B', 1), s.event('B', 2)];
      const moved = new Date(T - 5_000).toISOString();
      await s.tamper(
        `UPDATE event_store.events SET recorded_at = '${moved}', hash = '${eventHash({ ...a4, recordedAt: moved }, a3.hash as string)}' WHERE ${row(a4)}`,
        `UPDATE event_store.events SET data = '{"n": 99}', recorded_at = '${moved}', hash = '${eventHash({ ...b2, data: { n: 99 }, recordedAt: moved }, b1.hash as string)}' WHERE ${row(b2)}`,
        `DELETE FROM event_store.integrity_checkpoints WHERE id >= ${s.checkpoints[2].id}`,
      );
    });

    it('the recorded_at rule cannot tell: the uncovered events look recent', async () => {
      expect(await verifyStore(s.pool, rule)).toMatchObject({ ok: true, coverage: { uncoveredEvents: 2 } });
    });

    it('the heartbeat rule can: the newest checkpoint left was signed long before', async () => {
      const report = await verifyStore(s.pool, { ...rule, maxCheckpointAgeMs: 60_000 });
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([expect.objectContaining({ kind: 'stale-checkpoints', checkpointId: s.checkpoints[1].id, position: s.checkpoints[1].position })]);
      expect(report.coverage).toMatchObject({ maxCheckpointAgeMs: 60_000, lastSignedAt: s.checkpoints[1].createdAt });
      expect(verificationReportFromJson(verificationReportToJson(report)).coverage).toEqual(report.coverage);
    });
  });

  describe('the last checkpoint re-signed with a key that is not trusted', () => {
    const stranger = loadCheckpointSigner(generateCheckpointKeyPair().privateKeyPem);
    beforeEach(async () => {
      const target = s.checkpoints[2];
      const resigned = signCheckpoint(target, stranger);
      await s.tamper(`UPDATE event_store.integrity_checkpoints SET signature = '${resigned.signature}', key_id = '${stranger.keyId}' WHERE id = ${target.id}`);
    });
    const named = () => ({ kind: 'unknown-key', checkpointId: s.checkpoints[2].id, position: s.checkpoints[2].position });

    it('verifyStore fails, naming the checkpoint', async () => {
      const report = await verifyStore(s.pool, { publicKeys });
      expect(report.problems).toEqual([expect.objectContaining(named())]);
      expect(report.lastCheckpoint).toMatchObject({ id: s.checkpoints[1].id });
    });

    it('the bundle exported before still verifies; one exported after, or re-signed by hand, fails naming the checkpoint', async () => {
      expect(verifyBundle(before, publicKeys).ok).toBe(true);
      const after = await exportBundle(s.pool, { streamIds: s.mrnStreams });
      expect(verifyBundle(after, publicKeys).problems).toEqual([expect.objectContaining(named())]);
      const byHand = { ...before, checkpoint: signCheckpoint(before.checkpoint, stranger), keyId: stranger.keyId };
      expect(verifyBundle(byHand, publicKeys).problems).toEqual([expect.objectContaining(named())]);
    });

    it('under the trusted key id instead: forged, in the store and in the bundle', async () => {
      const intruder = loadCheckpointSigner(generateCheckpointKeyPair().privateKeyPem);
      const target = s.checkpoints[2];
      await s.tamper(
        `UPDATE event_store.integrity_checkpoints SET signature = '${signCheckpoint(target, { ...intruder, keyId: signer.keyId }).signature}', key_id = '${signer.keyId}' WHERE id = ${target.id}`,
      );
      const forged = { kind: 'forged-checkpoint', checkpointId: target.id };
      expect((await verifyStore(s.pool, { publicKeys })).problems).toEqual([expect.objectContaining(forged)]);
      expect(verifyBundle(await exportBundle(s.pool, { streamIds: s.mrnStreams }), publicKeys).problems).toEqual([expect.objectContaining(forged)]);
    });

    it('the report kept from before no longer holds: the store changed the checkpoint it names', async () => {
      const recheck = await verifyReportAgainstStore(s.pool, keptReport, { publicKeys });
      expect(recheck.ok).toBe(false);
      expect(recheck.problems).toEqual([expect.objectContaining({ kind: 'changed-checkpoint', checkpointId: s.checkpoints[2].id })]);
    });
  });
});
