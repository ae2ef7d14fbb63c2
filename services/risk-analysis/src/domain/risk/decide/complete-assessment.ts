import type { RiskEvent } from '@ics2/contracts';
import type { CompleteAssessment } from '../risk.commands';
import type { RiskRefusal } from '../risk.refusals';
import { awaitsCompletion, currentAnalysis, type RiskState } from '../risk.state';
import { preLoadingOpen, releaseHeld } from './held-pre-arrival';
import { decidable, isRefusal } from './risk-unit-access';

/**
 * The risk unit completes the assessment (IE3N03), with or without a control recommendation (type, place, Member State).
 * Completing the pre-loading analysis completes, automatically, a no-hit pre-arrival analysis held for it. A
 * pre-arrival analysis is not completed while the ENS's pre-loading analysis awaits the risk unit, or the ENS's
 * completion (a member left it): its IE3N03 would tell the carrier to load before the pre-loading risk is resolved
 * (92 at `/analysisId`, the reason saying which) [U].
 */
export function completeAssessment(command: CompleteAssessment['data'], state: RiskState): readonly RiskEvent[] | RiskRefusal {
  const analysis = decidable(state, command.analysisId, command.user);
  if (isRefusal(analysis)) return analysis;
  if (analysis.phase === 'pre-arrival' && preLoadingOpen(state)) {
    const reason = awaitsCompletion(currentAnalysis(state, 'pre-loading'))
      ? "the ENS's pre-loading analysis awaits the ENS's completion (a member left it): it is analysed again first"
      : "the ENS's pre-loading analysis awaits the risk unit: assess it first";
    return { kind: 'lifecycle', code: '92', pointer: '/analysisId', reason };
  }
  return [
    {
      type: 'RiskAssessmentCompleted',
      data: {
        mrn: state.status === 'analysed' ? state.mrn : '',
        analysisId: analysis.analysisId,
        phase: analysis.phase,
        by: 'risk-unit',
        user: command.user,
        responsibleMemberState: analysis.responsibleMemberState,
        ...(command.controlRecommendation ? { controlRecommendation: command.controlRecommendation } : {}),
        completedAt: command.at,
      },
    },
    ...(analysis.phase === 'pre-loading' ? releaseHeld(state, command.at) : []),
  ];
}
