import { analysed, analysisSuperseded, assessmentCompleted, deciderSpec, DEFAULTS, doNotLoadIssued, hit, referralAnswered, referralRequested, refused, RISK_DEFAULTS } from '@ics2/testing';
import type { MemberStateUser } from '@ics2/contracts';
import { actorOfRiskEvent } from '../risk.actors';
import { riskDecider } from '../risk.decider';
import { mrnOfReference } from './request-referral';

const given = deciderSpec(riskDecider);
const DE = RISK_DEFAULTS.user;
const BE: MemberStateUser = { memberState: 'BE', userId: 'be-1' };
const FR: MemberStateUser = { memberState: 'FR', userId: 'fr-1' };
const at = RISK_DEFAULTS.at;

const rfi = (user = DE) => ({ type: 'RequestReferral' as const, data: { analysisId: 'pre-loading-1', kind: 'RFI' as const, houseDocuments: ['HAWB-1'], information: 'commercial invoice', user, at } });
const rfs = (methods: string[] = ['XRY']) => ({ type: 'RequestReferral' as const, data: { analysisId: 'pre-loading-1', kind: 'RFS' as const, houseDocuments: ['HAWB-1'], recommendedMethods: methods, user: DE, at } });
const REF_1 = `${DEFAULTS.mrn}-R1`;
const REF_2 = `${DEFAULTS.mrn}-R2`;
const complete = (user = DE) => ({ type: 'CompleteAssessment' as const, data: { analysisId: 'pre-loading-1', user, at } });

