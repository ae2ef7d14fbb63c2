import { checkAppendSize } from './append-size';
import type { ExpectedRevision } from './expected-revision';
import type { EventMetadata, EventToAppend } from './recorded-event';
import { checkStreamId, hasLoneSurrogate } from './stream-id-rules';

/**
 * The rules an append's input must meet, checked before anything reaches a store. Every adapter applies these and
 * only these, so an append never depends on the store behind the port: what one store cannot keep as given (a NUL
 * character or a lone surrogate, which PostgreSQL refuses or changes) is refused by all of them. Each adapter then
 * does only what is its own (PostgreSQL: the canonical JSON of the hash input; KurrentDB: the chain before the write).
 * The stream id's rules, which reads apply too, are in stream-id-rules.ts.
 *
 * An append larger than the store takes is refused with AppendTooLargeError (append-size.ts): a valid append may be
 * too large for one store's configuration. Any other refusal is a programmer error: a plain Error, naming the stream
 * and the event's place in the append, and saying what is wrong with the input, never which store could not keep
 * it: the same refusal comes from every adapter.
 */

/** One event as the rules leave it. */
export interface CheckedEvent {
  /** Lower case, as both stores read uuids back: the hash covers the id as it reads back. */
  readonly id: string;
  readonly type: string;
  /** The data as JSON text: what the store keeps, and (parsed) what a read returns. */
  readonly dataJson: string;
  /** The envelope's fields only (the port's EventMetadata, causationId null when absent), as JSON text. */
  readonly metadataJson: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// `\u0000` in JSON text, not preceded by an escaped backslash (`\\u0000` is a backslash followed by "u0000").
const NUL_ESCAPE = /(?:^|[^\\])(?:\\\\)*\\u0000/;
// JSON.stringify writes a surrogate without its pair as an escape (`\ud800`); jsonb refuses it.
const LONE_SURROGATE_ESCAPE = /(?:^|[^\\])(?:\\\\)*\\ud[89a-f][0-9a-f]{2}/;

/** `maxAppendBytes`: the store's limit on an append's size (append-size.ts), or null for none. */
export function checkAppend(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision, maxAppendBytes: number | null): CheckedEvent[] {
  checkStreamId(streamId, 'append');
  if (!Array.isArray(events)) throw new Error('append: events must be an array');
  if (!isExpectedRevision(expected)) throw new Error(`append: not an expected revision: ${String(expected)}`);
  const ids = new Set<string>();
  const checked = events.map((e, i) => {
    const where = `append to ${streamId}, event ${i}`;
    if (typeof e?.id !== 'string' || !UUID.test(e.id)) throw new Error(`${where}: the id must be a uuid`);
    const id = e.id.toLowerCase();
    if (ids.has(id)) throw new Error(`${where}: id ${id} appears twice in one append`);
    ids.add(id);
    if (typeof e.type !== 'string' || e.type === '') throw new Error(`${where}: the type must be a non-empty string`);
    if (!isStorableText(e.type)) throw new Error(`${where}: the type holds a NUL character or a lone surrogate, which the event store does not store`);
    // KurrentDB keeps '$' types for its own events ($metadata, $>, $streamDeleted) and its adapter keeps them out of
    // every read of the log (isSystemEvent), where PostgreSQL would show the event.
    if (e.type.startsWith('$')) throw new Error(`${where}: the type begins with '$', which names the store's own event types`);
    const m = e.metadata;
    if (typeof m !== 'object' || m === null) throw new Error(`${where}: metadata is missing`);
    checkEnvelope(m, where);
    // Only the envelope's fields are kept: they are what the port defines and what the hash covers.
    const envelope = {
      schemaVersion: m.schemaVersion,
      occurredAt: m.occurredAt,
      correlationId: m.correlationId,
      causationId: m.causationId ?? null,
      actor: m.actor,
    };
    return { id, type: e.type, dataJson: toJson(e.data, `${where}: data`), metadataJson: toJson(envelope, `${where}: metadata`) };
  });
  checkAppendSize(streamId, checked, maxAppendBytes);
  return checked;
}

/**
 * The envelope's fields of the port's types. KurrentDB keeps them under names of its own and reads each back by its
 * type (kurrentdb-mapping.ts), so another type read back changed, or not at all, where PostgreSQL kept it as given.
 */
function checkEnvelope(m: EventMetadata, where: string): void {
  if (!Number.isInteger(m.schemaVersion)) throw new Error(`${where}: metadata.schemaVersion must be a whole number`);
  if (typeof m.occurredAt !== 'string') throw new Error(`${where}: metadata.occurredAt must be a string`);
  if (typeof m.correlationId !== 'string') throw new Error(`${where}: metadata.correlationId must be a string`);
  if (m.causationId !== undefined && m.causationId !== null && typeof m.causationId !== 'string') {
    throw new Error(`${where}: metadata.causationId must be a string or null`);
  }
  if (typeof m.actor !== 'object' || m.actor === null || Array.isArray(m.actor)) throw new Error(`${where}: metadata.actor must be an object`);
}

function isExpectedRevision(expected: unknown): expected is ExpectedRevision {
  return (
    expected === 'any' ||
    expected === 'no-stream' ||
    expected === 'stream-exists' ||
    (typeof expected === 'number' && Number.isInteger(expected) && expected >= -1)
  );
}

// In a type (a PostgreSQL text column), a NUL is refused and a lone surrogate is sent as U+FFFD, so the hash,
// computed over the text as given, would not match what reads back. Stream ids have rules of their own.
function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !hasLoneSurrogate(text);
}

/** JSON text of a value, as a store keeps it: a toJSON method, an undefined member, a Date all read back so. */
function toJson(value: unknown, what: string): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (e) {
    throw new Error(`${what} is not JSON-serialisable`, { cause: e });
  }
  if (json === undefined) throw new Error(`${what} is not JSON-serialisable`);
  // jsonb refuses the NUL character and lone surrogates; refusing them here keeps them programmer errors, not database
  // ones, and refuses them in every adapter alike.
  if (NUL_ESCAPE.test(json)) throw new Error(`${what} holds a NUL character, which the event store does not store`);
  if (LONE_SURROGATE_ESCAPE.test(json)) throw new Error(`${what} holds a lone surrogate, which the event store does not store`);
  return json;
}
