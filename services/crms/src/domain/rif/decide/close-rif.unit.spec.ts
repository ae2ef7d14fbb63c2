import { deciderSpec, refused } from '@ics2/testing';
import { rifDecider } from '../rif.decider';
import { activated, AT, backtested, close, closed, COMMISSION, DE, DE_COLLEAGUE, deactivated, drafted, expired, FR, published, RIF_ID, withProfile } from '../rif-events.test-harness';

const given = deciderSpec(rifDecider);

describe('close-rif', () => {
  describe('by its author', () => {
    it('closes a published RIF', () => given([drafted(), published()]).when(close()).then([closed()]));
    it('withdraws a draft', () => given([drafted()]).when(close(DE_COLLEAGUE)).then([closed(DE_COLLEAGUE)]));
    it('keeps the reason given', () =>
      given([drafted(), published()])
        .when({ type: 'CloseRif', data: { by: DE, reason: 'trend ended', at: AT } })
        .then([{ type: 'RifClosed', data: { rifId: RIF_ID, closedBy: DE, reason: 'trend ended', closedAt: AT } }]));
    it('deactivates an active profile first: it does not outlive its RIF', () =>
      given([drafted({ content: withProfile() }), published(), backtested(), activated()]).when(close()).then([deactivated(), closed()]));
  });

  describe('by a recipient or the Commission', () => {
    it('is refused: only the author closes', () => {
      given([drafted(), published()]).when(close(FR)).then(refused({ kind: 'permission', rule: 'RIF_NOT_AUTHOR' }));
      given([drafted(), published()]).when(close(COMMISSION)).then(refused({ kind: 'permission', rule: 'RIF_NOT_AUTHOR' }));
    });
  });

  describe('twice, or after expiry', () => {
    it('is out of sequence', () => {
      given([drafted(), published(), closed()]).when(close()).then(refused({ kind: 'lifecycle', rule: 'RIF_CLOSED' }));
      given([drafted(), published(), expired()]).when(close()).then(refused({ kind: 'lifecycle', rule: 'RIF_EXPIRED' }));
    });
  });
});
