import { createHash } from 'node:crypto';
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

/** hash = sha256(canonical content + previous hash of the stream), hex. */
export function eventHash(content: HashedContent, previousHash: string): string {
  const canonical = canonicalJson({
    streamId: content.streamId,
    revision: content.revision,
    id: content.id,
    type: content.type,
    data: content.data,
    metadata: content.metadata,
    recordedAt: content.recordedAt,
  });
  return createHash('sha256').update(canonical).update(previousHash).digest('hex');
}
