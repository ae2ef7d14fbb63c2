import { canonicalJson } from './canonical-json';
import {
  type CheckpointPublicKey,
  type CheckpointSigner,
  loadCheckpointPublicKey,
  verifySignature,
} from './checkpoint-signer';
import type { Position } from '../recorded-event';

/** What a checkpoint asserts: the global log up to `position` holds `eventCount` events whose running digest is `digest`. */
export interface CheckpointClaim {
  /** The last event covered (inclusive). */
  readonly position: Position;
  /** How many events the log holds up to `position`, from the start. */
  readonly eventCount: number;
  /** Running digest over those events' hashes in log order (log-digest.ts). */
  readonly digest: string;
  readonly keyId: string;
  /** ISO-8601 UTC. */
  readonly createdAt: string;
}

export interface SignedCheckpoint extends CheckpointClaim {
  /** The store's row id, when it has one; not signed, only used to name the checkpoint in reports. */
  readonly id?: string;
  /** Ed25519 over `checkpointSigningPayload(claim)`, base64. */
  readonly signature: string;
}

/** The exact bytes signed: canonical JSON of the claim, so any verifier rebuilds them from the five fields alone. */
export function checkpointSigningPayload(claim: CheckpointClaim): string {
  return canonicalJson({
    position: { commit: claim.position.commit, prepare: claim.position.prepare },
    eventCount: claim.eventCount,
    digest: claim.digest,
    keyId: claim.keyId,
    createdAt: claim.createdAt,
  });
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
 * sign exactly these fields (a changed digest, count, position, date, or a signature made with another key).
 */
export function checkCheckpointSignature(checkpoint: SignedCheckpoint, keys: CheckpointKeyRing): CheckpointSignatureCheck {
  const key = keys.get(checkpoint.keyId);
  if (!key) return 'unknown-key';
  return verifySignature(checkpointSigningPayload(checkpoint), checkpoint.signature, key.key) ? 'valid' : 'forged';
}
