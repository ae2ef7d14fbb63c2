/**
 * A no-hit pre-arrival analysis waits for the consignment's pre-loading analysis. In ICS2 the carrier loads only
 * after assessment complete (ics2-reference 9): an IE3N03 of the pre-arrival phase would tell the carrier so while
 * the pre-loading risk is still with the risk unit (a referral open, a do-not-load maybe to come). So such an
 * analysis is held, open and automatic, and completes in the decision that assesses the pre-loading analysis.
 * [U] the reference does not say how the two phases' outcomes combine.
 */
import type { RiskAssessmentCompleted } from '@ics2/contracts';
import { awaitsCompletion, currentAnalysis, type Analysis, type RiskState } from '../risk.state';

/**
 * Whether the consignment's pre-loading risk is unresolved: its current pre-loading analysis awaits the risk unit, or
 * the ENS's completion (a member unlinked, while it was open or after it was assessed: no pre-loading assessment
 * stands for the changed ENS until it completes again and is analysed).
 */
export const preLoadingOpen = (state: RiskState): boolean => {
  const current = currentAnalysis(state, 'pre-loading');
  return current?.status === 'awaiting-risk-unit' || awaitsCompletion(current);
};

/**
 * A held analysis: pre-arrival, open, no hit, no manual review. Nothing else leaves such an analysis open (it is
 * assessed at once otherwise), so the state needs no mark of its own.
 */
export const isHeld = (a: Analysis): boolean => a.phase === 'pre-arrival' && a.status === 'awaiting-risk-unit' && a.hits.length === 0 && !a.manualReview;

/** The held pre-arrival analyses, completed automatically now that the pre-loading one is assessed (their IE3N03). */
export function releaseHeld(state: RiskState, at: string): RiskAssessmentCompleted[] {
  if (state.status === 'none') return [];
  return state.analyses.filter(isHeld).map((a) => ({
    type: 'RiskAssessmentCompleted',
    data: { mrn: state.mrn, analysisId: a.analysisId, phase: a.phase, by: 'automatic', responsibleMemberState: a.responsibleMemberState, completedAt: at },
  }));
}
