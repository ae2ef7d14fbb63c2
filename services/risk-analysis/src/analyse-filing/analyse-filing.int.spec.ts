/**
 * From a complete ENS to the risk unit, on a real PostgreSQL: ENS events appended to the store as the common
 * repository writes them; the intake analyses the ENS with the active criteria (files recorded at start); no hit is
 * assessed at once, a hit waits for the risk unit, which decides over gRPC; the operator answers a referral; a new
 * criterion re-analyses open ENS; the deadline escalates; Member States see only what concerns them.
 */
import { randomUUID } from 'node:crypto';
import { ensStream, riskStream, PostgresEventStore, type EventToAppend } from '@ics2/event-store';
import type { EnsEvent, EnsFiling, RiskEvent } from '@ics2/contracts';
import { amended, bearer, completed, eventually, invalidated, linked, minimalFiling, mrnOf, registered, responsibilityAssigned, sampleFiling, type UnaryResult } from '@ics2/testing';
import { ManualClock } from '@ics2/platform';
import { Client } from 'pg';
import { startRiskAnalysis, type RiskAnalysisHarness } from '../risk-analysis.test-harness';
import { EscalateAnalysisProcessor } from '../escalate-analysis/escalate-analysis.processor';
import { AnalyseFilingHandler } from './analyse-filing.handler';
import { AnalyseFilingProcessor } from './analyse-filing.processor';
import { CriteriaChangedProcessor } from './criteria-changed.processor';

const DECLARANT = 'DE123456789012345';
/** The house document of every ENS lodged here: what referrals and do-not-load may name. */
const HOUSE = 'HAWB-LEJ-0001';

