import { houseConsignmentsOf, type EnsFiling } from '@ics2/contracts';
import {
  airPlaciScenario,
  airPreArrivalScenario,
  ecommerceHouseFiling,
  expressFiling,
  expressPlaciFiling,
  maritimeScenario,
  postalFiling,
  postalPlaciScenario,
  railFiling,
  roadFiling,
  sampleFiling,
} from '@ics2/testing';
import { airFiling, goodsItem, party, subjectOf } from './criteria.test-harness';

const housesOf = (filings: readonly EnsFiling[]) => filings.flatMap((f) => houseConsignmentsOf(f));
const hsOf = (filings: readonly EnsFiling[]) =>
  housesOf(filings).map((h) => [...new Set((h.goodsItem ?? []).map((g) => g.commodity.commodityCode?.harmonizedSystemSubHeadingCode).filter(Boolean))]);

describe('riskSubjectOf', () => {
  describe('a maritime ENS: a master B/L (F12) completed by house B/Ls (F15)', () => {
    const { master, houses } = maritimeScenario({ seed: 4, houses: 2 });
    const subject = subjectOf(master, { members: houses });

    it('has one consignment per house B/L, with the goods of the house filing', () => {
      expect(subject.filingTypes).toEqual(['F12', 'F15']);
      expect(subject.houses.map((h) => h.houseDocument)).toEqual(housesOf(houses).map((h) => h.transportDocumentHouseLevel?.documentNumber));
      expect(subject.houses.map((h) => h.filingType)).toEqual(['F15', 'F15']);
      expect(subject.houses.map((h) => h.hsCodes)).toEqual(hsOf(houses));
    });

    it('folds in the vessel, its route and the master places and carrier', () => {
      const means = master.activeBorderTransportMeans!;
      for (const house of subject.houses) {
        expect(house.transportMeans).toEqual({ identifications: [means.identificationNumber, means.conveyanceReferenceNumber], mode: '1', nationality: means.nationality });
        expect(house.countries.loading).toEqual([master.consignmentMasterLevel!.placeOfLoading!.unLocode!.slice(0, 2)]);
        expect(house.countries.unloading).toEqual([master.consignmentMasterLevel!.placeOfUnloading!.unLocode!.slice(0, 2)]);
        expect(house.parties.filter((p) => p.role === 'carrier').map((p) => p.eori)).toEqual([master.consignmentMasterLevel!.carrier!.identificationNumber]);
        expect(house.containers.length).toBeGreaterThan(0);
      }
    });

    it('names every party of the house by role, the house filer and the master filer as declarants', () => {
      const roles = subject.houses[0].parties.map((p) => p.role);
      expect(roles).toEqual(['consignor', 'consignee', 'buyer', 'seller', 'declarant', 'declarant', 'carrier']);
      const declarants = subject.houses[0].parties.filter((p) => p.role === 'declarant').map((p) => p.eori);
      expect(declarants).toEqual([houses[0].declarant.identificationNumber, master.declarant.identificationNumber]);
    });

    it('keeps the ENS-level data apart for ENS-level criteria', () => {
      expect(subject.ens.scope).toBe('ens');
      expect(subject.ens.houseDocument).toBeNull();
      expect(subject.ens.hsCodes).toEqual([]);
      expect(subject.ens.parties.map((p) => p.role)).toEqual(['declarant', 'carrier']);
    });
  });

  describe('air PLACI data (F23 and its F24 7+1 filings), pre-loading', () => {
    const { master, houses } = airPlaciScenario({ seed: 3 });
    const subject = subjectOf(master, { phase: 'pre-loading', members: houses });

    it('has the descriptions, normalised, and no HS codes', () => {
      const descriptions = housesOf(houses).map((h) => (h.goodsItem ?? []).map((g) => g.commodity.descriptionOfGoods.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()));
      expect(subject.houses.map((h) => h.descriptions)).toEqual(descriptions);
      expect(subject.houses.every((h) => h.hsCodes.length === 0 && h.hsPrefixes.length === 0)).toBe(true);
    });

    it('takes the consignor and consignee address countries for acceptance and delivery', () => {
      const expected = housesOf(houses).map((h) => [[h.consignor!.address!.country], [h.consignee!.address!.country]]);
      expect(subject.houses.map((h) => [h.countries.acceptance, h.countries.delivery])).toEqual(expected);
    });

    it('does not mark the missing HS codes at pre-loading, but does at pre-arrival', () => {
      expect(subject.houses.flatMap((h) => h.markers)).not.toContain('no-hs-code');
      expect(subjectOf(master, { phase: 'pre-arrival', members: houses }).houses.every((h) => h.markers.includes('no-hs-code'))).toBe(true);
    });

    it('has masses, packages and mass per package of each house', () => {
      const [house] = housesOf(houses);
      const packages = (house.goodsItem ?? []).reduce((n, g) => n + (g.packaging ?? []).reduce((m, p) => m + (p.numberOfPackages ?? 0), 0), 0);
      expect(subject.houses[0].grossMassKg).toBe(house.totalGrossMass);
      expect(subject.houses[0].packages).toBe(packages);
      expect(subject.houses[0].massPerPackageKg).toEqual((house.goodsItem ?? []).map((g) => g.weight!.grossMass / g.packaging![0].numberOfPackages!));
    });

    it('without the houses, lists each house waybill as a consignment with no goods data', () => {
      const alone = subjectOf(master, { phase: 'pre-loading' });
      expect(alone.houses.map((h) => h.houseDocument)).toEqual(housesOf([master]).map((h) => h.transportDocumentHouseLevel?.documentNumber));
      expect(alone.houses.every((h) => h.markers.join() === 'no-goods-items')).toBe(true);
    });
  });

  describe('air pre-arrival data (F21 and F22) flagged inconsistent', () => {
    const placi = airPlaciScenario({ seed: 9 });
    const { master, houses } = airPreArrivalScenario({ placi, inconsistency: { element: 'grossMass', house: 0 } });
    const houseDocuments = housesOf(houses).map((h) => h.transportDocumentHouseLevel!.documentNumber);
    const differences = [
      { element: 'grossMass', houseDocument: houseDocuments[0], values: [{ mrn: 'P', value: 10 }, { mrn: 'H', value: 11.5 }] },
      { element: 'carrier', values: [{ mrn: 'P', value: 'A' }, { mrn: 'H', value: 'B' }] },
    ];
    const subject = subjectOf(master, { members: houses, consistency: { outcome: 'flagged', differences } });

    it("gives each house its own differences and the ENS-wide ones, and the ENS the ENS-wide ones", () => {
      expect(subject.consistency).toBe('flagged');
      expect(subject.houses[0].differences).toEqual(differences);
      expect(subject.houses.slice(1).every((h) => h.differences.length === 1 && h.differences[0].element === 'carrier')).toBe(true);
      expect(subject.ens.differences).toEqual([differences[1]]);
    });

    it('has the HS codes of the pre-arrival data', () => {
      expect(subject.houses.map((h) => h.hsCodes)).toEqual(hsOf(houses));
      expect(subject.houses[0].hsPrefixes).toEqual(expect.arrayContaining([subject.houses[0].hsCodes[0].slice(0, 2), subject.houses[0].hsCodes[0].slice(0, 4), subject.houses[0].hsCodes[0]]));
    });

    it('records a check that came out ok as ok, and no check as unchecked', () => {
      expect(subjectOf(master, { members: houses, consistency: { outcome: 'ok', differences: [] } }).consistency).toBe('ok');
      expect(subjectOf(master, { members: houses }).consistency).toBe('unchecked');
    });
  });

  describe('an express filing (F30), an express PLACI filing (F32) and an e-commerce house filing (F22/F26)', () => {
    it('read the goods of each house', () => {
      for (const filing of [expressFiling({ seed: 4 }), expressPlaciFiling({ seed: 4 }), ecommerceHouseFiling(4)]) {
        const subject = subjectOf(filing, { phase: filing.specificCircumstanceIndicator === 'F32' ? 'pre-loading' : 'pre-arrival' });
        expect(subject.houses.map((h) => h.hsCodes)).toEqual(hsOf([filing]));
        expect(subject.houses.every((h) => h.transportMeans.mode === '4' && h.descriptions.length > 0)).toBe(true);
      }
    });
  });

  describe('a postal filing (F40) and postal PLACI data (F44 and F43)', () => {
    it('have private consignees without EORI, one parcel per item', () => {
      const subject = subjectOf(postalFiling({ seed: 4 }));
      const consignees = subject.houses.flatMap((h) => h.parties.filter((p) => p.role === 'consignee'));
      expect(consignees.every((p) => p.eori === null && p.name !== null)).toBe(true);
      expect(subject.houses.every((h) => h.massPerPackageKg.length === h.descriptions.length)).toBe(true);
      const { master, houses } = postalPlaciScenario({ seed: 4 });
      expect(subjectOf(master, { phase: 'pre-loading', members: houses }).houses).toHaveLength(housesOf(houses).length);
    });
  });

  describe('road (F50) and rail (F51) filings', () => {
    it('have the mode, the vehicle or train, and every country crossed', () => {
      const road = roadFiling({ seed: 4 });
      const rail = railFiling({ seed: 4 });
      const routing = (f: EnsFiling) => f.activeBorderTransportMeans!.countriesOfRoutingOfMeansOfTransport!.map((r) => r.country);
      const [roadHouse] = subjectOf(road).houses;
      const [railHouse] = subjectOf(rail).houses;
      expect([roadHouse.transportMeans.mode, railHouse.transportMeans.mode]).toEqual(['3', '2']);
      expect(roadHouse.transportMeans.identifications).toEqual([road.activeBorderTransportMeans!.identificationNumber!.replace(/[\s-]/g, '')]);
      expect(railHouse.countries.routing).toEqual(expect.arrayContaining(routing(rail)));
      expect(railHouse.countries.any).toEqual(expect.arrayContaining(['KZ', 'RU', 'BY']));
    });
  });

  describe('every filing type of the table', () => {
    it('gives a subject with at least one consignment', () => {
      for (const type of ['F10', 'F11', 'F12', 'F13', 'F14', 'F15', 'F16', 'F17', 'F20', 'F21', 'F22', 'F23', 'F24', 'F25', 'F26', 'F27', 'F28', 'F29', 'F30', 'F31', 'F32', 'F33', 'F34', 'F40', 'F41', 'F42', 'F43', 'F44', 'F45', 'F50', 'F51'] as const) {
        const subject = subjectOf(sampleFiling(type, { seed: 2 }));
        expect(subject.houses.length).toBeGreaterThan(0);
        expect(subject.filingTypes).toEqual([type]);
      }
    });
  });

  describe('low-quality data', () => {
    it('marks short and generic descriptions, missing streets, masses and packages', () => {
      const filing = airFiling({
        consignor: party('Acme', { address: { city: 'Shenzhen', country: 'CN' } }),
        consignee: undefined,
        totalGrossMass: undefined,
        goodsItem: [goodsItem('Parts', { hs: '847330' }), { ...goodsItem('Spare parts and accessories'), goodsItemNumber: 2 }],
      });
      expect(subjectOf(filing).houses[0].markers).toEqual(['no-hs-code', 'short-description', 'generic-description', 'consignor-no-street', 'no-consignee', 'no-gross-mass', 'no-packages']);
    });

    it('marks nothing on a complete, well-described consignment', () => {
      expect(subjectOf(airFiling()).houses[0].markers).toEqual([]);
    });
  });

  describe('AEO status', () => {
    const filing = airFiling();
    it('is the declarant’s or the carrier’s, from the set of AEO EORIs', () => {
      const declarant = filing.declarant.identificationNumber!;
      const subject = subjectOf(filing, { aeoOperators: new Set([declarant]) });
      expect(subject.aeo.declarant).toBe(true);
      expect(subject.houses[0].aeo).toBe(true);
      expect(subjectOf(filing, { aeoOperators: new Set(['DE000000000000001']) }).houses[0].aeo).toBe(false);
      expect(subjectOf(filing).houses[0].aeo).toBe(false);
    });
  });

  describe('party names and addresses', () => {
    it('are normalised: accents, case and legal forms', () => {
      const filing = airFiling({ consignee: party('Müller & Söhne GmbH', { address: { streetAndNumber: 'Hauptstraße 5', postcode: '10115', city: 'Berlin', country: 'DE' } }) });
      const consignee = subjectOf(filing).houses[0].parties.find((p) => p.role === 'consignee')!;
      expect(consignee).toMatchObject({ name: 'Müller & Söhne GmbH', nameTokens: ['muller', 'sohne'], street: 'hauptstrasse 5', city: 'berlin', postcode: '10115', country: 'DE' });
      expect([...consignee.addressTokens]).toEqual(['hauptstrasse', '5', 'berlin', '10115']);
    });
  });
});
