import { DEFAULTS, deciderSpec, invalidated, linked, minimalFiling, mrnOf, presentationNoted, refused, registered } from '@ics2/testing';
import { filingDecider } from '../filing.decider';
import { evolve } from '../filing.evolve';
import { initialFilingState } from '../filing.state';

const given = deciderSpec(filingDecider);
const houseMrn = mrnOf(2);
const house = [
  registered({ mrn: houseMrn, filing: minimalFiling({ type: 'F22', houses: ['H-1'] }) }),
  linked({ mrn: houseMrn, linkedMrn: DEFAULTS.mrn, linkedLevel: 'master', houseDocument: 'H-1' }),
];
const note = (headMrn = DEFAULTS.mrn) => ({ type: 'NotePresentation' as const, data: { headMrn, presentedAt: DEFAULTS.at, at: DEFAULTS.at } });

describe('note-presentation', () => {
  describe('a house whose master was presented', () => {
    it('learns it once, and its state says when', () => {
      given(house).when(note()).then([presentationNoted({ mrn: houseMrn })]);
      given([...house, presentationNoted({ mrn: houseMrn })]).when(note()).thenNothingHappened();
      expect([...house, presentationNoted({ mrn: houseMrn })].reduce(evolve, initialFilingState())).toMatchObject({ ensPresentedAt: DEFAULTS.at });
    });
  });
  describe('a house of another master, a master, or an invalidated house', () => {
    it('is not applicable and records nothing', () => {
      given(house).when(note(mrnOf(3))).then(refused({ kind: 'not-applicable', reason: `not a house of ${mrnOf(3)}` }));
      given([registered()]).when(note(mrnOf(3))).then(refused({ kind: 'not-applicable', reason: `not a house of ${mrnOf(3)}` }));
      given([...house, invalidated({ mrn: houseMrn })]).when(note()).then(refused({ kind: 'not-applicable', reason: 'the filing is invalidated' }));
    });
  });
});
