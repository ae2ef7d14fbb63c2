import { type EnsFiling, type HouseConsignment, houseConsignmentsOf, type Party } from '@ics2/contracts';
import {
  checkCharacterSet,
  checkGoodsDescription,
  EU_MEMBER_STATES,
  FILING_TYPE_CODES,
  FILING_TYPES,
  filingType,
  parseCountry,
  parseCustomsOffice,
  parseEori,
  parseHsCode,
  parseMrn,
  parseTransportDocument,
  parseUnLocode,
} from '@ics2/domain';
import { AIRLINES, EXPRESS_CARRIERS } from './ens-sample-catalogue';
import { GROUP_PRESENCE, missingGroups, problemsOf } from './ens-sample-checks';
import {
  airWaybillCheckDigit,
  iso6346CheckDigit,
  imoCheckDigit,
  lrnFor,
  s10CheckDigit,
} from './ens-sample-identifiers';
import {
  airPlaciScenario,
  airPreArrivalScenario,
  ecommerceHouseFiling,
  expressFiling,
  expressPlaciFiling,
  maritimeScenario,
  type MultipleFiling,
  postalFiling,
  postalPlaciScenario,
  railFiling,
  roadFiling,
  sampleArrival,
  sampleFiling,
} from './ens-samples';
import { sampleRandom } from './sample-random';

const SEEDS = [0, 1, 2, 3, 7, 42, 1234, 65_535, 2 ** 31, 0xffffffff];

/** Every value of `key` anywhere in the filing. */
function valuesOf(value: unknown, key: string): unknown[] {
  if (Array.isArray(value)) return value.flatMap((v) => valuesOf(v, key));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => [...(k === key ? [v] : []), ...valuesOf(v, key)]);
}

const masterDocumentOf = (filing: EnsFiling) => filing.consignmentMasterLevel?.transportDocumentMasterLevel;
const carrierOf = (filing: EnsFiling) => filing.consignmentMasterLevel?.carrier?.identificationNumber;
const packagesOf = (house: HouseConsignment) =>
  (house.goodsItem ?? []).reduce((n, item) => n + (item.packaging ?? []).reduce((m, p) => m + (p.numberOfPackages ?? 0), 0), 0);
const partyKey = (party?: Party) => JSON.stringify({ name: party?.name, id: party?.identificationNumber, address: party?.address });

/**
 * PET11-style comparison of PLACI and pre-arrival house data by house document: weights, packages and parties.
 * The common repository owns the real check; this one proves the scenario builders keep what they promise.
 */
function placiDifferences(placi: MultipleFiling, preArrival: MultipleFiling): string[] {
  const byDocument = (filings: readonly EnsFiling[]) =>
    new Map(filings.flatMap(houseConsignmentsOf).map((h) => [h.transportDocumentHouseLevel?.documentNumber, h]));
  const before = byDocument(placi.houses);
  const after = byDocument(preArrival.houses);
  const differences: string[] = [];
  if (before.size !== after.size) differences.push('house documents');
  for (const [document, house] of before) {
    const later = after.get(document);
    if (!later) {
      differences.push(`${document}: missing`);
      continue;
    }
    if (house.totalGrossMass !== later.totalGrossMass) differences.push(`${document}: grossMass`);
    if (packagesOf(house) !== packagesOf(later)) differences.push(`${document}: numberOfPackages`);
    if (partyKey(house.consignor) !== partyKey(later.consignor)) differences.push(`${document}: consignor`);
    if (partyKey(house.consignee) !== partyKey(later.consignee)) differences.push(`${document}: consignee`);
  }
  if (masterDocumentOf(placi.master)?.documentNumber !== masterDocumentOf(preArrival.master)?.documentNumber) {
    differences.push('master document');
  }
  if (carrierOf(placi.master) !== carrierOf(preArrival.master)) differences.push('carrier');
  return differences;
}

/** The ULK checks of a multiple filing: every house names the master's document and carrier; the list matches. */
function linkingProblems({ master, houses }: MultipleFiling): string[] {
  const problems: string[] = [];
  const document = masterDocumentOf(master);
  const listed = master.consignmentMasterLevel?.consignmentHouseLevel ?? [];
  for (const filing of houses) {
    for (const house of houseConsignmentsOf(filing)) {
      if (house.transportDocumentMasterLevel?.documentNumber !== document?.documentNumber) problems.push(`${filing.lrn}: master document`);
      if (house.carrier?.identificationNumber !== carrierOf(master)) problems.push(`${filing.lrn}: carrier`);
    }
  }
  const listedDocuments = listed.map((h) => h.transportDocumentHouseLevel?.documentNumber).sort();
  const filedDocuments = houses.flatMap(houseConsignmentsOf).map((h) => h.transportDocumentHouseLevel?.documentNumber).sort();
  if (JSON.stringify(listedDocuments) !== JSON.stringify(filedDocuments)) problems.push('the master does not list exactly the filed houses');
  const expected = listed.map((h) => `${h.transportDocumentHouseLevel?.documentNumber} ${h.supplementaryDeclarant?.identificationNumber}`).sort();
  const filedBy = houses
    .flatMap((f) => houseConsignmentsOf(f).map((h) => `${h.transportDocumentHouseLevel?.documentNumber} ${f.declarant.identificationNumber}`))
    .sort();
  if (JSON.stringify(expected) !== JSON.stringify(filedBy)) problems.push('each house is not filed by its expected filer');
  return problems;
}

