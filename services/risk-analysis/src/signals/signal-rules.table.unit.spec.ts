import type { ControlEvent, RiskEvent } from '@ics2/contracts';
import { analysed, analysisSuperseded, assessmentCompleted, caseOpened, controlDecided, doNotLoadIssued, hit, referralAnswered, referralRequested, resultRecorded, RISK_DEFAULTS } from '@ics2/testing';
import type { AnalysisFacts } from './signal';
import { draftSignals, factsOf, signalId } from './signal-drafts';

const EVENT_ID = '0b7f6a3e-1111-4c2d-9e8f-000000000001';
const hitAnalysis = analysed({ rms: 'DE', ims: ['BE', 'NL', 'DE'], hits: [hit({ house: 'HAWB-1', score: 40 })] });
const facts = (o: Partial<AnalysisFacts> = {}): AnalysisFacts => ({ ...factsOf(hitAnalysis.data), ...o });
/** The signals of `event`, knowing the hit analysis above unless told otherwise (undefined: unknown analysis). */
const signals = (event: RiskEvent | ControlEvent, ...known: [AnalysisFacts | undefined] | []) =>
  draftSignals(EVENT_ID, event, known.length ? known[0] : facts()).map((d) => ({ to: d.memberState, kind: d.kind, phase: d.phase, payload: d.payload }));

const mitigation = (by: string): RiskEvent => ({
  type: 'RiskMitigationAdded',
  data: { mrn: hitAnalysis.data.mrn, analysisId: 'pre-loading-1', user: { memberState: by, userId: `${by.toLowerCase()}-risk-1` }, information: 'consignee known to us', addedAt: RISK_DEFAULTS.at },
});

