import type { RiskEvent } from '@ics2/contracts';
import type { CompleteAssessment } from '../risk.commands';
import type { RiskRefusal } from '../risk.refusals';
import type { RiskState } from '../risk.state';
import { releaseHeld } from './held-pre-arrival';
import { decidable, isRefusal } from './risk-unit-access';

/**
 * The risk unit completes the assessment (IE3N03), with or without a control recommendation (type, place, Member State).
 * Completing the pre-loading analysis completes, automatically, a no-hit pre-arrival analysis held for it.
 */
export function completeAssessment(command: CompleteAssessment['data'], state: RiskState): readonly RiskEvent[] | RiskRefusal {
  const analysis = decidable(state, command.analysisId, command.user);
  if (isRefusal(analysis)) return analysis;
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
