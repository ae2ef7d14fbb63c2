import { hash } from 'node:crypto';
import { inclusionProofs, MERKLE_BLOCK_LEAVES, MERKLE_BLOCK_LEVEL, merkleLeafHash, UpdatableMerkleTree, verifyInclusion } from './merkle-log';

/**
 * The heads of every stream of the log up to a checkpoint, as one Merkle tree (claim version 3, signed-checkpoint.ts):
 * an inclusion proof in the log's tree shows that an event is there, never that a stream has nothing after it, so a
 * bundle with a stream's last events left out (or an export after they were deleted) verified. A signed proof of
 * the stream's head shows where the stream ends at the checkpoint.
 *
 * Leaves are in the order streams first appear in the log (a stream keeps its leaf when its head moves, and a new
 * stream is the next leaf), each the digest of (streamId, revision, event hash) of the stream's last event in log
 * order at or before the checkpoint. The tree is RFC 6962's (merkle-log.ts) over those digests; it is a tree of its
 * own, with its own signed root, so a head leaf is never mistaken for an event's.
 */

/** Tags the digest: a head digest is never the sha256 of anything else this store hashes. */
const HEAD_TAG = 'ics2-stream-head/1';

/** The head digest of a stream: sha256 of the JSON array [tag, streamId, revision, event hash], hex. */
export function streamHeadDigest(streamId: string, revision: number, eventHash: string): string {
  return hash('sha256', JSON.stringify([HEAD_TAG, streamId, revision, eventHash]), 'hex');
}

export interface StreamHeadEntry {
  readonly streamId: string;
  /** The stream's last revision at the checkpoint. */
  readonly revision: number;
  /** That event's stored hash, hex. */
  readonly hash: string;
}

/** A stream's head, and where its digest sits in the signed heads tree, with the sibling hashes up to the root (hex). */
export interface StreamHeadProof {
  readonly revision: number;
  readonly hash: string;
  readonly leafIndex: number;
  readonly path: readonly string[];
}

interface HeadSlot {
  readonly leafIndex: number;
  revision: number;
  hash: string;
}

/**
 * The heads of a log as it is read, in log order. Mutable: `set` for every event; `root` at a checkpoint.
 * A JS Map keeps insertion order, which is the leaves' order: the order streams first appear.
 */
export class StreamHeads {
  private readonly heads = new Map<string, HeadSlot>();
  private readonly changed = new Set<string>();
  /** Heads moved since the last root: their digests are made (and their leaves set) only then, once per stream. */
  private readonly moved = new Set<string>();
  private readonly tree = new UpdatableMerkleTree();

  /** `trackChanges`: remember which heads moved, for `takeChanged` (a store writing them); a verifier needs not. */
  constructor(private readonly trackChanges = true) {}

  /** Heads in leaf order, as a store keeps them. */
  static of(heads: Iterable<StreamHeadEntry>): StreamHeads {
    const built = new StreamHeads();
    for (const h of heads) built.set(h.streamId, h.revision, h.hash);
    built.changed.clear();
    return built;
  }

  get size(): number {
    return this.heads.size;
  }

  /** The stream's event just read becomes its head. */
  set(streamId: string, revision: number, eventHash: string): void {
    const slot = this.heads.get(streamId);
    if (slot) {
      slot.revision = revision;
      slot.hash = eventHash;
    } else {
      this.heads.set(streamId, { leafIndex: this.heads.size, revision, hash: eventHash });
    }
    this.moved.add(streamId);
    if (this.trackChanges) this.changed.add(streamId);
  }

  /** The Merkle Tree Hash over the heads' digests in leaf order, hex. Costs about log2(n) hashes per moved head. */
  root(): string {
    // In leaf order: a new stream's leaf is the tree's next one.
    const moved = [...this.moved].map((id) => [id, this.heads.get(id) as HeadSlot] as const).sort((a, b) => a[1].leafIndex - b[1].leafIndex);
    for (const [streamId, slot] of moved) this.tree.set(slot.leafIndex, streamHeadDigest(streamId, slot.revision, slot.hash));
    this.moved.clear();
    return this.tree.root();
  }

  /** Each head with its leaf index, in leaf order. */
  *entries(): Generator<StreamHeadEntry & { readonly leafIndex: number }> {
    for (const [streamId, slot] of this.heads) yield { streamId, revision: slot.revision, hash: slot.hash, leafIndex: slot.leafIndex };
  }

  /** The heads set since the last call (or since `of`), with their leaf indexes: what a store must write. */
  takeChanged(): (StreamHeadEntry & { readonly leafIndex: number })[] {
    const out = [...this.changed].map((streamId) => {
      const slot = this.heads.get(streamId) as HeadSlot;
      return { streamId, revision: slot.revision, hash: slot.hash, leafIndex: slot.leafIndex };
    });
    this.changed.clear();
    return out.sort((a, b) => a.leafIndex - b.leafIndex);
  }

  /**
   * The roots of the full blocks of MERKLE_BLOCK_LEAVES head leaves (as merkle-log.ts blocks the log), by block
   * index. A store keeps them so that a head is proven from its block's leaves and the other blocks' roots, without
   * reading every head.
   */
  blockRoots(): Map<number, string> {
    this.root();
    const roots = new Map<number, string>();
    for (let b = 0; b < Math.floor(this.heads.size / MERKLE_BLOCK_LEAVES); b++) roots.set(b, this.tree.node(MERKLE_BLOCK_LEVEL, b) as string);
    return roots;
  }

  /** Proofs of these streams' heads in the tree of every head; a stream without events has none. One pass over the heads. */
  proofs(streamIds: Iterable<string>): Map<string, StreamHeadProof> {
    const wanted = new Map<number, string>();
    for (const streamId of streamIds) {
      const slot = this.heads.get(streamId);
      if (slot) wanted.set(slot.leafIndex, streamId);
    }
    const digests = [...this.heads].map(([streamId, slot]) => streamHeadDigest(streamId, slot.revision, slot.hash));
    const paths = inclusionProofs(digests, wanted.keys(), this.heads.size);
    const proofs = new Map<string, StreamHeadProof>();
    for (const [index, streamId] of wanted) {
      const slot = this.heads.get(streamId) as HeadSlot;
      proofs.set(streamId, { revision: slot.revision, hash: slot.hash, leafIndex: index, path: paths.get(index) as string[] });
    }
    return proofs;
  }
}

/** True when the proof leads from the stream's head digest to `headsRoot` in a tree of `streamCount` heads. Never throws. */
export function verifyStreamHead(streamId: string, proof: StreamHeadProof, streamCount: number, headsRoot: string): boolean {
  if (!Number.isSafeInteger(proof.revision) || proof.revision < 0 || typeof proof.hash !== 'string') return false;
  return verifyInclusion(merkleLeafHash(streamHeadDigest(streamId, proof.revision, proof.hash)), proof.leafIndex, streamCount, proof.path, headsRoot);
}
