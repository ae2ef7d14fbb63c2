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
  'awaiting-completion': 'a member left the ENS: it is analysed again when it completes again',
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

/**
 * A referral (IE3Q02, IE3Q03) or a do-not-load (IE3Q01) names house documents of the consignment analysed only:
 * another is refused, code 12 at its pointer (the value breaks a rule: it is not a house of this ENS), so no
 * operator is asked about, nor carrier stopped for, goods that are not theirs. Null when all are. [U] an analysis
 * recorded before RiskAnalysed listed its house documents is not checked.
 */
export function foreignHouseDocument(analysis: Analysis, houseDocuments: readonly string[]): RiskRefusal | null {
  if (!analysis.houseDocuments) return null;
  const known = new Set(analysis.houseDocuments);
  const i = houseDocuments.findIndex((d) => !known.has(d));
  return i < 0 ? null : { kind: 'lifecycle', code: '12', pointer: `/houseDocuments/${i}`, reason: 'not a house document of this ENS' };
}
