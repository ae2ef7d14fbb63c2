import type { RiskEvent } from '@ics2/contracts';
import type { Analyse } from '../risk.commands';
import type { RiskRefusal } from '../risk.refusals';
import { criteriaKeys, currentAnalysis, type RiskState } from '../risk.state';

const sameCriteria = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((k, i) => k === b[i]);

/**
 * An analysis of the ENS for one phase (issue 4, "The flow"): recorded with the active criteria versions and every
 * hit. No hit and no manual-review policy: assessment complete at once (IE3N03). A do-not-load is final: nothing
 * analyses that consignment again. The ENS completing twice (a redelivery) does not start a second analysis;
 * amendments and new criteria do. A criteria change that leaves the active set as the current analysis used it (an
 * activation it already ran with, seen late by the criteria-changes subscription) starts none either: the same
 * criteria on the same data give the same hits, and a new analysis would supersede the open one and its referrals.
 */
export function analyse(command: Analyse['data'], state: RiskState): readonly RiskEvent[] | RiskRefusal {
  const current = currentAnalysis(state, command.phase);
  // A do-not-load in any phase ends the consignment's analysis: no pre-arrival analysis (nor IE3N03) after it.
  if (state.status === 'analysed' && state.analyses.some((a) => a.status === 'do-not-load')) return [];
  if (current && command.trigger === 'ens-complete') return [];
  if (current && command.trigger === 'criteria-changed' && sameCriteria(current.criteria, criteriaKeys(command.criteria))) return [];
  // Re-analysis is of an ENS analysed before; one not yet analysed is analysed when it completes.
  if (!current && command.trigger !== 'ens-complete') return [];
  const count = state.status === 'none' ? 0 : state.analyses.filter((a) => a.phase === command.phase).length;
  const analysisId = `${command.phase}-${count + 1}`;
  // A re-analysis that takes the place of an open one keeps its deadline: else re-analyses (amendments, criteria
  // changes) would push the escalation back for ever.
  const dueAt = current?.status === 'awaiting-risk-unit' && Date.parse(current.dueAt) < Date.parse(command.dueAt) ? current.dueAt : command.dueAt;
  const events: RiskEvent[] = [{ type: 'RiskAnalysed', data: { ...command, analysisId, dueAt } }];
  if (command.hits.length === 0 && !command.manualReview) {
    events.push({
      type: 'RiskAssessmentCompleted',
      data: { mrn: command.mrn, analysisId, phase: command.phase, by: 'automatic', responsibleMemberState: command.responsibleMemberState, completedAt: command.analysedAt },
    });
  }
  return events;
}
