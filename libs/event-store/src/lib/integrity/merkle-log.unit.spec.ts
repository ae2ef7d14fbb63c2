import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  EMPTY_MERKLE_ROOT,
  UpdatableMerkleTree,
  frontierSubtrees,
  InclusionProofBuilder,
  MERKLE_BLOCK_LEAVES,
  inclusionProof,
  inclusionProofs,
  merkleLeafHash,
  MerkleFrontier,
  merkleRoot,
  verifyInclusion,
} from './merkle-log';

// An oracle written straight from RFC 6962 §2.1, on bytes, sharing nothing with the module under test.
const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);
const split = (n: number) => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};
function mth(d: readonly Buffer[]): Buffer {
  if (d.length === 0) return sha256();
  if (d.length === 1) return sha256(LEAF, d[0]);
  const k = split(d.length);
  return sha256(NODE, mth(d.slice(0, k)), mth(d.slice(k)));
}
function path(m: number, d: readonly Buffer[]): Buffer[] {
  if (d.length <= 1) return [];
  const k = split(d.length);
  return m < k ? [...path(m, d.slice(0, k)), mth(d.slice(k))] : [...path(m - k, d.slice(k)), mth(d.slice(0, k))];
}
const hex = (b: Buffer) => b.toString('hex');

/** Event hashes as the store keeps them: 64 hex characters. */
const eventHashes = (n: number, seed = 'h') => Array.from({ length: n }, (_, i) => hex(sha256(Buffer.from(`${seed}${i}`))));
const bytes = (hashes: readonly string[]) => hashes.map((h) => Buffer.from(h, 'hex'));

