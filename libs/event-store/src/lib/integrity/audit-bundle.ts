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
import type { StreamHeadProof } from './stream-heads';

/**
 * An audit bundle: some streams' whole history (one MRN's, typically), self-contained, so an auditor verifies it
 * offline with nothing but the trusted public keys (verify-bundle.ts):
 * - every event of each stream from revision 0, as recorded, with its stored hash: the hash chain is recomputed;
 * - a signed checkpoint whose position is at or after all of them: it commits to the Merkle root of the whole log
 *   up to there and (version 3) to every stream's head there;
 * - per event, its leaf index in that log and its audit path: the event's hash is in the signed tree;
 * - per stream (format 2), its head at the checkpoint and that head's audit path in the signed heads tree: the
 *   bundle ends each stream where the log did, so a stream's last events cannot be left out, nor deleted from the
 *   store before the export, unseen.
 * What a bundle cannot show: events of its streams recorded after the checkpoint, or that a stream it holds no
 * event of has none (the heads tree proves heads, not absences). Format 1 bundles, exported against version 2
 * checkpoints before heads were signed, still verify, without the heads.
 */
export const AUDIT_BUNDLE_FORMAT = 'ics2-audit-bundle/2';
/** Bundles without stream heads, exported before format 2. */
export const AUDIT_BUNDLE_FORMAT_1 = 'ics2-audit-bundle/1';
export type AuditBundleFormat = typeof AUDIT_BUNDLE_FORMAT | typeof AUDIT_BUNDLE_FORMAT_1;

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
  readonly format: AuditBundleFormat;
  /** ISO-8601 UTC. */
  readonly exportedAt: string;
  readonly streams: readonly AuditBundleStream[];
  /** Version 2: its merkleRoot is what the proofs lead to. */
  readonly checkpoint: SignedCheckpoint;
  /** By event id. */
  readonly proofs: Readonly<Record<string, EventInclusionProof>>;
  /** Format 2: by stream id, each stream's head at the checkpoint, proven in its signed heads root (version 3). */
  readonly heads?: Readonly<Record<string, StreamHeadProof>>;
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
  if (o.format !== AUDIT_BUNDLE_FORMAT && o.format !== AUDIT_BUNDLE_FORMAT_1) {
    throw new MalformedDocumentError('$.format', `'${AUDIT_BUNDLE_FORMAT}' (or '${AUDIT_BUNDLE_FORMAT_1}') was expected`);
  }
  const format: AuditBundleFormat = o.format;
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
  const exportedAt = stringAt(o.exportedAt, '$.exportedAt');
  const streams = arrayAt(o.streams, '$.streams').map((s, i) => {
    const path = `$.streams[${i}]`;
    const stream = objectAt(s, path);
    return {
      streamId: stringAt(stream.streamId, `${path}.streamId`),
      events: arrayAt(stream.events, `${path}.events`).map((e, j) => eventFromJson(e, `${path}.events[${j}]`)),
    };
  });
  const checkpoint = checkpointFromJson(o.checkpoint, '$.checkpoint');
  // No prototype: a stream id is data, and "__proto__" must stay one.
  const heads = Object.create(null) as Record<string, StreamHeadProof>;
  if (format === AUDIT_BUNDLE_FORMAT) {
    for (const [streamId, h] of Object.entries(objectAt(o.heads, '$.heads'))) {
      const path = `$.heads[${JSON.stringify(streamId)}]`;
      const head = objectAt(h, path);
      heads[streamId] = {
        revision: integerAt(head.revision, `${path}.revision`),
        hash: stringAt(head.hash, `${path}.hash`),
        leafIndex: integerAt(head.leafIndex, `${path}.leafIndex`),
        path: arrayAt(head.path, `${path}.path`).map((x, i) => stringAt(x, `${path}.path[${i}]`)),
      };
    }
  }
  return {
    format,
    exportedAt,
    streams,
    checkpoint,
    proofs,
    ...(format === AUDIT_BUNDLE_FORMAT ? { heads } : {}),
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
