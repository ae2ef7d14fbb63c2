import { parseCriterion } from './parse-criterion';

const valid = {
  id: 'eu-sec-001',
  version: 1,
  title: 'Explosives by HS code',
  riskArea: 'security',
  phases: ['pre-loading', 'pre-arrival'],
  validFrom: '2025-01-01T00:00:00Z',
  owner: { kind: 'eu' },
  score: 80,
  condition: { kind: 'hsPrefix', prefixes: ['3601'] },
};

const errorsOf = (raw: unknown) => {
  const parsed = parseCriterion(raw);
  return parsed.ok ? [] : parsed.errors.map(({ pointer, code }) => ({ pointer, code }));
};
const withCondition = (condition: unknown) => ({ ...valid, condition });
const nest = (depth: number): unknown => (depth === 1 ? { kind: 'hsPrefix', prefixes: ['93'] } : { kind: 'not', of: nest(depth - 1) });

describe('parseCriterion', () => {
  describe('a well-formed criterion', () => {
    it('is accepted as it is', () => {
      expect(parseCriterion(valid)).toEqual({ ok: true, criterion: valid });
    });

    it('accepts every condition kind and every optional field', () => {
      const full = {
        ...valid,
        notes: 'illustrative',
        validTo: '2026-01-01T00:00:00.000Z',
        owner: { kind: 'member-state', memberState: 'NL' },
        aeoReduction: 0.5,
        origin: { rifId: 'RIF-1' },
        condition: {
          kind: 'all',
          of: [
            { kind: 'hsPrefix', prefixes: ['93', '3601', '850760'] },
            { kind: 'descriptionTerms', terms: ['ammonium nitrate', 'tnt'], match: 'any' },
            { kind: 'country', where: 'routing', countries: ['IR', 'KP'] },
            { kind: 'party', role: 'consignor', names: ['Zarkovian Import Export'], eoris: ['DE123456789012345'], addressTerms: ['anchor lane'], threshold: 0.85 },
            { kind: 'transportMeans', identifications: ['B-LJA'], modes: ['4'], nationalities: ['HK'] },
            { kind: 'massAnomaly', minMassPerPackageKg: 0, maxMassPerPackageKg: 0.05, minGrossMassKg: 1, maxGrossMassKg: 2 },
            { kind: 'packagesAnomaly', min: 1, max: 1 },
            { kind: 'inconsistency', elements: ['grossMass', 'consignor/name'] },
            { kind: 'inconsistency' },
            { kind: 'missingData', markers: ['no-hs-code'] },
            { kind: 'any', of: [{ kind: 'not', of: { kind: 'transportMeans', modes: ['1'] } }] },
          ],
        },
      };
      expect(errorsOf(full)).toEqual([]);
    });

    it('accepts conditions nested 8 deep', () => {
      expect(errorsOf(withCondition(nest(8)))).toEqual([]);
    });
  });

  describe('a malformed criterion', () => {
    it.each<[string, unknown, { pointer: string; code: string }[]]>([
      ['not an object', [valid], [{ pointer: '', code: 'wrong-type' }]],
      ['an unknown field', { ...valid, weight: 3 }, [{ pointer: '/weight', code: 'unknown-field' }]],
      ['no id', { ...valid, id: undefined }, [{ pointer: '/id', code: 'required' }]],
      ['an id in capitals', { ...valid, id: 'EU-SEC-001' }, [{ pointer: '/id', code: 'bad-id' }]],
      ['version 0', { ...valid, version: 0 }, [{ pointer: '/version', code: 'bad-version' }]],
      ['a fractional version', { ...valid, version: 1.5 }, [{ pointer: '/version', code: 'bad-version' }]],
      ['a blank title', { ...valid, title: ' ' }, [{ pointer: '/title', code: 'bad-value' }]],
      // The store keeps neither: JSON text carries them as \u0000 and \ud800.
      ['a NUL character in the title', { ...valid, title: 'Explosives\u0000' }, [{ pointer: '/title', code: 'bad-value' }]],
      ['a lone surrogate in the notes', { ...valid, notes: 'see \ud800' }, [{ pointer: '/notes', code: 'bad-value' }]],
      ['a NUL character in a term', withCondition({ kind: 'descriptionTerms', match: 'any', terms: ['fireworks', 'detonator\u0000'] }), [{ pointer: '/condition/terms/1', code: 'bad-value' }]],
      ['a lone surrogate in a watchlist name', withCondition({ kind: 'party', names: ['\udc00Acme Trading'] }), [{ pointer: '/condition/names/0', code: 'bad-value' }]],
      ['an unknown risk area', { ...valid, riskArea: 'terrorism' }, [{ pointer: '/riskArea', code: 'bad-value' }]],
      ['no phase', { ...valid, phases: [] }, [{ pointer: '/phases', code: 'empty-list' }]],
      ['an unknown phase', { ...valid, phases: ['pre-loading', 'arrival'] }, [{ pointer: '/phases/1', code: 'bad-value' }]],
      ['a phase twice', { ...valid, phases: ['pre-arrival', 'pre-arrival'] }, [{ pointer: '/phases/1', code: 'duplicate-value' }]],
      ['a date for an instant', { ...valid, validFrom: '2025-01-01' }, [{ pointer: '/validFrom', code: 'bad-instant' }]],
      ['a day that does not exist', { ...valid, validFrom: '2025-02-30T00:00:00Z' }, [{ pointer: '/validFrom', code: 'bad-instant' }]],
      ['validTo before validFrom', { ...valid, validTo: '2024-12-31T00:00:00Z' }, [{ pointer: '/validTo', code: 'bad-range' }]],
      ['no owner', { ...valid, owner: undefined }, [{ pointer: '/owner', code: 'required' }]],
      ['an unknown owner kind', { ...valid, owner: { kind: 'wco' } }, [{ pointer: '/owner/kind', code: 'bad-value' }]],
      ['a member state owner without member state', { ...valid, owner: { kind: 'member-state' } }, [{ pointer: '/owner/memberState', code: 'required' }]],
      ['a third country as owner', { ...valid, owner: { kind: 'member-state', memberState: 'US' } }, [{ pointer: '/owner/memberState', code: 'bad-country' }]],
      ["Greece as 'EL'", { ...valid, owner: { kind: 'member-state', memberState: 'EL' } }, [{ pointer: '/owner/memberState', code: 'bad-country' }]],
      ['a member state on an EU-wide owner', { ...valid, owner: { kind: 'eu', memberState: 'DE' } }, [{ pointer: '/owner/memberState', code: 'unknown-field' }]],
      ['score 0', { ...valid, score: 0 }, [{ pointer: '/score', code: 'out-of-range' }]],
      ['score 101', { ...valid, score: 101 }, [{ pointer: '/score', code: 'out-of-range' }]],
      ['a score as text', { ...valid, score: '80' }, [{ pointer: '/score', code: 'wrong-type' }]],
      ['an AEO reduction above 1', { ...valid, aeoReduction: 1.5 }, [{ pointer: '/aeoReduction', code: 'out-of-range' }]],
      ['an origin without RIF id', { ...valid, origin: {} }, [{ pointer: '/origin/rifId', code: 'required' }]],
      ['no condition', { ...valid, condition: undefined }, [{ pointer: '/condition', code: 'required' }]],
      ['a condition without kind', withCondition({ prefixes: ['93'] }), [{ pointer: '/condition/kind', code: 'required' }]],
      ['an unknown condition kind', withCondition({ kind: 'regex', pattern: '.*' }), [{ pointer: '/condition/kind', code: 'unknown-kind' }]],
      ['an unknown kind deep down', withCondition({ kind: 'all', of: [nest(1), { kind: 'any', of: [{ kind: 'script' }] }] }), [{ pointer: '/condition/of/1/of/0/kind', code: 'unknown-kind' }]],
      ['an unknown facet', withCondition({ kind: 'hsPrefix', prefixes: ['93'], prefix: '36' }), [{ pointer: '/condition/prefix', code: 'unknown-field' }]],
      ['no HS prefix', withCondition({ kind: 'hsPrefix', prefixes: [] }), [{ pointer: '/condition/prefixes', code: 'empty-list' }]],
      ['an HS prefix of one digit', withCondition({ kind: 'hsPrefix', prefixes: ['9'] }), [{ pointer: '/condition/prefixes/0', code: 'bad-hs-prefix' }]],
      ['an HS prefix with a dot', withCondition({ kind: 'hsPrefix', prefixes: ['93', '8507.60'] }), [{ pointer: '/condition/prefixes/1', code: 'bad-hs-prefix' }]],
      ['a reserved HS chapter', withCondition({ kind: 'hsPrefix', prefixes: ['7701'] }), [{ pointer: '/condition/prefixes/0', code: 'bad-hs-prefix' }]],
      ['an HS chapter past 97', withCondition({ kind: 'hsPrefix', prefixes: ['98'] }), [{ pointer: '/condition/prefixes/0', code: 'bad-hs-prefix' }]],
      ['an HS prefix as a number', withCondition({ kind: 'hsPrefix', prefixes: [93] }), [{ pointer: '/condition/prefixes/0', code: 'wrong-type' }]],
      ['a term of punctuation only', withCondition({ kind: 'descriptionTerms', terms: ['--'], match: 'any' }), [{ pointer: '/condition/terms/0', code: 'bad-value' }]],
      ['a term twice, once in capitals', withCondition({ kind: 'descriptionTerms', terms: ['TNT', 'tnt'], match: 'any' }), [{ pointer: '/condition/terms/1', code: 'duplicate-value' }]],
      ['terms without match', withCondition({ kind: 'descriptionTerms', terms: ['tnt'] }), [{ pointer: '/condition/match', code: 'required' }]],
      ['an unknown match', withCondition({ kind: 'descriptionTerms', terms: ['tnt'], match: 'most' }), [{ pointer: '/condition/match', code: 'bad-value' }]],
      ['a lower-case country', withCondition({ kind: 'country', where: 'routing', countries: ['ir'] }), [{ pointer: '/condition/countries/0', code: 'bad-country' }]],
      ['a country that does not exist', withCondition({ kind: 'country', where: 'routing', countries: ['IR', 'XX'] }), [{ pointer: '/condition/countries/1', code: 'bad-country' }]],
      ['an unknown place kind', withCondition({ kind: 'country', where: 'origin', countries: ['IR'] }), [{ pointer: '/condition/where', code: 'bad-value' }]],
      ['no country', withCondition({ kind: 'country', where: 'routing', countries: [] }), [{ pointer: '/condition/countries', code: 'empty-list' }]],
      ['a party with a role only', withCondition({ kind: 'party', role: 'consignor' }), [{ pointer: '/condition', code: 'required' }]],
      ['an unknown party role', withCondition({ kind: 'party', role: 'shipper', names: ['X Y'] }), [{ pointer: '/condition/role', code: 'bad-value' }]],
      ['no names', withCondition({ kind: 'party', names: [] }), [{ pointer: '/condition/names', code: 'empty-list' }]],
      ['a name that normalises like another', withCondition({ kind: 'party', names: ['Acme Trading', 'ACME TRADING LTD'] }), [{ pointer: '/condition/names/1', code: 'duplicate-value' }]],
      ['a malformed EORI', withCondition({ kind: 'party', eoris: ['de123'] }), [{ pointer: '/condition/eoris/0', code: 'bad-eori' }]],
      ['a threshold above 1', withCondition({ kind: 'party', names: ['X Y'], threshold: 1.2 }), [{ pointer: '/condition/threshold', code: 'out-of-range' }]],
      ['a threshold of 0', withCondition({ kind: 'party', names: ['X Y'], threshold: 0 }), [{ pointer: '/condition/threshold', code: 'out-of-range' }]],
      ['a threshold without names', withCondition({ kind: 'party', eoris: ['DE123456789012345'], threshold: 0.9 }), [{ pointer: '/condition/threshold', code: 'bad-value' }]],
      ['a transport means condition without facet', withCondition({ kind: 'transportMeans' }), [{ pointer: '/condition', code: 'required' }]],
      ['an unknown mode of transport', withCondition({ kind: 'transportMeans', modes: ['air'] }), [{ pointer: '/condition/modes/0', code: 'bad-value' }]],
      ['a bad nationality', withCondition({ kind: 'transportMeans', nationalities: ['UK'] }), [{ pointer: '/condition/nationalities/0', code: 'bad-country' }]],
      ['an identification with other signs', withCondition({ kind: 'transportMeans', identifications: ['B/LJA'] }), [{ pointer: '/condition/identifications/0', code: 'bad-value' }]],
      ['a mass anomaly without bound', withCondition({ kind: 'massAnomaly' }), [{ pointer: '/condition', code: 'required' }]],
      ['a negative mass bound', withCondition({ kind: 'massAnomaly', maxMassPerPackageKg: -1 }), [{ pointer: '/condition/maxMassPerPackageKg', code: 'out-of-range' }]],
      ['a mass band upside down', withCondition({ kind: 'massAnomaly', minGrossMassKg: 10, maxGrossMassKg: 5 }), [{ pointer: '/condition/maxGrossMassKg', code: 'bad-range' }]],
      ['a fractional package count', withCondition({ kind: 'packagesAnomaly', min: 1.5 }), [{ pointer: '/condition/min', code: 'out-of-range' }]],
      ['a package band upside down', withCondition({ kind: 'packagesAnomaly', min: 10, max: 5 }), [{ pointer: '/condition/max', code: 'bad-range' }]],
      ['an element that is not a name', withCondition({ kind: 'inconsistency', elements: ['gross mass'] }), [{ pointer: '/condition/elements/0', code: 'bad-value' }]],
      ['no elements', withCondition({ kind: 'inconsistency', elements: [] }), [{ pointer: '/condition/elements', code: 'empty-list' }]],
      ['an unknown marker', withCondition({ kind: 'missingData', markers: ['no-value'] }), [{ pointer: '/condition/markers/0', code: 'bad-value' }]],
      ['an empty all', withCondition({ kind: 'all', of: [] }), [{ pointer: '/condition/of', code: 'empty-list' }]],
      ['an any that is not a list', withCondition({ kind: 'any', of: nest(1) }), [{ pointer: '/condition/of', code: 'wrong-type' }]],
      ['a not without condition', withCondition({ kind: 'not' }), [{ pointer: '/condition/of', code: 'required' }]],
      ['a not of a list', withCondition({ kind: 'not', of: [nest(1)] }), [{ pointer: '/condition/of', code: 'wrong-type' }]],
      ['conditions nested 9 deep', withCondition(nest(9)), [{ pointer: '/condition/of/of/of/of/of/of/of/of', code: 'too-deep' }]],
    ])('refuses %s, pointing at the problem', (_case, raw, expected) => {
      expect(errorsOf(raw)).toEqual(expected);
    });

    it('reports every problem, not only the first', () => {
      expect(errorsOf({ ...valid, id: 'Bad Id', score: 500, condition: { kind: 'country', where: 'routing', countries: ['ZZ', 'YY'] } })).toEqual([
        { pointer: '/id', code: 'bad-id' },
        { pointer: '/score', code: 'out-of-range' },
        { pointer: '/condition/countries/0', code: 'bad-country' },
        { pointer: '/condition/countries/1', code: 'bad-country' },
      ]);
    });

    it('escapes field names in pointers (RFC 6901)', () => {
      expect(errorsOf({ ...valid, 'a/b~c': 1 })).toEqual([{ pointer: '/a~1b~0c', code: 'unknown-field' }]);
    });
  });
});
