import type { RiskEvent } from '@ics2/contracts';
import type { CompleteAssessment } from '../risk.commands';
import type { RiskRefusal } from '../risk.refusals';
import type { RiskState } from '../risk.state';
import { preLoadingOpen, releaseHeld } from './held-pre-arrival';
import { decidable, isRefusal } from './risk-unit-access';

/**
 * The risk unit completes the assessment (IE3N03), with or without a control recommendation (type, place, Member State).
 * Completing the pre-loading analysis completes, automatically, a no-hit pre-arrival analysis held for it. A
 * pre-arrival analysis is not completed while the ENS's pre-loading analysis awaits the risk unit: its IE3N03 would
 * tell the carrier to load before the pre-loading risk is resolved (92 at `/analysisId`) [U].
 */
export function completeAssessment(command: CompleteAssessment['data'], state: RiskState): readonly RiskEvent[] | RiskRefusal {
  const analysis = decidable(state, command.analysisId, command.user);
  if (isRefusal(analysis)) return analysis;
  if (analysis.phase === 'pre-arrival' && preLoadingOpen(state)) {
    return { kind: 'lifecycle', code: '92', pointer: '/analysisId', reason: "the ENS's pre-loading analysis awaits the risk unit: assess it first" };
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
