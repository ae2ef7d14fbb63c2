import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { EventMetadata } from '../recorded-event';

/** The hash of a stream's first event chains to this. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an event's hash covers: everything an auditor relies on, except its log position (assigned at commit). */
export interface HashedContent {
  readonly streamId: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly recordedAt: string;
}

/**
 * hash = sha256(canonical content + previous hash of the stream), hex. The canonical text of the content is written
 * in its sorted key order directly (data, id, metadata, recordedAt, revision, streamId, type), which is what
 * canonicalJson of the seven-member object gives, without building and sorting that object for every event.
 */
export function eventHash(content: HashedContent, previousHash: string): string {
  const { data, id, metadata, recordedAt, revision, streamId, type } = content;
  const canonical =
    data === undefined || id === undefined || metadata === undefined || recordedAt === undefined || revision === undefined || streamId === undefined || type === undefined
      ? canonicalJson({ streamId, revision, id, type, data, metadata, recordedAt }) // members left out, as canonicalJson drops them
      : `{"data":${canonicalJson(data)},"id":${canonicalJson(id)},"metadata":${canonicalJson(metadata)},"recordedAt":${canonicalJson(recordedAt)},` +
        `"revision":${canonicalJson(revision)},"streamId":${canonicalJson(streamId)},"type":${canonicalJson(type)}}`;
  // One-shot hash of the concatenation: the same bytes as update(canonical).update(previousHash), about twice as fast.
  return hash('sha256', canonical + previousHash, 'hex');
}