describe('signal rules', () => {
  describe('an analysis with hits', () => {
    const out = signals(hitAnalysis, factsOf(hitAnalysis.data));

    it('signals the responsible Member State with every hit whole, matched values included', () => {
      expect(out.filter((s) => s.to === 'DE')).toEqual([
        {
          to: 'DE',
          kind: 'analysis',
          phase: 'pre-loading',
          payload: {
            phase: 'pre-loading',
            trigger: 'ens-complete',
            members: [hitAnalysis.data.mrn],
            involvedMemberStates: ['BE', 'NL', 'DE'],
            manualReview: false,
            hits: [{ criterionId: 'eu-sec-001', version: 1, riskArea: 'security', house: 'HAWB-1', score: 40, aeoReduced: false, matched: [{ path: '/condition', kind: 'hsPrefix', values: ['360200'] }] }],
            totalScore: 40,
            analysedAt: RISK_DEFAULTS.at,
            dueAt: RISK_DEFAULTS.dueAt,
          },
        },
      ]);
    });

    it('tells each involved Member State once, which criteria hit and how much, without the matched values', () => {
      const involved = out.filter((s) => s.to !== 'DE');
      expect(involved.map((s) => [s.to, s.kind])).toEqual([
        ['BE', 'involved'],
        ['NL', 'involved'],
      ]);
      expect(involved[0].payload).toEqual({
        phase: 'pre-loading',
        members: [hitAnalysis.data.mrn],
        responsibleMemberState: 'DE',
        manualReview: false,
        hits: [{ criterionId: 'eu-sec-001', version: 1, riskArea: 'security', house: 'HAWB-1', score: 40 }],
        totalScore: 40,
        analysedAt: RISK_DEFAULTS.at,
        dueAt: RISK_DEFAULTS.dueAt,
      });
      expect(JSON.stringify(involved.map((s) => s.payload))).not.toMatch(/matched|360200|aeoReduced/);
    });
  });

  describe('an analysis without hits', () => {
    it('signals nobody when it is assessed at once', () => {
      const clean = analysed({ hits: [] });
      expect(signals(clean, factsOf(clean.data))).toEqual([]);
    });

    it('goes to the responsible and involved Member States when the responsible one reviews every filing', () => {
      const review = analysed({ hits: [], manualReview: true, ims: ['BE'] });
      expect(signals(review, factsOf(review.data)).map((s) => [s.to, s.kind])).toEqual([
        ['DE', 'analysis'],
        ['BE', 'involved'],
      ]);
    });
  });

  describe('later events of a referred analysis', () => {
    it('sends the answer to a referral back to the responsible Member State only', () => {
      const answered = referralAnswered({ kind: 'RFS', reference: 'REF-7' });
      const withNote: RiskEvent = { ...answered, data: { ...answered.data, screening: { result: 'clear', methods: ['XRY'], additionalInformation: 'screened at LEJ' } } };
      expect(signals(withNote)).toEqual([
        {
          to: 'DE',
          kind: 'referral-answered',
          phase: 'pre-loading',
          payload: { reference: 'REF-7', kind: 'RFS', answeredBy: RISK_DEFAULTS.personFiling, answeredAt: RISK_DEFAULTS.at, answer: { screening: { result: 'clear', methods: ['XRY'], additionalInformation: 'screened at LEJ' } } },
        },
      ]);
    });

    it('escalates to the responsible Member State', () => {
      const escalated: RiskEvent = { type: 'RiskAnalysisEscalated', data: { mrn: hitAnalysis.data.mrn, analysisId: 'pre-loading-1', phase: 'pre-loading', dueAt: RISK_DEFAULTS.dueAt, escalatedAt: '2026-12-01T10:31:00.000Z' } };
      expect(signals(escalated)).toEqual([{ to: 'DE', kind: 'escalation', phase: 'pre-loading', payload: { phase: 'pre-loading', dueAt: RISK_DEFAULTS.dueAt, escalatedAt: '2026-12-01T10:31:00.000Z' } }]);
    });

    it('tells the responsible and involved Member States when a re-analysis takes its place, and what became of it', () => {
      const superseded = analysisSuperseded({ trigger: 'criteria-changed', outcome: 'assessed', openReferrals: ['REF-2'] });
      const payload = { phase: 'pre-loading', supersededBy: 'pre-loading-2', trigger: 'criteria-changed', outcome: 'assessed', openReferrals: ['REF-2'], supersededAt: RISK_DEFAULTS.at };
      expect(signals(superseded)).toEqual(['DE', 'BE', 'NL'].map((to) => ({ to, kind: 'superseded', phase: 'pre-loading', payload })));
    });

    it('passes an involved Member State\'s mitigating information to the responsible one only, naming the Member State not the officer', () => {
      expect(signals(mitigation('BE'))).toEqual([{ to: 'DE', kind: 'mitigation', phase: 'pre-loading', payload: { information: 'consignee known to us', addedBy: 'BE', addedAt: RISK_DEFAULTS.at } }]);
    });

    it('does not echo the responsible Member State\'s own information, referrals or dismissals', () => {
      expect(signals(mitigation('DE'))).toEqual([]);
      expect(signals(referralRequested())).toEqual([]);
      const dismissed: RiskEvent = { type: 'RiskHitDismissed', data: { mrn: hitAnalysis.data.mrn, analysisId: 'pre-loading-1', criterionId: 'eu-sec-001', version: 1, reason: 'known consignee', user: RISK_DEFAULTS.user, dismissedAt: RISK_DEFAULTS.at } };
      expect(signals(dismissed)).toEqual([]);
    });

    it('closes the case for the involved Member States, the control recommendation itself only for the one asked to control', () => {
      const completed = assessmentCompleted();
      const withControl: RiskEvent = { ...completed, data: { ...completed.data, controlRecommendation: { controlType: 'physical', memberState: 'NL', place: 'NL000396' } } };
      expect(signals(withControl)).toEqual([
        { to: 'BE', kind: 'closed', phase: 'pre-loading', payload: { outcome: 'assessed', by: 'risk-unit', completedAt: RISK_DEFAULTS.at, controlRecommended: true } },
        { to: 'NL', kind: 'closed', phase: 'pre-loading', payload: { outcome: 'assessed', by: 'risk-unit', completedAt: RISK_DEFAULTS.at, controlRecommended: true, controlRecommendation: { controlType: 'physical', memberState: 'NL', place: 'NL000396' } } },
      ]);
    });

    it('tells the involved Member States the goods must not be loaded, and not the deciding one', () => {
      expect(signals(doNotLoadIssued())).toEqual(
        ['BE', 'NL'].map((to) => ({ to, kind: 'closed', phase: 'pre-loading', payload: { outcome: 'do-not-load', houseDocuments: ['HAWB-1'], reason: 'improvised explosive device suspected', issuedAt: RISK_DEFAULTS.at } })),
      );
    });
  });

  describe('control decisions and results', () => {
    it('tell the responsible Member State that recommended the control, even unknown to the projection yet, and nobody else', () => {
      const decided = signals(controlDecided({ user: { memberState: 'NL', userId: 'nl-customs-1' } }), undefined);
      expect(decided).toEqual([
        {
          to: 'DE',
          kind: 'control-decision',
          phase: 'pre-arrival',
          payload: { caseId: 'pre-arrival-1', control: true, controlType: 'physical', office: 'DE004700', memberStateOfControl: 'NL', decidedAt: RISK_DEFAULTS.at },
        },
      ]);
      const result = signals(resultRecorded({ outcome: 'seizure', released: false, findings: { goods: 'fireworks', confirmedCriteria: [{ id: 'eu-sec-001', version: 1 }] } }), undefined);
      expect(result).toEqual([
        {
          to: 'DE',
          kind: 'control-result',
          phase: 'pre-arrival',
          payload: { caseId: 'pre-arrival-1', resultId: 'pre-arrival-1-r1', outcome: 'seizure', released: false, confirmedCriteria: [{ id: 'eu-sec-001', version: 1 }], memberStateOfControl: 'DE', recordedAt: RISK_DEFAULTS.at },
        },
      ]);
      // The goods and quantities stay with the case.
      expect(JSON.stringify(result)).not.toContain('fireworks');
      expect(signals(resultRecorded({ n: 2, corrects: 'pre-arrival-1-r1' }), undefined)[0].payload).toMatchObject({ corrects: 'pre-arrival-1-r1' });
    });

    it('signal nothing when a case opens: the recommending unit made it', () => expect(signals(caseOpened(), undefined)).toEqual([]));
  });

  describe('events of analyses that never went to a risk unit, or that the projection does not know', () => {
    it('signal nobody', () => {
      expect(signals(assessmentCompleted({ by: 'automatic' }), facts({ referred: false }))).toEqual([]);
      expect(signals(analysisSuperseded(), facts({ referred: false }))).toEqual([]);
      expect(signals(referralAnswered(), undefined)).toEqual([]);
      expect(signals(mitigation('BE'), undefined)).toEqual([]);
    });
  });

  describe('signal ids', () => {
    it('are the same for the same event, kind and Member State, and differ otherwise', () => {
      const first = draftSignals(EVENT_ID, hitAnalysis, factsOf(hitAnalysis.data));
      expect(draftSignals(EVENT_ID, hitAnalysis, factsOf(hitAnalysis.data)).map((d) => d.id)).toEqual(first.map((d) => d.id));
      expect(new Set(first.map((d) => d.id)).size).toBe(first.length);
      expect(first[0].id).toBe(signalId(EVENT_ID, 'analysis', 'DE'));
      expect(draftSignals('0b7f6a3e-1111-4c2d-9e8f-000000000002', hitAnalysis, undefined)[0].id).not.toBe(first[0].id);
    });
  });
});
