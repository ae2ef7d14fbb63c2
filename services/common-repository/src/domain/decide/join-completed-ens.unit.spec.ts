import { completed, deciderSpec, DEFAULTS, linked, minimalFiling, mrnOf, refused, registered } from '@ics2/testing';
import { filingDecider } from '../filing.decider';

const given = deciderSpec(filingDecider);
const houseMrn = mrnOf(2);
const house = registered({ mrn: houseMrn, filing: minimalFiling({ type: 'F22', houses: ['H-1'] }) });
const join = (headMrn = DEFAULTS.mrn, members = [DEFAULTS.mrn, houseMrn]) => ({ type: 'JoinCompletedEns' as const, data: { headMrn, phase: 'pre-arrival' as const, members, at: DEFAULTS.at } });

describe('join-completed-ens', () => {
  describe('a house linked to the master that completed', () => {
    it('records the complete ENS it is a member of', () => {
      given([house, linked({ mrn: houseMrn, linkedMrn: DEFAULTS.mrn, linkedLevel: 'master', houseDocument: 'H-1' })])
        .when(join())
        .then([completed({ mrn: houseMrn, members: [DEFAULTS.mrn, houseMrn] })]);
    });
    it('records it once', () => {
      given([house, linked({ mrn: houseMrn, linkedMrn: DEFAULTS.mrn, linkedLevel: 'master', houseDocument: 'H-1' }), completed({ mrn: houseMrn, members: [DEFAULTS.mrn, houseMrn] })])
        .when(join())
        .thenNothingHappened();
    });
  });
  describe('a house of an ENS completed again after another house was invalidated and refiled', () => {
    const refiledMrn = mrnOf(4);
    const history = [
      house,
      linked({ mrn: houseMrn, linkedMrn: DEFAULTS.mrn, linkedLevel: 'master', houseDocument: 'H-1' }),
      completed({ mrn: houseMrn, members: [DEFAULTS.mrn, mrnOf(3), houseMrn] }),
    ];
    it('records the complete ENS again, naming the new members', () =>
      given(history)
        .when(join(DEFAULTS.mrn, [DEFAULTS.mrn, houseMrn, refiledMrn]))
        .then([completed({ mrn: houseMrn, members: [DEFAULTS.mrn, houseMrn, refiledMrn] })]));
    it('records the new members once', () =>
      given([...history, completed({ mrn: houseMrn, members: [DEFAULTS.mrn, houseMrn, refiledMrn] })])
        .when(join(DEFAULTS.mrn, [DEFAULTS.mrn, houseMrn, refiledMrn]))
        .thenNothingHappened());
  });
  describe('a house not linked to that master', () => {
    it('is not applicable', () => given([house]).when(join()).then(refused({ kind: 'not-applicable', reason: `not linked to ${DEFAULTS.mrn}` })));
  });
});
