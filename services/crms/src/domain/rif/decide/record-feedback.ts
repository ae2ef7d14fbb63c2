import type { RifEvent } from '@ics2/contracts';
import { denied, invalid, notFound, outOfSequence, type CrmsRefusal } from '../../crms.refusals';
import { hasReached } from '../../rules/instants';
import type { RecordFeedback } from '../rif.commands';
import { RIF_LIFECYCLE } from '../rules/lifecycle.table';
import { maySee, speaksFor } from '../rules/rif-access';
import { feedbackErrors } from '../rules/rif-feedback';
import type { RifState } from '../rif.state';

/**
 * A recipient Member State's feedback. Only recipients give it: a Member State the RIF is not addressed to cannot
 * see it (not found); the author and the Commission see it but give none (permission). A recipient may record
 * feedback again as its evaluation progresses: each is a new event, the latest is its current feedback.
 */
export function recordFeedback(command: RecordFeedback['data'], state: RifState): readonly RifEvent[] | CrmsRefusal {
  const { by } = command;
  if (state.status === 'none' || !maySee(state, by)) return notFound;
  if (by.kind === 'commission') return denied('RIF_COMMISSION_FEEDBACK');
  if (speaksFor(state.author, by)) return denied('RIF_AUTHOR_FEEDBACK');
  const verdict = RIF_LIFECYCLE.RecordFeedback[state.status];
  if (verdict !== 'ok') return outOfSequence(verdict);
  if (hasReached(command.at, state.content.validTo)) return outOfSequence('RIF_VALIDITY_ENDED');
  const errors = feedbackErrors(command.feedback);
  if (errors.length) return invalid(errors);
  return [{ type: 'RifFeedbackRecorded', data: { rifId: state.rifId, user: { memberState: by.memberState, userId: by.userId }, feedback: command.feedback, recordedAt: command.at } }];
}
