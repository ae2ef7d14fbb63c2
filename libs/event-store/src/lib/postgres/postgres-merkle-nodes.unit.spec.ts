import { alignedPieces } from './postgres-merkle-nodes';

describe('alignedPieces', () => {
  it('covers a run of blocks with the largest aligned subtrees, left to right', () => {
    expect(alignedPieces(0, 11)).toEqual([
      { start: 0, height: 3 },
      { start: 8, height: 1 },
      { start: 10, height: 0 },
    ]);
    expect(alignedPieces(3, 17)).toEqual([
      { start: 3, height: 0 },
      { start: 4, height: 2 },
      { start: 8, height: 3 },
      { start: 16, height: 0 },
    ]);
  });

  it('takes O(log n) pieces for any run, each aligned and the whole run covered once', () => {
    for (const [from, to] of [[0, 1], [1, 2], [5, 1_000_003], [123_457, 98_765_432]]) {
      const pieces = alignedPieces(from, to);
      expect(pieces.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(to - from + 1)) + 1);
      let at = from;
      for (const p of pieces) {
        expect(p.start).toBe(at);
        expect(p.start % 2 ** p.height).toBe(0);
        at += 2 ** p.height;
      }
      expect(at).toBe(to);
    }
  });

  it('is empty for an empty run', () => expect(alignedPieces(7, 7)).toEqual([]));
});