describe('the RFC 6962 oracle this spec relies on', () => {
  it('gives the Certificate Transparency reference roots for the standard test leaves', () => {
    // The leaves and roots of the reference implementation's tests (certificate-transparency merkle_tree_test).
    const leaves = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) => Buffer.from(h, 'hex'));
    const roots = [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
      'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
      '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
      'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
      '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
    ];
    expect(roots.map((_r, i) => hex(mth(leaves.slice(0, i + 1))))).toEqual(roots);
    expect(hex(mth([]))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('merkle log', () => {
  describe('roots of small trees, computed by hand', () => {
    // Each tree's shape written out: a number is a leaf, a pair is a node. RFC 6962 puts the largest power of two
    // below n on the left.
    type Shape = number | [Shape, Shape];
    const shapes: Record<number, Shape> = {
      1: 0,
      2: [0, 1],
      3: [[0, 1], 2],
      4: [[0, 1], [2, 3]],
      5: [[[0, 1], [2, 3]], 4],
      6: [[[0, 1], [2, 3]], [4, 5]],
      7: [[[0, 1], [2, 3]], [[4, 5], 6]],
      8: [[[0, 1], [2, 3]], [[4, 5], [6, 7]]],
      9: [[[[0, 1], [2, 3]], [[4, 5], [6, 7]]], 8],
    };
    const hashes = eventHashes(9);
    const byHand = (s: Shape): Buffer =>
      typeof s === 'number' ? sha256(LEAF, Buffer.from(hashes[s], 'hex')) : sha256(NODE, byHand(s[0]), byHand(s[1]));

    it.each(Object.entries(shapes))('%s leaves', (n, shape) => {
      const leaves = hashes.slice(0, Number(n));
      const frontier = MerkleFrontier.empty();
      for (const h of leaves) frontier.append(h);
      expect(frontier.root()).toBe(hex(byHand(shape)));
      expect(merkleRoot(leaves)).toBe(hex(byHand(shape)));
    });

    it('of no leaves is sha256 of nothing', () => {
      expect(MerkleFrontier.empty().root()).toBe(EMPTY_MERKLE_ROOT);
      expect(EMPTY_MERKLE_ROOT).toBe(hex(sha256()));
    });

    it('a leaf hash is sha256(0x00 || the 32 bytes of the event hash)', () => {
      expect(merkleLeafHash(hashes[0])).toBe(hex(sha256(LEAF, Buffer.from(hashes[0], 'hex'))));
    });
  });

  describe('audit paths of the RFC 6962 §2.1.3 example tree (7 leaves)', () => {
    const d = eventHashes(7);
    const leaf = (i: number) => sha256(LEAF, Buffer.from(d[i], 'hex'));
    const [a, b, c, dd, e, f, j] = [0, 1, 2, 3, 4, 5, 6].map(leaf);
    const g = sha256(NODE, a, b);
    const h = sha256(NODE, c, dd);
    const i = sha256(NODE, e, f);
    const k = sha256(NODE, g, h);
    const l = sha256(NODE, i, j);

    it.each([
      ['d0', 0, [b, h, l]],
      ['d3', 3, [c, g, l]],
      ['d4', 4, [f, j, k]],
      ['d6', 6, [i, k]],
    ])('%s', (_name, index, expected) => {
      expect(inclusionProof(d, index as number, 7)).toEqual((expected as Buffer[]).map(hex));
    });
  });

  describe('agrees with the RFC definitions', () => {
    it('root and every audit path, trees of 1 to 33 leaves', () => {
      for (let n = 1; n <= 33; n++) {
        const hashes = eventHashes(n, `t${n}-`);
        const proofs = inclusionProofs(hashes, hashes.keys(), n);
        expect(merkleRoot(hashes)).toBe(hex(mth(bytes(hashes))));
        for (let m = 0; m < n; m++) expect(proofs.get(m)).toEqual(path(m, bytes(hashes)).map(hex));
      }
    });

    it('a builder resumed from a frontier gives the same proofs for the leaves after it', () => {
      const hashes = eventHashes(50);
      const prefix = MerkleFrontier.empty();
      hashes.slice(0, 21).forEach((h) => prefix.append(h));
      const builder = InclusionProofBuilder.resume(21, prefix.toJSON());
      hashes.slice(21).forEach((h, i) => builder.add(h, [0, 5, 28].includes(i)));
      const set = builder.finish();
      expect(set.root).toBe(merkleRoot(hashes));
      for (const m of [21, 26, 49]) expect(set.proofs.get(m)).toEqual(path(m, bytes(hashes)).map(hex));
    });

    it('a builder given the rest of the tree as subtree roots gives the same proofs for the leaves before them', () => {
      fc.assert(
        fc.property(fc.integer({ min: 2, max: 300 }), fc.nat(), fc.nat(), (n, a, b) => {
          const hashes = eventHashes(n, `s${n}-`);
          const full = MerkleFrontier.empty();
          hashes.forEach((h) => full.append(h));
          const subtrees = frontierSubtrees(n, full.toJSON());
          // Read up to the start of one of the final frontier's subtrees, then add the rest by their roots.
          const cut = subtrees[a % subtrees.length].start;
          if (cut === 0) return;
          const m = b % cut;
          const builder = new InclusionProofBuilder();
          hashes.slice(0, cut).forEach((h, i) => builder.add(h, i === m));
          for (const t of subtrees.filter((t) => t.start >= cut)) builder.addSubtree(t.level, t.root);
          const set = builder.finish();
          expect(set.treeSize).toBe(n);
          expect(set.root).toBe(merkleRoot(hashes));
          expect(set.proofs.get(m)).toEqual(path(m, bytes(hashes)).map(hex));
        }),
        { numRuns: 150 },
      );
    });

    it('refuses a subtree that does not start on its own boundary', () => {
      const builder = new InclusionProofBuilder();
      eventHashes(3).forEach((h) => builder.add(h));
      expect(() => builder.addSubtree(1, merkleRoot(eventHashes(2)))).toThrow(RangeError);
    });

    it('proofs in a tree that is a prefix of the leaves given', () => {
      const hashes = eventHashes(40);
      expect(inclusionProof(hashes, 13, 27)).toEqual(path(13, bytes(hashes.slice(0, 27))).map(hex));
    });

    it('a builder finishing at any size gives the paths of the tree of that size', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 300 }), fc.uniqueArray(fc.nat(299), { maxLength: 8 }), (n, marks) => {
          const hashes = eventHashes(n, `b${n}-`);
          const marked = new Set(marks.filter((m) => m < n));
          const builder = new InclusionProofBuilder();
          hashes.forEach((h, m) => builder.add(h, marked.has(m)));
          const set = builder.finish();
          expect(set.treeSize).toBe(n);
          expect(set.root).toBe(hex(mth(bytes(hashes))));
          expect([...set.proofs.keys()].sort((x, y) => x - y)).toEqual([...marked].sort((x, y) => x - y));
          for (const m of marked) expect(set.proofs.get(m)).toEqual(path(m, bytes(hashes)).map(hex));
        }),
        { numRuns: 60 },
      );
    });
  });

  describe('verifying inclusion', () => {
    const trees = fc.integer({ min: 1, max: 300 }).chain((n) => fc.tuple(fc.constant(n), fc.nat(n - 1)));

    it('every leaf of a random tree verifies under its root', () => {
      fc.assert(
        fc.property(trees, ([n, m]) => {
          const hashes = eventHashes(n, `v${n}-`);
          const root = merkleRoot(hashes);
          expect(verifyInclusion(merkleLeafHash(hashes[m]), m, n, inclusionProof(hashes, m, n), root)).toBe(true);
        }),
        { numRuns: 200 },
      );
    });

    it('fails for a wrong index, a changed sibling, a wrong tree size, another leaf or another root', () => {
      fc.assert(
        fc.property(trees.filter(([n]) => n > 1), fc.nat(), ([n, m], pick) => {
          const hashes = eventHashes(n, `w${n}-`);
          const root = merkleRoot(hashes);
          const proof = inclusionProof(hashes, m, n);
          const leaf = merkleLeafHash(hashes[m]);
          const other = (m + 1 + (pick % (n - 1))) % n;
          expect(verifyInclusion(leaf, other, n, proof, root)).toBe(false);
          const s = pick % proof.length;
          const changed = proof.map((p, i) => (i === s ? `${p[0] === '0' ? '1' : '0'}${p.slice(1)}` : p));
          expect(verifyInclusion(leaf, m, n, changed, root)).toBe(false);
          expect(verifyInclusion(leaf, m, n + 1, proof, merkleRoot([...hashes, hashes[0]]))).toBe(false);
          expect(verifyInclusion(merkleLeafHash(hashes[other]), m, n, proof, root)).toBe(false);
          expect(verifyInclusion(leaf, m, n, proof, merkleRoot(hashes.slice(1)))).toBe(false);
          // The event hash itself is not the leaf hash.
          expect(verifyInclusion(hashes[m], m, n, proof, root)).toBe(false);
        }),
        { numRuns: 200 },
      );
    });

    it('fails for a proof with a sibling too many or too few', () => {
      const hashes = eventHashes(13);
      const root = merkleRoot(hashes);
      const proof = inclusionProof(hashes, 5, 13);
      const leaf = merkleLeafHash(hashes[5]);
      expect(verifyInclusion(leaf, 5, 13, proof, root)).toBe(true);
      expect(verifyInclusion(leaf, 5, 13, proof.slice(0, -1), root)).toBe(false);
      expect(verifyInclusion(leaf, 5, 13, [...proof, proof[0]], root)).toBe(false);
    });

    it('is false, not an exception, for malformed input', () => {
      const hashes = eventHashes(4);
      const root = merkleRoot(hashes);
      const leaf = merkleLeafHash(hashes[1]);
      const proof = inclusionProof(hashes, 1, 4);
      expect(verifyInclusion(leaf, 4, 4, proof, root)).toBe(false);
      expect(verifyInclusion(leaf, -1, 4, proof, root)).toBe(false);
      expect(verifyInclusion(leaf, 1.5, 4, proof, root)).toBe(false);
      expect(verifyInclusion('xyz', 1, 4, proof, root)).toBe(false);
      expect(verifyInclusion(leaf, 1, 4, ['not hex', ...proof.slice(1)], root)).toBe(false);
    });
  });

  describe('the frontier', () => {
    it('holds one node per set bit of the size, and resumes where it stopped', () => {
      const hashes = eventHashes(45);
      const first = MerkleFrontier.empty();
      hashes.slice(0, 22).forEach((h) => first.append(h));
      expect(first.toJSON()).toHaveLength(3); // 22 = 16 + 4 + 2
      const resumed = MerkleFrontier.restore(22, first.toJSON());
      hashes.slice(22).forEach((h) => resumed.append(h));
      expect(resumed.size).toBe(45);
      expect(resumed.root()).toBe(merkleRoot(hashes));
    });

    it('refuses a stored frontier that cannot be one of that size', () => {
      const f = MerkleFrontier.empty();
      eventHashes(6).forEach((h) => f.append(h));
      expect(() => MerkleFrontier.restore(7, f.toJSON())).toThrow(/3 nodes/);
      expect(() => MerkleFrontier.restore(6, ['zz', f.toJSON()[1]])).toThrow(/hex/);
    });

    it('refuses an event hash that is not 64 hex characters', () => {
      expect(() => MerkleFrontier.empty().append('abc')).toThrow(/hex/);
      expect(() => MerkleFrontier.empty().append(`${'a'.repeat(64)}00`)).toThrow(/hex/);
    });
  });

  it('refuses proofs of leaves outside the tree, or a tree longer than the leaves given', () => {
    const hashes = eventHashes(5);
    expect(() => inclusionProof(hashes, 5, 5)).toThrow(RangeError);
    expect(() => inclusionProof(hashes, 1, 6)).toThrow(RangeError);
  });
});

