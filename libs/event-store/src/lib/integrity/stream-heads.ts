import { hash } from 'node:crypto';
import { inclusionProofs, merkleLeafHash, merkleRoot, verifyInclusion } from './merkle-log';

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
  revision: number;
  hash: string;
  /** Null while it changed since the last root: made again only then, so a root costs a hash per changed stream. */
  digest: string | null;
}

/**
 * The heads of a log as it is read, in log order. Mutable: `set` for every event; `root` at a checkpoint.
 * A JS Map keeps insertion order, which is the leaves' order: the order streams first appear.
 */
export class StreamHeads {
  private readonly heads = new Map<string, HeadSlot>();
  private readonly changed = new Set<string>();

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
      slot.digest = null;
    } else {
      this.heads.set(streamId, { revision, hash: eventHash, digest: null });
    }
    if (this.trackChanges) this.changed.add(streamId);
  }

  /** The Merkle Tree Hash over the heads' digests in leaf order, hex. */
  root(): string {
    return merkleRoot(this.digests());
  }

  /** Each head with its leaf index, in leaf order. */
  *entries(): Generator<StreamHeadEntry & { readonly leafIndex: number }> {
    let leafIndex = 0;
    for (const [streamId, slot] of this.heads) yield { streamId, revision: slot.revision, hash: slot.hash, leafIndex: leafIndex++ };
  }

  /** The heads set since the last call (or since `of`), with their leaf indexes: what a store must write. */
  takeChanged(): (StreamHeadEntry & { readonly leafIndex: number })[] {
    const out = [...this.entries()].filter((h) => this.changed.has(h.streamId));
    this.changed.clear();
    return out;
  }

  /** Proofs of these streams' heads in the tree of every head; a stream without events has none. */
  proofs(streamIds: Iterable<string>): Map<string, StreamHeadProof> {
    const wanted = new Map<number, string>();
    const slots = new Map<string, { leafIndex: number; slot: HeadSlot }>();
    let leafIndex = 0;
    for (const [streamId, slot] of this.heads) slots.set(streamId, { leafIndex: leafIndex++, slot });
    for (const streamId of streamIds) {
      const found = slots.get(streamId);
      if (found) wanted.set(found.leafIndex, streamId);
    }
    const paths = inclusionProofs(this.digests(), wanted.keys(), this.heads.size);
    const proofs = new Map<string, StreamHeadProof>();
    for (const [index, streamId] of wanted) {
      const { slot } = slots.get(streamId) as { slot: HeadSlot };
      proofs.set(streamId, { revision: slot.revision, hash: slot.hash, leafIndex: index, path: paths.get(index) as string[] });
    }
    return proofs;
  }

  private *digests(): Generator<string> {
    for (const [streamId, slot] of this.heads) yield (slot.digest ??= streamHeadDigest(streamId, slot.revision, slot.hash));
  }
}

/** True when the proof leads from the stream's head digest to `headsRoot` in a tree of `streamCount` heads. Never throws. */
export function verifyStreamHead(streamId: string, proof: StreamHeadProof, streamCount: number, headsRoot: string): boolean {
  if (!Number.isSafeInteger(proof.revision) || proof.revision < 0 || typeof proof.hash !== 'string') return false;
  return verifyInclusion(merkleLeafHash(streamHeadDigest(streamId, proof.revision, proof.hash)), proof.leafIndex, streamCount, proof.path, headsRoot);
}