describe('ENS samples', () => {
  describe('sampleFiling, for every filing type of the table', () => {
    it.each([...FILING_TYPE_CODES])('%s is valid by libs/domain rules whatever the seed', (type) => {
      for (const seed of SEEDS) {
        const filing = sampleFiling(type, { seed });
        expect({ seed, problems: problemsOf(filing) }).toEqual({ seed, problems: [] });
        expect(filing.specificCircumstanceIndicator).toBe(type);
      }
    });

    it.each([...FILING_TYPE_CODES])('%s carries every group the table requires', (type) => {
      const row = filingType(type)!;
      for (const seed of SEEDS) expect([seed, missingGroups(sampleFiling(type, { seed }), row)]).toEqual([seed, []]);
    });

    it.each([...FILING_TYPE_CODES])('%s carries its conditional groups when the options ask', (type) => {
      const row = filingType(type)!;
      const filing = sampleFiling(type, {
        seed: 5,
        houses: 2,
        containers: true,
        notifyParty: true,
        placesOfAcceptanceAndDelivery: true,
        hrcmScreening: true,
      });
      expect(row.conditionalGroups.filter((group) => !GROUP_PRESENCE[group](filing))).toEqual([]);
      expect(problemsOf(filing)).toEqual([]);
    });

    it('leaves conditional groups out unless asked (a single house, no containers)', () => {
      for (const row of FILING_TYPES.filter((r) => r.conditionalGroups.includes('transportEquipment'))) {
        expect([row.code, GROUP_PRESENCE.transportEquipment(sampleFiling(row.code, { seed: 9 }))]).toEqual([row.code, false]);
      }
      expect(GROUP_PRESENCE.houseTransportDocument(sampleFiling('F20', { seed: 9, houses: 1 }))).toBe(false);
      expect(GROUP_PRESENCE.houseTransportDocument(sampleFiling('F20', { seed: 9, houses: 2 }))).toBe(true);
    });

    it('puts the houses where the filing level says (ens-filing.ts header)', () => {
      for (const row of FILING_TYPES) {
        const filing = sampleFiling(row.code, { seed: 11 });
        const houses = houseConsignmentsOf(filing);
        if (row.level === 'house') {
          expect([row.code, filing.consignmentMasterLevel, filing.consignmentHouseLevel?.length]).toEqual([row.code, undefined, 1]);
          for (const house of houses) {
            expect([row.code, house.transportDocumentMasterLevel?.type, house.carrier?.identificationNumber]).toEqual([
              row.code,
              expect.any(String),
              expect.any(String),
            ]);
          }
        } else {
          expect([row.code, filing.consignmentHouseLevel]).toEqual([row.code, undefined]);
        }
        if (row.level === 'master' && !row.requiredGroups.includes('goodsItems')) {
          expect([row.code, houses.some((h) => h.goodsItem !== undefined || h.consignor !== undefined)]).toEqual([row.code, false]);
        }
        if (row.level === 'complete') {
          expect([row.code, houses.length > 0 && houses.every((h) => (h.goodsItem ?? []).length > 0)]).toEqual([row.code, true]);
        }
      }
    });

    it('gives the active border transport means the mode of CL018, an identification and its routing', () => {
      const expected: Record<string, string> = { maritime: '1', rail: '2', road: '3', air: '4' };
      for (const row of FILING_TYPES) {
        const means = sampleFiling(row.code, { seed: 4 }).activeBorderTransportMeans;
        expect([row.code, means?.modeOfTransport]).toEqual([row.code, expected[row.mode]]);
        if (row.requiredGroups.includes('activeBorderTransportMeans')) {
          expect([row.code, means?.identificationNumber, means?.typeOfIdentification]).toEqual([row.code, expect.any(String), expect.any(String)]);
        }
      }
      const barge = sampleFiling('F11', { seed: 4, modeOfTransport: 'inland-waterway' });
      expect(barge.activeBorderTransportMeans?.modeOfTransport).toBe('8');
      expect(barge.activeBorderTransportMeans?.identificationNumber).toMatch(/^[0-9]{8}$/);
      expect(problemsOf(barge)).toEqual([]);
      expect(() => sampleFiling('F20', { modeOfTransport: 'road' })).toThrow();
    });
  });

  describe('values, checked one kind at a time with the libs/domain parsers', () => {
    const filings = FILING_TYPE_CODES.flatMap((type) => [0, 1, 2, 3, 4].map((seed) => sampleFiling(type, { seed, houses: 2, containers: true })));

    it('writes EORIs that parseEori accepts, in several countries', () => {
      const partyIds = filings.flatMap((f) =>
        [f.declarant, f.representative, f.consignmentMasterLevel?.carrier, ...houseConsignmentsOf(f).flatMap((h) => [h.carrier, h.consignee, h.supplementaryDeclarant])]
          .map((p) => p?.identificationNumber)
          .filter((id): id is string => id !== undefined),
      );
      expect(partyIds.length).toBeGreaterThan(100);
      expect(partyIds.filter((id) => !parseEori(id).ok)).toEqual([]);
      expect(new Set(partyIds.map((id) => id.slice(0, 2))).size).toBeGreaterThanOrEqual(6);
    });

    it('writes 6-digit HS codes that parseHsCode accepts, over a realistic spread of chapters', () => {
      const codes = filings.flatMap((f) => valuesOf(f, 'harmonizedSystemSubHeadingCode')).map(String);
      expect(codes.filter((code) => !parseHsCode(code).ok || code.length !== 6)).toEqual([]);
      const chapters = new Set(codes.map((code) => code.slice(0, 2)));
      expect([...chapters].sort()).toEqual(expect.arrayContaining(['33', '42', '61', '62', '64', '85', '95']));
    });

    it('describes goods in words that pass checkGoodsDescription and checkCharacterSet', () => {
      const descriptions = filings.flatMap((f) => valuesOf(f, 'descriptionOfGoods')).map(String);
      expect(descriptions.length).toBeGreaterThan(100);
      expect(descriptions.filter((d) => !checkGoodsDescription(d).ok || !checkCharacterSet(d).ok)).toEqual([]);
    });

    it('uses UN/LOCODEs, offices, countries and CL754 documents the parsers accept', () => {
      const locodes = filings.flatMap((f) => valuesOf(f, 'unLocode')).map(String);
      expect(locodes.filter((l) => !parseUnLocode(l).ok)).toEqual([]);
      expect(new Set(locodes).size).toBeGreaterThan(15);
      const offices = filings.map((f) => f.customsOfficeOfFirstEntry.referenceNumber);
      expect(offices.filter((o) => !parseCustomsOffice(o).ok)).toEqual([]);
      expect(new Set(offices.map((o) => o.slice(0, 2))).size).toBeGreaterThanOrEqual(6);
      const countries = filings.flatMap((f) => [...valuesOf(f, 'country'), ...valuesOf(f, 'nationality')]).map(String);
      expect(countries.filter((c) => !parseCountry(c).ok)).toEqual([]);
      const documents = filings.flatMap((f) => [
        ...valuesOf(f, 'transportDocumentMasterLevel'),
        ...valuesOf(f, 'transportDocumentHouseLevel'),
        ...valuesOf(f, 'houseTransportDocument'),
      ]);
      expect(documents.filter((d) => !parseTransportDocument(d).ok)).toEqual([]);
    });

    it('uses only the master and house document types the row allows', () => {
      for (const filing of filings) {
        const row = filingType(filing.specificCircumstanceIndicator)!;
        const masters = valuesOf(filing, 'transportDocumentMasterLevel').map((d) => (d as { type: string }).type);
        const houses = valuesOf(filing, 'transportDocumentHouseLevel').map((d) => (d as { type: string }).type);
        expect([row.code, masters.filter((t) => !(row.masterDocumentTypes as readonly string[]).includes(t))]).toEqual([row.code, []]);
        expect([row.code, houses.filter((t) => !(row.houseDocumentTypes as readonly string[]).includes(t))]).toEqual([row.code, []]);
      }
    });

    it('writes master air waybills with their mod-7 check digit', () => {
      const awbs = filings
        .flatMap((f) => valuesOf(f, 'transportDocumentMasterLevel'))
        .filter((d) => (d as { type: string }).type === 'N741')
        .map((d) => (d as { documentNumber: string }).documentNumber);
      expect(awbs.length).toBeGreaterThan(20);
      for (const awb of awbs) {
        expect(awb).toMatch(/^[0-9]{3}-[0-9]{8}$/);
        expect(awb.slice(-1)).toBe(airWaybillCheckDigit(awb.slice(4, 11)));
      }
    });

    it('routes the goods through the countries of their places of acceptance and delivery, numbered from 1', () => {
      for (const filing of filings) {
        for (const house of houseConsignmentsOf(filing)) {
          const routing = house.countriesOfRoutingOfConsignment;
          if (!routing) continue;
          expect(routing.map((r) => r.sequenceNumber)).toEqual(routing.map((_, i) => i + 1));
          for (const place of [house.placeOfAcceptance, house.placeOfDelivery]) {
            const country = place?.unLocode?.slice(0, 2) ?? place?.address?.country;
            if (country) expect(routing.map((r) => r.country)).toContain(country);
          }
        }
      }
    });

    it('dates the estimated arrival after the document issue date, with weights > 0 and packages >= 1', () => {
      for (const filing of filings) {
        const arrival = filing.activeBorderTransportMeans?.estimatedDateAndTimeOfArrival;
        if (arrival) expect(Date.parse(arrival)).toBeGreaterThan(Date.parse(filing.documentIssueDate));
        for (const mass of valuesOf(filing, 'grossMass')) expect(mass).toBeGreaterThan(0);
        for (const packages of valuesOf(filing, 'numberOfPackages')) expect(packages).toBeGreaterThanOrEqual(1);
      }
    });
  });

  describe('options', () => {
    it('takes the given identifiers, documents, dates and means of transport as they are', () => {
      const filing = sampleFiling('F21', {
        seed: 3,
        lrn: 'MY-LRN-0001',
        declarant: 'DE123456789012345',
        representative: 'NL987654321',
        carrier: 'BE0123456789',
        officeOfFirstEntry: 'BE212000',
        masterDocument: '176-12345675',
        houseDocuments: ['HAWB-A', 'HAWB-B', 'HAWB-C'],
        expectedHouseFilers: ['FR12345678900012', 'FR12345678900012', 'NL123456789'],
        documentIssueDate: '2025-05-01T08:00:00Z',
        estimatedArrival: '2025-05-02T06:30:00Z',
        flightNumber: 'EK9371',
        meansOfTransportId: 'A6-EFL',
      });
      expect(problemsOf(filing)).toEqual([]);
      expect(filing.lrn).toBe('MY-LRN-0001');
      expect(filing.declarant.identificationNumber).toBe('DE123456789012345');
      expect(filing.representative?.identificationNumber).toBe('NL987654321');
      expect(['2', '3']).toContain(filing.representative?.status);
      expect(filing.consignmentMasterLevel?.carrier?.identificationNumber).toBe('BE0123456789');
      expect(filing.customsOfficeOfFirstEntry.referenceNumber).toBe('BE212000');
      expect(filing.consignmentMasterLevel?.transportDocumentMasterLevel).toEqual({ documentNumber: '176-12345675', type: 'N741' });
      expect(filing.consignmentMasterLevel?.consignmentHouseLevel).toEqual([
        { sequenceNumber: 1, transportDocumentHouseLevel: { documentNumber: 'HAWB-A', type: 'N703' }, supplementaryDeclarant: { identificationNumber: 'FR12345678900012' } },
        { sequenceNumber: 2, transportDocumentHouseLevel: { documentNumber: 'HAWB-B', type: 'N703' }, supplementaryDeclarant: { identificationNumber: 'FR12345678900012' } },
        { sequenceNumber: 3, transportDocumentHouseLevel: { documentNumber: 'HAWB-C', type: 'N703' }, supplementaryDeclarant: { identificationNumber: 'NL123456789' } },
      ]);
      expect(filing.documentIssueDate).toBe('2025-05-01T08:00:00Z');
      expect(filing.activeBorderTransportMeans).toMatchObject({
        conveyanceReferenceNumber: 'EK9371',
        identificationNumber: 'A6-EFL',
        estimatedDateAndTimeOfArrival: '2025-05-02T06:30:00Z',
        nationality: 'AE',
      });
    });

    it('counts houses and goods items, and spreads the given containers over the houses', () => {
      const filing = sampleFiling('F11', { seed: 8, houses: 3, goodsItems: 2, containers: ['MSKU1234565', 'TGHU8765434', 'HLXU3344556', 'CMAU1112223'] });
      const houses = houseConsignmentsOf(filing);
      expect(houses).toHaveLength(3);
      expect(houses.map((h) => h.goodsItem?.length)).toEqual([2, 2, 2]);
      expect(houses.flatMap((h) => (h.transportEquipment ?? []).map((t) => t.containerIdentificationNumber)).sort()).toEqual(
        ['CMAU1112223', 'HLXU3344556', 'MSKU1234565', 'TGHU8765434'],
      );
      expect(houses.every((h) => h.containerIndicator === '1')).toBe(true);
    });

    it('marks every package with the given shipping marks, or none', () => {
      const marked = sampleFiling('F22', { seed: 2, shippingMarks: 'ACME/HAM 1-20' });
      expect(new Set(valuesOf(marked, 'shippingMarks'))).toEqual(new Set(['ACME/HAM 1-20']));
      expect(valuesOf(sampleFiling('F15', { seed: 2, shippingMarks: false }), 'shippingMarks')).toEqual([]);
      expect(valuesOf(sampleFiling('F15', { seed: 2 }), 'shippingMarks').length).toBeGreaterThan(0);
    });

    it('refuses options that contradict each other or the row', () => {
      expect(() => sampleFiling('F22', { declarant: 'DE1', representative: 'DE1' })).toThrow();
      expect(() => sampleFiling('F22', { documentIssueDate: '2025-05-02T00:00:00Z', estimatedArrival: '2025-05-01T00:00:00Z' })).toThrow();
      expect(() => sampleFiling('F21', { masterDocumentType: 'N704' })).toThrow();
      expect(() => sampleFiling('F21', { houses: 0 })).toThrow();
    });

    it('derives the issue date from a given estimated arrival', () => {
      const filing = sampleFiling('F12', { seed: 1, estimatedArrival: '2025-07-20T04:00:00Z' });
      expect(filing.activeBorderTransportMeans?.estimatedDateAndTimeOfArrival).toBe('2025-07-20T04:00:00Z');
      expect(Date.parse(filing.documentIssueDate)).toBeLessThan(Date.parse('2025-07-20T04:00:00Z'));
    });
  });

  describe('determinism', () => {
    it('gives the same filing for the same seed and options', () => {
      for (const type of FILING_TYPE_CODES) expect(sampleFiling(type, { seed: 77, containers: true })).toEqual(sampleFiling(type, { seed: 77, containers: true }));
      expect(airPreArrivalScenario({ placi: airPlaciScenario({ seed: 3 }) })).toEqual(airPreArrivalScenario({ placi: airPlaciScenario({ seed: 3 }) }));
    });

    it('gives different seeds different LRNs', () => {
      for (const type of ['F22', 'F23', 'F12', 'F50'] as const) {
        const lrns = Array.from({ length: 400 }, (_, seed) => sampleFiling(type, { seed }).lrn);
        expect(new Set(lrns).size).toBe(lrns.length);
        expect(lrns.every((lrn) => lrn.length <= 22)).toBe(true);
      }
      expect(lrnFor('NWL', '2025-06-14T08:00:00Z', 'F24', 1)).not.toBe(lrnFor('NWL', '2025-06-14T08:00:00Z', 'F24', 2));
    });

    it('never calls Math.random', () => {
      const random = jest.spyOn(Math, 'random');
      try {
        for (const type of FILING_TYPE_CODES) sampleFiling(type, { seed: 12 });
        airPreArrivalScenario({ placi: airPlaciScenario({ seed: 12 }) });
        sampleArrival({ seed: 12 });
        expect(random).not.toHaveBeenCalled();
      } finally {
        random.mockRestore();
      }
    });

    it('draws a stream per label: a fork does not depend on what the parent drew', () => {
      const a = sampleRandom(5);
      const b = sampleRandom(5);
      b.next();
      b.next();
      expect(a.fork('x').next()).toBe(b.fork('x').next());
      expect(sampleRandom(5).next()).not.toBe(sampleRandom(6).next());
    });
  });

  describe('multiple-filing scenarios', () => {
    it('air PLACI: each F24 names the master air waybill and carrier of the F23, which lists exactly their house waybills', () => {
      for (const seed of SEEDS) {
        const scenario = airPlaciScenario({ seed });
        expect(scenario.master.specificCircumstanceIndicator).toBe('F23');
        expect(scenario.houses.map((h) => h.specificCircumstanceIndicator)).toEqual(scenario.houses.map(() => 'F24'));
        expect(linkingProblems(scenario)).toEqual([]);
        expect([scenario.master, ...scenario.houses].flatMap(problemsOf)).toEqual([]);
        const lrns = [scenario.master, ...scenario.houses].map((f) => `${f.declarant.identificationNumber} ${f.lrn}`);
        expect(new Set(lrns).size).toBe(lrns.length);
        for (const house of scenario.houses) {
          expect(Date.parse(house.documentIssueDate)).toBeGreaterThan(Date.parse(scenario.master.documentIssueDate));
        }
      }
    });

    it('air PLACI: the given houses, documents and filers are the ones linked', () => {
      const scenario = airPlaciScenario({
        seed: 1,
        masterDocument: '020-12345675',
        houseDocuments: ['NWL10000001', 'NWL10000002'],
        expectedHouseFilers: ['DE111111111111111', 'NL222222222'],
      });
      expect(scenario.houses.map((h) => h.declarant.identificationNumber)).toEqual(['DE111111111111111', 'NL222222222']);
      expect(scenario.master.consignmentMasterLevel?.carrier?.name).toBe('Lufthansa Cargo AG');
      expect(linkingProblems(scenario)).toEqual([]);
    });

    it('air pre-arrival after PLACI: same MAWB, carrier, HAWBs, weights, packages and parties, lodged later', () => {
      for (const seed of SEEDS) {
        const placi = airPlaciScenario({ seed, houses: 3 });
        const preArrival = airPreArrivalScenario({ placi });
        expect(preArrival.master.specificCircumstanceIndicator).toBe('F21');
        expect(preArrival.houses.map((h) => h.specificCircumstanceIndicator)).toEqual(['F22', 'F22', 'F22']);
        expect(linkingProblems(preArrival)).toEqual([]);
        expect(placiDifferences(placi, preArrival)).toEqual([]);
        expect([preArrival.master, ...preArrival.houses].flatMap(problemsOf)).toEqual([]);
        expect(preArrival.houses.map((h) => h.declarant)).toEqual(placi.houses.map((h) => h.declarant));
        expect(preArrival.master.consignmentMasterLevel?.carrier).toEqual(placi.master.consignmentMasterLevel?.carrier);
        const airline = AIRLINES.find((a) => a.name === placi.master.consignmentMasterLevel?.carrier?.name);
        expect(preArrival.master.activeBorderTransportMeans?.conveyanceReferenceNumber?.slice(0, 2)).toBe(airline?.iata);
        const lastPlaci = Math.max(...[placi.master, ...placi.houses].map((f) => Date.parse(f.documentIssueDate)));
        expect(Date.parse(preArrival.master.documentIssueDate)).toBeGreaterThan(lastPlaci);
        const lrns = new Set([...placi.houses, ...preArrival.houses].map((f) => f.lrn));
        expect(lrns.size).toBe(6);
      }
    });

    it.each(['grossMass', 'numberOfPackages', 'consignor', 'consignee'] as const)(
      'air pre-arrival with a deliberate %s inconsistency differs from PLACI in that element of that house only',
      (element) => {
        const placi = airPlaciScenario({ seed: 21, houses: 3 });
        const preArrival = airPreArrivalScenario({ placi, inconsistency: { element, house: 1 } });
        const document = houseConsignmentsOf(placi.houses[1])[0].transportDocumentHouseLevel?.documentNumber;
        expect(placiDifferences(placi, preArrival)).toEqual([`${document}: ${element}`]);
        expect([preArrival.master, ...preArrival.houses].flatMap(problemsOf)).toEqual([]);
        expect(linkingProblems(preArrival)).toEqual([]);
      },
    );

    it('air pre-arrival on its own is a consistent F21 + F22 set', () => {
      const scenario = airPreArrivalScenario({ seed: 4, houses: 2 });
      expect(linkingProblems(scenario)).toEqual([]);
      expect([scenario.master, ...scenario.houses].flatMap(problemsOf)).toEqual([]);
    });

    it('maritime: F12 with containers and F15 house B/Ls that name its B/L and carrier and share its containers', () => {
      for (const seed of SEEDS) {
        const scenario = maritimeScenario({ seed });
        expect(scenario.master.specificCircumstanceIndicator).toBe('F12');
        expect(linkingProblems(scenario)).toEqual([]);
        expect([scenario.master, ...scenario.houses].flatMap(problemsOf)).toEqual([]);
        const containersOf = (houses: readonly HouseConsignment[]) =>
          houses.flatMap((h) => (h.transportEquipment ?? []).map((t) => t.containerIdentificationNumber)).sort();
        const listed = containersOf(scenario.master.consignmentMasterLevel?.consignmentHouseLevel ?? []);
        expect(listed.length).toBeGreaterThan(0);
        expect(containersOf(scenario.houses.flatMap(houseConsignmentsOf))).toEqual(listed);
        for (const container of listed) expect(container.slice(-1)).toBe(iso6346CheckDigit(container.slice(0, 10)));
        expect(masterDocumentOf(scenario.master)?.type).toBe('N704');
        expect(houseConsignmentsOf(scenario.houses[0])[0].transportDocumentHouseLevel?.type).toBe('N714');
      }
      expect(maritimeScenario({ seed: 1, houseFilingType: 'F16' }).houses[0].specificCircumstanceIndicator).toBe('F16');
    });

    it('postal PLACI: F44 lists the postal items whose F43 the postal operators file', () => {
      for (const seed of SEEDS) {
        const scenario = postalPlaciScenario({ seed });
        expect(scenario.master.specificCircumstanceIndicator).toBe('F44');
        expect(linkingProblems(scenario)).toEqual([]);
        expect([scenario.master, ...scenario.houses].flatMap(problemsOf)).toEqual([]);
        for (const house of scenario.houses.flatMap(houseConsignmentsOf)) {
          const item = house.transportDocumentHouseLevel?.documentNumber ?? '';
          expect(item).toMatch(/^[A-Z]{2}[0-9]{9}[A-Z]{2}$/);
          expect(item[10]).toBe(s10CheckDigit(item.slice(2, 10)));
          expect(house.postalCharges?.value).toBeGreaterThan(0);
        }
      }
    });
  });

  describe('single-filing helpers', () => {
    it.each([
      ['postalFiling', 'F40', postalFiling],
      ['expressFiling', 'F30', expressFiling],
      ['expressPlaciFiling', 'F32', expressPlaciFiling],
      ['roadFiling', 'F50', roadFiling],
      ['railFiling', 'F51', railFiling],
    ] as const)('%s gives a valid %s', (_name, type, make) => {
      for (const seed of SEEDS) {
        const filing = make({ seed });
        expect(filing.specificCircumstanceIndicator).toBe(type);
        expect(problemsOf(filing)).toEqual([]);
      }
    });

    it('flies express with an integrator, who lodges it, and routes road and rail across a land border', () => {
      const integrators = EXPRESS_CARRIERS.map((carrier) => carrier.name);
      for (const seed of SEEDS) {
        const express = expressFiling({ seed });
        expect(integrators).toContain(express.consignmentMasterLevel?.carrier?.name);
        expect(express.declarant).toEqual(express.consignmentMasterLevel?.carrier);
        const placi = expressPlaciFiling({ seed });
        expect(placi.declarant.identificationNumber).toBe(houseConsignmentsOf(placi)[0].carrier?.identificationNumber);
      }
      const road = roadFiling({ seed: 3 }).activeBorderTransportMeans;
      expect(road?.typeOfIdentification).toBe('30');
      expect(road?.countriesOfRoutingOfMeansOfTransport?.length).toBeGreaterThanOrEqual(2);
      const rail = railFiling({ seed: 3 }).activeBorderTransportMeans?.countriesOfRoutingOfMeansOfTransport?.map((r) => r.country);
      expect(rail?.slice(0, 2)).toEqual(['CN', 'KZ']);
    });
  });

  describe('sampleArrival', () => {
    it('notifies by MRNs: the given ones, or valid ENS MRNs of the office country', () => {
      expect(sampleArrival({ mrns: ['25DE000000000001T1'] }).mrns).toEqual(['25DE000000000001T1']);
      const drawn = sampleArrival({ by: 'mrns', office: 'FR001260', mrnCount: 3, seed: 2 });
      expect(drawn.mrns).toHaveLength(3);
      for (const mrn of drawn.mrns ?? []) {
        expect(parseMrn(mrn).ok).toBe(true);
        expect(mrn.slice(2, 4)).toBe('FR');
        expect(mrn[16]).toBe('T');
      }
      expect(drawn.customsOfficeOfActualFirstEntry.referenceNumber).toBe('FR001260');
    });

    it('notifies by the means of transport and estimated arrival of the filings', () => {
      const filing = sampleFiling('F21', { seed: 6 });
      const arrival = sampleArrival({ filings: [filing], seed: 6 });
      expect(arrival.activeBorderTransportMeans).toEqual({
        identificationNumber: filing.activeBorderTransportMeans?.identificationNumber,
        conveyanceReferenceNumber: filing.activeBorderTransportMeans?.conveyanceReferenceNumber,
        estimatedDateAndTimeOfArrival: filing.activeBorderTransportMeans?.estimatedDateAndTimeOfArrival,
      });
      expect(arrival.customsOfficeOfActualFirstEntry.referenceNumber).toBe(filing.customsOfficeOfFirstEntry.referenceNumber);
      expect(parseCustomsOffice(arrival.customsOfficeOfActualFirstEntry.referenceNumber).ok).toBe(true);
      const ship = sampleFiling('F12', { seed: 6 });
      expect(sampleArrival({ filings: [ship] }).activeBorderTransportMeans?.identificationNumber).toMatch(/^9[0-9]{6}$/);
      const given = sampleArrival({ by: 'means-of-transport', meansOfTransportId: '9074729', estimatedArrival: '2025-06-01T10:00:00Z' });
      expect(given.activeBorderTransportMeans).toMatchObject({ identificationNumber: '9074729', estimatedDateAndTimeOfArrival: '2025-06-01T10:00:00Z' });
      expect(Math.abs(Date.parse(given.actualDateAndTimeOfArrival) - Date.parse('2025-06-01T10:00:00Z'))).toBeLessThan(2 * 3600_000);
    });

    it('notifies by master documents: those of the filings, house-level ones included', () => {
      const scenario = airPlaciScenario({ seed: 5 });
      const arrival = sampleArrival({ by: 'master-documents', filings: [scenario.master, ...scenario.houses] });
      expect(arrival.masterTransportDocuments).toEqual([{ documentNumber: masterDocumentOf(scenario.master)?.documentNumber }]);
      expect(sampleArrival({ masterDocuments: ['176-12345675'] }).masterTransportDocuments).toEqual([{ documentNumber: '176-12345675' }]);
    });
  });

  describe('ecommerceHouseFiling', () => {
    it('is a small F22 or F26 parcel from a Chinese or US web shop to a private person in the EU', () => {
      const types = new Set<string>();
      for (let seed = 0; seed < 60; seed += 1) {
        const filing = ecommerceHouseFiling(seed);
        types.add(filing.specificCircumstanceIndicator);
        expect(problemsOf(filing)).toEqual([]);
        const houses = houseConsignmentsOf(filing);
        expect(houses).toHaveLength(1);
        const [house] = houses;
        expect(house.goodsItem?.length).toBeGreaterThanOrEqual(1);
        expect(house.goodsItem?.length).toBeLessThanOrEqual(3);
        expect(['CN', 'HK', 'US']).toContain(house.consignor?.address?.country);
        expect(house.consignor?.typeOfPerson).toBe('2');
        expect(house.consignee?.typeOfPerson).toBe('1');
        expect(EU_MEMBER_STATES.map((ms) => ms.code)).toContain(house.consignee?.address?.country);
        expect(house.totalGrossMass).toBeLessThan(10);
        expect(house.placeOfAcceptance).toBeDefined();
        expect(house.placeOfDelivery).toBeDefined();
      }
      expect([...types].sort()).toEqual(['F22', 'F26']);
    });

    it('is the same filing for the same seed', () => {
      expect(ecommerceHouseFiling(99)).toEqual(ecommerceHouseFiling(99));
    });
  });

  describe('the checker these specs rely on', () => {
    const valid = sampleFiling('F22', { seed: 1 });
    const house = valid.consignmentHouseLevel![0];
    const withHouse = (changes: Partial<HouseConsignment>): EnsFiling => ({ ...valid, consignmentHouseLevel: [{ ...house, ...changes }] });
    const item = house.goodsItem![0];

    it('finds nothing wrong with a sample', () => expect(problemsOf(valid)).toEqual([]));

    it.each([
      ['a missing required group', withHouse({ consignor: undefined }), '/: required group consignor'],
      ['an EORI that parseEori refuses', { ...valid, declarant: { ...valid.declarant, identificationNumber: 'de123' } }, '/declarant/identificationNumber'],
      ['an office outside the ICS2 territories', { ...valid, customsOfficeOfFirstEntry: { referenceNumber: 'US000001' } }, '/customsOfficeOfFirstEntry'],
      ['a stop-word description', withHouse({ goodsItem: [{ ...item, commodity: { ...item.commodity, descriptionOfGoods: 'Gifts' } }] }), '/goodsItem/0/commodity/descriptionOfGoods: 100'],
      ['an HS code of a reserved chapter', withHouse({ goodsItem: [{ ...item, commodity: { descriptionOfGoods: 'Laptops', commodityCode: { harmonizedSystemSubHeadingCode: '770000' } } }] }), '/harmonizedSystemSubHeadingCode: 12'],
      ['a document type the row does not allow', withHouse({ transportDocumentHouseLevel: { documentNumber: 'X1', type: 'N714' } }), '/transportDocumentHouseLevel/type'],
      ['a routing without the country of delivery', withHouse({ placeOfDelivery: { unLocode: 'SEGOT' } }), '/countriesOfRoutingOfConsignment: the routing must include SE'],
      ['a gross mass of zero', withHouse({ goodsItem: [{ ...item, weight: { grossMass: 0 } }] }), '/goodsItem/0/weight/grossMass: 12'],
      ['a total that is not the sum of the items', withHouse({ totalGrossMass: (house.totalGrossMass ?? 0) + 1 }), '/totalGrossMass: is not the sum'],
      ['a house without its linking key', withHouse({ carrier: undefined }), '/carrier/identificationNumber: a house-level filing names its carrier'],
      ['text outside Latin, Greek and Cyrillic', withHouse({ consignee: { ...house.consignee, name: '王小明' } }), '/consignee/name: 102'],
      ['a representative who is the declarant', { ...valid, representative: { ...valid.declarant, status: '2' } }, '/representative/identificationNumber'],
      ['packages of zero', withHouse({ goodsItem: [{ ...item, packaging: [{ numberOfPackages: 0 }] }] }), '/numberOfPackages: at least one package'],
      ['a mode that does not fit the row', { ...valid, activeBorderTransportMeans: { modeOfTransport: '1' } }, '/activeBorderTransportMeans/modeOfTransport'],
    ] as const)('reports %s where it is', (_what, filing, where) => {
      expect(problemsOf(filing as EnsFiling)).toEqual(expect.arrayContaining([expect.stringContaining(where)]));
    });
  });

  describe('check digits of the identifiers', () => {
    it('computes the published examples', () => {
      expect(airWaybillCheckDigit('1234567')).toBe('5'); // 176-12345675
      expect(iso6346CheckDigit('CSQU305438')).toBe('3'); // CSQU3054383, the ISO 6346 example
      expect(imoCheckDigit('907472')).toBe('9'); // IMO 9074729
      expect(s10CheckDigit('47312482')).toBe('9'); // RR473124829GB, the UPU S10 example
    });
  });
});
