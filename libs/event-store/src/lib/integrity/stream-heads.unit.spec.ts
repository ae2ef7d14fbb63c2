import { merkleRoot } from './merkle-log';
import { streamHeadDigest, StreamHeads, verifyStreamHead } from './stream-heads';

const hashOf = (n: number) => n.toString(16).padStart(64, '0');

describe('stream heads', () => {
  it('are the last event of each stream, in the order the streams first appear', () => {
    const heads = new StreamHeads();
    heads.set('ens-A', 0, hashOf(1));
    heads.set('ens-B', 0, hashOf(2));
    heads.set('ens-A', 1, hashOf(3));
    expect([...heads.entries()]).toEqual([
      { streamId: 'ens-A', revision: 1, hash: hashOf(3), leafIndex: 0 },
      { streamId: 'ens-B', revision: 0, hash: hashOf(2), leafIndex: 1 },
    ]);
    expect(heads.root()).toBe(merkleRoot([streamHeadDigest('ens-A', 1, hashOf(3)), streamHeadDigest('ens-B', 0, hashOf(2))]));
  });

  it('a digest names the stream, revision and hash: none of them can be exchanged for another', () => {
    const d = streamHeadDigest('ens-A', 1, hashOf(3));
    expect(new Set([d, streamHeadDigest('ens-B', 1, hashOf(3)), streamHeadDigest('ens-A', 2, hashOf(3)), streamHeadDigest('ens-A', 1, hashOf(4))]).size).toBe(4);
    // The fields are delimited: a stream id cannot take in part of the revision.
    expect(streamHeadDigest('ens-A1', 1, hashOf(3))).not.toBe(streamHeadDigest('ens-A', 11, hashOf(3)));
  });

  it('keep the root right as heads move, recomputing only the moved ones', () => {
    const heads = new StreamHeads();
    const expected = new Map<string, [number, string]>();
    for (let i = 0; i < 200; i++) {
      const stream = `s-${(i * 7) % 23}`;
      const revision = (expected.get(stream)?.[0] ?? -1) + 1;
      heads.set(stream, revision, hashOf(i));
      expected.set(stream, [revision, hashOf(i)]);
      if (i % 37 === 0) expect(heads.root()).toBe(merkleRoot([...expected].map(([s, [r, h]]) => streamHeadDigest(s, r, h))));
    }
    expect(heads.size).toBe(23);
  });

  it('prove a head in the tree of every head, and nothing else', () => {
    const heads = new StreamHeads();
    for (let i = 0; i < 11; i++) heads.set(`s-${i}`, i, hashOf(i));
    const root = heads.root();
    const proofs = heads.proofs(['s-3', 's-10', 'unknown']);
    expect([...proofs.keys()]).toEqual(['s-3', 's-10']);
    const p3 = proofs.get('s-3')!;
    expect(p3).toMatchObject({ revision: 3, hash: hashOf(3), leafIndex: 3 });
    expect(verifyStreamHead('s-3', p3, 11, root)).toBe(true);
    expect(verifyStreamHead('s-3', { ...p3, revision: 2 }, 11, root)).toBe(false);
    expect(verifyStreamHead('s-4', p3, 11, root)).toBe(false);
    expect(verifyStreamHead('s-3', { ...p3, leafIndex: 2 }, 11, root)).toBe(false);
    expect(verifyStreamHead('s-3', { ...p3, revision: -1 }, 11, root)).toBe(false);
  });

  it('tell what moved since they were last written', () => {
    const heads = StreamHeads.of([
      { streamId: 'a', revision: 0, hash: hashOf(1) },
      { streamId: 'b', revision: 0, hash: hashOf(2) },
    ]);
    heads.set('b', 1, hashOf(3));
    heads.set('c', 0, hashOf(4));
    expect(heads.takeChanged().map((h) => [h.streamId, h.leafIndex])).toEqual([
      ['b', 1],
      ['c', 2],
    ]);
    expect(heads.takeChanged()).toEqual([]);
  });
});
