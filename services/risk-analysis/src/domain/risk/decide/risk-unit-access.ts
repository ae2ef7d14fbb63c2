/**
 * Who may decide on an analysis: the responsible Member State's risk unit. An involved Member State may see it (and
 * add risk-mitigating information) but not decide; any other Member State is told it does not exist.
 */
import type { MemberStateUser } from '@ics2/contracts';
import { outOfSequence, riskNotFound, type RiskRefusal } from '../risk.refusals';
import { analysisOf, type Analysis, type RiskState } from '../risk.state';

const CLOSED: Readonly<Record<Exclude<Analysis['status'], 'awaiting-risk-unit'>, string>> = {
  assessed: 'the analysis is assessed already',
  'do-not-load': 'the analysis is closed by a do-not-load',
  superseded: 'the analysis was superseded by a re-analysis: decide on the latest',
};

export function decidable(state: RiskState, analysisId: string, user: MemberStateUser): Analysis | RiskRefusal {
  const analysis = analysisOf(state, analysisId);
  if (!analysis) return riskNotFound;
  if (analysis.responsibleMemberState !== user.memberState) {
    return analysis.involvedMemberStates.includes(user.memberState) ? { kind: 'permission', reason: 'only the responsible Member State decides' } : riskNotFound;
  }
  if (analysis.status !== 'awaiting-risk-unit') return outOfSequence(CLOSED[analysis.status]);
  return analysis;
}

export const isRefusal = (x: Analysis | RiskRefusal): x is RiskRefusal => 'kind' in x;
