import { canonicalJson } from './canonical-json';
import {
  type CheckpointPublicKey,
  type CheckpointSigner,
  loadCheckpointPublicKey,
  verifySignature,
} from './checkpoint-signer';
import { MerkleFrontier } from './merkle-log';
import type { Position } from '../recorded-event';

/**
 * What a checkpoint asserts: the global log up to `position` holds `eventCount` events whose running digest is
 * `digest` and, from claim version 2, whose Merkle Tree Hash is `merkleRoot`.
 */
export interface CheckpointClaim {
  /**
   * Absent (or 1): the first claim, without a Merkle root; its signed bytes are exactly what they always were, so
   * checkpoints signed before version 2 still verify. 2: the claim also commits to `merkleRoot`. 3: and to
   * `streamCount` and `headsRoot`, where each stream ends (a bundle then proves it holds a stream's last event).
   */
  readonly version?: CheckpointClaimVersion;
  /** The last event covered (inclusive). */
  readonly position: Position;
  /** How many events the log holds up to `position`, from the start. */
  readonly eventCount: number;
  /** Running digest over those events' hashes in log order (log-digest.ts). */
  readonly digest: string;
  /** Version 2: RFC 6962 Merkle Tree Hash over the same hashes in the same order (merkle-log.ts), hex. */
  readonly merkleRoot?: string;
  /** Version 3: how many streams the log holds up to `position`: the size of the heads tree. */
  readonly streamCount?: number;
  /** Version 3: Merkle Tree Hash over every stream's head at `position` (stream-heads.ts), hex. */
  readonly headsRoot?: string;
  readonly keyId: string;
  /** ISO-8601 UTC. */
  readonly createdAt: string;
}

export type CheckpointClaimVersion = 1 | 2 | 3;

/** The claim version the checkpointer signs today. */
export const CURRENT_CLAIM_VERSION = 3;

/** Whether the claim signs a Merkle root of the log (version 2 and after): only then can an event be proven in it. */
export function signsMerkleRoot(claim: CheckpointClaim): boolean {
  return (claim.version === 2 || claim.version === 3) && typeof claim.merkleRoot === 'string';
}

export interface SignedCheckpoint extends CheckpointClaim {
  /** The store's row id, when it has one; not signed, only used to name the checkpoint in reports. */
  readonly id?: string;
  /** Ed25519 over `checkpointSigningPayload(claim)`, base64. */
  readonly signature: string;
}

/**
 * A checkpoint as a store keeps it. `merkleFrontier` (version 2) is the Merkle frontier after its last event, hex:
 * it lets the next checkpoint extend the tree without reading the log again. It is not signed, and need not be: it
 * is fully determined by the log, and whoever relies on it checks that it folds into the signed `merkleRoot`.
 */
export interface StoredCheckpoint extends SignedCheckpoint {
  readonly merkleFrontier?: readonly string[];
}

/** The frontier a version 2 (or 3) checkpoint stored, when it is one and folds into the root the checkpoint signed; else null. */
export function storedFrontierOf(checkpoint: StoredCheckpoint): MerkleFrontier | null {
  if (!signsMerkleRoot(checkpoint) || !checkpoint.merkleFrontier) return null;
  try {
    const frontier = MerkleFrontier.restore(checkpoint.eventCount, checkpoint.merkleFrontier);
    return frontier.root() === checkpoint.merkleRoot ? frontier : null;
  } catch {
    return null;
  }
}

/**
 * The exact bytes signed: canonical JSON of the claim, so any verifier rebuilds them from the claim's fields alone.
 * Version 1 is the five fields and nothing else (byte for byte the payload of the checkpoints signed before
 * versions existed); version 2 adds `version` and `merkleRoot`, version 3 `streamCount` and `headsRoot`; each names its
 * version, so a claim cannot be passed off as another.
 */
export function checkpointSigningPayload(claim: CheckpointClaim): string {
  const position = { commit: claim.position.commit, prepare: claim.position.prepare };
  if (claim.version === undefined || claim.version === 1) {
    return canonicalJson({ position, eventCount: claim.eventCount, digest: claim.digest, keyId: claim.keyId, createdAt: claim.createdAt });
  }
  if (claim.version !== 2 && claim.version !== 3) throw new Error(`unknown checkpoint claim version ${String(claim.version)}`);
  if (typeof claim.merkleRoot !== 'string') throw new Error(`a version ${claim.version} checkpoint claim needs its merkle root`);
  const v2 = { position, eventCount: claim.eventCount, digest: claim.digest, merkleRoot: claim.merkleRoot };
  if (claim.version === 2) return canonicalJson({ version: 2, ...v2, keyId: claim.keyId, createdAt: claim.createdAt });
  if (!Number.isSafeInteger(claim.streamCount) || typeof claim.headsRoot !== 'string') {
    throw new Error('a version 3 checkpoint claim needs its stream count and heads root');
  }
  return canonicalJson({ version: 3, ...v2, streamCount: claim.streamCount, headsRoot: claim.headsRoot, keyId: claim.keyId, createdAt: claim.createdAt });
}

export function signCheckpoint(
  claim: Omit<CheckpointClaim, 'keyId'>,
  signer: CheckpointSigner,
): SignedCheckpoint {
  const full: CheckpointClaim = { ...claim, keyId: signer.keyId };
  return { ...full, signature: signer.sign(checkpointSigningPayload(full)) };
}

/** Trusted public keys by key id. */
export type CheckpointKeyRing = ReadonlyMap<string, CheckpointPublicKey>;

/** Builds a key ring from loaded keys or PEM texts. */
export function checkpointKeyRing(keys: readonly (CheckpointPublicKey | string)[]): CheckpointKeyRing {
  const ring = new Map<string, CheckpointPublicKey>();
  for (const k of keys) {
    const key = typeof k === 'string' ? loadCheckpointPublicKey(k) : k;
    ring.set(key.keyId, key);
  }
  return ring;
}

export type CheckpointSignatureCheck = 'valid' | 'forged' | 'unknown-key';

/**
 * 'unknown-key' when no trusted key has the claimed key id; 'forged' when the trusted key with that id did not
 * sign exactly these fields (a changed digest, count, position, date, root or version, or a signature made with
 * another key). A version 1 claim that carries a merkle root is forged too: the root would be unsigned.
 */
export function checkCheckpointSignature(checkpoint: SignedCheckpoint, keys: CheckpointKeyRing): CheckpointSignatureCheck {
  const key = keys.get(checkpoint.keyId);
  if (!key) return 'unknown-key';
  if ((checkpoint.version ?? 1) === 1 && checkpoint.merkleRoot !== undefined) return 'forged';
  // Fields a claim of its version does not sign would be taken on trust: a version 2 claim carrying heads is forged.
  if (checkpoint.version !== 3 && (checkpoint.headsRoot !== undefined || checkpoint.streamCount !== undefined)) return 'forged';
  let payload: string;
  try {
    payload = checkpointSigningPayload(checkpoint);
  } catch {
    // An unknown version, or a version 2 claim without its root: nothing was signed that could say this.
    return 'forged';
  }
  return verifySignature(payload, checkpoint.signature, key.key) ? 'valid' : 'forged';
}
