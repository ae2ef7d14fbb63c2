import type { EnsEvent } from '@ics2/contracts';
import type { ProposeLinks } from '../filing.commands';
import type { FilingRefusal } from '../filing.refusals';
import type { FilingState } from '../filing.state';

/**
 * After the linking timer: candidate houses for missing house documents, for the responsible Member State, one
 * EnsLinkProposed per candidate. All of a master's proposals are one command, so one read of its stream and one
 * append, however many candidates. A candidate proposed before (or twice in the command), or for a document no
 * longer missing, is left out; a master that no longer misses any gets none. An arrived master misses a house again
 * when that house was invalidated before presentation: its refiled house, with a wrong key, is proposed as well.
 */
export function proposeLinks(command: ProposeLinks['data'], state: FilingState): readonly EnsEvent[] | FilingRefusal {
  if (state.status !== 'registered' && state.status !== 'pending-completeness' && state.status !== 'arrived') return [];
  if (state.level !== 'master') return [];
  const proposed = new Set(state.proposals);
  const events: EnsEvent[] = [];
  for (const { candidateMrn, houseDocument, matchedOn } of command.proposals) {
    if (!state.missing.includes(houseDocument) || proposed.has(candidateMrn)) continue;
    proposed.add(candidateMrn);
    events.push({ type: 'EnsLinkProposed', data: { mrn: state.mrn, candidateMrn, houseDocument, matchedOn, proposedAt: command.at } });
  }
  return events;
}
