import { sampleFiling, maritimeScenario } from '@ics2/testing';
import { compileCriteria } from './criteria-engine';
import { AT, airFiling, assess, criterion, goodsItem, hitIds, party, subjectOf } from './criteria.test-harness';
import type { Condition } from './criterion';

const only = (condition: Condition, fields: Parameters<typeof criterion>[0] extends infer F ? Omit<F & object, 'condition'> : never = {}) => [criterion({ condition, ...fields })];

describe('common risk criteria engine', () => {
  describe('hsPrefix', () => {
    const condition: Condition = { kind: 'hsPrefix', prefixes: ['3102', '93'] };

    describe('a goods item whose HS code starts with a listed prefix', () => {
      it('hits the house, with the HS code as the matched value', () => {
        const filing = airFiling({ goodsItem: [goodsItem('Ammonium nitrate fertiliser', { hs: '310230', grossMass: 25, packages: 1 })] });
        const [hit] = assess(only(condition), subjectOf(filing)).hits;
        expect(hit).toEqual({
          criterionId: 'eu-test-001',
          version: 1,
          riskArea: 'security',
          house: 'HAWB-1',
          matched: [{ path: '/condition', kind: 'hsPrefix', values: ['310230'] }],
          score: 40,
          aeoReduced: false,
        });
      });
    });

    describe('a chapter prefix', () => {
      it('hits every code of the chapter', () => {
        const filing = airFiling({ goodsItem: [goodsItem('Hunting rifles', { hs: '930320' })] });
        expect(assess(only(condition), subjectOf(filing)).hits[0].matched[0].values).toEqual(['930320']);
      });
    });

    describe('HS codes outside the prefixes', () => {
      it('does not hit', () => {
        expect(assess(only(condition), subjectOf(airFiling())).hits).toEqual([]);
      });
    });
  });

  describe('descriptionTerms', () => {
    const any: Condition = { kind: 'descriptionTerms', match: 'any', terms: ['detonator', 'ammonium nitrate'] };

    describe('a description holding a term in another case and with accents', () => {
      it('hits, with the normalised term as the matched value', () => {
        const filing = airFiling({ goodsItem: [goodsItem('Electric DÉTONATOR assemblies')] });
        expect(assess(only(any), subjectOf(filing)).hits[0].matched).toEqual([{ path: '/condition', kind: 'descriptionTerms', values: ['detonator'] }]);
      });
    });

    describe('a phrase found word for word in one goods item', () => {
      it('hits', () => {
        const filing = airFiling({ goodsItem: [goodsItem('Ammonium-nitrate prills in bags')] });
        expect(assess(only(any), subjectOf(filing)).hits[0].matched[0].values).toEqual(['ammonium nitrate']);
      });
    });

    describe('the words of a phrase spread over two goods items', () => {
      it('does not hit', () => {
        const filing = airFiling({ goodsItem: [goodsItem('Ammonium chloride tablets'), { ...goodsItem('Potassium nitrate'), goodsItemNumber: 2 }] });
        expect(assess(only(any), subjectOf(filing)).hits).toEqual([]);
      });
    });

    describe('a term that is only part of a word', () => {
      it('does not hit: terms are whole words', () => {
        const filing = airFiling({ goodsItem: [goodsItem('Detonators and fuses')] });
        expect(assess(only({ kind: 'descriptionTerms', match: 'any', terms: ['detonator'] }), subjectOf(filing)).hits).toEqual([]);
      });
    });

    describe("match 'all'", () => {
      const all: Condition = { kind: 'descriptionTerms', match: 'all', terms: ['replica', 'watch'] };
      it('hits when every term is found, in any goods item', () => {
        const filing = airFiling({ goodsItem: [goodsItem('Replica handbags'), { ...goodsItem('Gold coloured watch'), goodsItemNumber: 2 }] });
        expect(assess(only(all), subjectOf(filing)).hits[0].matched[0].values).toEqual(['replica', 'watch']);
      });
      it('does not hit when one term is missing', () => {
        const filing = airFiling({ goodsItem: [goodsItem('Replica handbags')] });
        expect(assess(only(all), subjectOf(filing)).hits).toEqual([]);
      });
    });
  });

  describe('country', () => {
    const country = (where: 'routing' | 'acceptance' | 'loading' | 'unloading' | 'delivery' | 'any', countries: string[]): Condition => ({ kind: 'country', where, countries });
    const filing = airFiling({
      placeOfAcceptance: { unLocode: 'AEDXB' },
      placeOfDelivery: { unLocode: 'PLWAW' },
      countriesOfRoutingOfConsignment: [
        { sequenceNumber: 1, country: 'AE' },
        { sequenceNumber: 2, country: 'TR' },
        { sequenceNumber: 3, country: 'PL' },
      ],
    });

    describe('a country of routing of the consignment', () => {
      it('hits, with the country as the matched value', () => {
        expect(assess(only(country('routing', ['TR', 'IR'])), subjectOf(filing)).hits[0].matched[0].values).toEqual(['TR']);
      });
    });

    describe('a country of routing of the means of transport', () => {
      it('hits', () => {
        const means = { ...filing.activeBorderTransportMeans!, countriesOfRoutingOfMeansOfTransport: [{ sequenceNumber: 1, country: 'YE' }, { sequenceNumber: 2, country: 'ES' }] };
        expect(hitIds(assess(only(country('routing', ['YE'])), subjectOf({ ...filing, activeBorderTransportMeans: means })))).toEqual(['eu-test-001.v1']);
      });
    });

    describe('the place of acceptance and the place of delivery', () => {
      it('hit where they are', () => {
        expect(hitIds(assess(only(country('acceptance', ['AE'])), subjectOf(filing)))).toEqual(['eu-test-001.v1']);
        expect(hitIds(assess(only(country('delivery', ['PL'])), subjectOf(filing)))).toEqual(['eu-test-001.v1']);
        expect(hitIds(assess(only(country('acceptance', ['PL'])), subjectOf(filing)))).toEqual([]);
      });
    });

    describe('PLACI data, which give no place of acceptance', () => {
      it("take the consignor's address country as the country of acceptance", () => {
        const placi = sampleFiling('F24', { seed: 5 });
        const consignorCountry = placi.consignmentHouseLevel![0].consignor!.address!.country;
        expect(hitIds(assess(only(country('acceptance', [consignorCountry])), subjectOf(placi, { phase: 'pre-loading' })))).toEqual(['eu-test-001.v1']);
      });
    });

    describe('the place of loading, an ENS-level place', () => {
      it('hits once for the ENS, naming no house', () => {
        const [hit, ...others] = assess(only(country('loading', ['HK'])), subjectOf(filing)).hits;
        expect(others).toEqual([]);
        expect(hit.house).toBeUndefined();
        expect(hit.matched).toEqual([{ path: '/condition', kind: 'country', values: ['HK'] }]);
      });
    });

    describe("'any' place", () => {
      it('hits on any of them, and misses countries the ENS never touches', () => {
        expect(hitIds(assess(only(country('any', ['ES'])), subjectOf(filing)))).toEqual(['eu-test-001.v1']);
        expect(hitIds(assess(only(country('any', ['KP', 'SY'])), subjectOf(filing)))).toEqual([]);
      });
    });
  });

  describe('party', () => {
    const watchlisted = airFiling({
      consignor: party('Zarkovian Import-Export Co., Ltd.', { identificationNumber: 'CN9134000012345', address: { streetAndNumber: '12 Anchor Lane', city: 'Shenzhen', country: 'CN' } }),
    });

    describe('a consignor whose name is on the watchlist, as filed with a legal form and a hyphen', () => {
      it('hits, with the name as filed, the role, the listed name and the similarity', () => {
        const [hit] = assess(only({ kind: 'party', names: ['Zarkovian Import Export'] }), subjectOf(watchlisted)).hits;
        expect(hit.matched).toEqual([
          { path: '/condition', kind: 'party', values: ['Zarkovian Import-Export Co., Ltd.'], role: 'consignor', listed: 'Zarkovian Import Export', similarity: 1 },
        ]);
      });
    });

    describe('a name with a typo and its words in another order', () => {
      it('hits above the default threshold', () => {
        const filing = airFiling({ consignee: party('Import Export Zarkovain') });
        const [hit] = assess(only({ kind: 'party', names: ['Zarkovian Import Export'] }), subjectOf(filing)).hits;
        expect(hit.matched[0]).toMatchObject({ role: 'consignee', listed: 'Zarkovian Import Export' });
        expect(hit.matched[0].similarity).toBeGreaterThanOrEqual(0.9);
      });
    });

    describe('a name that shares only a common word with the watchlist', () => {
      it('does not hit', () => {
        const filing = airFiling({ consignor: party('Shenzhen Hongda Electronics Co., Ltd.') });
        expect(assess(only({ kind: 'party', names: ['Shenzhen Hongxing Explosives'] }), subjectOf(filing)).hits).toEqual([]);
      });
    });

    describe('a stricter threshold of its own', () => {
      it('refuses a typo the default accepts', () => {
        const filing = airFiling({ consignee: party('Zarkovien Impotr Export') });
        expect(assess(only({ kind: 'party', names: ['Zarkovian Import Export'], threshold: 0.98 }), subjectOf(filing)).hits).toEqual([]);
        expect(assess(only({ kind: 'party', names: ['Zarkovian Import Export'] }), subjectOf(filing)).hits).toHaveLength(1);
      });
    });

    describe('a role', () => {
      it('hits only a party of that role', () => {
        expect(hitIds(assess(only({ kind: 'party', role: 'consignee', names: ['Zarkovian Import Export'] }), subjectOf(watchlisted)))).toEqual([]);
        expect(hitIds(assess(only({ kind: 'party', role: 'consignor', names: ['Zarkovian Import Export'] }), subjectOf(watchlisted)))).toEqual(['eu-test-001.v1']);
      });
    });

    describe('an EORI on the watchlist', () => {
      it('hits, with the EORI as the matched value', () => {
        const [hit] = assess(only({ kind: 'party', eoris: ['CN9134000012345'] }), subjectOf(watchlisted)).hits;
        expect(hit.matched).toEqual([{ path: '/condition', kind: 'party', values: ['CN9134000012345'], role: 'consignor' }]);
      });
    });

    describe('an address term', () => {
      it('hits a party whose street holds it', () => {
        const [hit] = assess(only({ kind: 'party', addressTerms: ['anchor lane'] }), subjectOf(watchlisted)).hits;
        expect(hit.matched[0]).toEqual({ path: '/condition', kind: 'party', values: ['anchor lane'], role: 'consignor' });
      });
    });

    describe('facets of one condition', () => {
      it('must all hold for the same party', () => {
        const nameAndOtherEori: Condition = { kind: 'party', names: ['Zarkovian Import Export'], eoris: ['CN9134000099999'] };
        const nameAndItsEori: Condition = { kind: 'party', names: ['Zarkovian Import Export'], eoris: ['CN9134000012345'] };
        expect(assess(only(nameAndOtherEori), subjectOf(watchlisted)).hits).toEqual([]);
        expect(assess(only(nameAndItsEori), subjectOf(watchlisted)).hits[0].matched[0].values).toEqual(['Zarkovian Import-Export Co., Ltd.', 'CN9134000012345']);
      });
    });
  });

  describe('transportMeans', () => {
    const filing = airFiling();
    const means = filing.activeBorderTransportMeans!;

    describe('a listed identification, written with other spacing and hyphens', () => {
      it('hits the ENS once, naming no house', () => {
        const [hit, ...others] = assess(only({ kind: 'transportMeans', identifications: [means.identificationNumber!.replace('-', ' ')] }), subjectOf(filing)).hits;
        expect(others).toEqual([]);
        expect(hit.house).toBeUndefined();
        expect(hit.matched[0].values).toEqual([means.identificationNumber!.replace('-', '')]);
      });
    });

    describe('a listed flight number', () => {
      it('hits', () => {
        expect(hitIds(assess(only({ kind: 'transportMeans', identifications: [means.conveyanceReferenceNumber!] }), subjectOf(filing)))).toEqual(['eu-test-001.v1']);
      });
    });

    describe('mode and nationality', () => {
      it('must both hold when both are given', () => {
        expect(assess(only({ kind: 'transportMeans', modes: ['4'], nationalities: [means.nationality!] }), subjectOf(filing)).hits[0].matched[0].values).toEqual([
          'mode=4',
          `nationality=${means.nationality}`,
        ]);
        expect(assess(only({ kind: 'transportMeans', modes: ['1'], nationalities: [means.nationality!] }), subjectOf(filing)).hits).toEqual([]);
      });
    });
  });

  describe('massAnomaly', () => {
    describe('a goods item lighter per package than the bound', () => {
      it('hits, with the mass per package', () => {
        const filing = airFiling({ totalGrossMass: 0.2, goodsItem: [goodsItem('Laptop computers', { hs: '847130', grossMass: 0.2, packages: 5 })] });
        expect(assess(only({ kind: 'massAnomaly', maxMassPerPackageKg: 0.05 }), subjectOf(filing)).hits[0].matched).toEqual([
          { path: '/condition', kind: 'massAnomaly', values: ['massPerPackageKg=0.04'] },
        ]);
      });
    });

    describe('a gross mass inside the anomalous band', () => {
      it('hits; outside it, it does not', () => {
        const filing = airFiling({ totalGrossMass: 800 });
        expect(hitIds(assess(only({ kind: 'massAnomaly', minGrossMassKg: 500 }), subjectOf(filing)))).toEqual(['eu-test-001.v1']);
        expect(hitIds(assess(only({ kind: 'massAnomaly', minGrossMassKg: 500, maxGrossMassKg: 700 }), subjectOf(filing)))).toEqual([]);
      });
    });

    describe('plausible masses', () => {
      it('do not hit', () => {
        expect(assess(only({ kind: 'massAnomaly', maxMassPerPackageKg: 0.05 }), subjectOf(airFiling())).hits).toEqual([]);
      });
    });
  });

  describe('packagesAnomaly', () => {
    it('hits a package count inside the bounds, with the count', () => {
      const filing = airFiling({ goodsItem: [goodsItem('Plastic phone cases', { grossMass: 900, packages: 1500 })] });
      expect(assess(only({ kind: 'packagesAnomaly', min: 1000 }), subjectOf(filing)).hits[0].matched[0].values).toEqual(['numberOfPackages=1500']);
    });
    it('misses a count outside them', () => {
      expect(assess(only({ kind: 'packagesAnomaly', min: 1000 }), subjectOf(airFiling())).hits).toEqual([]);
    });
  });

  describe('inconsistency', () => {
    const difference = { element: 'grossMass', houseDocument: 'HAWB-1', values: [{ mrn: 'A', value: 8 }, { mrn: 'B', value: 10 }] };

    describe('a difference the repository flagged for the house', () => {
      it('hits the house, with the element and both values', () => {
        const subject = subjectOf(airFiling(), { consistency: { outcome: 'flagged', differences: [difference] } });
        const [hit] = assess(only({ kind: 'inconsistency', elements: ['grossMass'] }), subject).hits;
        expect(hit).toMatchObject({ house: 'HAWB-1', matched: [{ path: '/condition', kind: 'inconsistency', values: ['grossMass=8|10'] }] });
      });
    });

    describe('a flagged element the criterion does not list', () => {
      it('does not hit; without elements, any difference hits', () => {
        const subject = subjectOf(airFiling(), { consistency: { outcome: 'flagged', differences: [difference] } });
        expect(assess(only({ kind: 'inconsistency', elements: ['consignor/name'] }), subject).hits).toEqual([]);
        expect(hitIds(assess(only({ kind: 'inconsistency' }), subject))).toEqual(['eu-test-001.v1']);
      });
    });

    describe('a check that came out ok, or no check yet', () => {
      it('does not hit', () => {
        expect(assess(only({ kind: 'inconsistency' }), subjectOf(airFiling(), { consistency: { outcome: 'ok', differences: [] } })).hits).toEqual([]);
        expect(assess(only({ kind: 'inconsistency' }), subjectOf(airFiling())).hits).toEqual([]);
      });
    });
  });

  describe('missingData', () => {
    const noHs = airFiling({ goodsItem: [goodsItem('Cotton T-shirts for men', { grossMass: 12, packages: 2 })] });

    describe('a goods item without HS code at pre-arrival', () => {
      it('hits, with the marker', () => {
        expect(assess(only({ kind: 'missingData', markers: ['no-hs-code'] }), subjectOf(noHs)).hits[0].matched[0].values).toEqual(['no-hs-code']);
      });
    });

    describe('the same data at pre-loading, where PLACI needs no HS code', () => {
      it('does not hit', () => {
        expect(assess(only({ kind: 'missingData', markers: ['no-hs-code'] }), subjectOf(noHs, { phase: 'pre-loading' })).hits).toEqual([]);
      });
    });

    describe('a consignee address without street', () => {
      it('hits', () => {
        const filing = airFiling({ consignee: party('Anna Schmidt', { address: { city: 'Berlin', country: 'DE' } }) });
        expect(hitIds(assess(only({ kind: 'missingData', markers: ['consignee-no-street'] }), subjectOf(filing)))).toEqual(['eu-test-001.v1']);
      });
    });
  });

  describe('combinations', () => {
    const batteries = airFiling({ goodsItem: [goodsItem('Lithium-ion power banks', { hs: '850760', grossMass: 3, packages: 1 })] });
    const byAir: Condition = { kind: 'transportMeans', modes: ['4'] };
    const lithium: Condition = { kind: 'hsPrefix', prefixes: ['850760'] };

    describe('all', () => {
      it('hits when every part holds, listing each part', () => {
        expect(assess(only({ kind: 'all', of: [lithium, byAir] }), subjectOf(batteries)).hits[0].matched).toEqual([
          { path: '/condition/of/0', kind: 'hsPrefix', values: ['850760'] },
          { path: '/condition/of/1', kind: 'transportMeans', values: ['mode=4'] },
        ]);
      });
      it('does not hit when one part fails', () => {
        expect(assess(only({ kind: 'all', of: [lithium, { kind: 'transportMeans', modes: ['1'] }] }), subjectOf(batteries)).hits).toEqual([]);
      });
    });

    describe('any', () => {
      it('hits when one part holds, listing the parts that held', () => {
        const condition: Condition = { kind: 'any', of: [{ kind: 'hsPrefix', prefixes: ['93'] }, lithium, { kind: 'descriptionTerms', match: 'any', terms: ['lithium'] }] };
        expect(assess(only(condition), subjectOf(batteries)).hits[0].matched).toEqual([
          { path: '/condition/of/1', kind: 'hsPrefix', values: ['850760'] },
          { path: '/condition/of/2', kind: 'descriptionTerms', values: ['lithium'] },
        ]);
      });
      it('does not hit when no part holds', () => {
        expect(assess(only({ kind: 'any', of: [{ kind: 'hsPrefix', prefixes: ['93'] }, { kind: 'country', where: 'any', countries: ['KP'] }] }), subjectOf(batteries)).hits).toEqual([]);
      });
    });

    describe('not', () => {
      const notBySea: Condition = { kind: 'all', of: [lithium, { kind: 'not', of: { kind: 'transportMeans', modes: ['1'] } }] };
      it('holds when its condition does not, and says so in the matched list', () => {
        expect(assess(only(notBySea), subjectOf(batteries)).hits[0].matched).toEqual([
          { path: '/condition/of/0', kind: 'hsPrefix', values: ['850760'] },
          { path: '/condition/of/1', kind: 'not', values: [] },
        ]);
      });
      it('fails when its condition holds', () => {
        expect(assess(only({ kind: 'not', of: byAir }), subjectOf(batteries)).hits).toEqual([]);
      });
    });

    describe('nested combinations', () => {
      it('evaluate to the tree they describe', () => {
        const condition: Condition = {
          kind: 'any',
          of: [
            { kind: 'all', of: [{ kind: 'hsPrefix', prefixes: ['93'] }, byAir] },
            { kind: 'all', of: [{ kind: 'not', of: { kind: 'country', where: 'any', countries: ['KP'] } }, { kind: 'descriptionTerms', match: 'all', terms: ['power', 'banks'] }] },
          ],
        };
        expect(assess(only(condition), subjectOf(batteries)).hits[0].matched.map((m) => m.path)).toEqual(['/condition/of/1/of/0', '/condition/of/1/of/1']);
      });
    });
  });

  describe('validity window', () => {
    const windowed = only({ kind: 'transportMeans', modes: ['4'] }, { validFrom: '2025-03-01T00:00:00Z', validTo: '2025-06-01T00:00:00Z' });
    it('applies a criterion from validFrom, inclusive', () => {
      expect(hitIds(assess(windowed, subjectOf(airFiling()), '2025-03-01T00:00:00Z'))).toEqual(['eu-test-001.v1']);
    });
    it('does not apply it before validFrom, nor from validTo on', () => {
      expect(hitIds(assess(windowed, subjectOf(airFiling()), '2025-02-28T23:59:59Z'))).toEqual([]);
      expect(hitIds(assess(windowed, subjectOf(airFiling()), '2025-06-01T00:00:00Z'))).toEqual([]);
    });
  });

  describe('phases', () => {
    const preArrivalOnly = only({ kind: 'transportMeans', modes: ['4'] }, { phases: ['pre-arrival'] });
    it('apply a criterion only to analyses of its phases', () => {
      expect(hitIds(assess(preArrivalOnly, subjectOf(airFiling(), { phase: 'pre-arrival' })))).toEqual(['eu-test-001.v1']);
      expect(hitIds(assess(preArrivalOnly, subjectOf(airFiling(), { phase: 'pre-loading' })))).toEqual([]);
    });
  });

  describe('ownership', () => {
    const criteria = [
      criterion({ id: 'eu-all-001', condition: { kind: 'transportMeans', modes: ['4'] } }),
      criterion({ id: 'de-own-001', owner: { kind: 'member-state', memberState: 'DE' }, condition: { kind: 'transportMeans', modes: ['4'] } }),
    ];
    describe('a filing for which Germany is the responsible Member State', () => {
      it("gets the EU-wide criteria and Germany's own", () => {
        expect(hitIds(assess(criteria, subjectOf(airFiling(), { responsibleMemberState: 'DE' })))).toEqual(['de-own-001.v1', 'eu-all-001.v1']);
      });
    });
    describe('a filing for which another Member State is responsible', () => {
      it("gets only the EU-wide criteria, not Germany's", () => {
        expect(hitIds(assess(criteria, subjectOf(airFiling(), { responsibleMemberState: 'FR' })))).toEqual(['eu-all-001.v1']);
      });
    });
    describe('the versions an analysis is explained by', () => {
      const preArrivalEu = criterion({ id: 'eu-arr-001', phases: ['pre-arrival'], condition: { kind: 'transportMeans', modes: ['4'] } });
      it("are its phase's, EU-wide or its responsible Member State's own, not every version in force", () => {
        const compiled = compileCriteria([...criteria, preArrivalEu], AT);
        expect(compiled.applicable('pre-loading', 'DE')).toEqual([{ id: 'de-own-001', version: 1 }, { id: 'eu-all-001', version: 1 }]);
        expect(compiled.applicable('pre-loading', 'FR')).toEqual([{ id: 'eu-all-001', version: 1 }]);
        expect(compiled.applicable('pre-arrival', 'FR')).toEqual([{ id: 'eu-all-001', version: 1 }, { id: 'eu-arr-001', version: 1 }]);
      });
    });
    describe('no responsible Member State given', () => {
      it('takes the country of the office of first entry', () => {
        const subject = subjectOf(airFiling({}, { customsOfficeOfFirstEntry: { referenceNumber: 'DE004700' } }));
        expect(subject.responsibleMemberState).toBe('DE');
        expect(hitIds(assess(criteria, subject))).toEqual(['de-own-001.v1', 'eu-all-001.v1']);
      });
    });
  });

  describe('versions', () => {
    const v1 = criterion({ version: 1, validTo: '2025-07-01T00:00:00Z', condition: { kind: 'hsPrefix', prefixes: ['6109'] } });
    const v2 = criterion({ version: 2, validFrom: '2025-07-01T00:00:00Z', condition: { kind: 'hsPrefix', prefixes: ['6110'] } });
    const tshirts = subjectOf(airFiling());

    describe('two versions of one criterion, one after the other', () => {
      it('use only the version valid at the instant, and the hit names it', () => {
        expect(hitIds(assess([v1, v2], tshirts, '2025-06-30T00:00:00Z'))).toEqual(['eu-test-001.v1']);
        expect(hitIds(assess([v1, v2], tshirts, '2025-07-01T00:00:00Z'))).toEqual([]);
        expect(compileCriteria([v1, v2], '2025-07-01T00:00:00Z').active).toEqual([{ id: 'eu-test-001', version: 2 }]);
      });
    });

    describe('two versions both valid in the active set given', () => {
      it('use the higher version only', () => {
        const v2Too = criterion({ version: 2, condition: { kind: 'hsPrefix', prefixes: ['6109'] } });
        const v1Open = criterion({ version: 1, condition: { kind: 'hsPrefix', prefixes: ['6109'] } });
        expect(hitIds(assess([v1Open, v2Too], tshirts))).toEqual(['eu-test-001.v2']);
      });
    });
  });

  describe('AEO status', () => {
    const aeoFiling = airFiling();
    const declarant = aeoFiling.declarant.identificationNumber!;
    const reducible = [
      criterion({ id: 'eu-red-001', score: 40, aeoReduction: 0.5, condition: { kind: 'transportMeans', modes: ['4'] } }),
      criterion({ id: 'eu-sec-001', score: 80, condition: { kind: 'hsPrefix', prefixes: ['6109'] } }),
    ];

    describe('a declarant holding AEO status', () => {
      it('lowers the score of a reducible criterion and keeps the hit', () => {
        const assessment = assess(reducible, subjectOf(aeoFiling, { aeoOperators: new Set([declarant]) }));
        expect(assessment.hits.map((h) => [h.criterionId, h.score, h.aeoReduced])).toEqual([
          ['eu-red-001', 20, true],
          ['eu-sec-001', 80, false],
        ]);
        expect(assessment.totalScore).toBe(100);
      });
    });

    describe('a carrier holding AEO status', () => {
      it('lowers the score the same way', () => {
        const carrier = aeoFiling.consignmentMasterLevel!.carrier!.identificationNumber!;
        const [hit] = assess([reducible[0]], subjectOf(aeoFiling, { aeoOperators: new Set([carrier]) })).hits;
        expect([hit.score, hit.aeoReduced]).toEqual([20, true]);
      });
    });

    describe('a reduction of the whole score', () => {
      it('never goes below the floor, and the hit stays', () => {
        const full = criterion({ score: 30, aeoReduction: 1, condition: { kind: 'transportMeans', modes: ['4'] } });
        const [hit] = assess([full], subjectOf(aeoFiling, { aeoOperators: new Set([declarant]) })).hits;
        expect([hit.score, hit.aeoReduced]).toEqual([1, true]);
      });
    });

    describe('an operator without AEO status', () => {
      it('gets the full score', () => {
        const [hit] = assess([reducible[0]], subjectOf(aeoFiling, { aeoOperators: new Set(['DE000000000000001']) })).hits;
        expect([hit.score, hit.aeoReduced]).toEqual([40, false]);
      });
    });
  });

  describe('an ENS of several house consignments', () => {
    const scenario = maritimeScenario({ seed: 8, houses: 3 });
    const subject = subjectOf(scenario.master, { members: scenario.houses });
    const target = subject.houses[1];

    it('names the house of each hit and sums the scores', () => {
      const assessment = assess(only({ kind: 'hsPrefix', prefixes: [target.hsCodes[0]] }), subject);
      const expected = subject.houses.filter((h) => h.hsCodes.includes(target.hsCodes[0])).map((h) => h.houseDocument);
      expect(assessment.hits.map((h) => h.house)).toEqual(expected);
      expect(assessment.totalScore).toBe(40 * expected.length);
    });
  });

  describe('the candidate indexes and the party-name memo', () => {
    it('find the same hits as trying every criterion on every consignment, every name searched', () => {
      const criteria = [
        criterion({ id: 'a-001', condition: { kind: 'hsPrefix', prefixes: ['85', '6109'] } }),
        criterion({ id: 'a-002', condition: { kind: 'descriptionTerms', match: 'any', terms: ['power banks', 'shoes', 'lithium'] } }),
        criterion({ id: 'a-003', condition: { kind: 'all', of: [{ kind: 'country', where: 'acceptance', countries: ['CN', 'HK'] }, { kind: 'massAnomaly', maxMassPerPackageKg: 1 }] } }),
        criterion({ id: 'a-004', condition: { kind: 'any', of: [{ kind: 'party', names: ['Harbour Gadgets'] }, { kind: 'transportMeans', modes: ['1'] }] } }),
        criterion({ id: 'a-005', condition: { kind: 'not', of: { kind: 'country', where: 'delivery', countries: ['DE'] } } }),
        criterion({ id: 'a-006', condition: { kind: 'missingData', markers: ['consignee-no-street', 'no-hs-code'] } }),
        criterion({ id: 'a-007', condition: { kind: 'party', role: 'consignee', addressTerms: ['strasse', 'rue'] } }),
      ];
      const indexed = compileCriteria(criteria, AT);
      const scanned = compileCriteria(criteria, AT, { scan: true, nameCacheSize: 0 });
      let hits = 0;
      for (let seed = 0; seed < 150; seed++) {
        const subject = subjectOf(sampleFiling(seed % 3 === 0 ? 'F10' : 'F26', { seed, ecommerce: seed % 2 === 0 }));
        const result = indexed.evaluate(subject);
        expect(result).toEqual(scanned.evaluate(subject));
        expect(indexed.evaluate(subject)).toEqual(result);
        hits += result.hits.length;
      }
      expect(hits).toBeGreaterThan(100);
    });
  });
});
