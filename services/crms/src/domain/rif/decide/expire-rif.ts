import type { RifEvent } from '@ics2/contracts';
import type { CrmsRefusal } from '../../crms.refusals';
import { hasReached } from '../../rules/instants';
import type { ExpireRif } from '../rif.commands';
import { RIF_LIFECYCLE } from '../rules/lifecycle.table';
import type { RifState } from '../rif.state';
import { profileEnds } from './close-rif';

/**
 * The expiry processor's command: a published RIF whose validity has ended expires. The fact is dated at the end of
 * validity (when it happened), whenever the processor noticed; an active profile is deactivated at the same instant,
 * on the author's behalf (the event's actor says the expiry processor did it). Anything else: nothing to do.
 */
export function expireRif(command: ExpireRif['data'], state: RifState): readonly RifEvent[] | CrmsRefusal {
  if (state.status === 'none' || RIF_LIFECYCLE.ExpireRif[state.status] !== 'ok') return [];
  const end = state.content.validTo;
  if (!hasReached(command.at, end)) return [];
  return [...profileEnds(state, state.author, end), { type: 'RifExpired', data: { rifId: state.rifId, expiredAt: end } }];
}
