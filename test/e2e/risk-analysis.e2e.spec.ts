/**
 * Risk analysis end to end (issue 4), through the real doors only: operators file through trader-interface and read
 * their inbox; Member State risk units follow their signal stream and decide over risk-analysis's gRPC door.
 * No hit: IE3N03 at once. A hit: the signal, a request for information, the operator's answer, the assessment with
 * a control recommendation. The HRCM screening loop, do-not-load, re-analysis after an amendment (the risk unit told
 * its analysis is superseded), a signal stream resumed from its cursor, and what each Member State may see and do.
 */
import { airPlaciScenario, airPreArrivalScenario, bearer, eventually } from '@ics2/testing';
import type { EnsFiling, riskAnalysisV1 } from '@ics2/contracts';
import { signalsClient, type SignalsClient } from '../../services/risk-analysis/src/signals/signals.test-harness';
import { airFilingWith, file, inbox, inboxOf, openAnalysisOf } from '../support/e2e-filings';
import { startStack, type FullStack, type MemberStateAgent, type TraderAgent } from '../support/stack-harness';

const DECLARANT = 'DE123456789012345';
const CARRIER = 'LU987654321000';
const STRANGER = 'IT999999999000';
const FORWARDER = 'FR55555555500';

type Analysis = riskAnalysisV1.AnalysisView;

