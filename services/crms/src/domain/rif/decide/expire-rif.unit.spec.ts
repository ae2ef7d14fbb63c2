import { deciderSpec } from '@ics2/testing';
import { rifDecider } from '../rif.decider';
import { activated, backtested, closed, DE, deactivated, drafted, expire, expired, published, VALID_TO, withProfile } from '../rif-events.test-harness';

const given = deciderSpec(rifDecider);
const JUST_BEFORE = '2027-05-31T23:59:59.999Z';

describe('expire-rif', () => {
  describe('a published RIF at the end of its validity', () => {
    it('expires, dated at the end of validity', () => given([drafted(), published()]).when(expire('2027-06-03T08:00:00.000Z')).then([expired()]));
    it('deactivates its live profile at the same instant, on the author\'s behalf', () =>
      given([drafted({ content: withProfile() }), published(), backtested(), activated()]).when(expire(VALID_TO)).then([deactivated(DE, VALID_TO), expired()]));
  });

  describe('before the end of validity', () => {
    it('does nothing', () => given([drafted(), published()]).when(expire(JUST_BEFORE)).thenNothingHappened());
  });

  describe('a draft, a closed or an expired RIF', () => {
    it('does nothing', () => {
      given([drafted()]).when(expire(VALID_TO)).thenNothingHappened();
      given([drafted(), published(), closed()]).when(expire(VALID_TO)).thenNothingHappened();
      given([drafted(), published(), expired()]).when(expire(VALID_TO)).thenNothingHappened();
      given([]).when(expire(VALID_TO)).thenNothingHappened();
    });
  });
});
