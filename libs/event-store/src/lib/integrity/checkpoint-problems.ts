import type { EventInclusionProof } from './audit-bundle';
import { merkleLeafHash, verifyInclusion } from './merkle-log';
import { checkCheckpointSignature, type CheckpointKeyRing, type SignedCheckpoint } from './signed-checkpoint';
import type { IntegrityProblem } from './verification-report';
import { positionToString, type RecordedEvent } from '../recorded-event';

/** The problems every verifier names the same way: a checkpoint's signature, an event's proof of inclusion in it. */

/** Null when the checkpoint's signature holds under a trusted key; else unknown-key or forged-checkpoint. */
export function signatureProblem(cp: SignedCheckpoint, keys: CheckpointKeyRing): IntegrityProblem | null {
  const signature = checkCheckpointSignature(cp, keys);
  if (signature === 'valid') return null;
  const named = { ...(cp.id === undefined ? {} : { checkpointId: cp.id }), position: cp.position };
  const which = `checkpoint ${cp.id ?? '?'} at ${positionToString(cp.position)}`;
  return signature === 'unknown-key'
    ? { ...named, kind: 'unknown-key', detail: `${which} is signed by key ${cp.keyId}, which is not trusted` }
    : { ...named, kind: 'forged-checkpoint', detail: `${which}: the signature does not verify with key ${cp.keyId} (fields changed, or signed by another key)` };
}

/** Null when the event's stored hash is at its leaf of the tree the checkpoint signed (`root`); else not-in-checkpoint. */
export function inclusionProblem(
  event: RecordedEvent,
  proof: EventInclusionProof | undefined,
  cp: SignedCheckpoint,
  root: string,
): IntegrityProblem | null {
  const named = { streamId: event.streamId, revision: event.revision, eventId: event.id, position: event.position };
  if (!proof) return { ...named, kind: 'not-in-checkpoint', detail: `revision ${event.revision} has no inclusion proof` };
  let leaf: string | null = null;
  try {
    leaf = event.hash === null ? null : merkleLeafHash(event.hash);
  } catch {
    leaf = null;
  }
  if (leaf !== null && verifyInclusion(leaf, proof.leafIndex, cp.eventCount, proof.path, root)) return null;
  return {
    ...named,
    kind: 'not-in-checkpoint',
    detail: `revision ${event.revision}: its hash is not at leaf ${proof.leafIndex} of the ${cp.eventCount}-event tree checkpoint ${cp.id ?? '?'} signed`,
  };
}
