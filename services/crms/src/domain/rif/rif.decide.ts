/** One function per command (decide/*), chosen by type; the `never` check makes an unhandled command a compile error. */
import type { RifEvent } from '@ics2/contracts';
import type { CrmsRefusal } from '../crms.refusals';
import { activateProfile, deactivateProfile } from './decide/activate-profile';
import { recordBacktest } from './decide/backtest-profile';
import { closeRif } from './decide/close-rif';
import { draftRif } from './decide/draft-rif';
import { editRif } from './decide/edit-rif';
import { expireRif } from './decide/expire-rif';
import { publishRif } from './decide/publish-rif';
import { recordFeedback } from './decide/record-feedback';
import type { RifCommand } from './rif.commands';
import type { RifState } from './rif.state';

export function decide(command: RifCommand, state: RifState): readonly RifEvent[] | CrmsRefusal {
  switch (command.type) {
    case 'DraftRif':
      return draftRif(command.data, state);
    case 'EditRif':
      return editRif(command.data, state);
    case 'PublishRif':
      return publishRif(command.data, state);
    case 'RecordFeedback':
      return recordFeedback(command.data, state);
    case 'CloseRif':
      return closeRif(command.data, state);
    case 'ExpireRif':
      return expireRif(command.data, state);
    case 'RecordBacktest':
      return recordBacktest(command.data, state);
    case 'ActivateProfile':
      return activateProfile(command.data, state);
    case 'DeactivateProfile':
      return deactivateProfile(command.data, state);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}
