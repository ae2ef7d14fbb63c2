import { hash } from 'node:crypto';

/**
 * The Merkle Tree Hash of RFC 6962 §2.1 (Certificate Transparency) over the event hashes in global log order:
 * leaf = sha256(0x00 || 32 hash bytes), node = sha256(0x01 || left || right), the left subtree of n leaves holding
 * the largest power of two below n. A running digest needs every hash to be checked; this tree proves that a few
 * events are in a signed checkpoint with about log2(n) sibling hashes each (an inclusion proof), offline.
 *
 * Hashes inside this module are 32-character binary (latin1) strings: crypto.hash returns them and Buffer.write reads them
 * without the allocation a Buffer output costs, about half the price of a node hash this small. Hex outside.
 */

/** The root of an empty tree: sha256 of no bytes (RFC 6962 §2.1). */
export const EMPTY_MERKLE_ROOT = hash('sha256', '', 'hex');

/** Levels of the tree an index may reach: 2^52 leaves is past any log this store keeps, and below 2^53. */
const MAX_LEVEL = 52;

/** The height of the subtrees a store keeps the roots of (schema/007-merkle-blocks.sql): blocks of 2^10 leaves. */
export const MERKLE_BLOCK_LEVEL = 10;
export const MERKLE_BLOCK_LEAVES = 2 ** MERKLE_BLOCK_LEVEL;
const HEX_HASH = /^[0-9a-f]{64}$/;

const leafInput = Buffer.alloc(33);
leafInput[0] = 0x00;
const nodeInput = Buffer.alloc(65);
nodeInput[0] = 0x01;

function leafOf(eventHash: string): string {
  if (eventHash.length !== 64 || leafInput.write(eventHash, 1, 'hex') !== 32) throw new Error(`not a sha256 hex hash: ${eventHash}`);
  return hash('sha256', leafInput, 'binary');
}

function nodeOf(left: string, right: string): string {
  nodeInput.write(left, 1, 'binary');
  nodeInput.write(right, 33, 'binary');
  return hash('sha256', nodeInput, 'binary');
}

const toHex = (h: string) => Buffer.from(h, 'binary').toString('hex');

function fromHex(h: string): string {
  if (!HEX_HASH.test(h)) throw new Error(`not a sha256 hex hash: ${h}`);
  return Buffer.from(h, 'hex').toString('binary');
}

/** The RFC 6962 interior node over two subtree roots (hex), hex: how stored subtrees above the blocks are made. */
export function merkleNode(left: string, right: string): string {
  return toHex(nodeOf(fromHex(left), fromHex(right)));
}

/** The leaf hash of an event hash, hex: what `verifyInclusion` takes. */
export function merkleLeafHash(eventHash: string): string {
  return toHex(leafOf(eventHash));
}

/** Folds perfect subtree roots (largest, leftmost first) into the root of the tree they cover, right to left. */
function foldRoots(nodes: readonly string[], from = 0): string {
  let root = nodes[nodes.length - 1];
  for (let i = nodes.length - 2; i >= from; i--) root = nodeOf(nodes[i], root);
  return root;
}

/**
 * Appends a full subtree of 2^level leaves (a leaf: level 0) to a frontier of `size` leaves, size a multiple of
 * 2^level, like a binary counter adds 2^level: every 1 bit of the old size from `level` up is a full subtree of the
 * same height, merged with the new one. `onNode` hears every subtree completed, by level and index at that level.
 */
function appendSubtree(
  nodes: string[],
  size: number,
  subtree: string,
  level: number,
  onNode?: (level: number, index: number, node: string) => void,
): void {
  let node = subtree;
  let index = size / 2 ** level;
  onNode?.(level, index, node);
  for (let l = level + 1; index % 2 === 1; l++) {
    node = nodeOf(nodes.pop() as string, node);
    index = (index - 1) / 2;
    onNode?.(l, index, node);
  }
  nodes.push(node);
}

const popCount = (n: number) => {
  let bits = 0;
  for (let v = n; v > 0; v = Math.floor(v / 2)) bits += v % 2;
  return bits;
};

/**
 * A Merkle log's compact frontier: the roots of the full subtrees covering the leaves so far, one per set bit of the
 * size, O(log n) hashes. Appending costs one leaf hash and on average one node hash; the root costs O(log n).
 * A checkpoint stores it so that the next one extends the tree without reading the log again.
 */
