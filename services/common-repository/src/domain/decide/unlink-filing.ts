import type { EnsEvent } from '@ics2/contracts';
import type { UnlinkFiling } from '../filing.commands';
import { notApplicable, type FilingRefusal } from '../filing.refusals';
import type { FilingState } from '../filing.state';

/**
 * A link is released by a new event, never by changing the link's history: when the other filing was invalidated,
 * or refused its half of a link this side recorded. Nothing to release is nothing new; a filing that ended keeps
 * its links as they were.
 */
export function unlinkFiling(command: UnlinkFiling['data'], state: FilingState): readonly EnsEvent[] | FilingRefusal {
  if (state.status === 'none') return notApplicable('no such filing');
  if (state.status === 'invalidated' || state.status === 'rejected') return [];
  const houseDocuments = state.linked.filter((l) => l.mrn === command.otherMrn).map((l) => l.houseDocument);
  if (houseDocuments.length === 0) return [];
  return [{ type: 'EnsFilingUnlinked', data: { mrn: state.mrn, unlinkedMrn: command.otherMrn, houseDocuments, reason: command.reason, unlinkedAt: command.at } }];
}
