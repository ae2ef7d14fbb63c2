/**
 * A recipient's feedback (policy digest W6: evaluated, measures deployed, control results, relevance). [U] CRMS2's
 * feedback form is not public: these four fields, and the one rule that measures and control results follow an
 * evaluation.
 */
import type { RifFeedback } from '@ics2/contracts';
import { wrong, type ContentError } from '../../crms.refusals';

export const RIF_RELEVANCE: readonly RifFeedback['relevance'][] = ['high', 'medium', 'low', 'none'];

export function feedbackErrors(feedback: RifFeedback): ContentError[] {
  const errors: ContentError[] = [];
  if (!RIF_RELEVANCE.includes(feedback.relevance)) errors.push(wrong('/feedback/relevance', 'RIF_RELEVANCE'));
  if (!feedback.evaluated && (feedback.measuresTaken !== undefined || feedback.controlResults !== undefined)) errors.push(wrong('/feedback/evaluated', 'RIF_FEEDBACK_NOT_EVALUATED'));
  return errors;
}
