import type { RiskEvent } from '@ics2/contracts';
import { analysed, assessmentCompleted, hit, RISK_DEFAULTS } from '@ics2/testing';
import { caseFromAnalysis } from './case-from-analysis';

const recommendation = { controlType: 'scan', memberState: 'NL' };
const completedWith = (o: { analysisId?: string } = {}) => ({ ...assessmentCompleted(o).data, controlRecommendation: recommendation });

describe('the case a control recommendation opens', () => {
  const first = analysed({ hits: [hit(), hit({ criterionId: 'eu-ipr-001', house: 'HAWB-1' }), hit({ criterionId: 'eu-ipr-001', house: 'HAWB-2' })] });
  const dismissed: RiskEvent = { type: 'RiskHitDismissed', data: { mrn: first.data.mrn, analysisId: 'pre-loading-1', criterionId: 'eu-sec-001', version: 1, reason: 'known shipper', user: RISK_DEFAULTS.user, dismissedAt: RISK_DEFAULTS.at } };

  it('is for the recommended Member State, with the analysis parties and the criteria of the hits not dismissed, each once', () => {
    expect(caseFromAnalysis(completedWith(), [first, dismissed])).toMatchObject({
      caseId: 'pre-loading-1',
      memberStateOfControl: 'NL',
      responsibleMemberState: 'DE',
      involvedMemberStates: ['BE'],
      personFiling: RISK_DEFAULTS.personFiling,
      carrier: RISK_DEFAULTS.carrier,
      aeoParties: [],
      criteria: [{ id: 'eu-ipr-001', version: 1 }],
      recommendation,
    });
  });

  it('concerns the analysis the assessment concludes, not an earlier one', () => {
    const second = analysed({ n: 2, trigger: 'amendment', hits: [hit({ criterionId: 'eu-saf-001' })] });
    expect(caseFromAnalysis(completedWith({ analysisId: 'pre-loading-2' }), [first, dismissed, second])).toMatchObject({ caseId: 'pre-loading-2', criteria: [{ id: 'eu-saf-001', version: 1 }] });
  });

  it('is none without a recommendation, or without the analysis', () => {
    expect(caseFromAnalysis(assessmentCompleted().data, [first])).toBeNull();
    expect(caseFromAnalysis(completedWith(), [])).toBeNull();
  });
});
