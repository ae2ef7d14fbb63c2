/**
 * The Member State signal streams on a real PostgreSQL, read through SubscribeSignals with a real grpc-js client:
 * risk events appended to the store as risk-analysis records them, projected by `risk-analysis.signals`. Each case
 * uses Member States of its own, so a stream from the start holds exactly that case's signals.
 */
import { status } from '@grpc/grpc-js';
import type { RiskEvent } from '@ics2/contracts';
import { accessStream, PostgresEventStore, type RecordedEvent } from '@ics2/event-store';
import { ReadModelDatabase } from '@ics2/platform';
import { analysed, assessmentCompleted, bearer, eventually, hit, mrnOf, referralAnswered, referralRequested, RISK_DEFAULTS } from '@ics2/testing';
import { Client } from 'pg';
import { startRiskAnalysis, type RiskAnalysisHarness } from '../risk-analysis.test-harness';
import { SIGNALS_RECHECK_MS } from './signals.reader';
import { SignalsListener } from './signals.listener';
import { projectSignals } from './signals.projection';
import { SignalsSubscription } from './signals.subscription';
import { about, appendRisk, signalsClient, type SignalsClient, type SignalSubscription } from './signals.test-harness';

type Payload = Record<string, unknown> & { hits?: Record<string, unknown>[] };
const payloadOf = (s: { payload_json: string }) => JSON.parse(s.payload_json) as Payload;
const cursors = (sub: SignalSubscription) => sub.signals.map((s) => BigInt(s.cursor));
const increasing = (values: readonly bigint[]) => values.every((v, i) => i === 0 || v > values[i - 1]);

