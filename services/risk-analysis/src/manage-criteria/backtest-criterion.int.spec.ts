/**
 * BacktestCriterion through the real door, on a real PostgreSQL: a Member State's backtest counts, and samples, only
 * the ENS its Member State is responsible or involved for; the Commission's counts them all.
 */
import { randomUUID } from 'node:crypto';
import { ensStream, PostgresEventStore, type EventToAppend } from '@ics2/event-store';
import type { EnsEvent, EnsFiling } from '@ics2/contracts';
import { completed, eventually, mrnOf, registered, responsibilityAssigned, sampleFiling } from '@ics2/testing';
import { startRiskAnalysis, type RiskAnalysisHarness } from '../risk-analysis.test-harness';

const PERIOD = { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' };
const DETONATORS = { id: 'eu-sec-960', version: 1, title: 'Detonators', riskArea: 'security', phases: ['pre-loading'], validFrom: '2026-12-01T00:00:00Z', owner: { kind: 'eu' }, score: 50, condition: { kind: 'hsPrefix', prefixes: ['3603'] } };

describe('backtest-criterion', () => {
  let h: RiskAnalysisHarness;
  let store: PostgresEventStore;
  let serial = 800;

  /** A complete F20 of HS 3603 registered in the period, with its responsible and involved Member States. */
  const lodge = async (rms: string, ims: string[]): Promise<string> => {
    const mrn = mrnOf(++serial);
    const sample = sampleFiling('F20', { seed: serial, houses: 1, goodsItems: 1 });
    const houses = sample.consignmentMasterLevel!.consignmentHouseLevel.map((house) => ({
      ...house,
      goodsItem: house.goodsItem!.map((g) => ({ ...g, commodity: { ...g.commodity, commodityCode: { harmonizedSystemSubHeadingCode: '360300' } } })),
    }));
    const filing: EnsFiling = { ...sample, consignmentMasterLevel: { ...sample.consignmentMasterLevel!, consignmentHouseLevel: houses } };
    const at = '2026-11-10T08:00:00.000Z';
    const events: EnsEvent[] = [registered({ mrn, filing, at }), responsibilityAssigned({ mrn, rms, ims }), completed({ mrn, phase: 'pre-loading', members: [mrn], at })];
    await store.append(
      ensStream(mrn),
      events.map((e): EventToAppend => ({ id: randomUUID(), type: e.type, data: e.data, metadata: { schemaVersion: 1, occurredAt: at, correlationId: mrn, causationId: null, actor: { kind: 'system', component: 'common-repository' } } })),
      'no-stream',
    );
    return mrn;
  };
  const backtest = (reply: Promise<{ ok: boolean; reply?: unknown }>) => reply.then((r) => (r.ok ? (r.reply as { filings: number; hit: number; sample_mrns: string[] }) : r));

  let german: string;
  let involvingGermany: string;
  let french: string;

  beforeAll(async () => {
    h = await startRiskAnalysis({ prefix: 'ra_backtest' });
    store = new PostgresEventStore({ connectionString: h.db.appUrl });
    german = await lodge('DE', ['BE']);
    involvingGermany = await lodge('NL', ['DE']);
    french = await lodge('FR', ['IT']);
    const request = { criterion_json: JSON.stringify(DETONATORS), ...PERIOD };
    await eventually(async () => expect(await backtest(h.asAdmin('BacktestCriterion', request))).toMatchObject({ filings: 3, hit: 3 }));
  }, 60_000);
  afterAll(async () => {
    await store.close();
    await h.close();
  });

  it("counts and samples for a Member State only the ENS it is responsible or involved for: another's are not revealed", async () => {
    const request = { criterion_json: JSON.stringify(DETONATORS), ...PERIOD };
    const asGermany = await backtest(h.asMemberState('DE', 'BacktestCriterion', request));
    expect(asGermany).toEqual({ filings: 2, hit: 2, sample_mrns: [german, involvingGermany].sort() });
    expect(await backtest(h.asMemberState('FR', 'BacktestCriterion', request))).toEqual({ filings: 1, hit: 1, sample_mrns: [french] });
    expect(await backtest(h.asMemberState('PL', 'BacktestCriterion', request))).toEqual({ filings: 0, hit: 0, sample_mrns: [] });
    // The Commission's backtest runs over every ENS of the period.
    expect(await backtest(h.asAdmin('BacktestCriterion', request))).toEqual({ filings: 3, hit: 3, sample_mrns: [german, involvingGermany, french].sort() });
  });

  it('refuses a period whose ends are not ISO-8601 UTC instants (12 at /from or /to), which Date.parse would have taken', async () => {
    const criterion_json = JSON.stringify(DETONATORS);
    for (const from of ['1', 'November 1, 2026', '2026-11-01']) {
      expect(await h.asAdmin('BacktestCriterion', { criterion_json, from, to: PERIOD.to })).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: '12', pointer: '/from' }] });
    }
    expect(await h.asAdmin('BacktestCriterion', { criterion_json, from: PERIOD.from, to: '2030' })).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: '12', pointer: '/to' }] });
  });
});
