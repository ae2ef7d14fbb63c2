import { FILING_TYPE_CODES } from '@ics2/domain';
import fc from 'fast-check';
import { arbitraryFiling, arbitraryFilingBreak, arbitraryJunk, arbitrarySampleOptions } from './ens-arbitraries';
import { problemsOf } from './ens-sample-checks';

/** The JSON kind of a value: what a wrong-type mutation must change. */
const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

const at = (value: unknown, path: readonly (string | number)[]) =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value);

function depthOf(value: unknown): number {
  let depth = 0;
  let node = value;
  while (typeof node === 'object' && node !== null) {
    const children: unknown[] = Array.isArray(node) ? node : Object.values(node);
    if (children.length === 0) return depth + 1;
    depth += 1;
    node = children[0];
  }
  return depth;
}

const hasOwnKey = (value: unknown, key: string): boolean =>
  typeof value === 'object' && value !== null && (Object.prototype.hasOwnProperty.call(value, key) || Object.values(value).some((v) => hasOwnKey(v, key)));

const someString = (value: unknown, test: (text: string) => boolean): boolean =>
  typeof value === 'string'
    ? test(value)
    : typeof value === 'object' && value !== null
      ? Object.entries(value).some(([k, v]) => test(k) || someString(v, test))
      : false;

describe('ENS arbitraries', () => {
  describe('arbitraryFiling', () => {
    it('produces filings that are valid by libs/domain rules', () => {
      fc.assert(fc.property(arbitraryFiling(), (filing) => expect(problemsOf(filing)).toEqual([])), { numRuns: 300 });
    });

    it.each([...FILING_TYPE_CODES])('produces %s filings when asked for that type', (type) => {
      fc.assert(
        fc.property(arbitraryFiling(type), (filing) => {
          expect(filing.specificCircumstanceIndicator).toBe(type);
          expect(problemsOf(filing)).toEqual([]);
        }),
        { numRuns: 15 },
      );
    });

    it('covers every filing type', () => {
      const types = new Set(fc.sample(arbitraryFiling(), { numRuns: 600, seed: 7 }).map((f) => f.specificCircumstanceIndicator));
      expect([...types].sort()).toEqual([...FILING_TYPE_CODES].sort());
    });

    it('is reproducible from the fast-check seed', () => {
      expect(fc.sample(arbitraryFiling(), { numRuns: 20, seed: 42 })).toEqual(fc.sample(arbitraryFiling(), { numRuns: 20, seed: 42 }));
    });

    it('chooses options sampleFiling accepts, always with a seed', () => {
      for (const options of fc.sample(arbitrarySampleOptions('F12'), { numRuns: 50, seed: 3 })) {
        expect(Number.isInteger(options.seed)).toBe(true);
      }
    });
  });

  describe('arbitraryFilingBreak', () => {
    it('changes the JSON kind of exactly one element of a valid filing', () => {
      fc.assert(
        fc.property(arbitraryFilingBreak(), ({ filing, path, broken }) => {
          expect(path.length).toBeGreaterThan(0);
          expect(kindOf(at(broken, path))).not.toBe(kindOf(at(filing, path)));
          const restored = JSON.parse(JSON.stringify(broken)) as Record<string, unknown>;
          const parent = at(restored, path.slice(0, -1)) as Record<string | number, unknown>;
          parent[path[path.length - 1]] = at(filing, path);
          expect(restored).toEqual(JSON.parse(JSON.stringify(filing)));
        }),
        { numRuns: 200 },
      );
    });
  });

  describe('arbitraryJunk', () => {
    const junk = fc.sample(arbitraryJunk(), { numRuns: 1_500, seed: 11 });

    it('can always be sent as JSON', () => {
      for (const value of junk) expect(() => JSON.stringify(value)).not.toThrow();
    });

    it.each([
      ['wrong types at the top', (v: unknown) => kindOf(v) !== 'object'],
      ['arrays where an object is expected', (v: unknown) => Array.isArray(v) && v.length > 0],
      ['deep nesting', (v: unknown) => depthOf(v) >= 50],
      ['huge strings', (v: unknown) => someString(v, (text) => text.length >= 10_000)],
      ['__proto__ keys', (v: unknown) => hasOwnKey(v, '__proto__')],
      ['constructor keys', (v: unknown) => hasOwnKey(v, 'constructor')],
      ['numbers as strings', (v: unknown) => someString(v, (text) => /^-?[0-9]+(\.[0-9]+)?(e[+-]?[0-9]+)?$/.test(text))],
      ['control characters', (v: unknown) => someString(v, (text) => /[\u0000-\u001f]/.test(text))],
      ['CJK text', (v: unknown) => someString(v, (text) => /\p{Script=Han}/u.test(text))],
      ['emoji', (v: unknown) => someString(v, (text) => /\p{Extended_Pictographic}/u.test(text))],
      ['filings with one element of the wrong type', (v: unknown) => hasOwnKey(v, 'specificCircumstanceIndicator') && !Array.isArray(v)],
    ] as const)('includes %s', (_what, test) => {
      expect(junk.some(test)).toBe(true);
    });

    it('does not pollute Object.prototype', () => {
      fc.sample(arbitraryJunk(), { numRuns: 300, seed: 5 });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getPrototypeOf({})).toBe(Object.prototype);
      expect(Object.keys(Object.prototype)).toEqual([]);
    });
  });
});
