import { partitionOf, streamHashOf } from './postgres-partition';

describe('partitionOf', () => {
  it('is 32-bit FNV-1a of the UTF-8 stream id with the top bit cleared (values stored in stream_hash)', () => {
    // Published FNV-1a test vectors: '' -> 0x811c9dc5, 'a' -> 0xe40c292c, 'foobar' -> 0xbf9cf968.
    expect(streamHashOf('')).toBe(0x811c9dc5 & 0x7fffffff);
    expect(streamHashOf('a')).toBe(0xe40c292c & 0x7fffffff);
    expect(streamHashOf('foobar')).toBe(0xbf9cf968 & 0x7fffffff);
  });

  it('puts a stream in the same partition every time, within 0..count-1', () => {
    for (const streamId of ['ens-25DE000000000000A1', 'risk-25FR000000000000B2', 'rif-é€-1']) {
      for (const count of [1, 2, 7, 64]) {
        const p = partitionOf(streamId, count);
        expect(p).toBe(partitionOf(streamId, count));
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThan(count);
      }
    }
  });

  it('spreads streams over the partitions', () => {
    const counts = new Array<number>(4).fill(0);
    for (let i = 0; i < 4_000; i++) counts[partitionOf(`ens-${i}`, 4)]++;
    counts.forEach((c) => expect(c).toBeGreaterThan(800));
  });

  it.each([0, -1, 1.5, NaN])('refuses %p partitions', (count) => {
    expect(() => partitionOf('ens-1', count)).toThrow(RangeError);
  });
});
