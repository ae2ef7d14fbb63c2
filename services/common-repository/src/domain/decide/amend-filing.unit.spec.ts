import type { EnsEvent } from '@ics2/contracts';
import { amended, arrived, controlNoted, deciderSpec, DEFAULTS, housePresentationNoted, invalidated, linked, minimalFiling, mrnOf, presentationNoted, presented, refused, registered, responsibilityAssigned } from '@ics2/testing';
import type { EnsFiling } from '@ics2/contracts';
import { filingDecider } from '../filing.decider';

const given = deciderSpec(filingDecider);
const original = minimalFiling({ type: 'F20', routing: ['CN', 'DE'] });
const history = [registered({ filing: original }), responsibilityAssigned({ rms: 'DE', ims: [] })];
const amend = (filing: EnsFiling, by: string = DEFAULTS.declarant) => ({ type: 'AmendFiling' as const, data: { messageId: 'amd-1', filing, by, at: DEFAULTS.at } });
const rejectedWith = (code: string, pointer: string, description: string, by: string = DEFAULTS.declarant): EnsEvent[] => [
  { type: 'EnsAmendmentRejected', data: { mrn: DEFAULTS.mrn, messageId: 'amd-1', errors: [{ code, pointer, description }], rejectedAt: DEFAULTS.at, requestedBy: by } },
];
const heavier: EnsFiling = {
  ...original,
  consignmentMasterLevel: {
    ...original.consignmentMasterLevel!,
    consignmentHouseLevel: [{ ...original.consignmentMasterLevel!.consignmentHouseLevel[0], totalGrossMass: 99 }],
  },
};

