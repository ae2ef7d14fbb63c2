/**
 * The cursor clients page with. Opaque to them: today it is the recipient's sequence number as a decimal string
 * ("0" before the first item), and the only promise is that each item's cursor is greater than the one before in
 * the same inbox and that `after=<an item's cursor>` returns exactly the items that came after it. Clients store
 * it and send it back; they never compute with it.
 */

/** The cursor before any item: `after` left out means this. */
export const START_CURSOR = '0';

const MAX_SEQ = 2n ** 63n - 1n;
const DECIMAL = /^(0|[1-9][0-9]{0,18})$/;

/** The sequence number a cursor stands for, or null when it is not a cursor this service gave out. */
export function parseCursor(cursor: string): bigint | null {
  if (!DECIMAL.test(cursor)) return null;
  const seq = BigInt(cursor);
  return seq <= MAX_SEQ ? seq : null;
}

export function cursorOf(seq: bigint | string): string {
  return typeof seq === 'bigint' ? seq.toString() : BigInt(seq).toString();
}
