/**
 * A referral's reference, as risk-analysis hands it out with an IE3Q02 / IE3Q03: the MRN of the ENS head and the
 * referral's number in that ENS, `<MRN>-R<n>` (n from 1, at most six digits, no leading zero). risk-analysis's
 * rule lives in its own service; this is the door's copy, so a path that cannot be a reference answers 404 without
 * a call. The MRN part is also checked as an MRN of an ENS (check digit, procedure letter T): a reference whose MRN
 * fails those can never have been issued.
 */
import { MRN_PROCEDURE_LETTERS, mrnParts, parseMrn } from '@ics2/domain';

const REFERENCE = /^([0-9]{2}[A-Z]{2}[A-Z0-9]{12}[A-Z][0-9])-R[1-9][0-9]{0,5}$/;

/** The MRN the reference belongs to, or null for a string that is not a referral reference. */
export function mrnOfReferralReference(reference: string): string | null {
  const match = REFERENCE.exec(reference);
  if (!match) return null;
  const mrn = parseMrn(match[1]);
  return mrn.ok && mrnParts(mrn.value).procedure === MRN_PROCEDURE_LETTERS.ens ? mrn.value : null;
}
