/**
 * Replay of risk-analysis's read models on a real stack: after complete ENS went through the running service (the
 * intake analyses them; the risk unit asks for information, dismisses a hit, completes, issues a do-not-load over
 * gRPC; the operator answers; a master's house is unlinked after its ENS was assessed, outdating the assessment, and
 * the ENS completed again with a refiled house is analysed anew), ens_filings, analyses and the signal streams rebuilt
 * from the events equal the live ones; a live row changed or deleted behind a projection is named by table and key.
 */
import { randomUUID } from 'node:crypto';
import { ensStream, riskStream, PostgresEventStore, type EventToAppend } from '@ics2/event-store';
import type { EnsEvent, EnsFiling } from '@ics2/contracts';
import { completed, eventually, invalidated, linked, minimalFiling, mrnOf, registered, responsibilityAssigned, sampleFiling } from '@ics2/testing';
import { startRiskAnalysis, type RiskAnalysisHarness } from './risk-analysis.test-harness';
import { replay } from './replay';

const DECLARANT = 'DE123456789012345';
/** The house document of the master B/L lodged here. */
const HOUSE = 'HAWB-LEJ-0701';

describe('risk-analysis read models replay', () => {
  let h: RiskAnalysisHarness;
  let store: PostgresEventStore;
  let serial = 700;
  const mrns: Record<string, string> = {};

  const append = (stream: string, events: EnsEvent[]) =>
    store.append(
      stream,
      events.map((e): EventToAppend => ({ id: randomUUID(), type: e.type, data: e.data, metadata: { schemaVersion: 1, occurredAt: '2026-12-01T10:00:00.000Z', correlationId: stream.slice(4), causationId: null, actor: { kind: 'system', component: 'common-repository' } } })),
      'any',
    );
  /** A complete F20 (as the common repository records it) whose first goods item has HS code `hs`. */
  const lodge = async (hs: string): Promise<string> => {
    const mrn = mrnOf(++serial);
    const sample = sampleFiling('F20', { seed: serial, declarant: DECLARANT, houses: 1, goodsItems: 1 });
    const houses = sample.consignmentMasterLevel!.consignmentHouseLevel.map((c) => ({
      ...c,
      goodsItem: c.goodsItem!.map((g) => ({ ...g, commodity: { ...g.commodity, commodityCode: { harmonizedSystemSubHeadingCode: hs } } })),
    }));
    const filing: EnsFiling = { ...sample, consignmentMasterLevel: { ...sample.consignmentMasterLevel!, consignmentHouseLevel: houses } };
    await append(ensStream(mrn), [registered({ mrn, filing }), responsibilityAssigned({ mrn, rms: 'DE', ims: ['BE'] }), completed({ mrn, phase: 'pre-loading', members: [mrn] })]);
    return mrn;
  };
  /** A house B/L (F15) of HOUSE whose one goods item has HS code `hs` (and a description no criterion looks for). */
  const houseFiling = (hs: string): EnsFiling => {
    const goods = sampleFiling('F20', { seed: serial, declarant: DECLARANT, houses: 1, goodsItems: 1, houseDocuments: [HOUSE] }).consignmentMasterLevel!.consignmentHouseLevel[0].goodsItem!;
    const f = minimalFiling({ type: 'F15', declarant: DECLARANT, houses: [HOUSE] });
    return { ...f, consignmentHouseLevel: f.consignmentHouseLevel!.map((c) => ({ ...c, goodsItem: goods.map((g) => ({ ...g, commodity: { ...g.commodity, descriptionOfGoods: "men's cotton T-shirts", commodityCode: { harmonizedSystemSubHeadingCode: hs } } })) })) };
  };
  /** A master B/L (F12) completed (pre-loading) with a house B/L whose goods have HS code `hs`. */
  const lodgeMaster = async (hs: string): Promise<{ master: string; house: string }> => {
    const [master, house] = [mrnOf(++serial), mrnOf(++serial)];
    await append(ensStream(house), [registered({ mrn: house, filing: houseFiling(hs) })]);
    await append(ensStream(master), [
      registered({ mrn: master, type: 'F12', declarant: DECLARANT, houses: [HOUSE] }),
      responsibilityAssigned({ mrn: master, rms: 'DE', ims: ['BE'] }),
      linked({ mrn: master, linkedMrn: house, linkedLevel: 'house', houseDocument: HOUSE }),
      completed({ mrn: master, phase: 'pre-loading', members: [master, house] }),
    ]);
    return { master, house };
  };
  /** As the common repository records it: the house invalidated, its link released, a refiled one (HS `hs`) completes the ENS again. */
  const refile = async (master: string, oldHouse: string, hs: string): Promise<string> => {
    const newHouse = mrnOf(++serial);
    await append(ensStream(oldHouse), [invalidated({ mrn: oldHouse })]);
    await append(ensStream(newHouse), [registered({ mrn: newHouse, filing: houseFiling(hs) })]);
    const unlinked: EnsEvent = { type: 'EnsFilingUnlinked', data: { mrn: master, unlinkedMrn: oldHouse, houseDocuments: [HOUSE], reason: 'partner-invalidated', unlinkedAt: '2026-12-01T10:00:00.000Z' } };
    await append(ensStream(master), [unlinked, linked({ mrn: master, linkedMrn: newHouse, linkedLevel: 'house', houseDocument: HOUSE }), completed({ mrn: master, phase: 'pre-loading', members: [master, newHouse] })]);
    return newHouse;
  };
  const types = async (mrn: string) => (await store.readStream(riskStream(mrn))).map((e) => e.type);
  // objectContaining, not toMatchObject: a failure then prints the whole answer (its error kind and details).
  const ok = async (call: Promise<unknown>) => expect(await call).toEqual(expect.objectContaining({ ok: true }));

  beforeAll(async () => {
    h = await startRiskAnalysis({ prefix: 'ra_replay' });
    store = new PostgresEventStore({ connectionString: h.db.appUrl });
    mrns['clear'] = await lodge('610910');
    mrns['referred'] = await lodge('360200');
    mrns['dismissed'] = await lodge('360200');
    mrns['stopped'] = await lodge('360200');
    const outdated = await lodgeMaster('610910');
    mrns['outdated'] = outdated.master;
    await eventually(async () => expect(await types(mrns['clear'])).toEqual(['RiskAnalysed', 'RiskAssessmentCompleted']));
    for (const k of ['referred', 'dismissed', 'stopped']) await eventually(async () => expect(await types(mrns[k])).toEqual(['RiskAnalysed']));
    // Assessed at once (no hit), then its house leaves: the assessment is outdated, and the refiled house (a hit)
    // completing the ENS again is analysed anew, for the risk unit.
    await eventually(async () => expect(await types(mrns['outdated'])).toEqual(['RiskAnalysed', 'RiskAssessmentCompleted']));
    mrns['refiled'] = await refile(mrns['outdated'], outdated.house, '360200');
    await eventually(async () => expect(await types(mrns['outdated'])).toEqual(['RiskAnalysed', 'RiskAssessmentCompleted', 'RiskAssessmentOutdated', 'RiskAnalysed']));
    // The decisions read the analyses read model: wait until it has them.
    await eventually(async () => expect(await h.asMemberState('DE', 'GetAnalysis', { mrn: mrns['stopped'], analysis_id: 'pre-loading-1' })).toMatchObject({ ok: true }));

    const referred = mrns['referred'];
    await ok(h.asMemberState('DE', 'RequestInformation', { mrn: referred, analysis_id: 'pre-loading-1', house_documents: [], information: 'the safety data sheet' }));
    await ok(h.asTrader(DECLARANT, 'AnswerReferral', { reference: `${referred}-R1`, message_id: 'rp-1', message_type: 'IE3R02', information: 'SDS attached' }));
    await ok(h.asMemberState('DE', 'CompleteAssessment', { mrn: referred, analysis_id: 'pre-loading-1', control_recommendation: { control_type: 'physical', place: 'DE004700', member_state: 'DE', reason: 'fireworks by air' } }));
    await ok(h.asMemberState('DE', 'DismissHit', { mrn: mrns['dismissed'], analysis_id: 'pre-loading-1', criterion_id: 'eu-sec-001', version: 1, reason: 'known regular shipper' }));
    await ok(h.asMemberState('DE', 'IssueDoNotLoad', { mrn: mrns['stopped'], analysis_id: 'pre-loading-1', house_documents: [], reason: 'detonators declared as toys' }));
    await eventually(async () => expect(await h.asMemberState('DE', 'GetAnalysis', { mrn: mrns['stopped'], analysis_id: 'pre-loading-1' })).toMatchObject({ ok: true, reply: { status: 'do-not-load' } }));
  }, 60_000);

  afterAll(async () => {
    await store?.close();
    await h?.close();
  });

  it("exercises an assessment outdated by a house unlinked from its master, then the refiled ENS's analysis", async () => {
    const master = mrns['outdated'];
    const events = await store.readStream(riskStream(master));
    expect(events.map((e) => [e.type, (e.data as { analysisId: string }).analysisId])).toEqual([
      ['RiskAnalysed', 'pre-loading-1'],
      ['RiskAssessmentCompleted', 'pre-loading-1'],
      ['RiskAssessmentOutdated', 'pre-loading-1'],
      ['RiskAnalysed', 'pre-loading-2'],
    ]);
    expect(events[3].data).toMatchObject({ trigger: 'ens-recompleted', members: [master, mrns['refiled']], hits: [expect.objectContaining({ criterionId: 'eu-sec-001' })] });
    // The live row of the outdated analysis reflects the RiskAssessmentOutdated (its revision) and stays assessed: the
    // replay runs the same projection, so one that skipped the event would still replay equal to the live rows.
    const owner = await h.db.admin();
    const rows = async () => (await owner.query(`SELECT analysis_id, status, revision FROM risk_analysis.analyses WHERE mrn = $1 ORDER BY analysis_id`, [master])).rows;
    await eventually(async () =>
      expect(await rows()).toEqual([
        { analysis_id: 'pre-loading-1', status: 'assessed', revision: events[2].revision },
        { analysis_id: 'pre-loading-2', status: 'awaiting-risk-unit', revision: events[3].revision },
      ]),
    );
  });

  it('rebuilds every read model from the events equal to the live one', async () => {
    const report = await replay(h.db.adminUrl, h.db.appUrl);
    expect(report).toMatchObject({ service: 'risk-analysis', equal: true });
    expect(report.readModels.map((r) => [r.readModel, r.liveCaughtUp, r.tables.map((t) => [t.table, t.liveRows > 0, t.missing + t.extra + t.different])])).toEqual([
      ['risk-analysis.ens-filings', true, [['risk_analysis.ens_filings', true, 0]]],
      ['risk-analysis.analyses', true, [['risk_analysis.analyses', true, 0]]],
      [
        'risk-analysis.signals',
        true,
        [
          ['risk_analysis.signals', true, 0],
          ['risk_analysis.signal_sequences', true, 0],
          ['risk_analysis.signal_analyses', true, 0],
        ],
      ],
    ]);
  });

  describe('after live rows were changed behind the projections', () => {
    let signal: { member_state: string; id: string };

    beforeAll(async () => {
      const owner = await h.db.admin();
      await owner.query(`UPDATE risk_analysis.analyses SET status = 'assessed' WHERE mrn = $1`, [mrns['stopped']]);
      [signal] = (await owner.query<{ member_state: string; id: string }>(`SELECT member_state, id::text FROM risk_analysis.signals WHERE mrn = $1 LIMIT 1`, [mrns['referred']])).rows;
      await owner.query(`DELETE FROM risk_analysis.signals WHERE member_state = $1 AND id = $2`, [signal.member_state, signal.id]);
    });

    it('reports the changed analysis as different and the deleted signal as missing, by table and key', async () => {
      const analyses = await replay(h.db.adminUrl, h.db.appUrl, 'risk-analysis.analyses');
      expect(analyses.equal).toBe(false);
      expect(analyses.readModels[0].tables[0]).toMatchObject({
        table: 'risk_analysis.analyses',
        different: 1,
        samples: [{ kind: 'different', key: { mrn: mrns['stopped'], analysis_id: 'pre-loading-1' }, columns: [{ column: 'status', live: 'assessed', replayed: 'do-not-load' }] }],
      });
      const signals = await replay(h.db.adminUrl, h.db.appUrl, 'risk-analysis.signals');
      expect(signals.equal).toBe(false);
      const [items, sequences] = signals.readModels[0].tables;
      expect(items).toMatchObject({ table: 'risk_analysis.signals', missing: 1, extra: 0, different: 0, samples: [{ kind: 'missing', key: signal }] });
      // The counter was not touched: it still counts the deleted signal, as the replay's does.
      expect(sequences).toMatchObject({ table: 'risk_analysis.signal_sequences', missing: 0, different: 0 });
    });
  });
});
