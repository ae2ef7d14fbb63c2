import type { RifEvent } from '@ics2/contracts';
import { isRefusal, outOfSequence, type CrmsRefusal } from '../../crms.refusals';
import { hasReached } from '../../rules/instants';
import type { ActivateProfile, DeactivateProfile } from '../rif.commands';
import { RIF_LIFECYCLE } from '../rules/lifecycle.table';
import { asAuthor } from '../rules/rif-access';
import type { RifState } from '../rif.state';

/**
 * The profile becomes a live criterion: risk-analysis reads RifProfileActivated and records and activates the
 * criterion it carries, with this RIF as its origin. By the author, on a published RIF still valid whose profile's
 * own validity has not ended, after a backtest of this very profile. Activating an active profile is nothing new.
 */
export function activateProfile(command: ActivateProfile['data'], state: RifState): readonly RifEvent[] | CrmsRefusal {
  const rif = asAuthor(state, command.by);
  if (isRefusal(rif)) return rif;
  const verdict = RIF_LIFECYCLE.ActivateProfile[rif.status];
  if (verdict !== 'ok') return outOfSequence(verdict);
  if (hasReached(command.at, rif.content.validTo)) return outOfSequence('RIF_VALIDITY_ENDED');
  const profile = rif.content.riskProfile;
  if (!profile) return outOfSequence('RIF_NO_PROFILE');
  // risk-analysis applies a criterion only within its own validity: one already over would be active for no filing.
  if (profile.validTo !== undefined && hasReached(command.at, profile.validTo)) return outOfSequence('RIF_PROFILE_VALIDITY_ENDED');
  if (!rif.backtest) return outOfSequence('RIF_NOT_BACKTESTED');
  if (rif.profileActive) return [];
  return [{ type: 'RifProfileActivated', data: { rifId: rif.rifId, criterion: { ...profile, origin: { rifId: rif.rifId } }, activatedBy: command.by, activatedAt: command.at } }];
}

/** The author takes the live criterion back; an inactive profile is nothing to do. */
export function deactivateProfile(command: DeactivateProfile['data'], state: RifState): readonly RifEvent[] | CrmsRefusal {
  const rif = asAuthor(state, command.by);
  if (isRefusal(rif)) return rif;
  const verdict = RIF_LIFECYCLE.DeactivateProfile[rif.status];
  if (verdict !== 'ok') return outOfSequence(verdict);
  const profile = rif.content.riskProfile;
  if (!profile) return outOfSequence('RIF_NO_PROFILE');
  if (!rif.profileActive) return [];
  return [{ type: 'RifProfileDeactivated', data: { rifId: rif.rifId, criterionId: profile.id, version: profile.version, deactivatedBy: command.by, deactivatedAt: command.at } }];
}