describe('MerkleFrontier: block roots', () => {
  it('given 2,500 leaves, then append reports the root of each whole block of 1024 at its last leaf, and nothing else', () => {
    const hashes = eventHashes(2_500, 'blk-');
    const frontier = MerkleFrontier.empty();
    const reported = new Map<number, string>();
    hashes.forEach((h, i) => {
      const root = frontier.append(h);
      if (root !== null) reported.set(i, root);
    });
    expect([...reported.keys()]).toEqual([MERKLE_BLOCK_LEAVES - 1, 2 * MERKLE_BLOCK_LEAVES - 1]);
    expect(reported.get(1_023)).toBe(merkleRoot(hashes.slice(0, 1_024)));
    expect(reported.get(2_047)).toBe(merkleRoot(hashes.slice(1_024, 2_048)));
  });

  it('given a frontier restored mid-block, then the block it completes is still reported whole', () => {
    const hashes = eventHashes(1_100, 'mid-');
    const first = MerkleFrontier.empty();
    hashes.slice(0, 700).forEach((h) => first.append(h));
    const resumed = MerkleFrontier.restore(700, first.toJSON());
    const roots = hashes.slice(700).map((h) => resumed.append(h));
    expect(roots.filter((r) => r !== null)).toEqual([merkleRoot(hashes.slice(0, 1_024))]);
    expect(roots.indexOf(merkleRoot(hashes.slice(0, 1_024)))).toBe(1_023 - 700);
  });
});

describe('an updatable Merkle tree', () => {
  const h = (n: number) => n.toString(16).padStart(64, '0');

  it('gives the root merkleRoot gives over the same leaves, as leaves are added and changed', () => {
    const tree = new UpdatableMerkleTree();
    const leaves: string[] = [];
    expect(tree.root()).toBe(EMPTY_MERKLE_ROOT);
    for (let step = 1; step <= 300; step++) {
      // Mostly new leaves; every third step changes an earlier one (as a stream's head moves).
      const index = step % 3 === 0 ? (step * 7919) % leaves.length : leaves.length;
      leaves[index] = h(step);
      tree.set(index, h(step));
      if (step % 11 === 0 || step < 20) expect(tree.root()).toBe(merkleRoot(leaves));
    }
    expect(tree.size).toBe(leaves.length);
    expect(tree.root()).toBe(merkleRoot(leaves));
  });

  it('refuses a leaf past the next one', () => {
    const tree = new UpdatableMerkleTree();
    tree.set(0, h(1));
    expect(() => tree.set(2, h(2))).toThrow(RangeError);
  });
});