export class MerkleFrontier {
  private completedBlock: string | null = null;
  private readonly catchBlock = (level: number, _index: number, node: string) => {
    if (level === MERKLE_BLOCK_LEVEL) this.completedBlock = node;
  };

  private constructor(
    private readonly nodes: string[],
    private count: number,
  ) {}

  static empty(): MerkleFrontier {
    return new MerkleFrontier([], 0);
  }

  /** Resumes from a stored frontier (hex, largest subtree first); refuses one that cannot be a frontier of `size`. */
  static restore(size: number, nodes: readonly string[]): MerkleFrontier {
    if (!Number.isSafeInteger(size) || size < 0) throw new Error(`not a tree size: ${size}`);
    if (nodes.length !== popCount(size)) throw new Error(`a frontier of ${size} leaves has ${popCount(size)} nodes, not ${nodes.length}`);
    return new MerkleFrontier(nodes.map(fromHex), size);
  }

  get size(): number {
    return this.count;
  }

  /**
   * Adds the next leaf. Returns the root (hex) of the block of MERKLE_BLOCK_LEAVES leaves this one completes, if it
   * is a block's last (block `size / MERKLE_BLOCK_LEAVES - 1` after the call), else null.
   */
  append(eventHash: string): string | null {
    this.completedBlock = null;
    appendSubtree(this.nodes, this.count, leafOf(eventHash), 0, this.catchBlock);
    this.count += 1;
    return this.completedBlock === null ? null : toHex(this.completedBlock);
  }

  /** The Merkle Tree Hash of the leaves so far, hex. */
  root(): string {
    return this.count === 0 ? EMPTY_MERKLE_ROOT : toHex(foldRoots(this.nodes));
  }

  /** The frontier as stored: hex, largest subtree first. */
  toJSON(): string[] {
    return this.nodes.map(toHex);
  }
}

/**
 * A Merkle tree whose leaves may change after they were added (the stream heads: a stream keeps its leaf as its
 * head moves). Keeps every complete node, about 2n hashes, so a root after k leaves changed costs about k·log2(n)
 * node hashes instead of 2n. The root is RFC 6962's, the same `merkleRoot` gives over the same leaves.
 */
export class UpdatableMerkleTree {
  /** levels[0]: the leaf hashes; levels[l][i]: the root of the perfect subtree of 2^l leaves from i·2^l. */
  private readonly levels: string[][] = [[]];
  private readonly dirty = new Set<number>();

  get size(): number {
    return this.levels[0].length;
  }

  /** Sets leaf `index` (at most `size`: the next leaf) to the leaf of an event hash (hex). */
  set(index: number, eventHash: string): void {
    if (!Number.isSafeInteger(index) || index < 0 || index > this.size) throw new RangeError(`leaf ${index} cannot be set in a tree of ${this.size}`);
    this.levels[0][index] = leafOf(eventHash);
    this.dirty.add(index);
  }

  /**
   * The root of the perfect subtree of 2^level leaves from index·2^level, hex, once every leaf of it is there; null
   * before. Read after `root()`, which brings the nodes up to date.
   */
  node(level: number, index: number): string | null {
    const n = this.levels[level]?.[index];
    return n === undefined ? null : toHex(n);
  }

  /** The Merkle Tree Hash of the leaves, hex. */
  root(): string {
    // The complete nodes above each changed leaf, level by level; a node is complete once its right child is.
    let changed = [...this.dirty];
    this.dirty.clear();
    for (let level = 0; changed.length > 0; level++) {
      const below = this.levels[level];
      const above = (this.levels[level + 1] ??= []);
      const next = new Set<number>();
      for (const i of changed) {
        const parent = Math.floor(i / 2);
        if (2 * parent + 1 < below.length) {
          above[parent] = nodeOf(below[2 * parent], below[2 * parent + 1]);
          next.add(parent);
        }
      }
      changed = [...next];
    }
    const n = this.size;
    if (n === 0) return EMPTY_MERKLE_ROOT;
    // The perfect subtrees of n's binary decomposition, largest (leftmost) first, folded as the frontier's are.
    const nodes: string[] = [];
    for (let level = MAX_LEVEL, start = 0; level >= 0; level--) {
      if (Math.floor(n / 2 ** level) % 2 === 1) {
        nodes.push(this.levels[level][start / 2 ** level]);
        start += 2 ** level;
      }
    }
    return toHex(foldRoots(nodes));
  }
}

