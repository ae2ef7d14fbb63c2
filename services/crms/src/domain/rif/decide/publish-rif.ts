import type { RifEvent } from '@ics2/contracts';
import { invalid, isRefusal, outOfSequence, type CrmsRefusal } from '../../crms.refusals';
import { hasReached } from '../../rules/instants';
import { recipientsErrors } from '../../rules/member-state-list';
import type { PublishRif } from '../rif.commands';
import { RIF_LIFECYCLE } from '../rules/lifecycle.table';
import { asAuthor } from '../rules/rif-access';
import type { RifState } from '../rif.state';

/** To every Member State or to the named ones, by the author, while its validity has not ended. */
export function publishRif(command: PublishRif['data'], state: RifState): readonly RifEvent[] | CrmsRefusal {
  const rif = asAuthor(state, command.by);
  if (isRefusal(rif)) return rif;
  const verdict = RIF_LIFECYCLE.PublishRif[rif.status];
  if (verdict !== 'ok') return outOfSequence(verdict);
  if (hasReached(command.at, rif.content.validTo)) return outOfSequence('RIF_VALIDITY_ENDED');
  const errors = recipientsErrors(command.recipients, '/memberStates');
  if (errors.length) return invalid(errors);
  return [{ type: 'RifPublished', data: { rifId: rif.rifId, recipients: command.recipients, publishedBy: command.by, publishedAt: command.at } }];
}
