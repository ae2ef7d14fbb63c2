import type { EnsEvent } from '@ics2/contracts';
import type { ProposeLink } from '../filing.commands';
import type { FilingRefusal } from '../filing.refusals';
import type { FilingState } from '../filing.state';

/** After the linking timer: a candidate house for a missing house document, for the responsible Member State. */
export function proposeLink(command: ProposeLink['data'], state: FilingState): readonly EnsEvent[] | FilingRefusal {
  if (state.status !== 'registered' && state.status !== 'pending-completeness') return [];
  if (state.level !== 'master' || !state.missing.includes(command.houseDocument)) return [];
  if (state.proposals.includes(command.candidateMrn)) return [];
  return [
    {
      type: 'EnsLinkProposed',
      data: { mrn: state.mrn, candidateMrn: command.candidateMrn, houseDocument: command.houseDocument, matchedOn: command.matchedOn, proposedAt: command.at },
    },
  ];
}
