/**
 * The case a control recommendation opens, from the risk stream as it stood at the assessment: the analysis it
 * concludes gives the filings, the parties to notify and the Member States; its hits the risk unit did not dismiss
 * are the criteria the control may confirm. Pure: the processor reads, this decides what the case holds.
 */
import type { RiskAssessmentCompleted, RiskEvent } from '@ics2/contracts';
import { normaliseMemberStateCode } from '@ics2/domain';
import type { OpenControlCase } from '../domain/control-case.commands';

export function caseFromAnalysis(completed: RiskAssessmentCompleted['data'], riskHistory: readonly RiskEvent[]): OpenControlCase['data'] | null {
  const recommendation = completed.controlRecommendation;
  if (!recommendation) return null;
  const analysed = riskHistory.find((e) => e.type === 'RiskAnalysed' && e.data.analysisId === completed.analysisId);
  if (!analysed || analysed.type !== 'RiskAnalysed') return null;
  const a = analysed.data;
  const dismissed = new Set(
    riskHistory.flatMap((e) => (e.type === 'RiskHitDismissed' && e.data.analysisId === a.analysisId ? [`${e.data.criterionId}@${e.data.version}@${e.data.house ?? ''}`] : [])),
  );
  const criteria = new Map<string, { id: string; version: number }>();
  for (const h of a.hits) {
    if (!dismissed.has(`${h.criterionId}@${h.version}@${h.house ?? ''}`)) criteria.set(`${h.criterionId}@${h.version}`, { id: h.criterionId, version: h.version });
  }
  return {
    mrn: a.mrn,
    caseId: a.analysisId,
    analysisId: a.analysisId,
    phase: a.phase,
    members: a.members,
    recommendation,
    responsibleMemberState: a.responsibleMemberState,
    involvedMemberStates: a.involvedMemberStates,
    // Recommendations recorded before risk-analysis's door read EL as GR may say EL: the Greek queue is under GR.
    memberStateOfControl: normaliseMemberStateCode(recommendation.memberState),
    personFiling: a.personFiling,
    ...(a.carrier ? { carrier: a.carrier } : {}),
    aeoParties: a.aeoParties ?? [],
    criteria: [...criteria.values()],
    openedAt: completed.completedAt,
  };
}
