/** One function per command (decide/*), chosen by type; the `never` check makes an unhandled command a compile error. */
import type { EnsEvent } from '@ics2/contracts';
import type { FilingCommand } from './filing.commands';
import type { FilingRefusal } from './filing.refusals';
import type { FilingState } from './filing.state';
import { amendFiling } from './decide/amend-filing';
import { checkConsistency } from './decide/check-consistency';
import { expireFiling } from './decide/expire-filing';
import { invalidateFiling } from './decide/invalidate-filing';
import { joinCompletedEns } from './decide/join-completed-ens';
import { linkFiling } from './decide/link-filing';
import { unlinkFiling } from './decide/unlink-filing';
import { noteCompleteness } from './decide/note-completeness';
import { noteControl } from './decide/note-control';
import { noteHousePresentation } from './decide/note-house-presentation';
import { notePresentation } from './decide/note-presentation';
import { proposeLinks } from './decide/propose-links';
import { recordArrival } from './decide/record-arrival';
import { recordPresentation } from './decide/record-presentation';
import { registerFiling } from './decide/register-filing';
import { rejectFiling } from './decide/reject-filing';

export function decide(command: FilingCommand, state: FilingState): readonly EnsEvent[] | FilingRefusal {
  switch (command.type) {
    case 'RegisterFiling':
      return registerFiling(command.data, state);
    case 'RejectFiling':
      return rejectFiling(command.data, state);
    case 'LinkFiling':
      return linkFiling(command.data, state);
    case 'UnlinkFiling':
      return unlinkFiling(command.data, state);
    case 'JoinCompletedEns':
      return joinCompletedEns(command.data, state);
    case 'NoteCompleteness':
      return noteCompleteness(command.data, state);
    case 'CheckConsistency':
      return checkConsistency(command.data, state);
    case 'ProposeLinks':
      return proposeLinks(command.data, state);
    case 'AmendFiling':
      return amendFiling(command.data, state);
    case 'InvalidateFiling':
      return invalidateFiling(command.data, state);
    case 'ExpireFiling':
      return expireFiling(command.data, state);
    case 'RecordArrival':
      return recordArrival(command.data, state);
    case 'RecordPresentation':
      return recordPresentation(command.data, state);
    case 'NotePresentation':
      return notePresentation(command.data, state);
    case 'NoteHousePresentation':
      return noteHousePresentation(command.data, state);
    case 'NoteControl':
      return noteControl(command.data, state);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}
