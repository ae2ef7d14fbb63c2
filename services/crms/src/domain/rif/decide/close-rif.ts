import type { RifAuthor, RifEvent } from '@ics2/contracts';
import { isRefusal, outOfSequence, type CrmsRefusal } from '../../crms.refusals';
import type { CloseRif } from '../rif.commands';
import { RIF_LIFECYCLE } from '../rules/lifecycle.table';
import { asAuthor } from '../rules/rif-access';
import type { ExistingRif, RifState } from '../rif.state';

/** A live profile does not outlive its RIF: closing or expiring deactivates it first. */
export function profileEnds(rif: ExistingRif, by: RifAuthor, at: string): readonly RifEvent[] {
  const profile = rif.content.riskProfile;
  if (!rif.profileActive || !profile) return [];
  return [{ type: 'RifProfileDeactivated', data: { rifId: rif.rifId, criterionId: profile.id, version: profile.version, deactivatedBy: by, deactivatedAt: at } }];
}

/** The author closes its RIF, published or still a draft (withdrawn). */
export function closeRif(command: CloseRif['data'], state: RifState): readonly RifEvent[] | CrmsRefusal {
  const rif = asAuthor(state, command.by);
  if (isRefusal(rif)) return rif;
  const verdict = RIF_LIFECYCLE.CloseRif[rif.status];
  if (verdict !== 'ok') return outOfSequence(verdict);
  return [
    ...profileEnds(rif, command.by, command.at),
    { type: 'RifClosed', data: { rifId: rif.rifId, closedBy: command.by, ...(command.reason ? { reason: command.reason } : {}), closedAt: command.at } },
  ];
}
