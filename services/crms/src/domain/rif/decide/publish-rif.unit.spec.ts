import { deciderSpec, refused } from '@ics2/testing';
import { rifDecider } from '../rif.decider';
import { closed, COMMISSION, DE_COLLEAGUE, drafted, FR, publish, published, VALID_TO } from '../rif-events.test-harness';

const given = deciderSpec(rifDecider);

describe('publish-rif', () => {
  describe('by its author', () => {
    it('publishes to every Member State', () => given([drafted()]).when(publish('all')).then([published('all')]));
    it('publishes to the named Member States', () => given([drafted()]).when(publish(['FR', 'BE', 'NO'])).then([published(['FR', 'BE', 'NO'])]));
    it('may be published by another user of the author Member State', () => given([drafted()]).when(publish('all', DE_COLLEAGUE)).then([published('all', DE_COLLEAGUE)]));
  });

  describe('an EU-wide RIF, by the Commission', () => {
    it('publishes it', () => given([drafted({ by: COMMISSION })]).when(publish('all', COMMISSION)).then([published('all', COMMISSION)]));
  });

  describe('to recipients that are not right', () => {
    it('names each one and records nothing', () => {
      given([drafted()]).when(publish([])).then(refused({ kind: 'invalid', errors: [{ code: '12', pointer: '/memberStates', rule: 'MEMBER_STATES_EMPTY' }] }));
      given([drafted()])
        .when(publish(['FR', 'US', 'FR', 'XI']))
        .then(
          refused({
            kind: 'invalid',
            errors: [
              { code: '12', pointer: '/memberStates/1', rule: 'MEMBER_STATE_UNKNOWN' },
              { code: '12', pointer: '/memberStates/2', rule: 'MEMBER_STATE_DUPLICATE' },
              { code: '12', pointer: '/memberStates/3', rule: 'MEMBER_STATE_UNKNOWN' },
            ],
          }),
        );
    });
  });

  describe('by anyone else', () => {
    it('is not found (a draft is not visible to others)', () => {
      given([drafted()]).when(publish('all', FR)).then(refused({ kind: 'not-found' }));
      given([drafted()]).when(publish('all', COMMISSION)).then(refused({ kind: 'not-found' }));
    });
  });

  describe('out of sequence', () => {
    it('is refused when published already or closed', () => {
      given([drafted(), published()]).when(publish()).then(refused({ kind: 'lifecycle', rule: 'RIF_PUBLISHED' }));
      given([drafted(), closed()]).when(publish()).then(refused({ kind: 'lifecycle', rule: 'RIF_CLOSED' }));
    });
    it('is refused once the validity has ended', () => given([drafted()]).when(publish('all', undefined, VALID_TO)).then(refused({ kind: 'lifecycle', rule: 'RIF_VALIDITY_ENDED' })));
  });
});
