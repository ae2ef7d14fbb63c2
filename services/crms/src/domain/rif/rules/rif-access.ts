/**
 * Who may do what with a RIF ([U] CRMS2's access model is not public; issue 5 "Access"):
 * - the author is a Member State (any of its users acts for it) or the Commission (role admin: EU-wide RIFs);
 * - a draft is seen by its author only; once published, by every Member State addressed and by the Commission;
 * - what a caller may not see is not found, exactly like an unknown id; what it sees but may not do is a
 *   permission refusal.
 * The read side (consult-rifs.query.ts) writes the same rules in SQL.
 */
import type { RifAuthor } from '@ics2/contracts';
import { denied, notFound, type CrmsRefusal } from '../../crms.refusals';
import type { ExistingRif, RifState } from '../rif.state';

/** The caller acts for the RIF's author: the same Member State, or the Commission for a Commission RIF. */
export function speaksFor(author: RifAuthor, by: RifAuthor): boolean {
  return author.kind === 'commission' ? by.kind === 'commission' : by.kind === 'member-state' && by.memberState === author.memberState;
}

export const isAddressedTo = (recipients: 'all' | readonly string[] | null, memberState: string): boolean =>
  recipients === 'all' || (recipients !== null && recipients.includes(memberState));

/** The author always; once published, the Commission and every Member State addressed. */
export function maySee(rif: ExistingRif, by: RifAuthor): boolean {
  if (speaksFor(rif.author, by)) return true;
  if (rif.recipients === null) return false;
  return by.kind === 'commission' || isAddressedTo(rif.recipients, by.memberState);
}

/**
 * The MRNs a backtest found, for whoever acts for the author (it ran the backtest, over the filings its Member State
 * is responsible or involved for: risk-analysis's BacktestCriterion) and the Commission; a recipient learns the
 * period and the counts only. [U] Filing MRNs are the risk analysis's to share (a Member State sees the filings it
 * is responsible or involved for), and a RIF reaches Member States that are neither for those filings.
 */
export const maySeeBacktestSamples = (author: RifAuthor, by: RifAuthor): boolean => by.kind === 'commission' || speaksFor(author, by);

/**
 * The RIF a crisis alert points at: one the caller may read; another author's only if every Member State the alert
 * addresses may read it too (addressed by it, or its author). [U] Else the alert told Member States of a RIF its
 * author did not address to them (its id names the author), which they are otherwise told does not exist. The
 * caller's own RIF, even a draft, it may point at to whomever it addresses: that disclosure is its own.
 */
export function mayPointAlertAt(rif: ExistingRif, by: RifAuthor, addressees: 'all' | readonly string[]): boolean {
  if (!maySee(rif, by)) return false;
  if (speaksFor(rif.author, by)) return true;
  if (rif.recipients === 'all') return true;
  const author = rif.author;
  return addressees !== 'all' && addressees.every((ms) => isAddressedTo(rif.recipients, ms) || (author.kind === 'member-state' && author.memberState === ms));
}

/** The Commission and the author read every recipient's feedback; a recipient reads its own. */
export function mayReadFeedbackOf(author: RifAuthor, by: RifAuthor, feedbackMemberState: string): boolean {
  return by.kind === 'commission' || speaksFor(author, by) || by.memberState === feedbackMemberState;
}

/** The RIF, when the caller acts for its author; otherwise not found (cannot see it) or a permission refusal. */
export function asAuthor(state: RifState, by: RifAuthor): ExistingRif | CrmsRefusal {
  if (state.status === 'none' || !maySee(state, by)) return notFound;
  return speaksFor(state.author, by) ? state : denied('RIF_NOT_AUTHOR');
}
