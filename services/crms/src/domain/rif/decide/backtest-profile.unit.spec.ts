import { deciderSpec, refused } from '@ics2/testing';
import { rifDecider } from '../rif.decider';
import { AT, backtested, closed, COMMISSION, content, DE, drafted, edited, FR, profile, published, recordBacktest, VALID_TO, withProfile } from '../rif-events.test-harness';

const given = deciderSpec(rifDecider);

describe('backtest-profile', () => {
  describe('the author, over a past period', () => {
    it('records how many filings the profile would have hit', () => given([drafted({ content: withProfile() }), published()]).when(recordBacktest()).then([backtested()]));
    it('may backtest a draft too, while writing the profile', () => given([drafted({ content: withProfile() })]).when(recordBacktest()).then([backtested()]));
  });

  describe('a profile edited while the backtest ran', () => {
    it('is a conflict: the result is about another profile', () =>
      given([drafted({ content: withProfile() }), edited(withProfile({ score: 90 }))]).when(recordBacktest({ profile: profile() })).then(refused({ kind: 'conflict', rule: 'RIF_PROFILE_CHANGED' })));
  });

  describe('a period that is not right', () => {
    it('refuses a period ending before it begins, or not yet over', () => {
      given([drafted({ content: withProfile() })])
        .when(recordBacktest({ period: { from: '2026-06-01T00:00:00.000Z', to: '2026-06-01T00:00:00.000Z' } }))
        .then(refused({ kind: 'invalid', errors: [{ code: '12', pointer: '/to', rule: 'PERIOD_RANGE' }] }));
      given([drafted({ content: withProfile() })])
        .when(recordBacktest({ period: { from: '2026-06-01T00:00:00.000Z', to: '2026-12-01T10:00:00.001Z' }, at: AT }))
        .then(refused({ kind: 'invalid', errors: [{ code: '12', pointer: '/to', rule: 'PERIOD_NOT_PAST' }] }));
    });
  });

  describe('refused', () => {
    it('without a profile', () => given([drafted({ content: content() })]).when(recordBacktest()).then(refused({ kind: 'lifecycle', rule: 'RIF_NO_PROFILE' })));
    it('to a recipient (permission) and to a Member State that cannot see it (not found)', () => {
      given([drafted({ content: withProfile() }), published(['FR'])]).when(recordBacktest({ by: FR })).then(refused({ kind: 'permission', rule: 'RIF_NOT_AUTHOR' }));
      given([drafted({ content: withProfile() }), published(['FR'])]).when(recordBacktest({ by: { kind: 'member-state', memberState: 'PL', userId: 'pl-1' } })).then(refused({ kind: 'not-found' }));
      given([drafted({ content: withProfile() }), published()]).when(recordBacktest({ by: COMMISSION })).then(refused({ kind: 'permission', rule: 'RIF_NOT_AUTHOR' }));
    });
    it('on a closed RIF, or a published one whose validity ended', () => {
      given([drafted({ content: withProfile() }), closed()]).when(recordBacktest()).then(refused({ kind: 'lifecycle', rule: 'RIF_CLOSED' }));
      given([drafted({ content: withProfile() }), published()]).when(recordBacktest({ by: DE, at: VALID_TO })).then(refused({ kind: 'lifecycle', rule: 'RIF_VALIDITY_ENDED' }));
    });
  });
});
