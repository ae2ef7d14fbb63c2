import type { RiskEvent } from '@ics2/contracts';
import type { NoteMemberUnlinked } from '../risk.commands';
import type { RiskRefusal } from '../risk.refusals';
import { currentAnalysis, type Analysis, type RiskState } from '../risk.state';

/**
 * A member of the ENS left it (the common repository released its link: the house invalidated, or refusing the link):
 * each phase's current analysis naming it no longer analyses the consignment as it stands. An open one stops being
 * the risk unit's to decide on (`RiskAnalysisSuperseded`, outcome `awaiting-completion`: it refuses decisions, its
 * open referrals close with it, its risk unit gets a `superseded` signal). [U] Not re-analysed with the members left:
 * the ENS is incomplete (the master awaits the house again), and an analysis of it could assess the consignment at
 * once (IE3N03) with a house's goods missing; the ENS completing again (a refiled house) analyses it, as
 * `ens-recompleted`. A held no-hit pre-arrival one awaits completion with the rest.
 *
 * An assessed one keeps its assessment (its IE3N03 was sent, and no IE3xxx withdraws one) but is outdated
 * (`RiskAssessmentOutdated`): [U] it covered an ENS that no longer is, and the carrier loads on the pre-loading
 * assessment (ics2-reference 9), so it must not stand for the ENS completed again. Its phase awaits completion as an
 * open one's does (re-analysed then, even with the same members; nothing before), and while the pre-loading analysis
 * is outdated a no-hit pre-arrival analysis is held, not assessed at once on the old pre-loading assessment. After a
 * do-not-load (final for the consignment) nothing changes.
 */
export function noteMemberUnlinked(command: NoteMemberUnlinked['data'], state: RiskState): readonly RiskEvent[] | RiskRefusal {
  if (state.status === 'none' || state.analyses.some((a) => a.status === 'do-not-load')) return [];
  const { mrn } = state;
  return (['pre-loading', 'pre-arrival'] as const).flatMap((phase): RiskEvent[] => {
    const current = currentAnalysis(state, phase);
    if (!current?.members.includes(command.unlinkedMrn)) return [];
    if (current.status === 'awaiting-risk-unit') return [awaitingCompletion(mrn, current, command)];
    if (current.status === 'assessed' && !current.outdated) return [outdated(mrn, current, command)];
    return [];
  });
}

const awaitingCompletion = (mrn: string, analysis: Analysis, command: NoteMemberUnlinked['data']): RiskEvent => ({
  type: 'RiskAnalysisSuperseded',
  data: {
    mrn,
    analysisId: analysis.analysisId,
    phase: analysis.phase,
    trigger: 'member-unlinked',
    outcome: 'awaiting-completion',
    unlinkedMrn: command.unlinkedMrn,
    openReferrals: analysis.referrals.filter((r) => r.status === 'open').map((r) => r.reference),
    supersededAt: command.at,
  },
});

const outdated = (mrn: string, analysis: Analysis, command: NoteMemberUnlinked['data']): RiskEvent => ({
  type: 'RiskAssessmentOutdated',
  data: { mrn, analysisId: analysis.analysisId, phase: analysis.phase, trigger: 'member-unlinked', unlinkedMrn: command.unlinkedMrn, outdatedAt: command.at },
});
