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
export interface AppendInput {
  /** Lower case, as PostgreSQL returns uuids: the hash covers the id as it reads back. */
  readonly id: string;
  readonly type: string;
  readonly dataJson: string;
  readonly metadataJson: string;
  /** `{"data":…,"id":…,"metadata":…,"recordedAt":"` */
  readonly canonicalHead: string;
  /** `,"streamId":…,"type":…}` */
  readonly canonicalTail: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// `\u0000` in JSON text, not preceded by an escaped backslash (`\\u0000` is a backslash followed by "u0000").
const NUL_ESCAPE = /(?:^|[^\\])(?:\\\\)*\\u0000/;
// JSON.stringify writes a surrogate without its pair as an escape (`\ud800`); jsonb refuses it.
const LONE_SURROGATE_ESCAPE = /(?:^|[^\\])(?:\\\\)*\\ud[89a-f][0-9a-f]{2}/;
// In a stream id or type (text columns), a NUL is refused by PostgreSQL and a lone surrogate sent as U+FFFD, so the
// hash, computed over the text as given, would not match what reads back.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/**
 * Programmer errors are plain Errors: a bad stream id, id, type, expectation, data that JSON cannot carry, or text that
 * PostgreSQL cannot store as given.
 */
export function prepareAppend(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): AppendInput[] {
  if (typeof streamId !== 'string' || streamId === '') throw new Error('append: the stream id must be a non-empty string');
  if (!isStorableText(streamId)) throw new Error('append: the stream id holds a NUL character or a lone surrogate, which PostgreSQL cannot store');
  if (!Array.isArray(events)) throw new Error('append: events must be an array');
  const validExpected =
    expected === 'any' ||
    expected === 'no-stream' ||
    expected === 'stream-exists' ||
    (typeof expected === 'number' && Number.isInteger(expected) && expected >= -1);
  if (!validExpected) throw new Error(`append: not an expected revision: ${String(expected)}`);
  const ids = new Set<string>();
  const streamJson = canonicalJson(streamId);
  return events.map((e, i) => {
    const where = `append to ${streamId}, event ${i}`;
    if (typeof e?.id !== 'string' || !UUID.test(e.id)) throw new Error(`${where}: the id must be a uuid`);
    const id = e.id.toLowerCase();
    if (ids.has(id)) throw new Error(`${where}: id ${id} appears twice in one append`);
    ids.add(id);
    if (typeof e.type !== 'string' || e.type === '') throw new Error(`${where}: the type must be a non-empty string`);
    if (!isStorableText(e.type)) throw new Error(`${where}: the type holds a NUL character or a lone surrogate, which PostgreSQL cannot store`);
    const m = e.metadata;
    if (typeof m !== 'object' || m === null) throw new Error(`${where}: metadata is missing`);
    // Only the envelope's fields are kept: they are what the port defines and what the hash covers.
    const envelope = {
      schemaVersion: m.schemaVersion,
      occurredAt: m.occurredAt,
      correlationId: m.correlationId,
      causationId: m.causationId ?? null,
      actor: m.actor,
    };
    const dataJson = toJson(e.data, `${where}: data`);
    const metadataJson = toJson(envelope, `${where}: metadata`);
    // Hashed as it will read back from jsonb (a toJSON method, an undefined member, a Date all say so).
    const data = canonicalJson(JSON.parse(dataJson));
    const metadata = canonicalJson(JSON.parse(metadataJson));
    return {
      id,
      type: e.type,
      dataJson,
      metadataJson,
      canonicalHead: `{"data":${data},"id":${canonicalJson(id)},"metadata":${metadata},"recordedAt":"`,
      canonicalTail: `,"streamId":${streamJson},"type":${canonicalJson(e.type)}}`,
    };
  });
}

/** The text the append statement hashes for one event (see above), built the same way in TypeScript. */
export function hashInputAsInSql(input: Pick<AppendInput, 'canonicalHead' | 'canonicalTail'>, recordedAt: string, revision: number, previousHash: string): string {
  return `${input.canonicalHead}${recordedAt}","revision":${revision}${input.canonicalTail}${previousHash}`;
}

function toJson(value: unknown, what: string): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (e) {
    throw new Error(`${what} is not JSON-serialisable`, { cause: e });
  }
  if (json === undefined) throw new Error(`${what} is not JSON-serialisable`);
  // jsonb refuses the NUL character and lone surrogates; refusing them here keeps them programmer errors, not database ones.
  if (NUL_ESCAPE.test(json)) throw new Error(`${what} contains a NUL character, which jsonb cannot store`);
  if (LONE_SURROGATE_ESCAPE.test(json)) throw new Error(`${what} contains a lone surrogate, which jsonb cannot store`);
  return json;
}
