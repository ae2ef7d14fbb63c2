/** Positions are bigints; JSON has no such type, so they travel as decimal strings (as the store's API prints them). */
export function jsonSafe(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}
