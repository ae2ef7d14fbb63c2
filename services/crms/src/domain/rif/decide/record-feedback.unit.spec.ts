import { deciderSpec, refused } from '@ics2/testing';
import { rifDecider } from '../rif.decider';
import { BE, closed, COMMISSION, DE_COLLEAGUE, drafted, expired, FEEDBACK, feedbackRecorded, FR, giveFeedback, IT, published, VALID_TO } from '../rif-events.test-harness';

const given = deciderSpec(rifDecider);

describe('record-feedback', () => {
  describe('by a recipient Member State', () => {
    it('records its evaluation, measures, control results and relevance', () => given([drafted(), published(['FR', 'BE'])]).when(giveFeedback(FR)).then([feedbackRecorded(FR)]));
    it('records an update as a new feedback: the latest counts, the first is kept', () => {
      const first = { evaluated: true, relevance: 'medium' as const };
      given([drafted(), published(), feedbackRecorded(FR, first)]).when(giveFeedback(FR)).then([feedbackRecorded(FR)]);
    });
    it('records an evaluation without measures', () => {
      const none = { evaluated: true, relevance: 'none' as const };
      given([drafted(), published()]).when(giveFeedback(BE, none)).then([feedbackRecorded(BE, none)]);
    });
  });

  describe('by a Member State the RIF is not addressed to', () => {
    it('is not found: it cannot see the RIF', () => given([drafted(), published(['FR'])]).when(giveFeedback(IT)).then(refused({ kind: 'not-found' })));
  });

  describe('by the author or the Commission', () => {
    it('is refused: they read feedback, recipients give it', () => {
      given([drafted(), published()]).when(giveFeedback(DE_COLLEAGUE)).then(refused({ kind: 'permission', rule: 'RIF_AUTHOR_FEEDBACK' }));
      given([drafted(), published()]).when(giveFeedback(COMMISSION)).then(refused({ kind: 'permission', rule: 'RIF_COMMISSION_FEEDBACK' }));
    });
  });

  describe('on a draft, a closed or an expired RIF', () => {
    it('is not found on a draft (nobody else sees it), out of sequence once closed or expired', () => {
      given([drafted()]).when(giveFeedback(FR)).then(refused({ kind: 'not-found' }));
      given([drafted(), published(), closed()]).when(giveFeedback(FR)).then(refused({ kind: 'lifecycle', rule: 'RIF_CLOSED' }));
      given([drafted(), published(), expired()]).when(giveFeedback(FR)).then(refused({ kind: 'lifecycle', rule: 'RIF_EXPIRED' }));
    });
    it('is out of sequence after the validity ended, even before the expiry processor ran', () =>
      given([drafted(), published()]).when(giveFeedback(FR, FEEDBACK, VALID_TO)).then(refused({ kind: 'lifecycle', rule: 'RIF_VALIDITY_ENDED' })));
  });

  describe('with feedback that breaks the rules', () => {
    it('names each problem', () =>
      given([drafted(), published()])
        .when(giveFeedback(FR, { evaluated: false, measuresTaken: 'profile adjusted', relevance: 'urgent' as never }))
        .then(
          refused({
            kind: 'invalid',
            errors: [
              { code: '12', pointer: '/feedback/relevance', rule: 'RIF_RELEVANCE' },
              { code: '12', pointer: '/feedback/evaluated', rule: 'RIF_FEEDBACK_NOT_EVALUATED' },
            ],
          }),
        ));
  });
});
