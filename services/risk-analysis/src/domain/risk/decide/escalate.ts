import type { RiskEvent } from '@ics2/contracts';
import type { Escalate } from '../risk.commands';
import type { RiskRefusal } from '../risk.refusals';
import type { RiskState } from '../risk.state';
import { isHeld, preLoadingOpen } from './held-pre-arrival';

/**
 * Every open analysis past its deadline, not yet escalated, is escalated to the risk unit once; not a held no-hit
 * pre-arrival analysis: the unit has nothing to decide on it (it completes with the pre-loading analysis, which
 * escalates at its own deadline) [U].
 */
export function escalate(command: Escalate['data'], state: RiskState): readonly RiskEvent[] | RiskRefusal {
  if (state.status === 'none') return [];
  const holding = preLoadingOpen(state);
  return state.analyses
    .filter((a) => a.status === 'awaiting-risk-unit' && !a.escalated && Date.parse(a.dueAt) <= Date.parse(command.at) && !(holding && isHeld(a)))
    .map((a) => ({ type: 'RiskAnalysisEscalated', data: { mrn: state.mrn, analysisId: a.analysisId, phase: a.phase, dueAt: a.dueAt, escalatedAt: command.at } }));
}
