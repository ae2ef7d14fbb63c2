import { DEFAULTS, deciderSpec, housePresentationNoted, invalidated, linked, minimalFiling, mrnOf, presented, refused, registered } from '@ics2/testing';
import { filingDecider } from '../filing.decider';
import { evolve } from '../filing.evolve';
import { initialFilingState } from '../filing.state';

const given = deciderSpec(filingDecider);
const houseMrn = mrnOf(2);
const master = [registered({ filing: minimalFiling({ type: 'F21', houses: ['H-1', 'H-2'] }) }), linked({ linkedMrn: houseMrn, linkedLevel: 'house', houseDocument: 'H-1' })];
const note = (house = houseMrn) => ({ type: 'NoteHousePresentation' as const, data: { houseMrn: house, presentedAt: DEFAULTS.at, at: DEFAULTS.at } });

describe('note-house-presentation', () => {
  describe('a master one of whose linked houses was presented', () => {
    it('learns it once, and its state says when', () => {
      given(master).when(note()).then([housePresentationNoted({ houseMrn })]);
      given([...master, housePresentationNoted({ houseMrn })]).when(note()).thenNothingHappened();
      expect([...master, housePresentationNoted({ houseMrn })].reduce(evolve, initialFilingState())).toMatchObject({ status: 'registered', ensPresentedAt: DEFAULTS.at });
    });
    it('learns nothing more from a second presented house', () => {
      const second = mrnOf(3);
      given([...master, linked({ linkedMrn: second, linkedLevel: 'house', houseDocument: 'H-2' }), housePresentationNoted({ houseMrn })]).when(note(second)).thenNothingHappened();
    });
  });
  describe('a master presented itself', () => {
    it('has nothing to learn', () => given([...master, presented()]).when(note()).thenNothingHappened());
  });
  describe('a master the house is not linked to, a house, or an invalidated master', () => {
    it('is not applicable and records nothing', () => {
      given(master).when(note(mrnOf(4))).then(refused({ kind: 'not-applicable', reason: `not the master of ${mrnOf(4)}` }));
      const house = [registered({ filing: minimalFiling({ type: 'F22', houses: ['H-1'] }) }), linked({ linkedMrn: houseMrn, linkedLevel: 'master', houseDocument: 'H-1' })];
      given(house).when(note()).then(refused({ kind: 'not-applicable', reason: `not the master of ${houseMrn}` }));
      given([...master, invalidated()]).when(note()).then(refused({ kind: 'not-applicable', reason: 'the filing is invalidated' }));
    });
  });
});
