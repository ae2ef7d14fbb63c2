import { completed, deciderSpec, DEFAULTS, linked, minimalFiling, mrnOf, refused, registered } from '@ics2/testing';
import { filingDecider } from '../filing.decider';

const given = deciderSpec(filingDecider);
const houseMrn = mrnOf(2);
const house = registered({ mrn: houseMrn, filing: minimalFiling({ type: 'F22', houses: ['H-1'] }) });
const join = (headMrn = DEFAULTS.mrn) => ({ type: 'JoinCompletedEns' as const, data: { headMrn, phase: 'pre-arrival' as const, members: [DEFAULTS.mrn, houseMrn], at: DEFAULTS.at } });

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
  describe('a house not linked to that master', () => {
    it('is not applicable', () => given([house]).when(join()).then(refused({ kind: 'not-applicable', reason: `not linked to ${DEFAULTS.mrn}` })));
  });
});
