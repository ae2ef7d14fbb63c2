import { completenessPending, deciderSpec, DEFAULTS, linked, minimalFiling, mrnOf, registered } from '@ics2/testing';
import { filingDecider } from '../filing.decider';

const given = deciderSpec(filingDecider);
const note = { type: 'NoteCompleteness' as const, data: { at: DEFAULTS.at } };

describe('note-completeness', () => {
  const filing = minimalFiling({ type: 'F21', houses: ['H-1', 'H-2'] });
  const withExpectedFiler = {
    ...filing,
    consignmentMasterLevel: {
      ...filing.consignmentMasterLevel!,
      consignmentHouseLevel: [
        { transportDocumentHouseLevel: { documentNumber: 'H-1', type: 'N703' }, supplementaryDeclarant: { identificationNumber: 'NL000000001' } },
        { transportDocumentHouseLevel: { documentNumber: 'H-2', type: 'N703' } },
      ],
    },
  };

  describe('a master still missing houses', () => {
    it('becomes pending completeness, naming the missing houses and who is expected to file them (IE3N02, IE3N11)', () => {
      given([registered({ filing: withExpectedFiler }), linked({ linkedMrn: mrnOf(2), linkedLevel: 'house', houseDocument: 'H-2' })])
        .when(note)
        .then([completenessPending({ missing: [{ houseDocument: 'H-1', expectedFiler: 'NL000000001' }] })]);
    });

    it('is noted once', () => {
      given([registered({ filing }), completenessPending({ missing: [{ houseDocument: 'H-1' }, { houseDocument: 'H-2' }] })]).when(note).thenNothingHappened();
    });
  });

  describe('a complete filing or a house', () => {
    it('has nothing to note', () => {
      given([registered({ filing: minimalFiling({ type: 'F20' }) })]).when(note).thenNothingHappened();
      given([registered({ filing: minimalFiling({ type: 'F22' }) })]).when(note).thenNothingHappened();
    });
  });
});
