import type { RiskEvent } from '@ics2/contracts';
import type { NoteMemberUnlinked } from '../risk.commands';
import type { RiskRefusal } from '../risk.refusals';
import { currentAnalysis, type RiskState } from '../risk.state';

/**
 * A member of the ENS left it (the common repository released its link: the house invalidated, or refusing the link):
 * each phase's open analysis naming it no longer analyses the consignment as it stands, so it stops being the risk
 * unit's to decide on (`RiskAnalysisSuperseded`, outcome `awaiting-completion`: it refuses decisions, its open
 * referrals close with it, its risk unit gets a `superseded` signal). [U] Not re-analysed with the members left: the
 * ENS is incomplete (the master awaits the house again), and an analysis of it could assess the consignment at once
 * (IE3N03) with a house's goods missing; the ENS completing again (a refiled house) analyses it, as
 * `ens-recompleted`. An assessed analysis stays as it is (its IE3N03 was sent), a held no-hit pre-arrival one
 * awaits completion with the rest; after a do-not-load nothing is open.
 */
export function noteMemberUnlinked(command: NoteMemberUnlinked['data'], state: RiskState): readonly RiskEvent[] | RiskRefusal {
  if (state.status === 'none') return [];
  return (['pre-loading', 'pre-arrival'] as const).flatMap((phase): RiskEvent[] => {
    const current = currentAnalysis(state, phase);
    if (current?.status !== 'awaiting-risk-unit' || !current.members.includes(command.unlinkedMrn)) return [];
    return [
      {
        type: 'RiskAnalysisSuperseded',
        data: {
          mrn: state.mrn,
          analysisId: current.analysisId,
          phase,
          trigger: 'member-unlinked',
          outcome: 'awaiting-completion',
          unlinkedMrn: command.unlinkedMrn,
          openReferrals: current.referrals.filter((r) => r.status === 'open').map((r) => r.reference),
          supersededAt: command.at,
        },
      },
    ];
  });
}
