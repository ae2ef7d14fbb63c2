import type { EnsEvent } from '@ics2/contracts';
import type { InvalidateFiling } from '../filing.commands';
import { notFound, type FilingRefusal } from '../filing.refusals';
import { isFilerOf, type FilingState } from '../filing.state';
import { outOfSequence } from '../rejections';
import { LIFECYCLE } from '../rules/lifecycle.table';

/** IE3Q04 (ics2-reference 10, IFT02): by the declarant or representative, only before the goods were presented. */
export function invalidateFiling(command: InvalidateFiling['data'], state: FilingState): readonly EnsEvent[] | FilingRefusal {
  if (state.status === 'none' || !isFilerOf(state, command.by)) return notFound;
  const verdict = LIFECYCLE.InvalidateFiling[state.status];
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