describe('amend-filing', () => {
  describe('by the declarant, before presentation', () => {
    it('amends the filing (IE3N10) and says which elements changed', () => {
      given(history)
        .when(amend(heavier))
        .then([amended({ filing: heavier, changed: ['/consignmentMasterLevel/consignmentHouseLevel/0/totalGrossMass'] })]);
    });

    it('amends after arrival too', () => {
      given([...history, arrived()]).when(amend(heavier)).then([amended({ filing: heavier, changed: ['/consignmentMasterLevel/consignmentHouseLevel/0/totalGrossMass'] })]);
    });

    it('assigns the involved Member States again when the routing changes them', () => {
      const rerouted: EnsFiling = { ...original, activeBorderTransportMeans: { modeOfTransport: '4', countriesOfRoutingOfMeansOfTransport: [{ sequenceNumber: 1, country: 'CN' }, { sequenceNumber: 2, country: 'AT' }, { sequenceNumber: 3, country: 'DE' }] } };
      const events = given(history).when(amend(rerouted)).decision() as unknown as { type: string; data: { involvedMemberStates?: string[] } }[];
      expect(events.map((e) => e.type)).toEqual(['EnsFilingAmended', 'EnsResponsibilityAssigned']);
      expect(events[1].data.involvedMemberStates).toEqual(['AT']);
    });
  });

  describe('after the goods were presented', () => {
    it('rejects with IE3N01, code 92 (out of sequence)', () => {
      given([...history, arrived(), presented()]).when(amend(heavier)).then(rejectedWith('92', '', 'the goods were presented: the filing can no longer be amended'));
    });
  });

  describe('a house whose master (the head of its ENS) was presented', () => {
    const houseFiling = minimalFiling({ type: 'F22', houses: ['H-1'] });
    const house = [registered({ filing: houseFiling }), responsibilityAssigned(), linked({ linkedMrn: mrnOf(2), linkedLevel: 'master', houseDocument: 'H-1' }), arrived()];
    const later = { ...houseFiling, documentIssueDate: '2026-12-01T09:30:00Z' };
    it('rejects with IE3N01, code 92, as a presented filing', () =>
      given([...house, presentationNoted({ mrn: DEFAULTS.mrn, headMrn: mrnOf(2) })])
        .when(amend(later))
        .then(rejectedWith('92', '', 'the goods were presented: the filing can no longer be amended')));
    it('is amended while its master is not presented', () => given(house).when(amend(later)).then([amended({ filing: later, changed: ['/documentIssueDate'] })]));
  });

  describe('a master one of whose houses was presented', () => {
    const masterFiling = minimalFiling({ type: 'F21', houses: ['H-1'] });
    const master = [registered({ filing: masterFiling }), responsibilityAssigned(), linked({ linkedMrn: mrnOf(2), linkedLevel: 'house', houseDocument: 'H-1' })];
    const later = { ...masterFiling, documentIssueDate: '2026-12-01T09:30:00Z' };
    it('rejects with IE3N01, code 92, as a presented filing', () =>
      given([...master, housePresentationNoted({ houseMrn: mrnOf(2) })])
        .when(amend(later))
        .then(rejectedWith('92', '', 'the goods were presented: the filing can no longer be amended')));
    it('is amended while none of its houses is presented', () => given(master).when(amend(later)).then([amended({ filing: later, changed: ['/documentIssueDate'] })]));
  });

  describe('once customs decided or notified a control', () => {
    it('rejects with code 92', () => {
      given([...history, controlNoted()])
        .when(amend(heavier))
        .then(rejectedWith('92', '', 'customs decided to control, or notified a control: the filing can no longer be amended'));
    });
  });

  describe('after invalidation', () => {
    it('rejects with code 92', () => {
      given([...history, invalidated()]).when(amend(heavier)).then(rejectedWith('92', '', 'the filing is invalidated'));
    });
  });

  describe('of an element that may not be amended', () => {
    it('rejects with X04 at each such element: the office of first entry', () => {
      given(history)
        .when(amend({ ...original, customsOfficeOfFirstEntry: { referenceNumber: 'FR000123' } }))
        .then(rejectedWith('X04', '/customsOfficeOfFirstEntry/referenceNumber', 'this element may not be amended'));
    });

    it('rejects a changed master document and a removed house: the unique linking key', () => {
      const relinked: EnsFiling = { ...original, consignmentMasterLevel: { ...original.consignmentMasterLevel!, transportDocumentMasterLevel: { documentNumber: '999-1', type: 'N741' } } };
      given(history)
        .when(amend(relinked))
        .then(rejectedWith('X04', '/consignmentMasterLevel/transportDocumentMasterLevel/documentNumber', 'this element may not be amended'));
      const fewer: EnsFiling = { ...original, consignmentMasterLevel: { ...original.consignmentMasterLevel!, consignmentHouseLevel: [] } };
      const errors = (given(history).when(amend(fewer)).decision() as unknown as { data: { errors: { code: string; pointer: string }[] } }[])[0].data.errors;
      expect(errors).toContainEqual({ code: 'X04', pointer: '/consignmentMasterLevel/consignmentHouseLevel', description: 'this element may not be amended' });
    });
  });

  describe('by an operator who is not a party', () => {
    it('refuses as not found and records nothing', () => {
      given(history).when(amend(heavier, 'IT999999999')).then(refused({ kind: 'not-found' }));
    });
  });

  describe('by the representative of the filing', () => {
    it('amends it', () => {
      const represented = minimalFiling({ type: 'F20', representative: 'BE222222222' });
      const changed = { ...represented, documentIssueDate: '2026-12-01T09:30:00Z' };
      given([registered({ filing: represented, filedBy: 'BE222222222' }), responsibilityAssigned()])
        .when(amend(changed, 'BE222222222'))
        .then([amended({ filing: changed, changed: ['/documentIssueDate'], by: 'BE222222222' })]);
    });

    it('rejects another representative, or none, with X04: who may act on the filing is fixed at registration', () => {
      const represented = minimalFiling({ type: 'F20', representative: 'BE222222222' });
      const filed = [registered({ filing: represented }), responsibilityAssigned()];
      given(filed)
        .when(amend({ ...represented, representative: { ...represented.representative!, identificationNumber: 'NL333333333' } }))
        .then(rejectedWith('X04', '/representative/identificationNumber', 'this element may not be amended'));
      const { representative: _dropped, ...unrepresented } = represented;
      given(filed).when(amend(unrepresented)).then(rejectedWith('X04', '/representative', 'this element may not be amended'));
      given(history)
        .when(amend({ ...original, representative: { ...represented.representative! } }))
        .then(rejectedWith('X04', '/representative', 'this element may not be amended'));
    });
  });

  describe('of an unknown MRN', () => {
    it('refuses as not found', () => given([]).when(amend(heavier)).then(refused({ kind: 'not-found' })));
  });
});
