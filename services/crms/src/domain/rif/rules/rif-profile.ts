/**
 * A RIF's risk profile is a criterion in risk-analysis's format (libs/contracts risk/criterion.ts). crms gives it
 * its identity so it can never collide with another criterion or another RIF's: the criterion id is the RIF id in
 * lower case, version 1 (the content is fixed once published, so there is never a second version), owned by the
 * RIF's author (its Member State, or the EU for the Commission's RIFs), with the RIF as origin. The door stamps these
 * with `stampProfile`; the decider refuses a profile that does not carry them. Whether the rest is a valid criterion
 * is risk-analysis's to say (ValidateCriterion, at the door).
 */
import type { Criterion, CriterionOwner, RifAuthor } from '@ics2/contracts';
import { wrong, type ContentError } from '../../crms.refusals';
import { sameJson } from '../../rules/canonical-json';

export const profileIdOf = (rifId: string): string => rifId.toLowerCase();

export const PROFILE_VERSION = 1;

export const profileOwnerOf = (author: RifAuthor): CriterionOwner => (author.kind === 'commission' ? { kind: 'eu' } : { kind: 'member-state', memberState: author.memberState });

/** The profile as the author wrote it, with crms's identity fields set. */
export function stampProfile<P extends object>(rifId: string, author: RifAuthor, profile: P): P & Pick<Criterion, 'id' | 'version' | 'owner' | 'origin'> {
  return { ...profile, id: profileIdOf(rifId), version: PROFILE_VERSION, owner: profileOwnerOf(author), origin: { rifId } };
}

export function profileErrors(rifId: string, author: RifAuthor, profile: Criterion, pointer: string): ContentError[] {
  const errors: ContentError[] = [];
  if (profile.id !== profileIdOf(rifId)) errors.push(wrong(`${pointer}/id`, 'PROFILE_ID'));
  if (profile.version !== PROFILE_VERSION) errors.push(wrong(`${pointer}/version`, 'PROFILE_VERSION'));
  if (!sameJson(profile.owner, profileOwnerOf(author))) errors.push(wrong(`${pointer}/owner`, 'PROFILE_OWNER'));
  if (profile.origin?.rifId !== rifId) errors.push(wrong(`${pointer}/origin`, 'PROFILE_ORIGIN'));
  return errors;
}
