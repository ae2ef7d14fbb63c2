import { canonicalJson } from './canonical-json';
import { eventHash, GENESIS_HASH } from './hash-chain';

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: true, y: null }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":null,"z":true}]},"b":1}',
    );
  });
  it('gives the same text whatever the key order of the input', () => {
    expect(canonicalJson({ x: 'é', y: 2 })).toBe(canonicalJson({ y: 2, x: 'é' }));
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
  it('is a 64-character hex sha256', () => {
    expect(eventHash(content, GENESIS_HASH)).toMatch(/^[0-9a-f]{64}$/);
  });
});
