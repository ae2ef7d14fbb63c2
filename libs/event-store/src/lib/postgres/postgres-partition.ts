/**
 * Partitions for competing consumers. A stream's partition must never change (per-stream order depends on it) and
 * must be the same in TypeScript and in SQL, so the hash is computed once, here, and stored with each event
 * (`events.stream_hash`). SQL then selects a partition with `stream_hash % count = index`, and this function gives
 * the same answer for any count without a database.
 *
 * The hash is 32-bit FNV-1a over the UTF-8 bytes of the stream id, with the top bit cleared so it fits a
 * non-negative PostgreSQL `integer` (and `%` never sees a negative operand). Changing it would move streams between
 * partitions of running subscribers and would need a data migration of `stream_hash`: do not.
 */
export function streamHashOf(streamId: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(streamId, 'utf8')) {
    h ^= byte;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & 0x7fffffff;
}

/** The partition (0..count-1) a stream belongs to when the work is split `count` ways. */
export function partitionOf(streamId: string, count: number): number {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`partition count must be a positive integer: ${count}`);
  return streamHashOf(streamId) % count;
}
