/** A list of Member States a RIF, campaign or alert is addressed to: not empty, CRMS participants, each once. */
import { wrong, type ContentError } from '../crms.refusals';
import { isCrmsParticipant } from './participants.table';

export function memberStateListErrors(list: readonly string[], pointer: string): ContentError[] {
  if (list.length === 0) return [wrong(pointer, 'MEMBER_STATES_EMPTY')];
  return list.flatMap((ms, i) => {
    if (!isCrmsParticipant(ms)) return [wrong(`${pointer}/${i}`, 'MEMBER_STATE_UNKNOWN')];
    if (list.indexOf(ms) !== i) return [wrong(`${pointer}/${i}`, 'MEMBER_STATE_DUPLICATE')];
    return [];
  });
}

/** `'all'`, or the list itself checked. */
export const recipientsErrors = (recipients: 'all' | readonly string[], pointer: string): ContentError[] => (recipients === 'all' ? [] : memberStateListErrors(recipients, pointer));
