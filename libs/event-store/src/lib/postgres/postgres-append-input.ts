import { checkAppend, type CheckedEvent } from '../append-rules';
import type { ExpectedRevision } from '../expected-revision';
import { canonicalJson } from '../integrity/canonical-json';
import type { EventToAppend } from '../recorded-event';

/**
 * What append sends to PostgreSQL for one event, checked and made ready before anything reaches the database.
 *
 * The event's hash is computed in the database (event_store.append_events, schema/001-events.sql), because two of its inputs
 * exist only there: the database clock (recordedAt) and the stream's previous hash. It is the very hash
 * integrity/hash-chain.ts defines, `sha256(canonical content + previous hash)`: the canonical JSON of the content
 * has its keys sorted (data, id, metadata, recordedAt, revision, streamId, type), so everything but recordedAt and
 * revision is known here and is sent as the two texts around them:
 *
 *   canonicalHead || recordedAt || '","revision":' || revision || canonicalTail
 *
 * `hashInputAsInSql` below is that assembly in TypeScript; its unit test holds it equal to `eventHash`.
 */
export interface AppendInput extends CheckedEvent {
  /** `{"data":…,"id":…,"metadata":…,"recordedAt":"` */
  readonly canonicalHead: string;
  /** `,"streamId":…,"type":…}` */
  readonly canonicalTail: string;
}

/**
 * The shared append rules (append-rules.ts), then what is PostgreSQL's own: the canonical JSON around recordedAt
 * and revision. Data and envelope are hashed as they will read back from jsonb.
 */
export function prepareAppend(
  streamId: string,
  events: readonly EventToAppend[],
  expected: ExpectedRevision,
  maxAppendBytes: number | null,
): AppendInput[] {
  const checked = checkAppend(streamId, events, expected, maxAppendBytes);
  const streamJson = canonicalJson(streamId);
  return checked.map((e) => {
    const data = canonicalJson(JSON.parse(e.dataJson));
    const metadata = canonicalJson(JSON.parse(e.metadataJson));
    return {
      ...e,
      canonicalHead: `{"data":${data},"id":${canonicalJson(e.id)},"metadata":${metadata},"recordedAt":"`,
      canonicalTail: `,"streamId":${streamJson},"type":${canonicalJson(e.type)}}`,
    };
  });
}

/** The text the append statement hashes for one event (see above), built the same way in TypeScript. */
export function hashInputAsInSql(input: Pick<AppendInput, 'canonicalHead' | 'canonicalTail'>, recordedAt: string, revision: number, previousHash: string): string {
  return `${input.canonicalHead}${recordedAt}","revision":${revision}${input.canonicalTail}${previousHash}`;
}