describe('risk analysis end to end', () => {
  let stack: FullStack;
  let declarant: TraderAgent;
  let carrier: TraderAgent;
  let stranger: TraderAgent;
  let de: MemberStateAgent;
  let signals: SignalsClient;
  let seed = 4_000;

  beforeAll(async () => {
    stack = await startStack({ prefix: 'e2e_risk', full: true });
    [declarant, carrier, stranger] = await Promise.all([DECLARANT, CARRIER, STRANGER].map((e) => stack.trader(e)));
    de = await stack.memberState('DE');
    signals = signalsClient(stack.riskAnalysis.app.grpcAddress);
  }, 120_000);
  afterAll(async () => {
    signals?.close();
    await stack?.close();
  });

  const fileWith = async (hs: string, o: { houseDocument?: string; routedThrough?: string } = {}): Promise<{ mrn: string; filing: EnsFiling }> => {
    const filing = airFilingWith(hs, { seed: ++seed, declarant: DECLARANT, carrier: CARRIER, ...o });
    return { mrn: await file(declarant, filing), filing };
  };
  const openAnalysis = (mrn: string, phase?: 'pre-loading' | 'pre-arrival'): Promise<Analysis> => openAnalysisOf(de, mrn, phase);

  it('assesses an ENS that hits nothing at once: IE3N03 reaches the person filing and the carrier', async () => {
    const { mrn } = await fileWith('610910');
    await eventually(async () => {
      expect((await inboxOf(declarant, mrn, 'IE3N03')).length).toBeGreaterThan(0);
      expect((await inboxOf(carrier, mrn, 'IE3N03')).length).toBeGreaterThan(0);
    }, 15_000);
    const [n03] = await inboxOf(declarant, mrn, 'IE3N03');
    expect(n03.payload).toMatchObject({ mrn, responsibleMemberState: 'DE', controlRecommended: false });
    expect(await inboxOf(stranger, mrn, 'IE3N03')).toEqual([]);
  });

  it('signals a hit to the responsible risk unit, which asks for information, reads the answer and completes with a control recommendation', async () => {
    const subscription = signals.subscribe(bearer(de.token));
    try {
      const { mrn } = await fileWith('360200');
      const analysis = await openAnalysis(mrn);
      expect(JSON.parse(analysis.hits_json)).toEqual([expect.objectContaining({ criterionId: 'eu-sec-001', riskArea: 'security' })]);
      await eventually(() => expect(subscription.signals.filter((s) => s.mrn === mrn && s.kind === 'analysis').length).toBeGreaterThan(0));
      // Nothing is told to the operators while the risk unit works: no IE3N03 yet.
      expect(await inboxOf(declarant, mrn, 'IE3N03')).toEqual([]);

      const rfi = await de.risk<riskAnalysisV1.DecisionReply>('RequestInformation', { mrn, analysis_id: analysis.analysis_id, house_documents: [], information: 'the safety data sheet of the goods' });
      expect(rfi).toMatchObject({ ok: true, reply: { reference: `${mrn}-R1` } });
      await eventually(async () => {
        expect(await inboxOf(declarant, mrn, 'IE3Q02')).toEqual([expect.objectContaining({ payload: expect.objectContaining({ reference: `${mrn}-R1`, information: 'the safety data sheet of the goods' }) })]);
        expect(await inboxOf(carrier, mrn, 'IE3N04')).toHaveLength(1);
      });

      // A stranger's answer is not found; the person filing's goes through, once.
      expect((await stranger.post(`/v1/referrals/${mrn}-R1/answer`, { messageType: 'IE3R02', information: 'attached' })).status).toBe(404);
      const answer = await declarant.post(`/v1/referrals/${mrn}-R1/answer`, { messageType: 'IE3R02', information: 'SDS attached: fireworks, UN0336, 1.4G' }, { 'idempotency-key': `rfi-${mrn}` });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ messageType: 'IE3R02', mrn, reference: `${mrn}-R1` });
      // The stranger re-sending that very answer (same Idempotency-Key) is still not found: no replay of another's reply.
      const copied = await stranger.post(`/v1/referrals/${mrn}-R1/answer`, { messageType: 'IE3R02', information: 'SDS attached: fireworks, UN0336, 1.4G' }, { 'idempotency-key': `rfi-${mrn}` });
      expect(copied.status).toBe(404);
      await eventually(() => expect(subscription.signals.filter((s) => s.mrn === mrn && s.kind === 'referral-answered')).toHaveLength(1));
      const answered = subscription.signals.find((s) => s.mrn === mrn && s.kind === 'referral-answered')!;
      expect(JSON.parse(answered.payload_json)).toMatchObject({ reference: `${mrn}-R1`, answer: { information: 'SDS attached: fireworks, UN0336, 1.4G' } });

      const done = await de.risk('CompleteAssessment', { mrn, analysis_id: analysis.analysis_id, control_recommendation: { control_type: 'physical', place: 'DE004700', member_state: 'DE', reason: 'fireworks by air' } });
      expect(done).toMatchObject({ ok: true, reply: { status: 'assessed' } });
      await eventually(async () => expect(await inboxOf(declarant, mrn, 'IE3N03')).toEqual([expect.objectContaining({ payload: expect.objectContaining({ controlRecommended: true }) })]));
      // The operator learns that a control is recommended, never the risk reason.
      expect(JSON.stringify((await inboxOf(declarant, mrn, 'IE3N03'))[0].payload)).not.toContain('fireworks by air');
    } finally {
      subscription.cancel();
    }
  });

  it('runs the HRCM loop: a screening request (IE3Q03, IE3N05), the IE3R03 answer, an IE3R02 to it refused', async () => {
    // The house document to screen (mandatory in IE3Q03) must be the consignment's own.
    const house = 'HAWB-LEJ-0001';
    const { mrn } = await fileWith('360400', { houseDocument: house });
    const analysis = await openAnalysis(mrn);
    const rfs = await de.risk<riskAnalysisV1.DecisionReply>('RequestScreening', { mrn, analysis_id: analysis.analysis_id, house_documents: [house], recommended_methods: ['XRY', 'EDD'] });
    expect(rfs).toMatchObject({ ok: true, reply: { reference: `${mrn}-R1` } });
    await eventually(async () => {
      expect(await inboxOf(declarant, mrn, 'IE3Q03')).toEqual([expect.objectContaining({ payload: expect.objectContaining({ recommendedMethods: ['XRY', 'EDD'] }) })]);
      expect(await inboxOf(carrier, mrn, 'IE3N05')).toHaveLength(1);
    });
    const wrong = await declarant.post(`/v1/referrals/${mrn}-R1/answer`, { messageType: 'IE3R02', information: 'screened' });
    expect(wrong.status).toBe(409);
    expect(wrong.body).toMatchObject({ messageType: 'IE3N01', errors: [{ validationCode: '12', pointer: '/messageType' }] });
    const screened = await declarant.post(`/v1/referrals/${mrn}-R1/answer`, { messageType: 'IE3R03', screeningResult: 'clear', screeningMethods: ['XRY', 'EDD'], additionalInformation: 'screened by the regulated agent' });
    expect(screened.status).toBe(200);
    await eventually(async () => expect((await de.risk<Analysis>('GetAnalysis', { mrn, analysis_id: analysis.analysis_id })).ok).toBe(true));
    expect(await de.risk('CompleteAssessment', { mrn, analysis_id: analysis.analysis_id })).toMatchObject({ ok: true, reply: { status: 'assessed' } });
  });

  it('issues do not load: IE3Q01 to the carrier, final for the consignment (its open pre-arrival analysis closes too)', async () => {
    const { mrn } = await fileWith('360100');
    const openOf = async () => {
      const open = await de.risk<riskAnalysisV1.ListOpenAnalysesReply>('ListOpenAnalyses', { limit: 1000 });
      return open.ok ? open.reply.analyses.filter((a) => a.mrn === mrn).map((a) => a.analysis_id).sort() : [];
    };
    // An F20 is analysed in both phases: both wait for the risk unit before the do-not-load.
    await eventually(async () => expect(await openOf()).toEqual(['pre-arrival-1', 'pre-loading-1']), 15_000);
    const analysis = { analysis_id: 'pre-loading-1' };
    expect(await de.risk('IssueDoNotLoad', { mrn, analysis_id: analysis.analysis_id, house_documents: [], reason: 'detonators declared as toys' })).toMatchObject({ ok: true, reply: { status: 'do-not-load' } });
    await eventually(async () => expect(await inboxOf(carrier, mrn, 'IE3Q01')).toHaveLength(1));
    expect(JSON.stringify((await inboxOf(carrier, mrn, 'IE3Q01'))[0].payload)).not.toContain('detonators');
    expect(await de.risk('CompleteAssessment', { mrn, analysis_id: analysis.analysis_id })).toMatchObject({ ok: false, kind: 'precondition', details: [{ validationCode: '92' }] });
    expect(await de.risk('CompleteAssessment', { mrn, analysis_id: 'pre-arrival-1' })).toMatchObject({ ok: false, kind: 'precondition', details: [{ validationCode: '92' }] });
    await eventually(async () => expect(await openOf()).toEqual([]));
    expect(await inboxOf(carrier, mrn, 'IE3N03')).toEqual([]);
  });

  it('re-analyses the ENS after an amendment, and the amended goods no longer hit: the risk unit is told its analysis is superseded and assessed', async () => {
    const subscription = signals.subscribe(bearer(de.token));
    try {
      const { mrn, filing } = await fileWith('360300');
      const first = await openAnalysis(mrn);
      const master = filing.consignmentMasterLevel!;
      const amended: EnsFiling = {
        ...filing,
        consignmentMasterLevel: {
          ...master,
          consignmentHouseLevel: master.consignmentHouseLevel.map((h) => ({ ...h, goodsItem: h.goodsItem!.map((g) => ({ ...g, commodity: { ...g.commodity, commodityCode: { harmonizedSystemSubHeadingCode: '610910' } } })) })),
        },
      };
      expect((await declarant.post(`/v1/filings/${mrn}/amendments`, amended)).status).toBe(200);
      await eventually(async () => {
        const open = await de.risk<riskAnalysisV1.ListOpenAnalysesReply>('ListOpenAnalyses', { limit: 1000 });
        expect(open.ok && open.reply.analyses.filter((a) => a.mrn === mrn && a.phase === first.phase)).toEqual([]);
      }, 15_000);
      await eventually(async () => expect((await inboxOf(declarant, mrn, 'IE3N03')).length).toBeGreaterThan(0), 15_000);
      // The unit holding the analysis learns it is no longer current: nothing to decide, the ENS was assessed (IE3N03).
      await eventually(() => expect(subscription.signals.filter((s) => s.mrn === mrn && s.kind === 'superseded' && s.analysis_id === first.analysis_id)).toHaveLength(1), 15_000);
      const superseded = subscription.signals.find((s) => s.mrn === mrn && s.kind === 'superseded' && s.analysis_id === first.analysis_id)!;
      expect(superseded.phase).toBe(first.phase);
      expect(JSON.parse(superseded.payload_json)).toEqual({ phase: first.phase, supersededBy: `${first.phase}-2`, trigger: 'amendment', outcome: 'assessed', openReferrals: [], supersededAt: expect.any(String) });
      expect(await de.risk('CompleteAssessment', { mrn, analysis_id: first.analysis_id })).toMatchObject({ ok: false, kind: 'precondition', details: [{ validationCode: '92' }] });
    } finally {
      subscription.cancel();
    }
  });

  it('resumes a signal stream from its cursor: only what came after, nothing twice', async () => {
    const first = signals.subscribe(bearer(de.token));
    const { mrn: a } = await fileWith('360200');
    // An F20 is analysed twice (pre-loading, then pre-arrival): both signals must be in before the disconnect,
    // or the second one rightly comes on the resumed stream.
    const phasesOf = (sub: typeof first, mrn: string) => sub.signals.filter((s) => s.mrn === mrn && s.kind === 'analysis').map((s) => s.phase).sort();
    await eventually(() => expect(phasesOf(first, a)).toEqual(['pre-arrival', 'pre-loading']), 15_000);
    first.cancel();
    await first.ended;
    const seen = first.signals.map((s) => s.cursor);
    const last = seen[seen.length - 1];
    const { mrn: b } = await fileWith('360200');
    await openAnalysis(b);
    const resumed = signals.subscribe(bearer(de.token), last);
    try {
      await eventually(() => expect(resumed.signals.some((s) => s.mrn === b)).toBe(true), 15_000);
      const cursors = resumed.signals.map((s) => BigInt(s.cursor));
      expect(cursors.every((c) => c > BigInt(last))).toBe(true);
      expect(new Set(cursors).size).toBe(cursors.length);
      expect(resumed.signals.some((s) => s.mrn === a && s.kind === 'analysis')).toBe(false);
    } finally {
      resumed.cancel();
    }
  });

  it('lets each Member State see and do only its part: responsible decides, involved informs, any other sees nothing', async () => {
    // Routed through the Netherlands: an involved Member State whatever else the sample's routing touches.
    const { mrn, filing } = await fileWith('360200', { routedThrough: 'NL' });
    const analysis = await openAnalysis(mrn);
    expect(analysis).toMatchObject({ responsible_member_state: 'DE', involved_member_states: expect.arrayContaining(['NL']) });
    const outsider = ['FR', 'IT', 'ES', 'PL', 'SE'].find((ms) => ms !== analysis.responsible_member_state && !analysis.involved_member_states.includes(ms))!;
    const other = await stack.memberState(outsider);
    expect(await other.risk('GetAnalysis', { mrn, analysis_id: analysis.analysis_id })).toMatchObject({ ok: false, kind: 'not-found' });
    expect(await other.risk('GetFiling', { mrn })).toMatchObject({ ok: false, kind: 'not-found' });
    expect(await other.risk('IssueDoNotLoad', { mrn, analysis_id: analysis.analysis_id, house_documents: [], reason: 'x' })).toMatchObject({ ok: false, kind: 'not-found' });
    const outsiderStream = signals.subscribe(bearer(other.token));
    const ims = await stack.memberState('NL');
    expect(await ims.risk('GetAnalysis', { mrn, analysis_id: analysis.analysis_id })).toMatchObject({ ok: true });
    expect(await ims.risk('CompleteAssessment', { mrn, analysis_id: analysis.analysis_id })).toMatchObject({ ok: false, kind: 'permission' });
    expect(await ims.risk('AddRiskMitigation', { mrn, analysis_id: analysis.analysis_id, information: 'consignee known to our customs' })).toMatchObject({ ok: true });
    // An operator's token is refused on the Member State doors; the outsider's stream never carries this ENS.
    expect(await stack.caller(declarant.token).risk('GetAnalysis', { mrn, analysis_id: analysis.analysis_id })).toMatchObject({ ok: false, kind: 'permission' });
    expect(await stack.caller(declarant.token).risk('CompleteAssessment', { mrn, analysis_id: analysis.analysis_id })).toMatchObject({ ok: false, kind: 'permission' });
    expect(await de.risk('CompleteAssessment', { mrn, analysis_id: analysis.analysis_id })).toMatchObject({ ok: true });
    // Then the ENS is amended to route its goods through the outsider, which so becomes involved in the re-analyses:
    // a signal that does concern it, of the same ENS. One risk stream is signalled in order (one partition), so
    // anything the outsider was wrongly sent about the first analyses would be on its stream before that signal.
    const master = filing.consignmentMasterLevel!;
    const rerouted: EnsFiling = {
      ...filing,
      consignmentMasterLevel: {
        ...master,
        consignmentHouseLevel: master.consignmentHouseLevel.map((h) => {
          const routing = h.countriesOfRoutingOfConsignment ?? [];
          return { ...h, countriesOfRoutingOfConsignment: [...routing, { sequenceNumber: routing.length + 1, country: outsider }] };
        }),
      },
    };
    expect((await declarant.post(`/v1/filings/${mrn}/amendments`, rerouted)).status).toBe(200);
    try {
      await eventually(() => expect(outsiderStream.signals.some((s) => s.mrn === mrn && s.kind === 'involved')).toBe(true), 15_000);
    } finally {
      outsiderStream.cancel();
    }
    const toOutsider = outsiderStream.signals.filter((s) => s.mrn === mrn);
    expect(toOutsider[0]).toMatchObject({ kind: 'involved', analysis_id: expect.stringMatching(/-2$/) });
    expect(toOutsider.filter((s) => /-1$/.test(s.analysis_id))).toEqual([]);
  });

  // Last: the pre-loading-only criterion it activates applies to every pre-loading analysis after it.
  it('tells the carrier assessment complete for the pre-arrival phase only once the pre-loading risk is resolved', async () => {
    const commission = await stack.commission();
    const preLoadingOnly = { id: 'eu-sec-971', version: 1, title: 'Pre-loading only', riskArea: 'security', phases: ['pre-loading'], validFrom: '2026-01-01T00:00:00Z', owner: { kind: 'eu' }, score: 40, condition: { kind: 'hsPrefix', prefixes: ['9701'] } };
    expect(await commission.risk('CreateCriterion', { criterion_json: JSON.stringify(preLoadingOnly) })).toMatchObject({ ok: true });
    expect(await commission.risk('ActivateCriterion', { id: preLoadingOnly.id, version: 1 })).toMatchObject({ ok: true, reply: { active: true } });
    // An F20 is analysed in both phases: the pre-loading analysis hits, the pre-arrival one does not.
    const { mrn } = await fileWith('970110');
    const analysis = await openAnalysis(mrn, 'pre-loading');
    expect(analysis).toMatchObject({ analysis_id: 'pre-loading-1' });
    await eventually(async () => expect(await de.risk<Analysis>('GetAnalysis', { mrn, analysis_id: 'pre-arrival-1' })).toMatchObject({ ok: true, reply: { hits_json: '[]' } }), 15_000);
    expect(await de.risk('CompleteAssessment', { mrn, analysis_id: 'pre-loading-1' })).toMatchObject({ ok: true, reply: { status: 'assessed' } });
    // Both IE3N03 come from the risk unit's decision, pre-loading first: the pre-arrival one was not sent before it.
    await eventually(async () => expect((await inboxOf(carrier, mrn, 'IE3N03')).map((n) => n.payload.phase)).toEqual(['pre-loading', 'pre-arrival']), 15_000);
    const [preLoading, preArrival] = await inboxOf(carrier, mrn, 'IE3N03');
    expect(preArrival.payload.completedAt).toBe(preLoading.payload.completedAt);
  });

  it("hits an inconsistency criterion when a house's pre-arrival data disagree with its PLACI data: the check, recorded after the ENS completed, reaches the analysis", async () => {
    const placi = airPlaciScenario({ seed: ++seed, houses: 1, carrier: CARRIER, declarant: CARRIER, expectedHouseFilers: [CARRIER] });
    for (const f of [placi.master, ...placi.houses]) await file(carrier, f);
    const pre = airPreArrivalScenario({ seed: ++seed, placi, carrier: CARRIER, declarant: CARRIER, expectedHouseFilers: [CARRIER], inconsistency: { element: 'consignee' } });
    const registered = await carrier.post('/v1/filings', pre.master);
    expect(registered.status).toBe(201);
    const { mrn, responsibleMemberState } = registered.body as { mrn: string; responsibleMemberState: string };
    for (const f of pre.houses) await file(carrier, f);
    await eventually(async () => expect((await carrier.get(`/v1/filings/${mrn}`)).body).toMatchObject({ state: 'complete', consistency: 'flagged' }), 20_000);
    const rms = await stack.memberState(responsibleMemberState);
    // eu-sec-014: consignor or consignee inconsistent between linked filings (pre-arrival).
    await eventually(async () => {
      const analysis = await openAnalysisOf(rms, mrn, 'pre-arrival');
      expect(JSON.parse(analysis.hits_json)).toContainEqual(expect.objectContaining({ criterionId: 'eu-sec-014' }));
    }, 20_000);
  }, 60_000);

  it('tells each filer of a multiple filing its part was assessed: IE3N03 to the house filer about its own filing, and to the master filer and carrier', async () => {
    const forwarder = await stack.trader(FORWARDER);
    const pre = airPreArrivalScenario({ seed: ++seed, houses: 1, carrier: CARRIER, declarant: CARRIER, expectedHouseFilers: [FORWARDER] });
    const registered = await carrier.post('/v1/filings', pre.master);
    expect(registered.status).toBe(201);
    const { mrn, responsibleMemberState } = registered.body as { mrn: string; responsibleMemberState: string };
    const house = await file(forwarder, pre.houses[0]);
    const rms = await stack.memberState(responsibleMemberState);
    await eventually(async () => {
      // Goods the scenario's data happen to hit wait for the risk unit, which assesses them.
      const open = await rms.risk<riskAnalysisV1.ListOpenAnalysesReply>('ListOpenAnalyses', { limit: 1000 });
      for (const a of open.ok ? open.reply.analyses.filter((x) => x.mrn === mrn) : []) await rms.risk('CompleteAssessment', { mrn, analysis_id: a.analysis_id });
      expect(await inboxOf(carrier, mrn, 'IE3N03')).toHaveLength(1);
      expect(await inboxOf(forwarder, house, 'IE3N03')).toHaveLength(1);
    }, 30_000);
    const [told] = await inboxOf(forwarder, house, 'IE3N03');
    expect(told.payload).toMatchObject({ mrn, phase: 'pre-arrival', responsibleMemberState });
    // Once, about its own filing: not about the master, which it did not lodge (its IE3N11 named the master's MRN).
    expect((await inbox(forwarder)).filter((i) => i.messageType === 'IE3N03').map((i) => i.mrn)).toEqual([house]);
  }, 60_000);

  it("sends a referral on a forwarder's house of a multiple filing to the forwarder, who answers it; the master's filer may not", async () => {
    const forwarder = await stack.trader(FORWARDER);
    const pre = airPreArrivalScenario({ seed: ++seed, houses: 1, carrier: CARRIER, declarant: CARRIER, expectedHouseFilers: [FORWARDER] });
    // The house's goods hit eu-sec-001 (HS 3602: explosives).
    const withHs = (f: EnsFiling): EnsFiling => ({
      ...f,
      consignmentHouseLevel: f.consignmentHouseLevel?.map((h) => ({ ...h, goodsItem: h.goodsItem?.map((g) => ({ ...g, commodity: { ...g.commodity, commodityCode: { harmonizedSystemSubHeadingCode: '360200' } } })) })),
    });
    const house = withHs(pre.houses[0]);
    const houseDocument = house.consignmentHouseLevel![0].transportDocumentHouseLevel!.documentNumber;
    const registered = await carrier.post('/v1/filings', pre.master);
    expect(registered.status).toBe(201);
    const { mrn, responsibleMemberState } = registered.body as { mrn: string; responsibleMemberState: string };
    await file(forwarder, house);
    const rms = await stack.memberState(responsibleMemberState);
    const analysis = await openAnalysisOf(rms, mrn, 'pre-arrival');
    expect(JSON.parse(analysis.hits_json)).toContainEqual(expect.objectContaining({ criterionId: 'eu-sec-001', house: houseDocument }));
    const rfi = await rms.risk<riskAnalysisV1.DecisionReply>('RequestInformation', { mrn, analysis_id: analysis.analysis_id, house_documents: [houseDocument], information: 'the safety data sheet' });
    expect(rfi).toMatchObject({ ok: true });
    const reference = rfi.ok ? rfi.reply.reference : '';
    await eventually(async () => {
      expect(await inboxOf(forwarder, mrn, 'IE3Q02')).toEqual([expect.objectContaining({ payload: expect.objectContaining({ reference, houseDocuments: [houseDocument] }) })]);
      expect(await inboxOf(carrier, mrn, 'IE3N04')).toEqual([expect.objectContaining({ payload: expect.objectContaining({ reference, sentTo: FORWARDER }) })]);
    }, 15_000);
    expect(await inboxOf(carrier, mrn, 'IE3Q02')).toEqual([]);
    const answer = { messageType: 'IE3R02', information: 'SDS attached: fireworks, UN0336, 1.4G' };
    expect((await carrier.post(`/v1/referrals/${reference}/answer`, answer)).status).toBe(404);
    expect((await forwarder.post(`/v1/referrals/${reference}/answer`, answer)).status).toBe(200);
  }, 60_000);
});
