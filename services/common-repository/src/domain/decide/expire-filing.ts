import type { EnsEvent } from '@ics2/contracts';
import type { ExpireFiling } from '../filing.commands';
import type { FilingRefusal } from '../filing.refusals';
import type { FilingState } from '../filing.state';
import { isExpiredAt } from '../rules/expiry';
import { LIFECYCLE } from '../rules/lifecycle.table';

/**
 * An ENS never presented is invalidated automatically 200 days after filing; presentation stops the timer
 * (ics2-reference 10). The ENS's presentation, not only the filing's: a house whose master (the head of its ENS) was
 * presented is not expired either, nor a master one of whose houses was presented.
 */
export function expireFiling(command: ExpireFiling['data'], state: FilingState): readonly EnsEvent[] | FilingRefusal {
  if (state.status === 'none' || LIFECYCLE.ExpireFiling[state.status] !== 'ok') return [];
  if (state.ensPresentedAt !== null) return [];
  if (!isExpiredAt(state.registeredAt, command.at)) return [];
  return [{ type: 'EnsFilingInvalidated', data: { mrn: state.mrn, reason: 'expired', invalidatedAt: command.at } }];
}
