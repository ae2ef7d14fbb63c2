import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';
import { eventHash, GENESIS_HASH, type HashedContent } from './hash-chain';

/** The first, declarative version: every hash already stored was made with it, so the fast one must agree byte for byte. */
function declarativeCanonicalJson(value: unknown): string {
  if (value === null || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('canonical JSON has no NaN or Infinity');
    return JSON.stringify(value);
  }
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : declarativeCanonicalJson(v))).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.keys(value as object)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${declarativeCanonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  throw new TypeError(`canonical JSON cannot encode ${typeof value}`);
}

function declarativeEventHash(content: HashedContent, previousHash: string): string {
  const canonical = declarativeCanonicalJson({
    streamId: content.streamId,
    revision: content.revision,
    id: content.id,
    type: content.type,
    data: content.data,
    metadata: content.metadata,
    recordedAt: content.recordedAt,
  });
  return createHash('sha256').update(canonical).update(previousHash).digest('hex');
}

// JSON values with the oddities stored data can hold: astral and lone-surrogate text, keys needing escapes,
// undefined members, dates, bigints, negative zero.
const values = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.bigInt(),
    fc.date({ noInvalidDate: true }),
    fc.array(fc.option(tie('value'), { nil: undefined })),
    fc.dictionary(fc.string({ unit: 'binary' }), fc.option(tie('value'), { nil: undefined })),
  ),
})).value;


describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: true, y: null }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":null,"z":true}]},"b":1}',
    );
  });
  it('gives the same text whatever the key order of the input', () => {
    expect(canonicalJson({ x: 'é', y: 2 })).toBe(canonicalJson({ y: 2, x: 'é' }));
  });
  it('gives byte for byte what the first, declarative version gave', () => {
    fc.assert(fc.property(values, (v) => expect(canonicalJson(v)).toBe(declarativeCanonicalJson(v))), { numRuns: 500 });
  });
  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });
});

describe('event hash chain', () => {
  const content = {
    streamId: 'ens-1',
    revision: 0,
    id: '00000000-0000-4000-8000-000000000001',
    type: 'EnsFilingRegistered',
    data: { lrn: 'L1' },
    metadata: {
      schemaVersion: 1,
      occurredAt: '2026-01-01T00:00:00.000Z',
      correlationId: 'c',
      causationId: null,
      actor: { kind: 'system' as const, component: 'test' },
    },
    recordedAt: '2026-01-01T00:00:00.001Z',
  };
  it('changes when the content changes', () => {
    expect(eventHash(content, GENESIS_HASH)).not.toBe(eventHash({ ...content, data: { lrn: 'L2' } }, GENESIS_HASH));
  });
  it('changes when the previous hash changes', () => {
    expect(eventHash(content, GENESIS_HASH)).not.toBe(eventHash(content, 'f'.repeat(64)));
  });
  it('is the hash the first version made, for any content, members missing included', () => {
    const contents = fc.record(
      {
        streamId: fc.string(),
        revision: fc.nat(),
        id: fc.uuid(),
        type: fc.string(),
        data: values,
        metadata: fc.dictionary(fc.string(), values),
        recordedAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      },
      { requiredKeys: ['streamId', 'revision', 'id', 'type', 'metadata', 'recordedAt'] },
    );
    fc.assert(
      fc.property(contents, fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }), (c, previous) => {
        const content = c as unknown as HashedContent;
        expect(eventHash(content, previous)).toBe(declarativeEventHash(content, previous));
      }),
      { numRuns: 300 },
    );
  });
  it('is a 64-character hex sha256', () => {
    expect(eventHash(content, GENESIS_HASH)).toMatch(/^[0-9a-f]{64}$/);
  });
});
