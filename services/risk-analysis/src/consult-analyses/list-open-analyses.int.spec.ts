/**
 * ListOpenAnalyses on a real PostgreSQL: analyses appended to the store as the analyse step writes them, several
 * with the same analysed_at (an ENS's two phases analysed in one instant), in an order unlike the queue's. The queue
 * comes oldest first, then by MRN, then pre-loading before pre-arrival; the phase filter keeps one phase's; an
 * unknown phase is refused with a pointer.
 */
import { randomUUID } from 'node:crypto';
import type { RiskAnalysed } from '@ics2/contracts';
import { PostgresEventStore, riskStream, type EventToAppend } from '@ics2/event-store';
import { ManualClock } from '@ics2/platform';
import { analysed, eventually, mrnOf, RISK_DEFAULTS } from '@ics2/testing';
import { startRiskAnalysis, type RiskAnalysisHarness } from '../risk-analysis.test-harness';

type Queue = { analyses: { mrn: string; analysis_id: string; phase: string; analysed_at: string }[] };

describe('ListOpenAnalyses', () => {
  let h: RiskAnalysisHarness;
  let store: PostgresEventStore;
  const [earlier, first, second] = [mrnOf(871), mrnOf(872), mrnOf(873)];
  const EARLIER_AT = '2026-12-01T09:59:00.000Z';

  const append = (event: RiskAnalysed) =>
    store.append(
      riskStream(event.data.mrn),
      [{ id: randomUUID(), type: event.type, data: event.data, metadata: { schemaVersion: 1, occurredAt: event.data.analysedAt, correlationId: event.data.mrn, causationId: null, actor: { kind: 'system', component: 'risk-analysis' } } } as EventToAppend],
      'any',
    );

  beforeAll(async () => {
    // A still clock: two calls compared whole give the same age_seconds (on the real one a second could tick between).
    h = await startRiskAnalysis({ prefix: 'ra_queue', clock: new ManualClock(new Date('2026-12-03T12:00:00.000Z')) });
    store = new PostgresEventStore({ connectionString: h.db.appUrl });
    // Appended pre-arrival before pre-loading, the later MRN first: the order the queue must not follow.
    await append(analysed({ mrn: second, phase: 'pre-arrival' }));
    await append(analysed({ mrn: first, phase: 'pre-arrival' }));
    await append(analysed({ mrn: second, phase: 'pre-loading' }));
    await append(analysed({ mrn: first, phase: 'pre-loading' }));
    const old = analysed({ mrn: earlier, phase: 'pre-arrival' });
    await append({ ...old, data: { ...old.data, analysedAt: EARLIER_AT } });
    await eventually(async () => expect((await queue()).analyses).toHaveLength(5));
  }, 60_000);
  afterAll(async () => {
    await store.close();
    await h.close();
  });

  async function queue(request: object = {}): Promise<Queue> {
    const r = await h.asMemberState<Queue>(RISK_DEFAULTS.rms, 'ListOpenAnalyses', { limit: 100, ...request });
    expect(r.ok).toBe(true);
    return r.ok ? r.reply : { analyses: [] };
  }
  const listed = (q: Queue) => q.analyses.map((a) => [a.mrn, a.phase]);

  it('lists analyses of one instant by MRN, pre-loading before pre-arrival, after the older ones', async () => {
    expect(first < second).toBe(true);
    const q = await queue();
    expect(q.analyses.map((a) => a.analysed_at)).toEqual([EARLIER_AT, RISK_DEFAULTS.at, RISK_DEFAULTS.at, RISK_DEFAULTS.at, RISK_DEFAULTS.at]);
    expect(listed(q)).toEqual([
      [earlier, 'pre-arrival'],
      [first, 'pre-loading'],
      [first, 'pre-arrival'],
      [second, 'pre-loading'],
      [second, 'pre-arrival'],
    ]);
    expect(listed(await queue({ limit: 2 }))).toEqual([
      [earlier, 'pre-arrival'],
      [first, 'pre-loading'],
    ]);
  });

  it('keeps one phase when asked, in the same order, and both when the phase is empty', async () => {
    expect(listed(await queue({ phase: 'pre-loading' }))).toEqual([
      [first, 'pre-loading'],
      [second, 'pre-loading'],
    ]);
    expect(listed(await queue({ phase: 'pre-arrival' }))).toEqual([
      [earlier, 'pre-arrival'],
      [first, 'pre-arrival'],
      [second, 'pre-arrival'],
    ]);
    expect(await queue({ phase: '' })).toEqual(await queue());
  });

  it('refuses a page size out of range (12 at /limit) rather than bending it to one analysis or to a thousand', async () => {
    for (const limit of [-1, 1_001]) {
      expect(await h.asMemberState('DE', 'ListOpenAnalyses', { limit })).toMatchObject({ ok: false, kind: 'validation', errorCode: 'RISK.INVALID_MESSAGE', details: [{ validationCode: '12', pointer: '/limit' }] });
    }
    expect(listed(await queue({ limit: 0 }))).toHaveLength(5);
  });

  it('refuses a phase that is not one, with a pointer', async () => {
    expect(await h.asMemberState('DE', 'ListOpenAnalyses', { limit: 10, phase: 'pre-departure' })).toMatchObject({
      ok: false,
      kind: 'validation',
      errorCode: 'RISK.INVALID_MESSAGE',
      details: [{ validationCode: '12', pointer: '/phase' }],
    });
  });
});
