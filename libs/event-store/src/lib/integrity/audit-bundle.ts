import type { EventMetadata, RecordedEvent } from '../recorded-event';
import {
  arrayAt,
  checkpointFromJson,
  integerAt,
  integrityJson,
  MalformedDocumentError,
  objectAt,
  parseJsonText,
  positionFromJson,
  stringAt,
} from './integrity-json';
import type { SignedCheckpoint } from './signed-checkpoint';

/**
 * An audit bundle: some streams' whole history (one MRN's, typically), self-contained, so an auditor verifies it
 * offline with nothing but the trusted public keys (verify-bundle.ts):
 * - every event of each stream from revision 0, as recorded, with its stored hash: the hash chain is recomputed;
 * - a signed version 2 checkpoint whose position is at or after all of them: it commits to the Merkle root of the
 *   whole log up to there;
 * - per event, its leaf index in that log and its audit path: the event's hash is in the signed tree.
 * What a bundle cannot show: events of its streams recorded after the checkpoint, or a stream's last events left
 * out of the bundle (an inclusion proof shows what is in, not what is missing). The store's verifyStore can.
 */
export const AUDIT_BUNDLE_FORMAT = 'ics2-audit-bundle/1';

export interface AuditBundleStream {
  readonly streamId: string;
  /** From revision 0, in revision order. */
  readonly events: readonly RecordedEvent[];
}

/** Where an event's hash sits in the checkpoint's Merkle tree, and the sibling hashes up to its root (hex). */
export interface EventInclusionProof {
  readonly leafIndex: number;
  readonly path: readonly string[];
}

export interface AuditBundle {
  readonly format: typeof AUDIT_BUNDLE_FORMAT;
  /** ISO-8601 UTC. */
  readonly exportedAt: string;
  readonly streams: readonly AuditBundleStream[];
  /** Version 2: its merkleRoot is what the proofs lead to. */
  readonly checkpoint: SignedCheckpoint;
  /** By event id. */
  readonly proofs: Readonly<Record<string, EventInclusionProof>>;
  /** The key that signed the checkpoint: which public key the auditor needs. */
  readonly keyId: string;
}

/** The bundle as a file: JSON, positions as decimal strings. */
export function auditBundleToJson(bundle: AuditBundle): string {
  return integrityJson(bundle);
}

/**
 * A bundle read back from its file. Only its shape is checked here, member by member; whether it is true is
 * verifyBundle's question. Event data and metadata are taken exactly as written: their hash depends on every byte.
 */
export function auditBundleFromJson(text: string): AuditBundle {
  const o = objectAt(parseJsonText(text, 'an audit bundle'), '$');
  if (o.format !== AUDIT_BUNDLE_FORMAT) throw new MalformedDocumentError('$.format', `'${AUDIT_BUNDLE_FORMAT}' was expected`);
  const proofsJson = objectAt(o.proofs, '$.proofs');
  const proofs: Record<string, EventInclusionProof> = {};
  for (const [eventId, p] of Object.entries(proofsJson)) {
    const path = `$.proofs[${JSON.stringify(eventId)}]`;
    const proof = objectAt(p, path);
    proofs[eventId] = {
      leafIndex: integerAt(proof.leafIndex, `${path}.leafIndex`),
      path: arrayAt(proof.path, `${path}.path`).map((h, i) => stringAt(h, `${path}.path[${i}]`)),
    };
  }
  return {
    format: AUDIT_BUNDLE_FORMAT,
    exportedAt: stringAt(o.exportedAt, '$.exportedAt'),
    streams: arrayAt(o.streams, '$.streams').map((s, i) => {
      const path = `$.streams[${i}]`;
      const stream = objectAt(s, path);
      return {
        streamId: stringAt(stream.streamId, `${path}.streamId`),
        events: arrayAt(stream.events, `${path}.events`).map((e, j) => eventFromJson(e, `${path}.events[${j}]`)),
      };
    }),
    checkpoint: checkpointFromJson(o.checkpoint, '$.checkpoint'),
    proofs,
    keyId: stringAt(o.keyId, '$.keyId'),
  };
}

function eventFromJson(value: unknown, path: string): RecordedEvent {
  const e = objectAt(value, path);
  if (!('data' in e)) throw new MalformedDocumentError(`${path}.data`, 'missing');
  return {
    id: stringAt(e.id, `${path}.id`),
    type: stringAt(e.type, `${path}.type`),
    data: e.data,
    metadata: objectAt(e.metadata, `${path}.metadata`) as unknown as EventMetadata,
    streamId: stringAt(e.streamId, `${path}.streamId`),
    revision: integerAt(e.revision, `${path}.revision`),
    position: positionFromJson(e.position, `${path}.position`),
    recordedAt: stringAt(e.recordedAt, `${path}.recordedAt`),
    hash: e.hash === null ? null : stringAt(e.hash, `${path}.hash`),
  };
}
