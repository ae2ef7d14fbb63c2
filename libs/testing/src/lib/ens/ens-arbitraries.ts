/**
 * fast-check arbitraries for ENS filings: `arbitraryFiling` gives valid filings (sampleFiling with a chosen seed
 * and options, so a failure shrinks to a small seed and few options), `arbitraryJunk` gives what a door must
 * survive: malformed JSON-ish values and filings with one element broken.
 */
import type { EnsFiling } from '@ics2/contracts';
import { FILING_TYPE_CODES, type FilingType, filingType } from '@ics2/domain';
import fc from 'fast-check';
import { CUSTOMS_BROKERS } from './ens-sample-catalogue';
import { eoriFor } from './ens-sample-identifiers';
import { sampleFiling } from './ens-sample-filing';
import type { SampleFilingOptions } from './ens-sample-options';

const BROKER_EORIS = CUSTOMS_BROKERS.map((broker) => eoriFor(broker.address.country, broker.name));

/** Options sampleFiling accepts for `type`: a seed (uint32) and a few of the conditional groups. */
export function arbitrarySampleOptions(type: FilingType): fc.Arbitrary<SampleFilingOptions> {
  const row = filingType(type);
  const air = row?.mode === 'air';
  return fc.record(
    {
      seed: fc.integer({ min: 0, max: 0xffffffff }),
      houses: fc.integer({ min: 1, max: 4 }),
      goodsItems: fc.integer({ min: 1, max: 4 }),
      containers: fc.boolean(),
      representative: fc.constantFrom(...BROKER_EORIS),
      notifyParty: fc.boolean(),
      placesOfAcceptanceAndDelivery: fc.boolean(),
      ecommerce: air ? fc.boolean() : fc.constant(false),
    },
    { requiredKeys: ['seed'] },
  );
}

/** A valid filing of `type`, or of any filing type. */
export function arbitraryFiling(type?: FilingType): fc.Arbitrary<EnsFiling> {
  const types = type ? fc.constant(type) : fc.constantFrom(...FILING_TYPE_CODES);
  return types.chain((t) => arbitrarySampleOptions(t).map((options) => sampleFiling(t, options)));
}

/** Text a filing must not carry, or that stresses a parser: control characters, CJK, emoji, lone surrogates. */
function arbitraryHostileText(): fc.Arbitrary<string> {
  const fromCodePoints = (min: number, max: number) =>
    fc.string({ unit: fc.integer({ min, max }).map((point) => String.fromCodePoint(point)), minLength: 1, maxLength: 40 });
  return fc.oneof(
    fromCodePoints(0x00, 0x1f),
    fromCodePoints(0x4e00, 0x9fff),
    fromCodePoints(0x1f300, 0x1faff),
    fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => `LRN${String.fromCharCode(unit)}`),
    fc.constantFrom('\u202eevil\u202c', 'zero\u200bwidth', 'nul\u0000byte', 'ＦＵＬＬＷＩＤＴＨ', '男士棉质T恤', '🚚📦', '', '   '),
    fc.string({ unit: 'binary', maxLength: 60 }),
  );
}

/** Strings of 10 000 to 200 000 characters. */
const arbitraryHugeString = (): fc.Arbitrary<string> =>
  fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: 10_000, max: 200_000 })).map(
    ([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length),
  );

/** Numbers written as strings, and numbers JSON cannot carry or a parser may mishandle. */
const arbitraryOddNumber = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.double().map(String),
    fc.integer().map(String),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, Number.MAX_VALUE, 1e-7, 2 ** 53 + 1),
    fc.constantFrom('1e3', '0x1F', ' 12 ', '12,5', '-1', '١٢٣'),
  );

/** Objects with keys that attack prototype handling; Object.fromEntries makes them own properties. */
const arbitraryPoisonedObject = (inner: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc
    .array(fc.tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'), inner), {
      minLength: 1,
      maxLength: 3,
    })
    .map((entries) => Object.fromEntries(entries));

