import type { EnsEvent } from '@ics2/contracts';
import type { RejectFiling } from '../filing.commands';
import { notApplicable, type FilingRefusal } from '../filing.refusals';
import type { FilingState } from '../filing.state';

/** Lifecycle validation against other filings (a linking key in use) refused a registered filing: IE3N01. */
export function rejectFiling(command: RejectFiling['data'], state: FilingState): readonly EnsEvent[] | FilingRefusal {
  if (state.status === 'rejected') return [];
  if (state.status !== 'registered' && state.status !== 'pending-completeness') return notApplicable(`a ${state.status} filing is not rejected`);
  if (state.linked.length > 0) return notApplicable('a linked filing is not rejected');
  return [{ type: 'EnsFilingRejected', data: { mrn: state.mrn, errors: command.errors, rejectedAt: command.at } }];
}