/** A full subtree of a frontier: where its leaves start, its height, its root (hex). */
export interface FrontierSubtree {
  readonly start: number;
  readonly level: number;
  readonly root: string;
}

/** The subtrees a stored frontier of `size` leaves stands for, leftmost (largest) first. */
export function frontierSubtrees(size: number, nodes: readonly string[]): FrontierSubtree[] {
  MerkleFrontier.restore(size, nodes); // refuses what cannot be a frontier of that size
  const subtrees: FrontierSubtree[] = [];
  for (let level = MAX_LEVEL, start = 0; level >= 0; level--) {
    if (Math.floor(size / 2 ** level) % 2 === 1) {
      subtrees.push({ start, level, root: nodes[subtrees.length] });
      start += 2 ** level;
    }
  }
  return subtrees;
}

/** The Merkle Tree Hash of event hashes in log order, hex. */
export function merkleRoot(eventHashes: Iterable<string>): string {
  const frontier = MerkleFrontier.empty();
  for (const h of eventHashes) frontier.append(h);
  return frontier.root();
}

/** What a finished proof builder holds: the tree it saw and a proof per marked leaf. */
export interface InclusionProofSet {
  readonly treeSize: number;
  readonly root: string;
  /** By leaf index: the audit path of RFC 6962 §2.1.1, hex, from the leaf's sibling up. */
  readonly proofs: ReadonlyMap<number, readonly string[]>;
}

/**
 * Builds inclusion proofs for many leaves in one pass over the log, holding O(log n) hashes per marked leaf and
 * never the log itself. The tree's size is only known at `finish` (the leaves added), so a log read up to a
 * checkpoint's position gives proofs for the tree that is really there, whatever the checkpoint claims.
 *
 * Why one pass is enough: the siblings left of leaf m on its path are exactly the frontier when m arrives (the
 * full subtrees of m's binary decomposition); those right of it are full subtrees completed later (caught as the
 * frontier builds them) or, at the right edge of the tree, the fold of the final frontier's last nodes.
 */
export class InclusionProofBuilder {
  private nodes: string[] = [];
  private count = 0;
  /** Per marked leaf: its left siblings, by level. */
  private readonly lefts = new Map<number, (string | undefined)[]>();
  /** Right siblings wanted, per level, by index at that level: null until the subtree is complete. */
  private readonly rights: Map<number, string | null>[] = Array.from({ length: MAX_LEVEL + 1 }, () => new Map());
  private readonly catchRight = (level: number, index: number, node: string) => {
    const wanted = this.rights[level];
    if (wanted.size > 0 && wanted.get(index) === null) wanted.set(index, node);
  };

  /**
   * Starts after the first `size` leaves, from their frontier (hex, as MerkleFrontier.toJSON gives it): leaves
   * before it cannot be marked, and need not be read. The frontier is all a later leaf's proof needs of them.
   */
  static resume(size: number, frontier: readonly string[]): InclusionProofBuilder {
    const builder = new InclusionProofBuilder();
    MerkleFrontier.restore(size, frontier); // refuses what cannot be a frontier of that size
    builder.nodes = frontier.map(fromHex);
    builder.count = size;
    return builder;
  }

  get size(): number {
    return this.count;
  }

  /** Adds the next leaf of the log (an event hash, hex); marked, it gets a proof. Returns its leaf index. */
  add(eventHash: string, marked = false): number {
    const index = this.count;
    const leaf = leafOf(eventHash);
    if (marked) this.mark(index);
    appendSubtree(this.nodes, index, leaf, 0, this.catchRight);
    this.count += 1;
    return index;
  }

  /**
   * Adds 2^level leaves at once by their subtree root (hex), without reading them: the current size must be a
   * multiple of 2^level. None of them can be marked, and no marked leaf before them needs anything inside them but
   * the root (a block this aligned is never split between a leaf's sibling and anything else).
   */
  addSubtree(level: number, root: string): void {
    if (!Number.isInteger(level) || level < 0 || level > MAX_LEVEL || this.count % 2 ** level !== 0) {
      throw new RangeError(`a subtree of 2^${level} leaves cannot follow ${this.count} leaves`);
    }
    appendSubtree(this.nodes, this.count, fromHex(root), level, this.catchRight);
    this.count += 2 ** level;
  }