/** Arrays or objects nested 50 to 2 000 deep. */
const arbitraryDeepNesting = (): fc.Arbitrary<unknown> =>
  fc.tuple(fc.integer({ min: 50, max: 2_000 }), fc.boolean()).map(([depth, arrays]) => {
    let value: unknown = 'bottom';
    for (let i = 0; i < depth; i += 1) value = arrays ? [value] : { consignmentHouseLevel: value };
    return value;
  });

/** Every path to a value inside a filing, as keys. */
function pathsOf(value: unknown, path: readonly (string | number)[] = []): (string | number)[][] {
  const here = path.length > 0 ? [[...path]] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...path, i]))];
  if (typeof value === 'object' && value !== null) {
    return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...path, k]))];
  }
  return here;
}

function replaceAt(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [key, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === key ? replaceAt(v, rest, replacement) : v));
  const record = value as Record<string, unknown>;
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, k === key ? replaceAt(v, rest, replacement) : v]));
}

/** A value of another JSON type than `original`: arrays for objects, strings for numbers, objects for strings... */
function wrongTypeFor(original: unknown): fc.Arbitrary<unknown> {
  if (Array.isArray(original)) return fc.oneof(fc.constant({}), fc.constant('[]'), fc.constant(null), fc.constant(0));
  if (typeof original === 'object' && original !== null) return fc.oneof(fc.constant([original]), fc.constant([]), fc.constant('{}'), fc.constant(null));
  if (typeof original === 'number') return fc.oneof(fc.constant(String(original)), fc.constant([original]), fc.constant({ value: original }), fc.constant(null));
  if (typeof original === 'string') return fc.oneof(fc.constant(0), fc.constant([original]), fc.constant({ text: original }), fc.constant(true), fc.constant(null));
  return fc.constant('not-a-boolean');
}

export interface BrokenFiling {
  readonly filing: EnsFiling;
  /** Where the element of the wrong type sits, as keys from the root. */
  readonly path: readonly (string | number)[];
  readonly broken: unknown;
}

/** A valid filing, and the same filing with one element replaced by a value of another JSON type. */
export function arbitraryFilingBreak(): fc.Arbitrary<BrokenFiling> {
  return arbitraryFiling().chain((filing) => {
    const paths = pathsOf(filing);
    return fc.nat({ max: paths.length - 1 }).chain((index) => {
      const path = paths[index];
      const original = path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], filing);
      return wrongTypeFor(original).map((replacement) => ({ filing, path, broken: replaceAt(filing, path, replacement) }));
    });
  });
}

/** A valid filing with one element replaced by a value of the wrong type. */
export const arbitraryBrokenFiling = (): fc.Arbitrary<unknown> => arbitraryFilingBreak().map(({ broken }) => broken);

/**
 * Malformed JSON-ish values for fuzzing a door: wrong types at the top, deep nesting, huge strings,
 * `__proto__`/`constructor` keys, arrays where objects are expected, numbers as strings, control characters,
 * CJK and emoji text, and sample filings with one element of the wrong type. Nearly all are invalid filings; a
 * few may be accepted by a door that normalises (a digit string where a number is expected), so a fuzz test
 * asserts that the door answers without crashing and stores nothing invalid, not that it refuses everything.
 */
export function arbitraryJunk(): fc.Arbitrary<unknown> {
  const { junk } = fc.letrec<{ junk: unknown; leaf: unknown }>((tie) => ({
    leaf: fc.oneof(
      fc.constant(null),
      fc.constant(undefined),
      fc.boolean(),
      arbitraryOddNumber(),
      arbitraryHostileText(),
      fc.string({ maxLength: 30 }),
    ),
    junk: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      tie('leaf'),
      fc.array(tie('junk'), { maxLength: 4 }),
      fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), arbitraryHostileText()), tie('junk'), { maxKeys: 4 }),
      arbitraryPoisonedObject(tie('junk')),
    ),
  }));
  return fc.oneof(
    junk,
    arbitraryHugeString(),
    arbitraryDeepNesting(),
    arbitraryBrokenFiling(),
    fc.array(arbitraryFiling(), { minLength: 1, maxLength: 2 }),
    arbitraryPoisonedObject(arbitraryFiling()),
  );
}
