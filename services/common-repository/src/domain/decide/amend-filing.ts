import type { EnsEvent } from '@ics2/contracts';
import type { AmendFiling } from '../filing.commands';
import { notFound, type FilingRefusal } from '../filing.refusals';
import { isFilerOf, type FilingState } from '../filing.state';
import { ics2Error, outOfSequence } from '../rejections';
import { HOUSE_LISTS, notAmendable } from '../rules/amendable-elements.table';
import { changedPointers } from '../rules/json-changes';
import { LIFECYCLE } from '../rules/lifecycle.table';
import { responsibilityFor } from '../rules/responsible-member-state';

/**
 * IE3Axx (ics2-reference 10, GET05): only the declarant or representative of the filing may amend it, never once
 * the goods were presented or customs decided or notified a control, and never the elements the amendable-elements
 * table protects. Refusals are IE3N01 facts; a stranger gets what an unknown MRN gets. A changed routing may change
 * the involved Member States: assigned again when it does. A house whose master (the head of its ENS) was presented
 * is refused as a presented filing is: the reference refuses amendment once the ENS is presented, not the filing. So is a master one of whose houses was
 * presented: part of its ENS is.
 */
export function amendFiling(command: AmendFiling['data'], state: FilingState): readonly EnsEvent[] | FilingRefusal {
  if (state.status === 'none' || !isFilerOf(state, command.by)) return notFound;
  const rejected = (errors: ReturnType<typeof ics2Error>[]): EnsEvent[] => [
    { type: 'EnsAmendmentRejected', data: { mrn: state.mrn, messageId: command.messageId, errors, rejectedAt: command.at, requestedBy: command.by } },
  ];
  const own = LIFECYCLE.AmendFiling[state.status];
  const verdict = own === 'ok' && state.ensPresentedAt !== null ? LIFECYCLE.AmendFiling.presented : own;
  if (verdict !== 'ok') return rejected([outOfSequence(verdict)]);
  if (state.controlNoted) return rejected([ics2Error('92', '', 'customs decided to control, or notified a control: the filing can no longer be amended')]);
  const changed = changedPointers(state.filing, command.filing);
  const forbidden = changed.filter((p) => notAmendable(p) || HOUSE_LISTS.includes(p));
  if (forbidden.length > 0) return rejected(forbidden.map((p) => ics2Error('X04', p, 'this element may not be amended')));
  const events: EnsEvent[] = [
    { type: 'EnsFilingAmended', data: { mrn: state.mrn, messageId: command.messageId, filing: command.filing, changed, amendedAt: command.at, amendedBy: command.by } },
  ];
  const responsibility = responsibilityFor(command.filing);
  const sameInvolved = responsibility.involvedMemberStates.join() === state.involvedMemberStates.join();
  if (!sameInvolved || responsibility.responsibleMemberState !== state.responsibleMemberState) {
    events.push({ type: 'EnsResponsibilityAssigned', data: { mrn: state.mrn, ...responsibility } });
  }
  return events;
}