  finish(): InclusionProofSet {
    const n = this.count;
    const starts: number[] = [];
    // Where each final frontier node starts: the binary decomposition of n, largest first.
    for (let level = MAX_LEVEL, start = 0; level >= 0; level--) {
      if (Math.floor(n / 2 ** level) % 2 === 1) {
        starts.push(start);
        start += 2 ** level;
      }
    }
    const proofs = new Map<number, string[]>();
    for (const [m, lefts] of this.lefts) {
      const path: string[] = [];
      for (let level = 0; 2 ** level < n; level++) {
        const blockIndex = Math.floor(m / 2 ** level);
        if (blockIndex % 2 === 1) {
          path.push(toHex(lefts[level] as string));
          continue;
        }
        const start = (blockIndex + 1) * 2 ** level;
        if (start >= n) continue; // the tree has nothing right of m at this height: the level folds away
        if (start + 2 ** level <= n) path.push(toHex(this.rights[level].get(blockIndex + 1) as string));
        else path.push(toHex(foldRoots(this.nodes, starts.indexOf(start))));
      }
      proofs.set(m, path);
    }
    return { treeSize: n, root: n === 0 ? EMPTY_MERKLE_ROOT : toHex(foldRoots(this.nodes)), proofs };
  }

  private mark(m: number): void {
    const lefts: (string | undefined)[] = [];
    // The frontier before m: one node per set bit of m, highest bit first.
    let next = 0;
    for (let level = MAX_LEVEL; level >= 0; level--) {
      if (Math.floor(m / 2 ** level) % 2 === 1) lefts[level] = this.nodes[next++];
    }
    this.lefts.set(m, lefts);
    for (let level = 0; level <= MAX_LEVEL; level++) {
      const blockIndex = Math.floor(m / 2 ** level);
      if (blockIndex % 2 === 0 && !this.rights[level].has(blockIndex + 1)) this.rights[level].set(blockIndex + 1, null);
    }
  }
}

/** Audit paths for several leaves of the tree over the first `treeSize` event hashes, in one pass. */
export function inclusionProofs(eventHashes: Iterable<string>, indices: Iterable<number>, treeSize: number): Map<number, string[]> {
  const wanted = new Set(indices);
  for (const i of wanted) {
    if (!Number.isSafeInteger(i) || i < 0 || i >= treeSize) throw new RangeError(`leaf ${i} is not in a tree of ${treeSize}`);
  }
  const builder = new InclusionProofBuilder();
  for (const h of eventHashes) {
    if (builder.size === treeSize) break;
    builder.add(h, wanted.has(builder.size));
  }
  if (builder.size < treeSize) throw new RangeError(`a tree of ${treeSize} leaves was asked for, only ${builder.size} were given`);
  return new Map([...builder.finish().proofs].map(([i, path]) => [i, [...path]]));
}

/** The audit path of one leaf (RFC 6962 §2.1.1 PATH(index, D[treeSize])). */
export function inclusionProof(eventHashes: readonly string[], index: number, treeSize: number): string[] {
  return inclusionProofs(eventHashes, [index], treeSize).get(index) as string[];
}

/**
 * RFC 9162 §2.1.3.2: true when `proof` leads from the leaf hash (merkleLeafHash of the event hash) at `index` to
 * `root` in a tree of `treeSize` leaves. Malformed input is simply not a proof: false, never an exception.
 */
export function verifyInclusion(leafHash: string, index: number, treeSize: number, proof: readonly string[], root: string): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize) || index < 0 || index >= treeSize) return false;
  if (!HEX_HASH.test(leafHash) || !HEX_HASH.test(root) || !proof.every((p) => typeof p === 'string' && HEX_HASH.test(p))) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = fromHex(leafHash);
  for (const p of proof) {
    if (sn === 0) return false;
    const sibling = fromHex(p);
    if (fn % 2 === 1 || fn === sn) {
      r = nodeOf(sibling, r);
      // A right-edge node with no right sibling: climb to where m's subtree is a right child again.
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2;
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeOf(r, sibling);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && toHex(r) === root;
}