describe('SubscribeSignals', () => {
  let h: RiskAnalysisHarness;
  let store: PostgresEventStore;
  let client: SignalsClient;
  let admin: Client;
  let serial = 7_000;
  const open: SignalSubscription[] = [];
  const recorded: RecordedEvent[] = [];

  const token = (ms: string) => h.service.token({ role: 'member-state', ms, userId: `${ms.toLowerCase()}-risk-1` });
  const subscribe = async (ms: string, after = '') => {
    const sub = client.subscribe(bearer(await token(ms)), after);
    open.push(sub);
    return sub;
  };
  const listener = () => h.service.app.app.get(SignalsListener);
  const caughtUp = () => h.service.app.app.get(SignalsSubscription).caughtUp();
  const append = async (...events: RiskEvent[]) => {
    const out = await appendRisk(store, events);
    recorded.push(...out);
    return out;
  };
  /** A hit analysis of a new ENS (its own risk stream). */
  const hitAnalysis = (rms: string, ims: string[] = []) => {
    const mrn = mrnOf(++serial);
    return analysed({ mrn, rms, ims, hits: [hit({ house: 'HAWB-9', score: 60 })] });
  };
  const signalCount = async (ms: string) => Number((await admin.query<{ n: string }>('SELECT count(*)::text AS n FROM risk_analysis.signals WHERE member_state = $1', [ms])).rows[0].n);

  beforeAll(async () => {
    h = await startRiskAnalysis({ prefix: 'ra_signals' });
    store = new PostgresEventStore({ connectionString: h.db.appUrl });
    client = signalsClient(h.service.app.grpcAddress);
    admin = await h.db.admin();
  }, 60_000);
  afterEach(async () => {
    const streams = open.splice(0);
    streams.forEach((s) => s.cancel());
    await Promise.all(streams.map((s) => s.ended));
    // Each case starts with no stream of an earlier one still watching.
    if (!h.service.app.runtime.shutdown.isShuttingDown) await eventually(() => expect(listener().watching).toBe(0));
  });
  afterAll(async () => {
    client?.close();
    await store?.close();
    await h?.close();
  });

  it('sends a hit to the responsible Member State whole, to each involved one without matched values, and nothing to a third', async () => {
    const de = await subscribe('DE');
    const be = await subscribe('BE');
    const nl = await subscribe('NL');
    const fr = await subscribe('FR');
    const event = hitAnalysis('DE', ['BE', 'NL']);
    const [recordedHit] = await append(event);

    await eventually(() => expect([de, be, nl].map((s) => s.signals.length)).toEqual([1, 1, 1]));
    // Each signal has an id of its own and names the event that raised it.
    expect([de, be, nl].map((s) => s.signals[0].source_event_id)).toEqual([recordedHit.id, recordedHit.id, recordedHit.id]);
    const ids = [de, be, nl].map((s) => s.signals[0].id);
    ids.forEach((id) => expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/));
    expect(new Set(ids).size).toBe(3);
    const again = await subscribe('DE');
    await eventually(() => expect(again.signals.map((s) => s.id)).toEqual([ids[0]]));
    expect(de.signals[0]).toMatchObject({ kind: 'analysis', mrn: event.data.mrn, analysis_id: 'pre-loading-1', phase: 'pre-loading', cursor: '1' });
    expect(payloadOf(de.signals[0]).hits).toEqual([expect.objectContaining({ criterionId: 'eu-sec-001', version: 1, riskArea: 'security', house: 'HAWB-9', score: 60, matched: [{ path: '/condition', kind: 'hsPrefix', values: ['360200'] }] })]);
    for (const involved of [be, nl]) {
      expect(involved.signals[0]).toMatchObject({ kind: 'involved', mrn: event.data.mrn, cursor: '1' });
      expect(payloadOf(involved.signals[0])).toMatchObject({ responsibleMemberState: 'DE', totalScore: 60, hits: [{ criterionId: 'eu-sec-001', version: 1, riskArea: 'security', house: 'HAWB-9', score: 60 }] });
      expect(involved.signals[0].payload_json).not.toMatch(/matched|360200/);
    }

    // FR's first signal is one that concerns FR: the hit above never reached it.
    const forFr = hitAnalysis('FR');
    await append(forFr);
    await eventually(() => expect(fr.signals.map((s) => s.mrn)).toEqual([forFr.data.mrn]));
    expect(de.signals).toHaveLength(1);
  });

  it('records each signal it sends as a read by the unit\'s user, before it leaves, and again when a stream sends it again', async () => {
    const event = hitAnalysis('PT');
    await append(event);
    const reads = async () => (await store.readStream(accessStream(event.data.mrn))).map((e) => ({ data: e.data, actor: e.metadata.actor }));
    const first = await subscribe('PT');
    await eventually(() => expect(first.signals).toHaveLength(1));
    const read = {
      data: expect.objectContaining({ resource: 'risk-signal', id: first.signals[0].id, mrn: event.data.mrn, purpose: 'risk assessment', door: expect.stringContaining('SubscribeSignals') }),
      actor: expect.objectContaining({ kind: 'member-state', memberState: 'PT', userId: 'pt-risk-1' }),
    };
    expect(await reads()).toEqual([read]);
    const again = await subscribe('PT');
    await eventually(() => expect(again.signals).toHaveLength(1));
    expect(await reads()).toEqual([read, read]);
  });

  it('follows an analysis through its answer, mitigation, escalation and outcome, each to whom it concerns', async () => {
    const first = hitAnalysis('AT', ['SI', 'HR']);
    const { mrn } = first.data;
    const completed = about(mrn, assessmentCompleted());
    await append(
      first,
      about(mrn, referralRequested({ reference: `${mrn}-R1` })),
      about(mrn, referralAnswered({ reference: `${mrn}-R1` })),
      { type: 'RiskMitigationAdded', data: { mrn, analysisId: 'pre-loading-1', user: { memberState: 'SI', userId: 'si-risk-1' }, information: 'consignee audited by SI customs', addedAt: RISK_DEFAULTS.at } },
      { type: 'RiskAnalysisEscalated', data: { mrn, analysisId: 'pre-loading-1', phase: 'pre-loading', dueAt: RISK_DEFAULTS.dueAt, escalatedAt: '2026-12-01T10:31:00.000Z' } },
      { ...completed, data: { ...completed.data, user: { memberState: 'AT', userId: 'at-risk-1' }, responsibleMemberState: 'AT', controlRecommendation: { controlType: 'scan', memberState: 'SI', place: 'SI000001' } } },
    );
    await caughtUp();
    const [at, si, hr] = [await subscribe('AT'), await subscribe('SI'), await subscribe('HR')];
    await eventually(() => expect([at, si, hr].map((s) => s.signals.map((x) => x.kind))).toEqual([['analysis', 'referral-answered', 'mitigation', 'escalation'], ['involved', 'closed'], ['involved', 'closed']]));
    expect(payloadOf(at.signals[1])).toEqual({ reference: `${mrn}-R1`, kind: 'RFI', answeredBy: RISK_DEFAULTS.personFiling, answeredAt: RISK_DEFAULTS.at, answer: { information: 'invoice attached' } });
    expect(payloadOf(at.signals[2])).toEqual({ information: 'consignee audited by SI customs', addedBy: 'SI', addedAt: RISK_DEFAULTS.at });
    expect(at.signals.every((s) => s.phase === 'pre-loading' && s.mrn === mrn)).toBe(true);
    expect(payloadOf(si.signals[1])).toEqual({ outcome: 'assessed', by: 'risk-unit', completedAt: RISK_DEFAULTS.at, controlRecommended: true, controlRecommendation: { controlType: 'scan', memberState: 'SI', place: 'SI000001' } });
    expect(payloadOf(hr.signals[1])).toEqual({ outcome: 'assessed', by: 'risk-unit', completedAt: RISK_DEFAULTS.at, controlRecommended: true });
  });

  it('resumes after a disconnect from the last cursor: exactly the signals missed, none twice', async () => {
    for (let i = 0; i < 3; i++) await append(hitAnalysis('IT'));
    const before = await subscribe('IT');
    await eventually(() => expect(before.signals).toHaveLength(3));
    before.cancel();
    expect(await before.ended).toMatchObject({ code: status.CANCELLED });
    const last = before.signals[2].cursor;

    const missed = [hitAnalysis('IT'), hitAnalysis('IT')];
    for (const e of missed) await append(e);
    await caughtUp();
    const after = await subscribe('IT', last);
    await eventually(() => expect(after.signals.map((s) => s.mrn)).toEqual(missed.map((e) => e.data.mrn)));
    // Nothing else is coming from before: the next signal is the next one produced.
    const marker = hitAnalysis('IT');
    await append(marker);
    await eventually(() => expect(after.signals.map((s) => s.mrn)).toEqual([...missed, marker].map((e) => e.data.mrn)));
    expect([...before.signals, ...after.signals].map((s) => s.cursor)).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('delivers a signal produced while subscribed at once, woken by the feed\'s notification rather than the re-check', async () => {
    const es = await subscribe('ES');
    await eventually(() => expect(listener().watching).toBe(1));
    // The stream has read (nothing) and waits: only a notification or its re-check can wake it now.
    const started = Date.now();
    await append(hitAnalysis('ES'));
    await eventually(() => expect(es.signals).toHaveLength(1), SIGNALS_RECHECK_MS * 2);
    expect(Date.now() - started).toBeLessThan(SIGNALS_RECHECK_MS);
    es.cancel();
    await es.ended;
    // The client went: its watch is gone.
    await eventually(() => expect(listener().watching).toBe(0));
  }, 30_000);

  it('adds nothing when the risk events are delivered again', async () => {
    await caughtUp();
    const snapshot = async () => ({
      signals: (await admin.query('SELECT member_state, seq::text, id::text, kind, mrn, analysis_id, phase, created_at, payload, source_event_id::text FROM risk_analysis.signals ORDER BY member_state, seq')).rows,
      sequences: (await admin.query('SELECT member_state, last_seq::text FROM risk_analysis.signal_sequences ORDER BY member_state')).rows,
      analyses: (await admin.query('SELECT * FROM risk_analysis.signal_analyses ORDER BY mrn, analysis_id')).rows,
    });
    const live = await snapshot();
    expect(live.signals.length).toBeGreaterThan(10);
    const readModels = h.service.app.app.get(ReadModelDatabase);
    // Twice over: once in one transaction, once an event per transaction.
    await readModels.inTransaction(async (tx) => {
      for (const e of recorded) await projectSignals(e, tx);
    });
    for (const e of recorded) await readModels.inTransaction((tx) => projectSignals(e, tx));
    expect(await snapshot()).toEqual(live);
  });

  it('refuses a cursor it never gave out (INVALID_ARGUMENT), other roles (PERMISSION_DENIED) and no token (UNAUTHENTICATED)', async () => {
    for (const after of ['abc', '-1', '1.5', '99999999999999999999']) {
      const sub = await subscribe('DE', after);
      expect(await sub.ended).toMatchObject({ code: status.INVALID_ARGUMENT, errorCode: 'RISK.INVALID_MESSAGE' });
      expect(sub.signals).toEqual([]);
    }
    const trader = client.subscribe(bearer(await h.service.token({ role: 'trader', eori: 'DE123456789012345' })));
    expect(await trader.ended).toMatchObject({ code: status.PERMISSION_DENIED });
    const anonymous = client.subscribe(bearer('not-a-token'));
    expect(await anonymous.ended).toMatchObject({ code: status.UNAUTHENTICATED });
  });

  it("refuses a cursor past the Member State's last signal (never given out: another stream's), and resumes from its own last", async () => {
    for (let i = 0; i < 2; i++) await append(hitAnalysis('LV'));
    await caughtUp();
    const lv = await subscribe('LV');
    await eventually(() => expect(lv.signals.map((s) => s.cursor)).toEqual(['1', '2']));
    // A stream that took it would wait, then skip signals 3 to 5 as they came.
    for (const [ms, after] of [['LV', '5'], ['LT', '1']]) {
      const beyond = await subscribe(ms, after);
      expect(await beyond.ended).toMatchObject({ code: status.INVALID_ARGUMENT, errorCode: 'RISK.INVALID_MESSAGE' });
      expect(beyond.signals).toEqual([]);
    }
    const resumed = await subscribe('LV', '2');
    const next = hitAnalysis('LV');
    await append(next);
    await eventually(() => expect(resumed.signals.map((s) => [s.cursor, s.mrn])).toEqual([['3', next.data.mrn]]));
  });

  it('gives a subscriber every signal exactly once, in strictly increasing cursors, while several writers analyse at once', async () => {
    const WRITERS = 6;
    const PER_WRITER = 25;
    const pl = await subscribe('PL');
    const writer = async () => {
      for (let i = 0; i < PER_WRITER; i++) await append(hitAnalysis('PL', ['CZ']));
    };
    await Promise.all(Array.from({ length: WRITERS }, writer));
    await caughtUp();
    const total = WRITERS * PER_WRITER;
    expect(await signalCount('PL')).toBe(total);
    await eventually(() => expect(pl.signals).toHaveLength(total), 20_000);
    expect(new Set(pl.signals.map((s) => s.mrn)).size).toBe(total);
    expect(increasing(cursors(pl))).toBe(true);
    expect(pl.signals.map((s) => s.cursor)).toEqual(Array.from({ length: total }, (_, i) => String(i + 1)));

    // The involved Member State's stream, written by the same transactions, is whole too.
    const cz = await subscribe('CZ');
    await eventually(() => expect(cz.signals).toHaveLength(total));
    expect(new Set(cz.signals.map((s) => s.mrn)).size).toBe(total);
    expect(increasing(cursors(cz))).toBe(true);

    // Counter rows are taken in one order by every transaction: no deadlock was ever resolved by aborting one.
    const { rows } = await admin.query<{ deadlocks: string }>('SELECT deadlocks::text FROM pg_stat_database WHERE datname = current_database()');
    expect(rows[0].deadlocks).toBe('0');
  }, 120_000);

  it('ends open streams when the service shuts down, so shutdown does not wait for them', async () => {
    const pt = await subscribe('PT');
    await eventually(() => expect(listener().watching).toBe(1));
    const started = Date.now();
    await h.service.close();
    const end = await pt.ended;
    // The stream completes in the `stop` phase, before the doors close: the client sees a clean end and resumes elsewhere.
    expect(end.code).toBe(status.OK);
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 30_000);
});