describe('risk analysis of complete ENS', () => {
  let h: RiskAnalysisHarness;
  let store: PostgresEventStore;
  let admin: Client;
  const clock = new ManualClock(new Date('2026-12-01T10:00:00.000Z'));
  let serial = 500;
  // Tests added later take MRNs of their own (9,001 on): the sample filings' seeds of the tests after them stay as they were.

  beforeAll(async () => {
    h = await startRiskAnalysis({ prefix: 'ra_flow', clock, env: { PRE_LOADING_DEADLINE_MS: '600000' } });
    store = new PostgresEventStore({ connectionString: h.db.appUrl });
    admin = await h.db.admin();
  }, 60_000);
  afterAll(async () => {
    await store.close();
    await h.close();
  });

  const append = (stream: string, events: EnsEvent[]) =>
    store.append(
      stream,
      events.map((e): EventToAppend => ({ id: randomUUID(), type: e.type, data: e.data, metadata: { schemaVersion: 1, occurredAt: clock.now().toISOString(), correlationId: stream.slice(4), causationId: null, actor: { kind: 'system', component: 'common-repository' } } })),
      'any',
    );
  /** A complete F20 filing (both phases) as the common repository records it; `hs` sets its first goods item's HS code. */
  const lodge = async (hs: string, rms = 'DE', ims = ['BE']): Promise<{ mrn: string; filing: EnsFiling }> => {
    const mrn = mrnOf(++serial);
    const sample = sampleFiling('F20', { seed: serial, declarant: DECLARANT, houses: 1, goodsItems: 1, houseDocuments: [HOUSE] });
    const houses = sample.consignmentMasterLevel!.consignmentHouseLevel.map((h) => ({
      ...h,
      goodsItem: h.goodsItem!.map((g) => ({ ...g, commodity: { ...g.commodity, commodityCode: { harmonizedSystemSubHeadingCode: hs } } })),
    }));
    const filing: EnsFiling = { ...sample, consignmentMasterLevel: { ...sample.consignmentMasterLevel!, consignmentHouseLevel: houses } };
    await append(ensStream(mrn), [registered({ mrn, filing }), responsibilityAssigned({ mrn, rms, ims }), completed({ mrn, phase: 'pre-loading', members: [mrn] })]);
    return { mrn, filing };
  };
  const riskEvents = async (mrn: string) => (await store.readStream(riskStream(mrn))).map((e) => ({ type: e.type, data: e.data }) as RiskEvent);
  const types = async (mrn: string) => (await riskEvents(mrn)).map((e) => e.type);
  /** What the store holds for a stream, counted in SQL: a refusal must leave it as it was. */
  const eventsIn = async (streamId: string) => Number((await admin.query<{ count: string }>('SELECT count(*) FROM event_store.events WHERE stream_id = $1', [streamId])).rows[0].count);

  it('assesses an ENS that hits nothing at once (IE3N03), naming the criteria versions it used', async () => {
    const { mrn } = await lodge('610910');
    await eventually(async () => expect(await types(mrn)).toEqual(['RiskAnalysed', 'RiskAssessmentCompleted']));
    const [analysed] = await riskEvents(mrn);
    expect(analysed.type === 'RiskAnalysed' && analysed.data.criteria).toEqual(expect.arrayContaining([{ id: 'eu-sec-001', version: 1 }]));
    expect(analysed.data).toMatchObject({ phase: 'pre-loading', hits: [], responsibleMemberState: 'DE', personFiling: DECLARANT });
  });

  it('signals a hit to the risk unit, which asks for information, gets the answer and completes with a control recommendation', async () => {
    const { mrn } = await lodge('360200');
    await eventually(async () => expect(await types(mrn)).toEqual(['RiskAnalysed']));
    const [analysed] = await riskEvents(mrn);
    expect(analysed.type === 'RiskAnalysed' && analysed.data.hits).toEqual([expect.objectContaining({ criterionId: 'eu-sec-001', version: 1, riskArea: 'security' })]);

    await eventually(async () => expect(await h.asMemberState('DE', 'ListOpenAnalyses', { limit: 10 })).toMatchObject({ ok: true, reply: { analyses: expect.arrayContaining([expect.objectContaining({ mrn, hits: 1 })]) } }));
    const rfi = await h.asMemberState<{ reference: string }>('DE', 'RequestInformation', { mrn, analysis_id: 'pre-loading-1', house_documents: [], information: 'the safety data sheet of the goods' });
    expect(rfi).toMatchObject({ ok: true, reply: { reference: `${mrn}-R1`, status: 'awaiting-risk-unit' } });

    // The operator answers (through trader-interface in production); a stranger's answer is not found and writes nothing.
    const rfiAnswer = { reference: `${mrn}-R1`, message_type: 'IE3R02', information: 'SDS attached: fireworks, UN0336' };
    const screeningAnswer = { screening_result: 'clear', screening_methods: ['XRY'], additional_information: 'screened by the regulated agent at LEJ' };
    expect(await h.asTrader('IT999999999', 'AnswerReferral', { ...rfiAnswer, message_id: 'm0', information: 'attached' })).toMatchObject({ ok: false, kind: 'not-found' });
    // Malformed answers are refused at the door; an IE3R03 to the RFI is refused by the decider (12 at /messageType).
    expect(await h.asTrader(DECLARANT, 'AnswerReferral', { ...rfiAnswer, message_id: 'm0', message_type: '' })).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: 'X01', pointer: '/messageType' }] });
    expect(await h.asTrader(DECLARANT, 'AnswerReferral', { ...rfiAnswer, message_id: 'm0', message_type: 'IE3R01' })).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: '12', pointer: '/messageType' }] });
    expect(await h.asTrader(DECLARANT, 'AnswerReferral', { ...rfiAnswer, ...screeningAnswer, message_id: 'm0' })).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: 'X07', pointer: '/screeningResult' }] });
    expect(await h.asTrader(DECLARANT, 'AnswerReferral', { reference: `${mrn}-R1`, message_id: 'm0', message_type: 'IE3R03', ...screeningAnswer })).toMatchObject({
      ok: false,
      kind: 'precondition',
      details: [{ validationCode: '12', pointer: '/messageType' }],
    });
    // Text of the ICS2 character set, an..512 (documents an..4 and an..70), a message id of at most 128 (102 or 12 at its pointer).
    const answerRefused = (code: string, pointer: string) => ({ ok: false, kind: 'validation', details: [{ validationCode: code, pointer }] });
    expect(await h.asTrader(DECLARANT, 'AnswerReferral', { ...rfiAnswer, message_id: 'm0', information: 'SDS\u0000' })).toMatchObject(answerRefused('102', '/information'));
    expect(await h.asTrader(DECLARANT, 'AnswerReferral', { ...rfiAnswer, message_id: 'm0', information: 'x'.repeat(513) })).toMatchObject(answerRefused('12', '/information'));
    expect(await h.asTrader(DECLARANT, 'AnswerReferral', { ...rfiAnswer, message_id: 'm0', documents: [{ type: 'N380', reference_number: 'INV\u0000' }] })).toMatchObject(answerRefused('102', '/documents/0/referenceNumber'));
    expect(await h.asTrader(DECLARANT, 'AnswerReferral', { ...rfiAnswer, message_id: 'm0', documents: [{ type: 'N38000', reference_number: 'INV-1' }] })).toMatchObject(answerRefused('12', '/documents/0/type'));
    expect(await h.asTrader(DECLARANT, 'AnswerReferral', { ...rfiAnswer, message_id: 'm\u0000' })).toMatchObject(answerRefused('102', '/messageId'));
    expect(await h.asTrader(DECLARANT, 'AnswerReferral', { ...rfiAnswer, message_id: 'm'.repeat(129) })).toMatchObject(answerRefused('12', '/messageId'));
    expect(await eventsIn(riskStream(mrn))).toBe(2);
    expect(await h.asTrader(DECLARANT, 'AnswerReferral', { ...rfiAnswer, message_id: 'm1' })).toMatchObject({ ok: true, reply: { message_type: 'IE3R02' } });
    expect(await h.asTrader(DECLARANT, 'AnswerReferral', { ...rfiAnswer, message_id: 'm1' })).toMatchObject({ ok: true, reply: { replayed: true } });

    // It can loop: a screening request next (IE3Q03: the house document is mandatory), answered only with an IE3R03,
    // whose additional information is kept.
    const house = HOUSE;
    const screening = { mrn, analysis_id: 'pre-loading-1', house_documents: [house], recommended_methods: ['XRY'] };
    expect(await h.asMemberState('DE', 'RequestScreening', { ...screening, house_documents: [] })).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: 'X01', pointer: '/houseDocuments' }] });
    expect(await h.asMemberState('DE', 'RequestScreening', { ...screening, house_documents: [house, ' '] })).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: '12', pointer: '/houseDocuments/1' }] });
    expect(await eventsIn(riskStream(mrn))).toBe(3);
    expect(await h.asMemberState('DE', 'RequestScreening', screening)).toMatchObject({ ok: true, reply: { reference: `${mrn}-R2` } });
    expect(await h.asTrader(DECLARANT, 'AnswerReferral', { ...rfiAnswer, reference: `${mrn}-R2`, message_id: 'm2' })).toMatchObject({
      ok: false,
      kind: 'precondition',
      details: [{ validationCode: '12', pointer: '/messageType' }],
    });
    // An IE3R03 names the screening methods used (1..9).
    expect(await h.asTrader(DECLARANT, 'AnswerReferral', { reference: `${mrn}-R2`, message_id: 'm2', message_type: 'IE3R03', ...screeningAnswer, screening_methods: [] })).toMatchObject({
      ok: false,
      kind: 'validation',
      details: [{ validationCode: 'X01', pointer: '/screeningMethods' }],
    });
    // A result or method that is a name every object inherits is no code of its list.
    expect(await h.asTrader(DECLARANT, 'AnswerReferral', { reference: `${mrn}-R2`, message_id: 'm2', message_type: 'IE3R03', ...screeningAnswer, screening_result: 'constructor' })).toMatchObject({
      ok: false,
      kind: 'validation',
      details: [{ validationCode: '12', pointer: '/screeningResult' }],
    });
    expect(await h.asTrader(DECLARANT, 'AnswerReferral', { reference: `${mrn}-R2`, message_id: 'm2', message_type: 'IE3R03', ...screeningAnswer, screening_methods: ['XRY', 'valueOf'] })).toMatchObject({
      ok: false,
      kind: 'validation',
      details: [{ validationCode: '12', pointer: '/screeningMethods/1' }],
    });
    const tooMany = ['PHS', 'VCK', 'XRY', 'EDS', 'EDD', 'ETD', 'MDE', 'SIM', 'CMD', 'XRY'];
    expect(await h.asTrader(DECLARANT, 'AnswerReferral', { reference: `${mrn}-R2`, message_id: 'm2', message_type: 'IE3R03', ...screeningAnswer, screening_methods: tooMany })).toMatchObject({
      ok: false,
      kind: 'validation',
      details: [{ validationCode: 'X05', pointer: '/screeningMethods' }],
    });
    expect(await h.asTrader(DECLARANT, 'AnswerReferral', { reference: `${mrn}-R2`, message_id: 'm2', message_type: 'IE3R03', ...screeningAnswer, additional_information: 'screened\u0000' })).toMatchObject({
      ok: false,
      kind: 'validation',
      details: [{ validationCode: '102', pointer: '/additionalInformation' }],
    });
    expect(await eventsIn(riskStream(mrn))).toBe(4);
    expect(await h.asTrader(DECLARANT, 'AnswerReferral', { reference: `${mrn}-R2`, message_id: 'm3', message_type: 'IE3R03', ...screeningAnswer })).toMatchObject({ ok: true, reply: { message_type: 'IE3R03' } });
    expect((await riskEvents(mrn)).at(-1)).toMatchObject({ type: 'ReferralAnswered', data: { kind: 'RFS', screening: { result: 'clear', methods: ['XRY'], additionalInformation: 'screened by the regulated agent at LEJ' } } });

    const done = await h.asMemberState('DE', 'CompleteAssessment', { mrn, analysis_id: 'pre-loading-1', control_recommendation: { control_type: 'physical', place: 'DE004700', member_state: 'DE', reason: 'fireworks by air' } });
    expect(done).toMatchObject({ ok: true, reply: { status: 'assessed' } });
    expect(await types(mrn)).toEqual(['RiskAnalysed', 'ReferralRequested', 'ReferralAnswered', 'ReferralRequested', 'ReferralAnswered', 'RiskAssessmentCompleted']);
    const completion = (await riskEvents(mrn)).at(-1);
    expect(completion?.data).toMatchObject({ by: 'risk-unit', controlRecommendation: { controlType: 'physical', place: 'DE004700', memberState: 'DE' } });
  });

  it('lets only the responsible Member State decide: the involved one may add information, any other sees nothing', async () => {
    const { mrn } = await lodge('360400', 'DE', ['BE']);
    await eventually(async () => expect(await types(mrn)).toEqual(['RiskAnalysed']));
    const before = (await riskEvents(mrn)).length;
    expect(await h.asMemberState('BE', 'IssueDoNotLoad', { mrn, analysis_id: 'pre-loading-1', house_documents: [], reason: 'x' })).toMatchObject({ ok: false, kind: 'permission' });
    expect(await h.asMemberState('FR', 'IssueDoNotLoad', { mrn, analysis_id: 'pre-loading-1', house_documents: [], reason: 'x' })).toMatchObject({ ok: false, kind: 'not-found' });
    await eventually(async () => expect(await h.asMemberState('FR', 'GetAnalysis', { mrn, analysis_id: 'pre-loading-1' })).toMatchObject({ ok: false, kind: 'not-found' }));
    expect(await h.asMemberState('FR', 'GetFiling', { mrn })).toMatchObject({ ok: false, kind: 'not-found' });
    expect((await riskEvents(mrn)).length).toBe(before);
    expect(await h.asMemberState('BE', 'AddRiskMitigation', { mrn, analysis_id: 'pre-loading-1', information: 'consignee known to BE customs' })).toMatchObject({ ok: true });
    // The involved Member State sees which criterion hit, not what matched nor the AEO reduction: as on its signal stream.
    const hitsAs = async (ms: string) => {
      const r = await h.asMemberState<{ hits_json: string }>(ms, 'GetAnalysis', { mrn, analysis_id: 'pre-loading-1' });
      return r.ok ? (JSON.parse(r.reply.hits_json) as Record<string, unknown>[]) : [];
    };
    const [whole] = await hitsAs('DE');
    expect(whole).toMatchObject({ criterionId: 'eu-sec-001', matched: [expect.objectContaining({ kind: 'hsPrefix' })], aeoReduced: false });
    expect(await hitsAs('BE')).toEqual([{ criterionId: 'eu-sec-001', version: 1, riskArea: 'security', ...(whole['house'] ? { house: whole['house'] } : {}), score: whole['score'] }]);
    await eventually(async () => expect(await h.asMemberState('BE', 'GetFiling', { mrn })).toMatchObject({ ok: true, reply: { mrn, members: [mrn] } }));
    // Do not load: final.
    expect(await h.asMemberState('DE', 'IssueDoNotLoad', { mrn, analysis_id: 'pre-loading-1', house_documents: [], reason: 'detonators declared as toys' })).toMatchObject({ ok: true, reply: { status: 'do-not-load' } });
    expect(await h.asMemberState('DE', 'CompleteAssessment', { mrn, analysis_id: 'pre-loading-1' })).toMatchObject({ ok: false, kind: 'precondition', details: [{ validationCode: '92' }] });
  });

  it('re-analyses open ENS when a new criterion is activated, and refuses a Member State managing an EU criterion', async () => {
    const { mrn } = await lodge('950300');
    await eventually(async () => expect(await types(mrn)).toContain('RiskAnalysed'));
    await eventually(async () => expect(await h.asMemberState('DE', 'ListOpenAnalyses', { limit: 100 })).toMatchObject({ ok: true }));
    const toys = { id: 'eu-psa-900', version: 1, title: 'Toys: test criterion', riskArea: 'product-safety', phases: ['pre-loading'], validFrom: '2026-01-01T00:00:00Z', owner: { kind: 'eu' }, score: 30, condition: { kind: 'hsPrefix', prefixes: ['9503'] } };
    expect(await h.asMemberState('DE', 'CreateCriterion', { criterion_json: JSON.stringify(toys) })).toMatchObject({ ok: false, kind: 'permission' });
    expect(await h.asAdmin('CreateCriterion', { criterion_json: JSON.stringify({ ...toys, score: 0 }) })).toMatchObject({ ok: false, kind: 'validation', details: [{ pointer: '/score' }] });
    expect(await h.asAdmin('CreateCriterion', { criterion_json: JSON.stringify(toys) })).toMatchObject({ ok: true, reply: { id: 'eu-psa-900', active: false } });
    const beforeActivation = await types(mrn);
    expect(beforeActivation).toEqual(['RiskAnalysed', 'RiskAssessmentCompleted']);
    // The toys ENS was assessed already (no hit then): it is not reopened. An open one is re-analysed.
    const open = await lodge('360300');
    await eventually(async () => expect(await types(open.mrn)).toEqual(['RiskAnalysed']));
    await eventually(async () => expect((await h.asMemberState<{ analyses: { mrn: string }[] }>('DE', 'ListOpenAnalyses', { limit: 100 }) as { reply: { analyses: { mrn: string }[] } }).reply.analyses.map((a) => a.mrn)).toContain(open.mrn));
    expect(await h.asAdmin('ActivateCriterion', { id: 'eu-psa-900', version: 1 })).toMatchObject({ ok: true, reply: { active: true } });
    await eventually(async () => expect(await types(open.mrn)).toEqual(['RiskAnalysed', 'RiskAnalysisSuperseded', 'RiskAnalysed']));
    const [, , again] = await riskEvents(open.mrn);
    expect(again.type === 'RiskAnalysed' && again.data).toMatchObject({ analysisId: 'pre-loading-2', trigger: 'criteria-changed', criteria: expect.arrayContaining([{ id: 'eu-psa-900', version: 1 }]) });
    expect(await types(mrn)).toEqual(beforeActivation);
  });

  it('keeps a criterion with its owner: no Member State takes over an EU-wide or another\'s criterion by versioning it', async () => {
    const base = { version: 1, title: 'Owner test', riskArea: 'security', phases: ['pre-arrival'], validFrom: '2026-01-01T00:00:00Z', score: 10, condition: { kind: 'hsPrefix', prefixes: ['0101'] } };
    const eu = { ...base, id: 'eu-sec-901', owner: { kind: 'eu' } };
    const de = { ...base, id: 'de-sec-901', owner: { kind: 'member-state', memberState: 'DE' } };
    expect(await h.asAdmin('CreateCriterion', { criterion_json: JSON.stringify(eu) })).toMatchObject({ ok: true });
    expect(await h.asMemberState('DE', 'CreateCriterion', { criterion_json: JSON.stringify(de) })).toMatchObject({ ok: true });
    // A version that claims the caller as owner is still the criterion's owner's to record.
    const asDe = { ...eu, version: 2, owner: { kind: 'member-state', memberState: 'DE' } };
    expect(await h.asMemberState('DE', 'NewCriterionVersion', { criterion_json: JSON.stringify(asDe) })).toMatchObject({ ok: false, kind: 'permission' });
    const asFr = { ...de, version: 2, owner: { kind: 'member-state', memberState: 'FR' } };
    expect(await h.asMemberState('FR', 'NewCriterionVersion', { criterion_json: JSON.stringify(asFr) })).toMatchObject({ ok: false, kind: 'permission' });
    // Nor may its owner hand it over.
    expect(await h.asAdmin('NewCriterionVersion', { criterion_json: JSON.stringify(asDe) })).toMatchObject({ ok: false, kind: 'precondition', details: [{ validationCode: '12', pointer: '/owner' }] });
    expect(await h.asMemberState('DE', 'NewCriterionVersion', { criterion_json: JSON.stringify({ ...de, version: 2, score: 20 }) })).toMatchObject({ ok: true, reply: { version: 2 } });
    expect((await store.readStream('criterion-eu-sec-901')).length).toBe(1);
    expect((await store.readStream('criterion-de-sec-901')).length).toBe(2);
  });

  it("lists to a Member State the EU-wide criteria and its own, not another's national ones; to the Commission and auditors all", async () => {
    const base = { version: 1, riskArea: 'security', phases: ['pre-arrival'], validFrom: '2026-01-01T00:00:00Z', score: 10, condition: { kind: 'hsPrefix', prefixes: ['0102'] } };
    const eu = { ...base, id: 'eu-sec-903', title: 'EU-wide profile', owner: { kind: 'eu' } };
    const fr = { ...base, id: 'fr-sec-903', title: 'Livestock from a country of interest', owner: { kind: 'member-state', memberState: 'FR' } };
    expect(await h.asAdmin('CreateCriterion', { criterion_json: JSON.stringify(eu) })).toMatchObject({ ok: true });
    expect(await h.asMemberState('FR', 'CreateCriterion', { criterion_json: JSON.stringify(fr) })).toMatchObject({ ok: true });
    type Listed = { criteria: { id: string; owner: string }[] };
    const listed = async (call: Promise<UnaryResult<Listed>>) => {
      const r = await call;
      return r.ok ? r.reply.criteria.filter((c) => c.id.endsWith('-sec-903')).map((c) => `${c.id}:${c.owner}`) : r;
    };
    // The catalogue refreshes on its own: the Commission sees both once it has them.
    await eventually(async () => expect(await listed(h.asAdmin('ListCriteria', {}))).toEqual(['eu-sec-903:eu', 'fr-sec-903:FR']));
    expect(await listed(h.asMemberState('FR', 'ListCriteria', {}))).toEqual(['eu-sec-903:eu', 'fr-sec-903:FR']);
    expect(await listed(h.asMemberState('DE', 'ListCriteria', {}))).toEqual(['eu-sec-903:eu']);
    const auditor = bearer(await h.service.token({ role: 'auditor', userId: 'eca-1' }));
    expect(await listed(h.client.call<Listed>('ListCriteria', {}, auditor))).toEqual(['eu-sec-903:eu', 'fr-sec-903:FR']);
  });

  it('refuses a criterion holding a NUL character or a lone surrogate, and a deactivation reason off the ICS2 set, writing nothing', async () => {
    const de = { id: 'de-sec-902', version: 1, title: 'Text test', riskArea: 'security', phases: ['pre-arrival'], validFrom: '2026-01-01T00:00:00Z', score: 10, owner: { kind: 'member-state', memberState: 'DE' }, condition: { kind: 'hsPrefix', prefixes: ['0101'] } };
    const invalidAt = (pointer: string) => ({ ok: false, kind: 'validation', errorCode: 'CRITERION.INVALID', details: [{ validationCode: '12', pointer }] });
    // JSON text carries both as escapes, whatever the gRPC string's UTF-8.
    const withTitle = (escaped: string) => JSON.stringify({ ...de, title: 'TITLE' }).replace('TITLE', escaped);
    expect(await h.asMemberState('DE', 'CreateCriterion', { criterion_json: withTitle('Text \\u0000test') })).toMatchObject(invalidAt('/title'));
    expect(await h.asMemberState('DE', 'CreateCriterion', { criterion_json: withTitle('Text \\ud800test') })).toMatchObject(invalidAt('/title'));
    const terms = { ...de, condition: { kind: 'descriptionTerms', match: 'any', terms: ['fireworks\u0000'] } };
    expect(await h.asMemberState('DE', 'NewCriterionVersion', { criterion_json: JSON.stringify(terms) })).toMatchObject(invalidAt('/condition/terms/0'));
    expect(await eventsIn('criterion-de-sec-902')).toBe(0);

    expect(await h.asMemberState('DE', 'CreateCriterion', { criterion_json: JSON.stringify(de) })).toMatchObject({ ok: true });
    expect(await h.asMemberState('DE', 'ActivateCriterion', { id: de.id, version: 1 })).toMatchObject({ ok: true, reply: { active: true } });
    for (const [reason, code] of [['superseded\u0000', '102'], ['r'.repeat(2_001), '12']]) {
      expect(await h.asMemberState('DE', 'DeactivateCriterion', { id: de.id, version: 1, reason })).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: code, pointer: '/reason' }] });
    }
    expect(await eventsIn('criterion-de-sec-902')).toBe(2);
    expect(await h.asMemberState('DE', 'DeactivateCriterion', { id: de.id, version: 1, reason: 'superseded by de-sec-903' })).toMatchObject({ ok: true, reply: { active: false } });
  });

  it('does not re-analyse an open ENS for an activation its analysis already ran with (seen late, or redelivered)', async () => {
    const open = await lodge('360300');
    await eventually(async () => expect(await types(open.mrn)).toEqual(['RiskAnalysed']));
    // An activation recorded at start, before this ENS was analysed with it, as the subscription would deliver it late.
    const activation = (await store.readStream('criterion-eu-sec-001')).find((e) => e.type === 'CriterionActivated');
    expect(activation).toBeDefined();
    await h.service.app.app.get(CriteriaChangedProcessor).handle(activation!);
    expect(await types(open.mrn)).toEqual(['RiskAnalysed']);
  });

  it('escalates an analysis still open at its deadline, once', async () => {
    const { mrn } = await lodge('360100');
    await eventually(async () => expect(await types(mrn)).toEqual(['RiskAnalysed']));
    await eventually(async () => expect(await h.asMemberState('DE', 'GetAnalysis', { mrn, analysis_id: 'pre-loading-1' })).toMatchObject({ ok: true }));
    const escalation = h.service.app.app.get(EscalateAnalysisProcessor);
    await escalation.runOnce(new Date(clock.now().getTime() + 599_000));
    expect(await types(mrn)).toEqual(['RiskAnalysed']);
    await escalation.runOnce(new Date(clock.now().getTime() + 600_000));
    expect(await types(mrn)).toEqual(['RiskAnalysed', 'RiskAnalysisEscalated']);
    await eventually(async () => expect(await h.asMemberState('DE', 'GetAnalysis', { mrn, analysis_id: 'pre-loading-1' })).toMatchObject({ ok: true, reply: { escalated: true } }));
    await escalation.runOnce(new Date(clock.now().getTime() + 900_000));
    expect(await types(mrn)).toEqual(['RiskAnalysed', 'RiskAnalysisEscalated']);
  });

  it('backtests a candidate criterion over the filings of a period', async () => {
    const candidate = { id: 'eu-sec-950', version: 1, title: 'Backtest candidate', riskArea: 'security', phases: ['pre-loading'], validFrom: '2026-06-01T00:00:00Z', owner: { kind: 'eu' }, score: 50, condition: { kind: 'hsPrefix', prefixes: ['3602', '3604'] } };
    await eventually(async () => {
      const r = await h.asAdmin<{ filings: number; hit: number; sample_mrns: string[] }>('BacktestCriterion', { criterion_json: JSON.stringify(candidate), from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' });
      // 360200 and 360400 above: two of the seven lodged ENS.
      expect(r).toMatchObject({ ok: true, reply: { filings: 7, hit: 2 } });
    });
    expect(await h.asAdmin('BacktestCriterion', { criterion_json: JSON.stringify(candidate), from: '2027-01-01T00:00:00Z', to: '2028-01-01T00:00:00Z' })).toMatchObject({ ok: true, reply: { filings: 0, hit: 0 } });
  });

  // After the backtest, which counts the ENS lodged above.
  it('re-analyses on a criteria change only the open analyses of its phase and Member State, and none with a referral open', async () => {
    const fr = await lodge('360300', 'FR', ['DE']);
    const de = await lodge('360300', 'DE', ['BE']);
    const referred = await lodge('360300', 'DE', ['BE']);
    for (const [ms, mrn] of [['FR', fr.mrn], ['DE', de.mrn], ['DE', referred.mrn]]) {
      await eventually(async () => expect(await h.asMemberState(ms, 'GetAnalysis', { mrn, analysis_id: 'pre-loading-1' })).toMatchObject({ ok: true, reply: { status: 'awaiting-risk-unit' } }));
    }
    expect(await h.asMemberState('DE', 'RequestInformation', { mrn: referred.mrn, analysis_id: 'pre-loading-1', house_documents: [], information: 'the invoice' })).toMatchObject({ ok: true });
    const change = async (ms: string, criterion: Record<string, unknown> & { id: string }) => {
      const as = <R>(method: string, request: object) => (ms === 'EU' ? h.asAdmin<R>(method, request) : h.asMemberState<R>(ms, method, request));
      expect(await as('CreateCriterion', { criterion_json: JSON.stringify(criterion) })).toMatchObject({ ok: true });
      expect(await as('ActivateCriterion', { id: criterion.id, version: 1 })).toMatchObject({ ok: true, reply: { active: true } });
      // Handled here as well as by the subscription (the same command ids): when this returns, the change is through.
      const activation = (await store.readStream(`criterion-${criterion.id}`)).find((e) => e.type === 'CriterionActivated');
      await h.service.app.app.get(CriteriaChangedProcessor).handle(activation!);
    };
    const base = { version: 1, title: 'Scope test', riskArea: 'security', validFrom: '2026-01-01T00:00:00Z', score: 10, condition: { kind: 'hsPrefix', prefixes: ['0102'] } };

    // Germany's own pre-loading criterion: Germany's open analysis is re-analysed; France's is not (nor would an
    // involved Germany make it so); the one with a referral open keeps it.
    await change('DE', { ...base, id: 'de-sec-960', phases: ['pre-loading'], owner: { kind: 'member-state', memberState: 'DE' } });
    await eventually(async () => expect(await types(de.mrn)).toEqual(['RiskAnalysed', 'RiskAnalysisSuperseded', 'RiskAnalysed']));
    expect(await types(fr.mrn)).toEqual(['RiskAnalysed']);
    expect(await types(referred.mrn)).toEqual(['RiskAnalysed', 'ReferralRequested']);
    // An EU-wide pre-arrival criterion: no pre-loading analysis is touched.
    await change('EU', { ...base, id: 'eu-sec-960', phases: ['pre-arrival'], owner: { kind: 'eu' } });
    expect(await types(de.mrn)).toEqual(['RiskAnalysed', 'RiskAnalysisSuperseded', 'RiskAnalysed']);
    expect(await types(fr.mrn)).toEqual(['RiskAnalysed']);
    expect(await h.asTrader(DECLARANT, 'AnswerReferral', { reference: `${referred.mrn}-R1`, message_id: 'scope-1', message_type: 'IE3R02', information: 'invoice attached' })).toMatchObject({ ok: true });
    // The answer closed the last open referral: the change deferred for it is caught up (Germany's criterion applies).
    await eventually(async () => expect(await types(referred.mrn)).toEqual(['RiskAnalysed', 'ReferralRequested', 'ReferralAnswered', 'RiskAnalysisSuperseded', 'RiskAnalysed']));
    const caughtUp = (await riskEvents(referred.mrn)).at(-1);
    expect(caughtUp?.type === 'RiskAnalysed' && caughtUp.data).toMatchObject({ analysisId: 'pre-loading-2', trigger: 'criteria-changed', criteria: expect.arrayContaining([{ id: 'de-sec-960', version: 1 }]) });
    expect(caughtUp?.type === 'RiskAnalysed' && caughtUp.data.criteria).not.toContainEqual({ id: 'eu-sec-960', version: 1 });
  });

  it('re-analyses nothing on an answer when no criteria change was deferred: the risk unit keeps its analysis', async () => {
    const { mrn } = await lodge('360300');
    await eventually(async () => expect(await h.asMemberState('DE', 'GetAnalysis', { mrn, analysis_id: 'pre-loading-1' })).toMatchObject({ ok: true, reply: { status: 'awaiting-risk-unit' } }));
    expect(await h.asMemberState('DE', 'RequestInformation', { mrn, analysis_id: 'pre-loading-1', house_documents: [], information: 'the invoice' })).toMatchObject({ ok: true });
    expect(await h.asTrader(DECLARANT, 'AnswerReferral', { reference: `${mrn}-R1`, message_id: 'no-change-1', message_type: 'IE3R02', information: 'invoice attached' })).toMatchObject({ ok: true });
    const answer = (await store.readStream(riskStream(mrn))).find((e) => e.type === 'ReferralAnswered');
    // Handled here as well as by the subscription (the same command id): when this returns, the answer is through.
    await h.service.app.app.get(CriteriaChangedProcessor).handle(answer!);
    expect(await types(mrn)).toEqual(['RiskAnalysed', 'ReferralRequested', 'ReferralAnswered']);
    expect(await h.asMemberState('DE', 'CompleteAssessment', { mrn, analysis_id: 'pre-loading-1' })).toMatchObject({ ok: true, reply: { status: 'assessed' } });
  });

  it('takes an HRCM screening request recommending no method (0..9), and refuses ten or one off the list at the door', async () => {
    const { mrn } = await lodge('360200');
    await eventually(async () => expect(await types(mrn)).toEqual(['RiskAnalysed']));
    const screening = { mrn, analysis_id: 'pre-loading-1', house_documents: [HOUSE] };
    const tooMany = ['PHS', 'VCK', 'XRY', 'EDS', 'EDD', 'ETD', 'MDE', 'SIM', 'CMD', 'XRY'];
    expect(await h.asMemberState('DE', 'RequestScreening', { ...screening, recommended_methods: tooMany })).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: 'X05', pointer: '/recommendedMethods' }] });
    expect(await h.asMemberState('DE', 'RequestScreening', { ...screening, recommended_methods: ['XRY', 'SNIFF'] })).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: '12', pointer: '/recommendedMethods/1' }] });
    // A name every object inherits is no code of the list.
    expect(await h.asMemberState('DE', 'RequestScreening', { ...screening, recommended_methods: ['XRY', 'toString'] })).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: '12', pointer: '/recommendedMethods/1' }] });
    expect(await eventsIn(riskStream(mrn))).toBe(1);
    expect(await h.asMemberState('DE', 'RequestScreening', { ...screening, recommended_methods: [] })).toMatchObject({ ok: true, reply: { reference: `${mrn}-R1` } });
    const requested = (await riskEvents(mrn)).at(-1);
    expect(requested).toMatchObject({ type: 'ReferralRequested', data: { kind: 'RFS', houseDocuments: [HOUSE] } });
    expect(requested?.data).not.toHaveProperty('recommendedMethods');
  });

  it('refuses a referral or do-not-load naming a house document that is not of the ENS (12 at its pointer), writing nothing', async () => {
    const { mrn } = await lodge('360300');
    await eventually(async () => expect(await types(mrn)).toEqual(['RiskAnalysed']));
    expect((await riskEvents(mrn))[0]).toMatchObject({ type: 'RiskAnalysed', data: { houseDocuments: [HOUSE] } });
    const decision = { mrn, analysis_id: 'pre-loading-1' };
    const notOfTheEns = (pointer: string) => ({ ok: false, kind: 'precondition', details: [{ validationCode: '12', pointer }] });
    expect(await h.asMemberState('DE', 'RequestInformation', { ...decision, house_documents: ['HAWB-OTHER-0001'], information: 'the invoice' })).toMatchObject(notOfTheEns('/houseDocuments/0'));
    expect(await h.asMemberState('DE', 'RequestScreening', { ...decision, house_documents: [HOUSE, 'HAWB-OTHER-0001'], recommended_methods: ['XRY'] })).toMatchObject(notOfTheEns('/houseDocuments/1'));
    expect(await h.asMemberState('DE', 'IssueDoNotLoad', { ...decision, house_documents: ['HAWB-OTHER-0001'], reason: 'detonators declared as toys' })).toMatchObject(notOfTheEns('/houseDocuments/0'));
    // Each named once, none blank: a malformed message (12 at its pointer), IE3Q02, IE3Q03 and IE3Q01 alike.
    const malformed = (pointer: string) => ({ ok: false, kind: 'validation', errorCode: 'RISK.INVALID_MESSAGE', details: [{ validationCode: '12', pointer }] });
    expect(await h.asMemberState('DE', 'RequestInformation', { ...decision, house_documents: [HOUSE, HOUSE], information: 'the invoice' })).toMatchObject(malformed('/houseDocuments/1'));
    expect(await h.asMemberState('DE', 'RequestScreening', { ...decision, house_documents: [HOUSE, HOUSE], recommended_methods: ['XRY'] })).toMatchObject(malformed('/houseDocuments/1'));
    expect(await h.asMemberState('DE', 'IssueDoNotLoad', { ...decision, house_documents: [HOUSE, HOUSE], reason: 'detonators declared as toys' })).toMatchObject(malformed('/houseDocuments/1'));
    expect(await h.asMemberState('DE', 'IssueDoNotLoad', { ...decision, house_documents: [' '], reason: 'detonators declared as toys' })).toMatchObject(malformed('/houseDocuments/0'));
    expect(await eventsIn(riskStream(mrn))).toBe(1);
    expect(await h.asMemberState('DE', 'RequestScreening', { ...decision, house_documents: [HOUSE], recommended_methods: ['XRY'] })).toMatchObject({ ok: true, reply: { reference: `${mrn}-R1` } });
  });

  it('lets a Greek token reach Greek filings whether it says EL (EU usage) or GR (ISO, as filings record it)', async () => {
    const { mrn } = await lodge('360300', 'GR', ['DE']);
    await eventually(async () => expect(await types(mrn)).toEqual(['RiskAnalysed']));
    for (const ms of ['EL', 'GR']) {
      await eventually(async () => expect(await h.asMemberState(ms, 'GetAnalysis', { mrn, analysis_id: 'pre-loading-1' })).toMatchObject({ ok: true, reply: { responsible_member_state: 'GR' } }));
      expect(await h.asMemberState(ms, 'ListOpenAnalyses', { limit: 100 })).toMatchObject({ ok: true, reply: { analyses: expect.arrayContaining([expect.objectContaining({ mrn })]) } });
    }
    expect(await h.asMemberState('EL', 'RequestInformation', { mrn, analysis_id: 'pre-loading-1', house_documents: [HOUSE], information: 'the invoice' })).toMatchObject({ ok: true, reply: { reference: `${mrn}-R1` } });
    expect((await riskEvents(mrn)).at(-1)).toMatchObject({ type: 'ReferralRequested', data: { user: { memberState: 'GR' } } });
  });

  it("records a control recommended in Greece under GR whether the risk unit names it EL or GR, and refuses a code running no ICS2 (12), writing nothing", async () => {
    const { mrn } = await lodge('360300');
    await eventually(async () => expect(await h.asMemberState('DE', 'GetAnalysis', { mrn, analysis_id: 'pre-loading-1' })).toMatchObject({ ok: true }));
    const recommending = (memberState: string) => ({ mrn, analysis_id: 'pre-loading-1', control_recommendation: { control_type: 'physical', place: 'GR000100', member_state: memberState, reason: 'checked at destination' } });
    for (const ms of ['XX', 'GB']) {
      expect(await h.asMemberState('DE', 'CompleteAssessment', recommending(ms))).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: '12', pointer: '/controlRecommendation/memberState' }] });
    }
    // A control type that is a name every object inherits is no control type of the list.
    for (const inherited of ['constructor', 'toString', '__proto__']) {
      const request = recommending('DE');
      expect(await h.asMemberState('DE', 'CompleteAssessment', { ...request, control_recommendation: { ...request.control_recommendation, control_type: inherited } })).toMatchObject({
        ok: false,
        kind: 'validation',
        details: [{ validationCode: '12', pointer: '/controlRecommendation/controlType' }],
      });
    }
    expect(await eventsIn(riskStream(mrn))).toBe(1);
    expect(await h.asMemberState('DE', 'CompleteAssessment', recommending('EL'))).toMatchObject({ ok: true, reply: { status: 'assessed' } });
    expect((await riskEvents(mrn)).at(-1)).toMatchObject({ type: 'RiskAssessmentCompleted', data: { controlRecommendation: { controlType: 'physical', memberState: 'GR' } } });
  });

  it('refuses completing a pre-arrival analysis by hand while the pre-loading one awaits the risk unit (92 at /analysisId), writing nothing', async () => {
    const { mrn } = await lodge('360200');
    await eventually(async () => expect(await types(mrn)).toEqual(['RiskAnalysed']));
    await append(ensStream(mrn), [completed({ mrn, phase: 'pre-arrival', members: [mrn] })]);
    await eventually(async () => expect(await types(mrn)).toEqual(['RiskAnalysed', 'RiskAnalysed']));
    await eventually(async () => expect(await h.asMemberState('DE', 'GetAnalysis', { mrn, analysis_id: 'pre-arrival-1' })).toMatchObject({ ok: true, reply: { status: 'awaiting-risk-unit' } }));
    expect(await h.asMemberState('DE', 'CompleteAssessment', { mrn, analysis_id: 'pre-arrival-1' })).toMatchObject({ ok: false, kind: 'precondition', details: [{ validationCode: '92', pointer: '/analysisId' }] });
    expect(await eventsIn(riskStream(mrn))).toBe(2);
    expect(await h.asMemberState('DE', 'CompleteAssessment', { mrn, analysis_id: 'pre-loading-1' })).toMatchObject({ ok: true, reply: { status: 'assessed' } });
    expect(await h.asMemberState('DE', 'CompleteAssessment', { mrn, analysis_id: 'pre-arrival-1' })).toMatchObject({ ok: true, reply: { status: 'assessed' } });
  });

  // Last: the pre-loading-only criterion it activates applies to every pre-loading analysis after it.
  it('holds a no-hit pre-arrival analysis while the pre-loading one awaits the risk unit, and completes it (IE3N03) when that is assessed', async () => {
    const preLoadingOnly = { id: 'eu-sec-970', version: 1, title: 'Pre-loading only', riskArea: 'security', phases: ['pre-loading'], validFrom: '2026-01-01T00:00:00Z', owner: { kind: 'eu' }, score: 40, condition: { kind: 'hsPrefix', prefixes: ['9701'] } };
    expect(await h.asAdmin('CreateCriterion', { criterion_json: JSON.stringify(preLoadingOnly) })).toMatchObject({ ok: true });
    expect(await h.asAdmin('ActivateCriterion', { id: preLoadingOnly.id, version: 1 })).toMatchObject({ ok: true, reply: { active: true } });
    const { mrn } = await lodge('970110');
    await eventually(async () => expect(await types(mrn)).toEqual(['RiskAnalysed']));
    await append(ensStream(mrn), [completed({ mrn, phase: 'pre-arrival', members: [mrn] })]);
    await eventually(async () => expect((await riskEvents(mrn)).filter((e) => e.type === 'RiskAnalysed').map((e) => e.data.analysisId)).toEqual(['pre-loading-1', 'pre-arrival-1']));
    const [preLoading, preArrival] = await riskEvents(mrn);
    expect(preLoading.type === 'RiskAnalysed' && preLoading.data.hits).toEqual([expect.objectContaining({ criterionId: 'eu-sec-970' })]);
    expect(preArrival.type === 'RiskAnalysed' && preArrival.data.hits).toEqual([]);
    // Held: no IE3N03 of the pre-arrival phase while the pre-loading risk is with the risk unit.
    expect(await types(mrn)).toEqual(['RiskAnalysed', 'RiskAnalysed']);

    expect(await h.asMemberState('DE', 'CompleteAssessment', { mrn, analysis_id: 'pre-loading-1' })).toMatchObject({ ok: true, reply: { status: 'assessed' } });
    expect((await riskEvents(mrn)).slice(2)).toEqual([
      expect.objectContaining({ type: 'RiskAssessmentCompleted', data: expect.objectContaining({ analysisId: 'pre-loading-1', by: 'risk-unit' }) }),
      expect.objectContaining({ type: 'RiskAssessmentCompleted', data: expect.objectContaining({ analysisId: 'pre-arrival-1', phase: 'pre-arrival', by: 'automatic' }) }),
    ]);
    // The risk unit's completion is its user's act; the held one's, set off by it, is the engine's, as every automatic completion.
    expect((await store.readStream(riskStream(mrn))).slice(2).map((e) => e.metadata.actor)).toEqual([
      { kind: 'member-state', memberState: 'DE', userId: expect.any(String) },
      { kind: 'system', component: 'risk-analysis.engine' },
    ]);
    await eventually(async () => expect(await h.asMemberState('DE', 'GetAnalysis', { mrn, analysis_id: 'pre-arrival-1' })).toMatchObject({ ok: true, reply: { status: 'assessed' } }));
  });

  /**
   * A house B/L (F15) of HOUSE whose one goods item has HS code `hs` (and a plain description: the sample's may name
   * goods a criterion looks for), for a master B/L (F12) listing HOUSE.
   */
  const houseFiling = (hs: string): EnsFiling => {
    const goods = sampleFiling('F20', { seed: serial, declarant: DECLARANT, houses: 1, goodsItems: 1, houseDocuments: [HOUSE] }).consignmentMasterLevel!.consignmentHouseLevel[0].goodsItem!;
    const f = minimalFiling({ type: 'F15', declarant: DECLARANT, houses: [HOUSE] });
    return { ...f, consignmentHouseLevel: f.consignmentHouseLevel!.map((h) => ({ ...h, goodsItem: goods.map((g) => ({ ...g, commodity: { ...g.commodity, descriptionOfGoods: "men's cotton T-shirts", commodityCode: { harmonizedSystemSubHeadingCode: hs } } })) })) };
  };

  /** A master B/L (F12) completed (pre-loading) with a house B/L whose goods have HS code `hs`. */
  const lodgeMaster = async (hs: string): Promise<{ master: string; house: string; filing: EnsFiling }> => {
    const [master, house] = [mrnOf(++serial), mrnOf(++serial)];
    await append(ensStream(house), [registered({ mrn: house, filing: houseFiling(hs) })]);
    const head = registered({ mrn: master, type: 'F12', declarant: DECLARANT, houses: [HOUSE] });
    await append(ensStream(master), [
      head,
      responsibilityAssigned({ mrn: master, rms: 'DE', ims: ['BE'] }),
      linked({ mrn: master, linkedMrn: house, linkedLevel: 'house', houseDocument: HOUSE }),
      completed({ mrn: master, phase: 'pre-loading', members: [master, house] }),
    ]);
    return { master, house, filing: head.data.filing };
  };
  /** As the common repository records it: the house invalidated, its link released, a refiled one (HS `hs`) completes the ENS again. */
  const refile = async (master: string, oldHouse: string, hs: string): Promise<string> => {
    const newHouse = mrnOf(++serial);
    await append(ensStream(oldHouse), [invalidated({ mrn: oldHouse })]);
    await append(ensStream(newHouse), [registered({ mrn: newHouse, filing: houseFiling(hs) })]);
    const unlinked: EnsEvent = { type: 'EnsFilingUnlinked', data: { mrn: master, unlinkedMrn: oldHouse, houseDocuments: [HOUSE], reason: 'partner-invalidated', unlinkedAt: clock.now().toISOString() } };
    await append(ensStream(master), [unlinked, linked({ mrn: master, linkedMrn: newHouse, linkedLevel: 'house', houseDocument: HOUSE }), completed({ mrn: master, phase: 'pre-loading', members: [master, newHouse] })]);
    return newHouse;
  };

  /**
   * An appender's transaction left open (the advisory lock every insert into events takes, and an xid): no
   * subscription reads an event appended after it until it ends; direct stream reads still see them.
   */
  const holdSubscriptions = async (): Promise<{ release(): Promise<void> }> => {
    const session = new Client({ connectionString: h.db.adminUrl });
    await session.connect();
    await session.query('BEGIN');
    await session.query('SELECT pg_advisory_xact_lock_shared(80553507438928)');
    await session.query('SELECT pg_current_xact_id()');
    return { release: async () => { await session.query('ROLLBACK'); await session.end(); } };
  };

  it("analyses a completion whose member's filing reaches the store after it, once it does (not skipped for good)", async () => {
    const [master, house] = [mrnOf(++serial), mrnOf(++serial)];
    const handler = h.service.app.app.get(AnalyseFilingHandler);
    const analyse = handler.analyse.bind(handler);
    // Counts the intake's attempts at this ENS once each has finished, so the house is added only after one did.
    let attempts = 0;
    const tried = jest.spyOn(handler, 'analyse').mockImplementation(async (...args) => {
      try {
        return await analyse(...args);
      } finally {
        if (args[0] === master) attempts++;
      }
    });
    try {
      await append(ensStream(master), [
        registered({ mrn: master, type: 'F12', declarant: DECLARANT, houses: [HOUSE] }),
        responsibilityAssigned({ mrn: master, rms: 'DE', ims: ['BE'] }),
        linked({ mrn: master, linkedMrn: house, linkedLevel: 'house', houseDocument: HOUSE }),
        completed({ mrn: master, phase: 'pre-loading', members: [master, house] }),
      ]);
      // The intake has met the completion while the house's filing is not readable.
      await eventually(async () => expect(attempts).toBeGreaterThan(0));
      expect(await types(master)).toEqual([]);
    } finally {
      tried.mockRestore();
    }
    await append(ensStream(house), [registered({ mrn: house, filing: houseFiling('610910') })]);
    await eventually(async () => expect(await types(master)).toEqual(['RiskAnalysed', 'RiskAssessmentCompleted']));
    expect((await riskEvents(master))[0].data).toMatchObject({ analysisId: 'pre-loading-1', trigger: 'ens-complete', members: [master, house] });
  });

  it('names as AEO parties every person filing holding AEO status, a house filer too, not only the head\'s', async () => {
    const [master, house] = [mrnOf(++serial), mrnOf(++serial)];
    const aeoHouseFiler = 'NL000111222333';
    await append(ensStream(house), [registered({ mrn: house, filing: { ...houseFiling('610910'), declarant: { identificationNumber: aeoHouseFiler, name: 'Forwarder BV' } } })]);
    await append(ensStream(master), [
      registered({ mrn: master, type: 'F12', declarant: 'FR555555555', houses: [HOUSE] }),
      responsibilityAssigned({ mrn: master, rms: 'DE', ims: ['BE'] }),
      linked({ mrn: master, linkedMrn: house, linkedLevel: 'house', houseDocument: HOUSE }),
      completed({ mrn: master, phase: 'pre-loading', members: [master, house] }),
    ]);
    await eventually(async () => expect(await types(master)).toContain('RiskAnalysed'));
    expect((await riskEvents(master))[0].data).toMatchObject({ personFiling: 'FR555555555', aeoParties: [aeoHouseFiler] });
  });

  it('re-analyses an ENS completed again with other members (a house invalidated and refiled), and not a completion naming the same ones', async () => {
    const { master, house: oldHouse } = await lodgeMaster('610910');
    await eventually(async () => expect(await types(master)).toEqual(['RiskAnalysed', 'RiskAssessmentCompleted']));
    const newHouse = await refile(master, oldHouse, '360200');
    // The house's unlinking outdates the assessment; the refiled ENS is analysed anew.
    await eventually(async () => expect(await types(master)).toEqual(['RiskAnalysed', 'RiskAssessmentCompleted', 'RiskAssessmentOutdated', 'RiskAnalysed']));
    const again = (await riskEvents(master)).at(-1);
    // The refiled house's goods were analysed: they hit, and the risk unit has them.
    expect(again?.type === 'RiskAnalysed' && again.data).toMatchObject({ analysisId: 'pre-loading-2', trigger: 'ens-recompleted', members: [master, newHouse], hits: [expect.objectContaining({ criterionId: 'eu-sec-001' })] });

    // A completion naming the members the analysis used (another event, so another command id) starts nothing.
    await append(ensStream(master), [completed({ mrn: master, phase: 'pre-loading', members: [master, newHouse] })]);
    const last = (await store.readStream(ensStream(master))).at(-1)!;
    // Handled here as well as by the subscription (the same command id): when this returns, it is through.
    await h.service.app.app.get(AnalyseFilingProcessor).handle(last);
    expect(await types(master)).toEqual(['RiskAnalysed', 'RiskAssessmentCompleted', 'RiskAssessmentOutdated', 'RiskAnalysed']);
  });

  it('re-analyses a linked ENS whose consistency check, recorded after its completion, flags what a criterion looks for; a check finding nothing new starts nothing', async () => {
    // As the common repository records a multiple filing: the link completes the ENS in one append, the check follows in another.
    const [master, house] = [mrnOf(9_001), mrnOf(9_002)];
    await append(ensStream(house), [registered({ mrn: house, filing: houseFiling('610910') })]);
    await append(ensStream(master), [
      registered({ mrn: master, type: 'F12', declarant: DECLARANT, houses: [HOUSE] }),
      responsibilityAssigned({ mrn: master, rms: 'DE', ims: ['BE'] }),
      linked({ mrn: master, linkedMrn: house, linkedLevel: 'house', houseDocument: HOUSE }),
      completed({ mrn: master, phase: 'pre-arrival', members: [master, house] }),
    ]);
    await eventually(async () => expect(await types(master)).toEqual(['RiskAnalysed', 'RiskAssessmentCompleted']));
    const check = (outcome: 'ok' | 'flagged'): EnsEvent => ({
      type: 'EnsConsistencyChecked',
      data: {
        mrn: master,
        outcome,
        differences: outcome === 'ok' ? [] : [{ element: 'grossMass', houseDocument: HOUSE, values: [{ mrn: master, value: 1200 }, { mrn: house, value: 310 }] }],
        checkedAt: clock.now().toISOString(),
      },
    });
    const handleLast = async () => h.service.app.app.get(AnalyseFilingProcessor).handle((await store.readStream(ensStream(master))).at(-1)!);
    // An ok check changes nothing the criteria find: no second analysis of the same ENS (nor a second IE3N03).
    await append(ensStream(master), [check('ok')]);
    await handleLast();
    expect(await types(master)).toEqual(['RiskAnalysed', 'RiskAssessmentCompleted']);
    // A flagged one the analysis could not have seen: analysed again, and eu-sec-013 (mass inconsistent) hits.
    await append(ensStream(master), [check('flagged')]);
    await eventually(async () => expect(await types(master)).toEqual(['RiskAnalysed', 'RiskAssessmentCompleted', 'RiskAnalysed']));
    const again = (await riskEvents(master)).at(-1);
    expect(again?.type === 'RiskAnalysed' && again.data).toMatchObject({ analysisId: 'pre-arrival-2', trigger: 'consistency-checked', members: [master, house], hits: [expect.objectContaining({ criterionId: 'eu-sec-013', house: HOUSE })] });
    // The same findings again (a recheck after an amendment that changed nothing compared) start nothing.
    await append(ensStream(master), [check('flagged')]);
    await handleLast();
    expect(await types(master)).toEqual(['RiskAnalysed', 'RiskAssessmentCompleted', 'RiskAnalysed']);
  });

  it("involves the Member States each filing of a linked ENS touches, a house's delivery country too: they see its analysis and filings, no other does", async () => {
    const [master, house] = [mrnOf(9_003), mrnOf(9_004)];
    // The house is delivered in Italy: the common repository records IT as involved on the house's stream only.
    await append(ensStream(house), [registered({ mrn: house, filing: houseFiling('360200') }), responsibilityAssigned({ mrn: house, rms: 'DE', ims: ['IT'] })]);
    await append(ensStream(master), [
      registered({ mrn: master, type: 'F12', declarant: DECLARANT, houses: [HOUSE] }),
      responsibilityAssigned({ mrn: master, rms: 'DE', ims: ['BE'] }),
      linked({ mrn: master, linkedMrn: house, linkedLevel: 'house', houseDocument: HOUSE }),
      completed({ mrn: master, phase: 'pre-arrival', members: [master, house] }),
    ]);
    await eventually(async () => expect(await types(master)).toEqual(['RiskAnalysed']));
    const [analysed] = await riskEvents(master);
    expect(analysed?.type === 'RiskAnalysed' && analysed.data).toMatchObject({ responsibleMemberState: 'DE', involvedMemberStates: ['BE', 'IT'] });
    await eventually(async () => expect(await h.asMemberState('IT', 'GetAnalysis', { mrn: master, analysis_id: 'pre-arrival-1' })).toMatchObject({ ok: true }));
    await eventually(async () => expect(await h.asMemberState('IT', 'GetFiling', { mrn: master })).toMatchObject({ ok: true, reply: { mrn: master, members: [master, house] } }));
    expect(await h.asMemberState('IT', 'AddRiskMitigation', { mrn: master, analysis_id: 'pre-arrival-1', information: 'consignee known to IT customs' })).toMatchObject({ ok: true });
    expect(await h.asMemberState('FR', 'GetAnalysis', { mrn: master, analysis_id: 'pre-arrival-1' })).toMatchObject({ ok: false, kind: 'not-found' });
    expect(await h.asMemberState('FR', 'GetFiling', { mrn: master })).toMatchObject({ ok: false, kind: 'not-found' });
  });

  it('re-analyses an amended master once, with the ENS as it stands: not again with the members of an earlier completion', async () => {
    const { master, house: oldHouse, filing } = await lodgeMaster('360200');
    await eventually(async () => expect(await types(master)).toEqual(['RiskAnalysed']));
    // The refiled house hits nothing: the ENS is assessed at once.
    const newHouse = await refile(master, oldHouse, '610910');
    await eventually(async () => expect(await types(master)).toEqual(['RiskAnalysed', 'RiskAnalysisSuperseded', 'RiskAnalysed', 'RiskAssessmentCompleted']));
    await append(ensStream(master), [amended({ mrn: master, filing })]);
    await eventually(async () => expect(await types(master)).toEqual(['RiskAnalysed', 'RiskAnalysisSuperseded', 'RiskAnalysed', 'RiskAssessmentCompleted', 'RiskAnalysed', 'RiskAssessmentCompleted']));
    const analyses = (await riskEvents(master)).filter((e) => e.type === 'RiskAnalysed');
    expect(analyses.at(-1)?.data).toMatchObject({ analysisId: 'pre-loading-3', trigger: 'amendment', members: [master, newHouse], hits: [] });
    // Handled here as well as by the subscription (the same command id): nothing more, and no analysis with the invalidated house.
    const amendment = (await store.readStream(ensStream(master))).at(-1)!;
    await h.service.app.app.get(AnalyseFilingProcessor).handle(amendment);
    expect(await types(master)).toHaveLength(6);
  });

  it('leaves an open analysis naming a house unlinked from its master awaiting the ENS\'s completion, then analyses the refiled ENS', async () => {
    const { master, house: oldHouse, filing } = await lodgeMaster('360200');
    await eventually(async () => expect(await h.asMemberState('DE', 'GetAnalysis', { mrn: master, analysis_id: 'pre-loading-1' })).toMatchObject({ ok: true, reply: { status: 'awaiting-risk-unit' } }));
    expect(await h.asMemberState('DE', 'RequestInformation', { mrn: master, analysis_id: 'pre-loading-1', house_documents: [], information: 'the invoice' })).toMatchObject({ ok: true });

    // The house is invalidated: the common repository releases its link on the master's stream; no refiling yet.
    await append(ensStream(oldHouse), [invalidated({ mrn: oldHouse })]);
    await append(ensStream(master), [{ type: 'EnsFilingUnlinked', data: { mrn: master, unlinkedMrn: oldHouse, houseDocuments: [HOUSE], reason: 'partner-invalidated', unlinkedAt: clock.now().toISOString() } }]);
    await eventually(async () => expect(await types(master)).toEqual(['RiskAnalysed', 'ReferralRequested', 'RiskAnalysisSuperseded']));
    expect((await riskEvents(master)).at(-1)?.data).toEqual({
      mrn: master,
      analysisId: 'pre-loading-1',
      phase: 'pre-loading',
      trigger: 'member-unlinked',
      outcome: 'awaiting-completion',
      unlinkedMrn: oldHouse,
      openReferrals: [`${master}-R1`],
      supersededAt: clock.now().toISOString(),
    });
    // The risk unit's queue no longer has it, it refuses decisions, and the referral closed with it.
    await eventually(async () => expect(await h.asMemberState('DE', 'GetAnalysis', { mrn: master, analysis_id: 'pre-loading-1' })).toMatchObject({ ok: true, reply: { status: 'awaiting-completion' } }));
    const queue = await h.asMemberState<{ analyses: { mrn: string }[] }>('DE', 'ListOpenAnalyses', { limit: 1000 });
    expect(queue.ok && queue.reply.analyses.map((a) => a.mrn)).not.toContain(master);
    expect(await h.asMemberState('DE', 'CompleteAssessment', { mrn: master, analysis_id: 'pre-loading-1' })).toMatchObject({ ok: false, kind: 'precondition', details: [{ validationCode: '92' }] });
    expect(await h.asTrader(DECLARANT, 'AnswerReferral', { reference: `${master}-R1`, message_id: 'unlinked-1', message_type: 'IE3R02', information: 'invoice attached' })).toMatchObject({ ok: false, kind: 'not-found' });
    // An amendment meanwhile analyses nothing: the ENS's latest completion still names the invalidated house.
    await append(ensStream(master), [amended({ mrn: master, filing })]);
    const amendment = (await store.readStream(ensStream(master))).at(-1)!;
    // Handled here as well as by the subscription (the same command id): when this returns, it is through.
    await h.service.app.app.get(AnalyseFilingProcessor).handle(amendment);
    expect(await types(master)).toHaveLength(3);

    // A refiled house completes the ENS again: analysed anew, with the members it has now.
    const newHouse = mrnOf(++serial);
    await append(ensStream(newHouse), [registered({ mrn: newHouse, filing: houseFiling('360200') })]);
    await append(ensStream(master), [linked({ mrn: master, linkedMrn: newHouse, linkedLevel: 'house', houseDocument: HOUSE }), completed({ mrn: master, phase: 'pre-loading', members: [master, newHouse] })]);
    await eventually(async () => expect(await types(master)).toEqual(['RiskAnalysed', 'ReferralRequested', 'RiskAnalysisSuperseded', 'RiskAnalysed']));
    expect((await riskEvents(master)).at(-1)?.data).toMatchObject({ analysisId: 'pre-loading-2', trigger: 'ens-recompleted', members: [master, newHouse] });
    await eventually(async () => expect(await h.asMemberState('DE', 'GetAnalysis', { mrn: master, analysis_id: 'pre-loading-1' })).toMatchObject({ ok: true, reply: { status: 'superseded' } }));
  });

  it('outdates an assessed pre-loading analysis naming a house unlinked from its master: a pre-arrival completion of the refiled ENS coming first is held, not assessed on it', async () => {
    const { master, house: oldHouse } = await lodgeMaster('610910');
    await eventually(async () => expect(await types(master)).toEqual(['RiskAnalysed', 'RiskAssessmentCompleted']));

    // The house is invalidated and its link released: the assessment stays (its IE3N03 was sent) but is outdated.
    await append(ensStream(oldHouse), [invalidated({ mrn: oldHouse })]);
    await append(ensStream(master), [{ type: 'EnsFilingUnlinked', data: { mrn: master, unlinkedMrn: oldHouse, houseDocuments: [HOUSE], reason: 'partner-invalidated', unlinkedAt: clock.now().toISOString() } }]);
    await eventually(async () => expect(await types(master)).toEqual(['RiskAnalysed', 'RiskAssessmentCompleted', 'RiskAssessmentOutdated']));
    expect((await riskEvents(master)).at(-1)?.data).toEqual({
      mrn: master,
      analysisId: 'pre-loading-1',
      phase: 'pre-loading',
      trigger: 'member-unlinked',
      unlinkedMrn: oldHouse,
      outdatedAt: clock.now().toISOString(),
    });
    expect(await h.asMemberState('DE', 'GetAnalysis', { mrn: master, analysis_id: 'pre-loading-1' })).toMatchObject({ ok: true, reply: { status: 'assessed' } });

    // A refiled house completes the ENS again, its pre-arrival phase first: no hit, yet held, as no pre-loading
    // assessment stands for the ENS as it is now.
    const newHouse = mrnOf(++serial);
    await append(ensStream(newHouse), [registered({ mrn: newHouse, filing: houseFiling('610910') })]);
    await append(ensStream(master), [linked({ mrn: master, linkedMrn: newHouse, linkedLevel: 'house', houseDocument: HOUSE }), completed({ mrn: master, phase: 'pre-arrival', members: [master, newHouse] })]);
    await eventually(async () => expect(await types(master)).toEqual(['RiskAnalysed', 'RiskAssessmentCompleted', 'RiskAssessmentOutdated', 'RiskAnalysed']));
    expect((await riskEvents(master)).at(-1)?.data).toMatchObject({ analysisId: 'pre-arrival-1', phase: 'pre-arrival', members: [master, newHouse], hits: [] });
    await eventually(async () => {
      const queue = await h.asMemberState<{ analyses: { mrn: string; analysis_id: string; held: boolean }[] }>('DE', 'ListOpenAnalyses', { limit: 1000 });
      expect(queue.ok && queue.reply.analyses.filter((a) => a.mrn === master)).toEqual([expect.objectContaining({ analysis_id: 'pre-arrival-1', held: true })]);
    });

    // Its pre-loading phase completes: analysed anew with the refiled house, no hit, assessed, and the held analysis with it.
    await append(ensStream(master), [completed({ mrn: master, phase: 'pre-loading', members: [master, newHouse] })]);
    await eventually(async () => expect((await riskEvents(master)).length).toBe(7));
    expect((await riskEvents(master)).slice(4)).toEqual([
      expect.objectContaining({ type: 'RiskAnalysed', data: expect.objectContaining({ analysisId: 'pre-loading-2', trigger: 'ens-recompleted', members: [master, newHouse], hits: [] }) }),
      expect.objectContaining({ type: 'RiskAssessmentCompleted', data: expect.objectContaining({ analysisId: 'pre-loading-2', by: 'automatic' }) }),
      expect.objectContaining({ type: 'RiskAssessmentCompleted', data: expect.objectContaining({ analysisId: 'pre-arrival-1', by: 'automatic' }) }),
    ]);
  });

  // Last: the Germany pre-loading criterion it activates applies to every pre-loading analysis after it.
  it("catches a deferred criteria change up with the ENS's members as they stand, not those of the analysis answered", async () => {
    const { master, house: oldHouse } = await lodgeMaster('360200');
    await eventually(async () => expect(await h.asMemberState('DE', 'GetAnalysis', { mrn: master, analysis_id: 'pre-loading-1' })).toMatchObject({ ok: true, reply: { status: 'awaiting-risk-unit' } }));
    expect(await h.asMemberState('DE', 'RequestInformation', { mrn: master, analysis_id: 'pre-loading-1', house_documents: [], information: 'the invoice' })).toMatchObject({ ok: true });
    const criterion = { id: 'de-sec-980', version: 1, title: 'Catch-up members', riskArea: 'security', phases: ['pre-loading'], validFrom: '2026-01-01T00:00:00Z', owner: { kind: 'member-state', memberState: 'DE' }, score: 10, condition: { kind: 'hsPrefix', prefixes: ['0103'] } };
    expect(await h.asMemberState('DE', 'CreateCriterion', { criterion_json: JSON.stringify(criterion) })).toMatchObject({ ok: true });
    expect(await h.asMemberState('DE', 'ActivateCriterion', { id: criterion.id, version: 1 })).toMatchObject({ ok: true });
    const activation = (await store.readStream(`criterion-${criterion.id}`)).find((e) => e.type === 'CriterionActivated');
    await h.service.app.app.get(CriteriaChangedProcessor).handle(activation!);
    expect(await types(master)).toEqual(['RiskAnalysed', 'ReferralRequested']);

    // The ENS completes again before the intake has analysed it: a lag, played here by an open appender
    // transaction that holds every subscription below it (schema/005-appender-watermark.sql), so the intake does not
    // see the refiled house's completion until it ends.
    const lag = await holdSubscriptions();
    try {
      const newHouse = await refile(master, oldHouse, '360200');
      expect(await h.asTrader(DECLARANT, 'AnswerReferral', { reference: `${master}-R1`, message_id: 'members-1', message_type: 'IE3R02', information: 'invoice attached' })).toMatchObject({ ok: true });
      const answer = (await store.readStream(riskStream(master))).find((e) => e.type === 'ReferralAnswered');
      await h.service.app.app.get(CriteriaChangedProcessor).handle(answer!);
      const caughtUp = (await riskEvents(master)).filter((e) => e.type === 'RiskAnalysed').at(-1);
      expect(caughtUp?.data).toMatchObject({ analysisId: 'pre-loading-2', trigger: 'criteria-changed', members: [master, newHouse], criteria: expect.arrayContaining([{ id: 'de-sec-980', version: 1 }]) });
    } finally {
      await lag.release();
    }
  });

  it("re-analyses an open analysis on a criteria change with the ENS's members as they stand, not those the read model has", async () => {
    const { master, house: oldHouse } = await lodgeMaster('360200');
    await eventually(async () => expect(await h.asMemberState('DE', 'GetAnalysis', { mrn: master, analysis_id: 'pre-loading-1' })).toMatchObject({ ok: true, reply: { status: 'awaiting-risk-unit' } }));
    // Completed again with a refiled house while the subscriptions (the intake, ens_filings) lag behind.
    const lag = await holdSubscriptions();
    try {
      const newHouse = await refile(master, oldHouse, '360200');
      const criterion = { id: 'de-sec-981', version: 1, title: 'Change members', riskArea: 'security', phases: ['pre-loading'], validFrom: '2026-01-01T00:00:00Z', owner: { kind: 'member-state', memberState: 'DE' }, score: 10, condition: { kind: 'hsPrefix', prefixes: ['0104'] } };
      expect(await h.asMemberState('DE', 'CreateCriterion', { criterion_json: JSON.stringify(criterion) })).toMatchObject({ ok: true });
      expect(await h.asMemberState('DE', 'ActivateCriterion', { id: criterion.id, version: 1 })).toMatchObject({ ok: true });
      const activation = (await store.readStream(`criterion-${criterion.id}`)).find((e) => e.type === 'CriterionActivated');
      await h.service.app.app.get(CriteriaChangedProcessor).handle(activation!);
      expect(await types(master)).toEqual(['RiskAnalysed', 'RiskAnalysisSuperseded', 'RiskAnalysed']);
      expect((await riskEvents(master)).at(-1)?.data).toMatchObject({ analysisId: 'pre-loading-2', trigger: 'criteria-changed', members: [master, newHouse] });
    } finally {
      await lag.release();
    }
  });

  // After the held test: its pre-loading-only criterion makes a 9701 ENS hit in the pre-loading phase alone.
  it('lists a held pre-arrival analysis as held, not the unit\'s to decide, and escalates its pre-loading analysis, not it', async () => {
    const { mrn } = await lodge('970120');
    await eventually(async () => expect(await types(mrn)).toEqual(['RiskAnalysed']));
    await append(ensStream(mrn), [completed({ mrn, phase: 'pre-arrival', members: [mrn] })]);
    const queue = async () => {
      const r = await h.asMemberState<{ analyses: { mrn: string; analysis_id: string; held: boolean }[] }>('DE', 'ListOpenAnalyses', { limit: 1000 });
      return r.ok ? r.reply.analyses.filter((a) => a.mrn === mrn).map((a) => [a.analysis_id, a.held]) : r;
    };
    await eventually(async () => expect(await queue()).toEqual([['pre-loading-1', false], ['pre-arrival-1', true]]));
    // Past both deadlines (10 min pre-loading, 4 h pre-arrival).
    await h.service.app.app.get(EscalateAnalysisProcessor).runOnce(new Date(clock.now().getTime() + 5 * 3_600_000));
    const escalated = (await riskEvents(mrn)).filter((e) => e.type === 'RiskAnalysisEscalated').map((e) => e.data.analysisId);
    expect(escalated).toEqual(['pre-loading-1']);
  });

  // At the end, for the ENS it lodges (see below).
  it("refuses a decision's text holding a character off the ICS2 set (102) or too long, and a read naming no analysis or filing as not found, writing nothing", async () => {
    const { mrn } = await lodge('360300');
    await eventually(async () => expect(await h.asMemberState('DE', 'GetAnalysis', { mrn, analysis_id: 'pre-loading-1' })).toMatchObject({ ok: true }));
    const decision = { mrn, analysis_id: 'pre-loading-1' };
    const refused = (code: string, pointer: string) => ({ ok: false, kind: 'validation', errorCode: 'RISK.INVALID_MESSAGE', details: [{ validationCode: code, pointer }] });
    const control = (o: object) => ({ ...decision, control_recommendation: { control_type: 'physical', place: 'DE004700', member_state: 'DE', reason: 'fireworks by air', ...o } });
    for (const [text, code] of [['the invoice\u0000', '102'], ['the\u0007invoice', '102'], ['x'.repeat(2_001), '12']]) {
      expect(await h.asMemberState('DE', 'RequestInformation', { ...decision, house_documents: [], information: text })).toMatchObject(refused(code, '/information'));
      expect(await h.asMemberState('DE', 'IssueDoNotLoad', { ...decision, house_documents: [], reason: text })).toMatchObject(refused(code, '/reason'));
      expect(await h.asMemberState('DE', 'DismissHit', { ...decision, criterion_id: 'eu-sec-001', version: 1, reason: text })).toMatchObject(refused(code, '/reason'));
      expect(await h.asMemberState('BE', 'AddRiskMitigation', { ...decision, information: text })).toMatchObject(refused(code, '/information'));
      expect(await h.asMemberState('DE', 'CompleteAssessment', control({ place: text }))).toMatchObject(refused(code, '/controlRecommendation/place'));
      expect(await h.asMemberState('DE', 'CompleteAssessment', control({ reason: text }))).toMatchObject(refused(code, '/controlRecommendation/reason'));
    }
    // A hit named without its criterion or version, a recommendation without its type or Member State: X01; malformed: 12.
    const dismissing = { ...decision, criterion_id: 'eu-sec-001', version: 1, reason: 'known regular shipper' };
    expect(await h.asMemberState('DE', 'DismissHit', { ...dismissing, criterion_id: '' })).toMatchObject(refused('X01', '/criterionId'));
    expect(await h.asMemberState('DE', 'DismissHit', { ...dismissing, criterion_id: 'EU-SEC-001\u0000' })).toMatchObject(refused('12', '/criterionId'));
    expect(await h.asMemberState('DE', 'DismissHit', { ...dismissing, version: 0 })).toMatchObject(refused('X01', '/version'));
    expect(await h.asMemberState('DE', 'DismissHit', { ...dismissing, version: -1 })).toMatchObject(refused('12', '/version'));
    expect(await h.asMemberState('DE', 'CompleteAssessment', control({ control_type: '' }))).toMatchObject(refused('X01', '/controlRecommendation/controlType'));
    expect(await h.asMemberState('DE', 'CompleteAssessment', control({ member_state: '' }))).toMatchObject(refused('X01', '/controlRecommendation/memberState'));
    // An MRN or analysis id of no shape this service gives out is nobody's: not found, as an unknown one.
    const unknown = { ok: false, kind: 'not-found', errorCode: 'RISK.NOT_FOUND' };
    for (const named of [{ mrn: `${mrn}\u0000`, analysis_id: 'pre-loading-1' }, { mrn, analysis_id: 'pre-loading-1\u0000' }, { mrn, analysis_id: 'x'.repeat(10_000) }]) {
      expect(await h.asMemberState('DE', 'GetAnalysis', named)).toMatchObject(unknown);
      expect(await h.asMemberState('DE', 'CompleteAssessment', named)).toMatchObject(unknown);
    }
    expect(await h.asMemberState('DE', 'GetFiling', { mrn: `${mrn}\u0000` })).toMatchObject(unknown);
    expect(await eventsIn(riskStream(mrn))).toBe(1);
    // The same decisions with text of the set are taken, accents and Greek included.
    expect(await h.asMemberState('BE', 'AddRiskMitigation', { ...decision, information: 'destinataire connu, importateur régulier; παραλήπτης γνωστός' })).toMatchObject({ ok: true });
    expect(await h.asMemberState('DE', 'CompleteAssessment', control({}))).toMatchObject({ ok: true, reply: { status: 'assessed' } });
  });

  // At the end: the ENS it lodges would change the samples (seeded by the serial) of every test after it.
  it('re-analyses the open ENS a criteria change reaches several at once (REANALYSIS_CONCURRENCY), each once', async () => {
    const lodged = [await lodge('360300'), await lodge('360300'), await lodge('360300'), await lodge('360300')].map((l) => l.mrn);
    for (const mrn of lodged) {
      await eventually(async () => expect(await h.asMemberState('DE', 'GetAnalysis', { mrn, analysis_id: 'pre-loading-1' })).toMatchObject({ ok: true, reply: { status: 'awaiting-risk-unit' } }));
    }
    // Each re-analysis of these ENS waits (at most 2 s) until three of them have started: one after the other, in
    // the subscription and in the call below, at most two ever run at once.
    const handler = h.service.app.app.get(AnalyseFilingHandler);
    const analyse = handler.analyse.bind(handler);
    let started = 0;
    let running = 0;
    let most = 0;
    let threeStarted!: () => void;
    const barrier = new Promise<void>((resolve) => (threeStarted = resolve));
    const spy = jest.spyOn(handler, 'analyse').mockImplementation(async (...args: Parameters<AnalyseFilingHandler['analyse']>) => {
      if (args[3] !== 'criteria-changed' || !lodged.includes(args[0])) return analyse(...args);
      most = Math.max(most, ++running);
      if (++started >= 3) threeStarted();
      await Promise.race([barrier, new Promise((resolve) => setTimeout(resolve, 2_000))]);
      try {
        return await analyse(...args);
      } finally {
        running--;
      }
    });
    try {
      const criterion = { id: 'de-sec-975', version: 1, title: 'Concurrency test', riskArea: 'security', validFrom: '2026-01-01T00:00:00Z', score: 10, phases: ['pre-loading'], owner: { kind: 'member-state', memberState: 'DE' }, condition: { kind: 'hsPrefix', prefixes: ['0103'] } };
      expect(await h.asMemberState('DE', 'CreateCriterion', { criterion_json: JSON.stringify(criterion) })).toMatchObject({ ok: true });
      expect(await h.asMemberState('DE', 'ActivateCriterion', { id: criterion.id, version: 1 })).toMatchObject({ ok: true, reply: { active: true } });
      const activation = (await store.readStream(`criterion-${criterion.id}`)).find((e) => e.type === 'CriterionActivated');
      await h.service.app.app.get(CriteriaChangedProcessor).handle(activation!);
    } finally {
      spy.mockRestore();
    }
    expect(most).toBeGreaterThanOrEqual(3);
    for (const mrn of lodged) expect(await types(mrn)).toEqual(['RiskAnalysed', 'RiskAnalysisSuperseded', 'RiskAnalysed']);
  });
});
