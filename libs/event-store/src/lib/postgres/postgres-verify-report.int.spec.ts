// Spec-only cycle: libs/testing builds its databases with this library's migrations; nothing ships it.
import { eventually } from '../../testing';
import { someEvents } from '../contract/contract-fixtures';
import { eventHash } from '../integrity/hash-chain';
import { verificationReportFromJson, verificationReportToJson } from '../integrity/verification-report-json';
import type { RecordedEvent } from '../recorded-event';
import { createCheckpoint } from './postgres-checkpointer';
import { PostgresEventStore } from './postgres-event-store';
import { verifyStore } from './postgres-verify';
import { verifyReportAgainstStore } from './postgres-verify-report';
import { publicKeys, row, signer, tamperScenario, type Scenario } from './tamper-scenario.test-harness';

/** Reports kept as files and checked against the store later (the tamper cases themselves: postgres-audit-tamper). */
describe('a kept verification report, checked against the store later', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await tamperScenario();
  });
  afterEach(async () => {
    await s?.close();
  });

  const keep = async (options: { streamId?: string } = {}) =>
    verificationReportFromJson(verificationReportToJson(await verifyStore(s.pool, { publicKeys, ...options })));

  it('keeps the checkpoints it checked, with signatures and key ids, and where it ended', async () => {
    const report = await keep();
    expect(report.checkpoints).toEqual(
      s.checkpoints.map((c) => expect.objectContaining({ id: c.id, signature: c.signature, keyId: c.keyId, merkleRoot: c.merkleRoot, verdict: 'matched' })),
    );
    expect(report.logHead).toEqual({
      position: s.events[s.events.length - 1].position,
      eventCount: 10,
      digest: s.checkpoints[2].digest,
      merkleRoot: s.checkpoints[2].merkleRoot,
    });
    expect(report.verifiedAt).toEqual(expect.any(String));
  });

  /** Appends to a stream of the scenario, as the application would. */
  const append = async (streamId: string, count: number, expected: number) => {
    const store = new PostgresEventStore({ connectionString: s.db.appUrl, poolSize: 1 });
    try {
      return await store.append(streamId, someEvents(count), expected);
    } finally {
      await store.close();
    }
  };

  it('still holds after the store grew: appends and checkpoints since do not rewrite anything', async () => {
    const report = await keep();
    await append(s.event('A', 0).streamId, 2, 4);
    await createCheckpoint(s.pool, signer);
    expect(await verifyReportAgainstStore(s.pool, report, { publicKeys })).toMatchObject({ ok: true, problems: [], eventsChecked: 10 });
  });

  it('fails when a checkpoint it names was deleted, and still replays the kept one', async () => {
    const report = await keep();
    await s.tamper(`DELETE FROM event_store.integrity_checkpoints WHERE id = ${s.checkpoints[1].id}`);
    const recheck = await verifyReportAgainstStore(s.pool, report, { publicKeys });
    expect(recheck.problems).toEqual([expect.objectContaining({ kind: 'missing-checkpoint', checkpointId: s.checkpoints[1].id })]);
    expect(recheck.checkpointsReplayed).toBe(3);
  });

  it('fails for a report edited by hand: its checkpoint no longer verifies, nor matches the store', async () => {
    const report = await keep();
    const edited = { ...report, checkpoints: report.checkpoints.map((c, i) => (i === 1 ? { ...c, eventCount: c.eventCount - 1 } : c)) };
    const recheck = await verifyReportAgainstStore(s.pool, edited, { publicKeys });
    expect(recheck.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'forged-checkpoint', checkpointId: s.checkpoints[1].id }),
        expect.objectContaining({ kind: 'changed-checkpoint', checkpointId: s.checkpoints[1].id }),
      ]),
    );
  });

  it('fails for a report whose list entry of its anchor was edited by hand, the anchor itself left as it was', async () => {
    const report = await keep();
    const anchor = report.checkpoints.findIndex((c) => c.id === report.lastCheckpoint?.id);
    expect(anchor).toBeGreaterThanOrEqual(0);
    const edited = { ...report, checkpoints: report.checkpoints.map((c, i) => (i === anchor ? { ...c, digest: report.checkpoints[0].digest } : c)) };
    const recheck = await verifyReportAgainstStore(s.pool, edited, { publicKeys });
    expect(recheck.ok).toBe(false);
    expect(recheck.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'forged-checkpoint', checkpointId: report.lastCheckpoint?.id }),
        expect.objectContaining({ kind: 'changed-checkpoint', checkpointId: report.lastCheckpoint?.id }),
      ]),
    );
  });

  describe('events after its last checkpoint (signed by nothing, recorded by the report)', () => {
    let report: Awaited<ReturnType<typeof keep>>;
    let unsigned: RecordedEvent;
    beforeEach(async () => {
      const written = await append(s.event('B', 0).streamId, 1, 2);
      const store = new PostgresEventStore({ connectionString: s.db.appUrl, poolSize: 1 });
      try {
        unsigned = (await eventually(async () => (await store.readAll()).find((e) => e.position.prepare === written.position.prepare))) as RecordedEvent;
      } finally {
        await store.close();
      }
      report = await keep();
      expect(report.logHead?.eventCount).toBe(11);
    });

    it('rewritten together with its hash: only the report sees it, and says so', async () => {
      const forged = { ...unsigned, data: { n: 99 } };
      const hash = eventHash(forged, s.event('B', 2).hash as string);
      await s.tamper(`UPDATE event_store.events SET data = '{"n": 99}', hash = '${hash}' WHERE ${row(unsigned)}`);
      expect((await verifyStore(s.pool, { publicKeys })).ok).toBe(true);
      const recheck = await verifyReportAgainstStore(s.pool, report, { publicKeys });
      expect(recheck.problems).toEqual([expect.objectContaining({ kind: 'report-mismatch', position: unsigned.position, mismatched: ['digest', 'merkleRoot'] })]);
    });

    it('deleted: the log no longer holds what the report counted', async () => {
      await s.tamper(`DELETE FROM event_store.events WHERE ${row(unsigned)}`);
      const recheck = await verifyReportAgainstStore(s.pool, report, { publicKeys });
      expect(recheck.problems).toEqual([expect.objectContaining({ kind: 'removed-event', position: unsigned.position })]);
    });
  });

  describe('of one stream', () => {
    it('holds while the stream is as it was, even when it grew', async () => {
      const report = await keep({ streamId: s.event('A', 0).streamId });
      expect(report).toMatchObject({ scope: 'streams', streamId: s.event('A', 0).streamId, streamHeads: [{ revision: 4, eventId: s.event('A', 4).id }] });
      await append(s.event('A', 0).streamId, 1, 4);
      expect(await verifyReportAgainstStore(s.pool, report, { publicKeys })).toMatchObject({ ok: true, eventsChecked: 5 });
    });

    it('fails when its last event was rewritten with its hash, naming it', async () => {
      const report = await keep({ streamId: s.event('A', 0).streamId });
      const last = s.event('A', 4);
      const hash = eventHash({ ...last, data: { n: 99 } }, s.event('A', 3).hash as string);
      await s.tamper(`UPDATE event_store.events SET data = '{"n": 99}', hash = '${hash}' WHERE ${row(last)}`);
      const recheck = await verifyReportAgainstStore(s.pool, report, { publicKeys });
      expect(recheck.problems).toEqual([expect.objectContaining({ kind: 'changed-content', streamId: last.streamId, revision: 4, eventId: last.id })]);
    });

    it('fails when an event in it was deleted, naming the revision', async () => {
      const report = await keep({ streamId: s.event('A', 0).streamId });
      await s.tamper(`DELETE FROM event_store.events WHERE ${row(s.event('A', 1))}`);
      const recheck = await verifyReportAgainstStore(s.pool, report, { publicKeys });
      expect(recheck.firstProblem).toMatchObject({ kind: 'removed-event', streamId: s.event('A', 1).streamId, revision: 1 });
    });
  });
});