describe('risk unit decisions', () => {
  describe('request for information', () => {
    it('goes to the person filing, and the carrier is told (IE3Q02 / IE3N04)', () => given([analysed()]).when(rfi()).then([referralRequested({ reference: REF_1 })]));
    it('is for the responsible Member State: an involved one may not, any other is told the analysis does not exist', () => {
      given([analysed()]).when(rfi(BE)).then(refused({ kind: 'permission', reason: 'only the responsible Member State decides' }));
      given([analysed()]).when(rfi(FR)).then(refused({ kind: 'not-found' }));
    });
    it('is refused once the assessment is complete (92)', () => given([analysed(), assessmentCompleted()]).when(rfi()).then(refused({ kind: 'lifecycle', code: '92', reason: 'the analysis is assessed already' })));
    it('is refused on an analysis a re-analysis superseded (92): the risk unit decides on the latest', () => {
      given([analysed(), analysed({ trigger: 'amendment', n: 2 })]).when(rfi()).then(refused({ kind: 'lifecycle', code: '92', reason: 'the analysis was superseded by a re-analysis: decide on the latest' }));
      given([analysed(), analysisSuperseded(), analysed({ trigger: 'amendment', n: 2 })])
        .when(rfi())
        .then(refused({ kind: 'lifecycle', code: '92', reason: 'the analysis was superseded by a re-analysis: decide on the latest' }));
    });
    it('numbers its references within the ENS, so an answer names its stream', () => {
      expect(mrnOfReference(REF_2)).toBe(DEFAULTS.mrn);
      expect(mrnOfReference('REF-2')).toBeNull();
    });
    it('can loop: a second request after an answer', () => {
      given([analysed(), referralRequested({ reference: REF_1 }), referralAnswered({ reference: REF_1 })]).when(rfi(DE)).then([referralRequested({ reference: REF_2 })]);
    });
  });

  describe('a referral on a multiple filing (memberFilers)', () => {
    const FORWARDER = 'FR555555555';
    const OTHER = 'NL666666666';
    const family = (third = FORWARDER) =>
      analysed({
        members: [DEFAULTS.mrn, 'H-1', 'H-2'],
        houseDocuments: ['HAWB-1', 'HAWB-2'],
        memberFilers: [
          { mrn: DEFAULTS.mrn, personFiling: RISK_DEFAULTS.personFiling, houseDocuments: ['HAWB-1', 'HAWB-2'] },
          { mrn: 'H-1', personFiling: FORWARDER, houseDocuments: ['HAWB-1'] },
          { mrn: 'H-2', personFiling: third, houseDocuments: ['HAWB-2'] },
        ],
      });
    const on = (houseDocuments: string[]) => ({ type: 'RequestReferral' as const, data: { ...rfi().data, houseDocuments } });
    it("goes to the filer of the house filings that declare the houses it names: they hold what is asked, the master's filer need not", () => {
      given([family()]).when(on(['HAWB-1'])).then([referralRequested({ reference: REF_1, personFiling: FORWARDER })]);
      given([family()]).when(on(['HAWB-1', 'HAWB-2'])).then([referralRequested({ reference: REF_1, personFiling: FORWARDER, houseDocuments: ['HAWB-1', 'HAWB-2'] })]);
    });
    it('goes to the head\'s filer for the whole consignment, for houses of several filers, or an analysis without memberFilers', () => {
      given([family()]).when(on([])).then([referralRequested({ reference: REF_1, houseDocuments: [] })]);
      given([family(OTHER)]).when(on(['HAWB-1', 'HAWB-2'])).then([referralRequested({ reference: REF_1, houseDocuments: ['HAWB-1', 'HAWB-2'] })]);
      given([analysed({ houseDocuments: ['HAWB-1'] })]).when(on(['HAWB-1'])).then([referralRequested({ reference: REF_1 })]);
    });
  });

  describe('HRCM screening request', () => {
    it('names the recommended methods (IE3Q03 / IE3N05)', () => given([analysed()]).when(rfs()).then([referralRequested({ kind: 'RFS', reference: REF_1 })]));
    it('may recommend none (recommendedHRCMScreeningMethod 0..9): the operator chooses', () =>
      given([analysed()]).when(rfs([])).then([referralRequested({ kind: 'RFS', reference: REF_1, recommendedMethods: [] })]));
  });

  describe('do not load', () => {
    const dnl = (analysisId = 'pre-loading-1') => ({ type: 'IssueDoNotLoad' as const, data: { analysisId, houseDocuments: ['HAWB-1'], reason: 'improvised explosive device suspected', user: DE, at } });
    it('goes to the carrier (IE3Q01) and closes the analysis', () => given([analysed()]).when(dnl()).then([doNotLoadIssued()]));
    it('is final: nothing more is decided', () => given([analysed(), doNotLoadIssued()]).when(complete()).then(refused({ kind: 'lifecycle', code: '92', reason: 'the analysis is closed by a do-not-load' })));
    it('closes the consignment\'s other open analysis too: no decision on it, no escalation', () => {
      const both = [analysed(), analysed({ phase: 'pre-arrival' }), doNotLoadIssued()];
      given(both)
        .when({ type: 'CompleteAssessment', data: { analysisId: 'pre-arrival-1', user: DE, at } })
        .then(refused({ kind: 'lifecycle', code: '92', reason: 'the analysis is closed by a do-not-load' }));
      given(both).when({ type: 'Escalate', data: { at: '2099-01-01T00:00:00.000Z' } }).thenNothingHappened();
    });
    it('belongs to the pre-loading analysis', () => given([analysed({ phase: 'pre-arrival' })]).when(dnl('pre-arrival-1')).then(refused({ kind: 'lifecycle', code: '12', reason: 'do not load is decided in the pre-loading analysis' })));
  });

  describe('assessment complete', () => {
    it('by the risk unit, with a control recommendation', () => {
      const recommendation = { controlType: 'physical', place: 'DE004700', memberState: 'DE' };
      given([analysed()])
        .when({ type: 'CompleteAssessment', data: { analysisId: 'pre-loading-1', controlRecommendation: recommendation, user: DE, at } })
        .then([{ type: 'RiskAssessmentCompleted', data: { mrn: DEFAULTS.mrn, analysisId: 'pre-loading-1', phase: 'pre-loading', by: 'risk-unit', user: DE, responsibleMemberState: 'DE', controlRecommendation: recommendation, completedAt: at } }]);
    });
    it("completes a held no-hit pre-arrival analysis with the pre-loading one, as the engine's act, not the risk unit user's", () => {
      const decision = given([analysed(), analysed({ phase: 'pre-arrival', hits: [] })]).when(complete()).decision();
      expect(decision).toEqual([assessmentCompleted({ by: 'risk-unit' }), assessmentCompleted({ by: 'automatic', analysisId: 'pre-arrival-1', phase: 'pre-arrival' })]);
      // The risk unit's completion is the command's sender's (undefined: the envelope's actor); the held one is the engine's.
      expect(Array.isArray(decision) && decision.map(actorOfRiskEvent)).toEqual([undefined, { kind: 'system', component: 'risk-analysis.engine' }]);
    });
    it('of an unknown analysis is not found', () => given([analysed()]).when({ type: 'CompleteAssessment', data: { analysisId: 'pre-arrival-7', user: DE, at } }).then(refused({ kind: 'not-found' })));
    describe('of a pre-arrival analysis while the pre-loading analysis of the ENS awaits the risk unit', () => {
      const completePreArrival = { type: 'CompleteAssessment' as const, data: { analysisId: 'pre-arrival-1', user: DE, at } };
      const waiting = refused({ kind: 'lifecycle' as const, code: '92' as const, pointer: '/analysisId', reason: "the ENS's pre-loading analysis awaits the risk unit: assess it first" });
      it('is refused (92 at /analysisId): its IE3N03 would let the carrier load before the pre-loading risk is resolved', () => {
        given([analysed(), analysed({ phase: 'pre-arrival' })]).when(completePreArrival).then(waiting);
        given([analysed(), referralRequested(), analysed({ phase: 'pre-arrival' })]).when(completePreArrival).then(waiting);
        given([analysed(), analysed({ phase: 'pre-arrival', hits: [], manualReview: true })]).when(completePreArrival).then(waiting);
      });
      it('is taken once the pre-loading analysis is assessed', () =>
        given([analysed(), analysed({ phase: 'pre-arrival' }), assessmentCompleted()])
          .when(completePreArrival)
          .then([assessmentCompleted({ analysisId: 'pre-arrival-1', phase: 'pre-arrival' })]));
    });
  });

  describe('dismissing a hit', () => {
    const dismiss = (criterionId = 'eu-sec-001') => ({ type: 'DismissHit' as const, data: { analysisId: 'pre-loading-1', criterionId, version: 1, reason: 'known regular shipper', user: DE, at } });
    it('records the false positive with its reason, once', () => {
      const [event] = given([analysed()]).when(dismiss()).decision() as unknown as { type: string; data: { reason: string } }[];
      expect(event).toMatchObject({ type: 'RiskHitDismissed', data: { criterionId: 'eu-sec-001', version: 1, reason: 'known regular shipper' } });
      given([analysed(), event as never]).when(dismiss()).thenNothingHappened();
    });
    it('refuses a hit the analysis does not have', () => given([analysed({ hits: [hit()] })]).when(dismiss('eu-xxx-9')).then(refused({ kind: 'lifecycle', code: '12', reason: 'the analysis has no such hit' })));
  });

  describe('risk-mitigating information', () => {
    const mitigate = (user: MemberStateUser) => ({ type: 'AddMitigation' as const, data: { analysisId: 'pre-loading-1', information: 'consignee known to us, regular importer', user, at } });
    it('may come from an involved Member State', () => {
      given([analysed()]).when(mitigate(BE)).then([{ type: 'RiskMitigationAdded', data: { mrn: DEFAULTS.mrn, analysisId: 'pre-loading-1', user: BE, information: 'consignee known to us, regular importer', addedAt: at } }]);
    });
    it('never from a Member State not concerned', () => given([analysed()]).when(mitigate(FR)).then(refused({ kind: 'not-found' })));
  });

  describe('the deadline', () => {
    const escalate = (when: string) => ({ type: 'Escalate' as const, data: { at: when } });
    it('escalates an open analysis past its deadline, once', () => {
      given([analysed()]).when(escalate('2026-12-01T10:30:00.000Z')).then([{ type: 'RiskAnalysisEscalated', data: { mrn: DEFAULTS.mrn, analysisId: 'pre-loading-1', phase: 'pre-loading', dueAt: RISK_DEFAULTS.dueAt, escalatedAt: '2026-12-01T10:30:00.000Z' } }]);
    });
    it('does nothing before the deadline or for an assessed analysis', () => {
      given([analysed()]).when(escalate('2026-12-01T10:29:59.999Z')).thenNothingHappened();
      given([analysed(), assessmentCompleted()]).when(escalate('2026-12-02T00:00:00.000Z')).thenNothingHappened();
    });
    it('leaves a held no-hit pre-arrival analysis alone: its pre-loading analysis escalates, not it', () => {
      const escalated = (phase: 'pre-loading' | 'pre-arrival') => ({ type: 'RiskAnalysisEscalated' as const, data: { mrn: DEFAULTS.mrn, analysisId: `${phase}-1`, phase, dueAt: RISK_DEFAULTS.dueAt, escalatedAt: '2026-12-02T00:00:00.000Z' } });
      given([analysed(), analysed({ phase: 'pre-arrival', hits: [] })]).when(escalate('2026-12-02T00:00:00.000Z')).then([escalated('pre-loading')]);
      given([analysed(), escalated('pre-loading'), analysed({ phase: 'pre-arrival', hits: [] })]).when(escalate('2026-12-02T00:00:00.000Z')).thenNothingHappened();
      // One the risk unit reviews (manual review, or hits) is its own to decide, and escalates.
      given([analysed(), analysed({ phase: 'pre-arrival', hits: [], manualReview: true })]).when(escalate('2026-12-02T00:00:00.000Z')).then([escalated('pre-loading'), escalated('pre-arrival')]);
      given([analysed(), analysed({ phase: 'pre-arrival' })]).when(escalate('2026-12-02T00:00:00.000Z')).then([escalated('pre-loading'), escalated('pre-arrival')]);
    });
  });

  describe('house documents named by a referral or a do-not-load', () => {
    const houses = analysed({ houseDocuments: ['HAWB-1', 'HAWB-2'] });
    const naming = (houseDocuments: string[]) => ({
      rfi: { type: 'RequestReferral' as const, data: { ...rfi().data, houseDocuments } },
      rfs: { type: 'RequestReferral' as const, data: { ...rfs().data, houseDocuments } },
      dnl: { type: 'IssueDoNotLoad' as const, data: { analysisId: 'pre-loading-1', houseDocuments, reason: 'improvised explosive device suspected', user: DE, at } },
    });
    const notOfTheEns = (pointer: string) => refused({ kind: 'lifecycle' as const, code: '12' as const, pointer, reason: 'not a house document of this ENS' });
    it("are the consignment's own", () => {
      given([houses]).when(naming(['HAWB-1']).rfi).then([referralRequested({ reference: REF_1 })]);
      given([houses]).when(naming(['HAWB-1']).dnl).then([doNotLoadIssued()]);
    });
    it('refuse one that is not a house of the ENS (12 at its pointer): IE3Q02, IE3Q03 and IE3Q01 alike', () => {
      given([houses]).when(naming(['HAWB-9']).rfi).then(notOfTheEns('/houseDocuments/0'));
      given([houses]).when(naming(['HAWB-2', 'HAWB-9']).rfs).then(notOfTheEns('/houseDocuments/1'));
      given([houses]).when(naming(['HAWB-9']).dnl).then(notOfTheEns('/houseDocuments/0'));
    });
    it('are not checked on an analysis recorded before it listed its house documents', () => given([analysed()]).when(naming(['HAWB-9']).rfi).then([{ ...referralRequested({ reference: REF_1 }), data: { ...referralRequested({ reference: REF_1 }).data, houseDocuments: ['HAWB-9'] } }]));
  });
});
