import type { EnsEvent } from '@ics2/contracts';
import type { InvalidateFiling } from '../filing.commands';
import { notFound, type FilingRefusal } from '../filing.refusals';
import { isFilerOf, type FilingState } from '../filing.state';
import { outOfSequence } from '../rejections';
import { LIFECYCLE } from '../rules/lifecycle.table';

/**
 * IE3Q04 (ics2-reference 10, IFT02): by the declarant or representative, only before the goods were presented. A
 * house whose master (the head of its ENS) was presented is refused as a presented filing is: its goods are before
 * customs, and a refiled house would link to a presented ENS that is never completed or analysed again. So is a master
 * one of whose houses was presented (EnsHousePresentationNoted): invalidating it would release the presented house.
 */
export function invalidateFiling(command: InvalidateFiling['data'], state: FilingState): readonly EnsEvent[] | FilingRefusal {
  if (state.status === 'none' || !isFilerOf(state, command.by)) return notFound;
  const own = LIFECYCLE.InvalidateFiling[state.status];
  const verdict = own === 'ok' && state.ensPresentedAt !== null ? LIFECYCLE.InvalidateFiling.presented : own;
  if (verdict !== 'ok') {
    return [
      {
        type: 'EnsInvalidationRejected',
        data: { mrn: state.mrn, messageId: command.messageId, errors: [outOfSequence(verdict)], rejectedAt: command.at, requestedBy: command.by },
      },
    ];
  }
  return [{ type: 'EnsFilingInvalidated', data: { mrn: state.mrn, reason: 'requested', messageId: command.messageId, invalidatedAt: command.at, requestedBy: command.by } }];
}
