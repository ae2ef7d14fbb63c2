import type { RiskEvent } from '@ics2/contracts';
import type { AddMitigation } from '../risk.commands';
import { outOfSequence, riskNotFound, type RiskRefusal } from '../risk.refusals';
import { analysisOf, type RiskState } from '../risk.state';

/** Involved Member States (and the responsible one) add risk-mitigating information while the analysis is open. */
export function addMitigation(command: AddMitigation['data'], state: RiskState): readonly RiskEvent[] | RiskRefusal {
  const analysis = analysisOf(state, command.analysisId);
  const ms = command.user.memberState;
  if (!analysis || state.status === 'none' || (analysis.responsibleMemberState !== ms && !analysis.involvedMemberStates.includes(ms))) return riskNotFound;
  if (analysis.status !== 'awaiting-risk-unit') return outOfSequence('the analysis is closed');
  return [{ type: 'RiskMitigationAdded', data: { mrn: state.mrn, analysisId: analysis.analysisId, user: command.user, information: command.information, addedAt: command.at } }];
}
