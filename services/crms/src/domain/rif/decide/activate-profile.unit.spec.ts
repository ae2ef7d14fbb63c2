import { deciderSpec, refused } from '@ics2/testing';
import { rifDecider } from '../rif.decider';
import {
  activate,
  activated,
  AT,
  backtested,
  closed,
  content,
  deactivate,
  deactivated,
  DE,
  DE_COLLEAGUE,
  drafted,
  edited,
  FR,
  LATER,
  profile,
  published,
  RIF_ID,
  VALID_TO,
  withProfile,
} from '../rif-events.test-harness';

const given = deciderSpec(rifDecider);
const ready = [drafted({ content: withProfile() }), published(), backtested()];

describe('activate-profile', () => {
  describe('a published RIF whose profile was backtested, by its author', () => {
    it('appends the criterion with the RIF as origin, for risk-analysis to activate', () =>
      given(ready)
        .when(activate())
        .then([{ type: 'RifProfileActivated', data: { rifId: RIF_ID, criterion: { ...profile(), origin: { rifId: RIF_ID } }, activatedBy: { kind: 'member-state', memberState: 'DE', userId: 'de-risk-1' }, activatedAt: AT } }]));
    it('records nothing when it is active already', () => given([...ready, activated()]).when(activate(DE_COLLEAGUE)).thenNothingHappened());
  });

  describe('before a backtest', () => {
    it('is refused', () => given([drafted({ content: withProfile() }), published()]).when(activate()).then(refused({ kind: 'lifecycle', rule: 'RIF_NOT_BACKTESTED' })));
    it('is refused when the draft\'s profile changed after its backtest', () =>
      given([drafted({ content: withProfile() }), backtested(), edited(withProfile({ score: 90 })), published()]).when(activate()).then(refused({ kind: 'lifecycle', rule: 'RIF_NOT_BACKTESTED' })));
    it('keeps the backtest when an edit leaves the profile as it was', () =>
      given([drafted({ content: withProfile() }), backtested(), edited({ ...withProfile(), modusOperandi: 'split consignments' }), published()]).when(activate()).then([activated()]));
  });

  describe('refused', () => {
    it('on a draft, a closed RIF, or after the validity ended', () => {
      given([drafted({ content: withProfile() }), backtested()]).when(activate()).then(refused({ kind: 'lifecycle', rule: 'RIF_NOT_PUBLISHED' }));
      given([...ready, closed()]).when(activate()).then(refused({ kind: 'lifecycle', rule: 'RIF_CLOSED' }));
      given(ready).when(activate(undefined, VALID_TO)).then(refused({ kind: 'lifecycle', rule: 'RIF_VALIDITY_ENDED' }));
    });
    it("once the profile's own validity ended: risk-analysis would hold it active and apply it to no filing", () => {
      const lapsed = [drafted({ content: withProfile({ validFrom: '2026-11-01T00:00:00.000Z', validTo: AT }) }), published(), backtested()];
      given(lapsed).when(activate()).then(refused({ kind: 'lifecycle', rule: 'RIF_PROFILE_VALIDITY_ENDED' }));
      given([drafted({ content: withProfile({ validTo: LATER }) }), published(), backtested()]).when(activate()).then([{ type: 'RifProfileActivated', data: { rifId: RIF_ID, criterion: profile({ validTo: LATER }), activatedBy: DE, activatedAt: AT } }]);
    });
    it('without a profile', () => given([drafted({ content: content() }), published()]).when(activate()).then(refused({ kind: 'lifecycle', rule: 'RIF_NO_PROFILE' })));
    it('to a recipient', () => given(ready).when(activate(FR)).then(refused({ kind: 'permission', rule: 'RIF_NOT_AUTHOR' })));
  });
});

describe('deactivate-profile', () => {
  it('takes the live criterion back', () => given([...ready, activated()]).when(deactivate()).then([deactivated()]));
  it('records nothing when the profile is not active', () => given(ready).when(deactivate()).thenNothingHappened());
  it('is refused to a recipient', () => given([...ready, activated()]).when(deactivate(FR)).then(refused({ kind: 'permission', rule: 'RIF_NOT_AUTHOR' })));
  it('allows activating again after a deactivation', () => given([...ready, activated(), deactivated()]).when(activate()).then([activated()]));
});
