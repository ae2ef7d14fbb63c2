/**
 * Who may decide on an analysis: the responsible Member State's risk unit. An involved Member State may see it (and
 * add risk-mitigating information) but not decide; any other Member State is told it does not exist.
 */
import type { MemberStateUser } from '@ics2/contracts';
import { outOfSequence, riskNotFound, type RiskRefusal } from '../risk.refusals';
import { analysisOf, type Analysis, type RiskState } from '../risk.state';

export function decidable(state: RiskState, analysisId: string, user: MemberStateUser): Analysis | RiskRefusal {
  const analysis = analysisOf(state, analysisId);
  if (!analysis) return riskNotFound;
  if (analysis.responsibleMemberState !== user.memberState) {
    return analysis.involvedMemberStates.includes(user.memberState) ? { kind: 'permission', reason: 'only the responsible Member State decides' } : riskNotFound;
  }
  if (analysis.status !== 'awaiting-risk-unit') return outOfSequence(`the analysis is ${analysis.status === 'assessed' ? 'assessed already' : 'closed by a do-not-load'}`);
  return analysis;
}

export const isRefusal = (x: Analysis | RiskRefusal): x is RiskRefusal => 'kind' in x;
