import type { EnsEvent } from '@ics2/contracts';
import type { UnlinkFiling } from '../filing.commands';
import { notApplicable, type FilingRefusal } from '../filing.refusals';
import type { FilingState } from '../filing.state';
import { completenessPending } from './note-completeness';

/**
 * A link is released by a new event, never by changing the link's history: when the other filing was invalidated,
 * or refused its half of a link this side recorded. Nothing to release is nothing new; a filing that ended keeps
 * its links as they were.
 *
 * A master not yet presented that misses a house again because that house was invalidated is pending completeness
 * again (an arrived one keeps its status), and says so in the same decision (IE3N02 / IE3N11 again): the trader
 * must learn that its ENS waits and who must file. A half-link released after a race was never a member, so the
 * earlier notice still holds.
 */
export function unlinkFiling(command: UnlinkFiling['data'], state: FilingState): readonly EnsEvent[] | FilingRefusal {
  if (state.status === 'none') return notApplicable('no such filing');
  if (state.status === 'invalidated' || state.status === 'rejected') return [];
  const houseDocuments = state.linked.filter((l) => l.mrn === command.otherMrn).map((l) => l.houseDocument);
  if (houseDocuments.length === 0) return [];
  const unlinked: EnsEvent = { type: 'EnsFilingUnlinked', data: { mrn: state.mrn, unlinkedMrn: command.otherMrn, houseDocuments, reason: command.reason, unlinkedAt: command.at } };
  const open = state.status === 'registered' || state.status === 'pending-completeness' || state.status === 'complete' || state.status === 'arrived';
  if (state.level !== 'master' || !open || command.reason !== 'partner-invalidated') return [unlinked];
  const missing = [...state.missing, ...houseDocuments.filter((d) => !state.missing.includes(d))];
  return [unlinked, completenessPending(state, missing, command.at)];
}
