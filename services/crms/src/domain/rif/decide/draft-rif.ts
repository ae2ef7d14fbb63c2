import type { RifEvent } from '@ics2/contracts';
import { conflict, denied, invalid, type CrmsRefusal } from '../../crms.refusals';
import { isCrmsParticipant } from '../../rules/participants.table';
import type { DraftRif } from '../rif.commands';
import { contentErrors } from '../rules/rif-content';
import type { RifState } from '../rif.state';

/** A new RIF, a draft of the caller's Member State, or of the Commission (an EU-wide RIF). */
export function draftRif(command: DraftRif['data'], state: RifState): readonly RifEvent[] | CrmsRefusal {
  if (state.status !== 'none') return conflict('RIF_EXISTS');
  if (command.by.kind === 'member-state' && !isCrmsParticipant(command.by.memberState)) return denied('CRMS_NOT_PARTICIPANT');
  const errors = contentErrors(command.rifId, command.by, command.content);
  if (errors.length) return invalid(errors);
  return [{ type: 'RifDrafted', data: { rifId: command.rifId, author: command.by, content: command.content, draftedAt: command.at } }];
}
