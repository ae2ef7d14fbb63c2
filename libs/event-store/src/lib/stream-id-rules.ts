/**
 * What a stream id must be, in every adapter, for appends and reads alike: a stream id no append can write is one no
 * read should look for (PostgreSQL would read a lone surrogate as U+FFFD, so as another stream).
 *
 * Every stream this platform writes is `<category>-<id>` (stream-names.ts), its id an MRN, a uuid or an id of its
 * own making; none begins or ends with whitespace, holds a control character or begins with `$`. Refused:
 * - an empty id, or one that begins or ends with whitespace (so also one of whitespace only): `ens-X` and `ens-X `
 *   would be two streams that print alike, and ` ens-X` would be of category ` ens`, seen by no subscription;
 * - a control character (C0 U+0000-U+001F, DEL U+007F, C1 U+0080-U+009F): nothing real holds one, and a line feed
 *   or an escape in a stream id breaks every log line and terminal that shows it;
 * - a lone surrogate: PostgreSQL stores it as U+FFFD, so the hash over the id as given never verifies;
 * - more than MAX_STREAM_ID_BYTES in UTF-8: PostgreSQL's indexes over the stream id take a few kilobytes at most
 *   (a longer id failed inside the database), and the longest id the platform names (`criterion-` and 64) is far
 *   below; one limit for every adapter, so a stream one keeps the other keeps too;
 * - a leading `$`: KurrentDB keeps `$` names for its own streams (`$all`, `$$<stream>` its metadata, `$ce-` its
 *   projections; docs/server/features/streams.md, "Reserved names") and its adapter keeps them out of every read of
 *   the log (isSystemEvent), where PostgreSQL would show the event.
 *
 * A refusal is a programmer error: a plain Error, saying what is wrong with the id.
 */

/** The longest stream id the port keeps, in UTF-8 bytes. */
export const MAX_STREAM_ID_BYTES = 1_000;

// C0 controls, DEL and C1 controls.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Throws unless `streamId` is one the port stores; `operation` starts the message (`append`, `readStream`). */
export function checkStreamId(streamId: unknown, operation: string): asserts streamId is string {
  const problem = streamIdProblem(streamId);
  if (problem) throw new Error(`${operation}: the stream id ${problem}`);
}

/** What is wrong with `streamId` for the port ("must be a non-empty string", ...), or null: for doors that answer it coded. */
export function streamIdProblem(streamId: unknown): string | null {
  if (typeof streamId !== 'string' || streamId === '') return 'must be a non-empty string';
  if (streamId.trim() !== streamId) return 'begins or ends with whitespace';
  if (CONTROL.test(streamId)) return 'holds a control character (U+0000 to U+001F, U+007F to U+009F)';
  if (hasLoneSurrogate(streamId)) return 'holds a lone surrogate, which the event store does not store';
  if (Buffer.byteLength(streamId, 'utf8') > MAX_STREAM_ID_BYTES) return `is longer than ${MAX_STREAM_ID_BYTES} bytes in UTF-8`;
  if (streamId.startsWith('$')) return "begins with '$', which names the store's own streams";
  return null;
}

/** A UTF-16 surrogate without its pair: no UTF-8 text can carry it. */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}
