import { minimalFiling } from '@ics2/testing';
import { responsibilityFor } from './responsible-member-state';

describe('responsible and involved Member States', () => {
  it('makes the country of the office of first entry responsible', () => {
    expect(responsibilityFor(minimalFiling({ office: 'NL000396', routing: ['CN', 'NL'] })).responsibleMemberState).toBe('NL');
  });

  it('involves the other EU countries of routing, never third countries or the responsible one', () => {
    expect(responsibilityFor(minimalFiling({ office: 'DE004700', routing: ['CN', 'TR', 'AT', 'DE', 'CZ'] })).involvedMemberStates).toEqual(['AT', 'CZ']);
  });

  it('involves the countries of unloading, delivery and the addressed Member State', () => {
    const base = minimalFiling({ office: 'BE212000', routing: ['US', 'BE'] });
    const filing = {
      ...base,
      addressedMemberState: { country: 'LU' },
      consignmentMasterLevel: {
        ...base.consignmentMasterLevel!,
        placeOfUnloading: { unLocode: 'NLRTM' },
        consignmentHouseLevel: [{ ...base.consignmentMasterLevel!.consignmentHouseLevel[0], placeOfDelivery: { address: { country: 'PL', city: 'Łódź' } } }],
      },
    };
    expect(responsibilityFor(filing).involvedMemberStates).toEqual(['LU', 'NL', 'PL']);
  });

  it('reads Greece as GR, whichever code an office uses', () => {
    expect(responsibilityFor(minimalFiling({ office: 'GR001234', routing: ['EG', 'GR'] })).responsibleMemberState).toBe('GR');
  });
});
