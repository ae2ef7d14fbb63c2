/**
 * Canonical JSON: object keys sorted (by UTF-16 code unit, as Array.prototype.sort compares strings), no whitespace,
 * `undefined` members dropped. The same value always gives the same bytes, whichever adapter or database stored it,
 * so hashes made at append time can be recomputed by any verifier, including one working offline from an exported
 * bundle. Written as plain loops: a verification encodes every event of the log once, and this is where it spends
 * most of its time (the unit spec holds it to the first, declarative version, byte for byte).
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return stringJson(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no NaN or Infinity');
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return JSON.stringify(value.toString());
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return arrayJson(value);
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      return objectJson(value as Record<string, unknown>);
    default:
      throw new TypeError(`canonical JSON cannot encode ${typeof value}`);
  }
}

function arrayJson(items: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ',';
    const v = items[i];
    out += v === undefined ? 'null' : canonicalJson(v);
  }
  return `${out}]`;
}

function objectJson(o: Record<string, unknown>): string {
  const keys = Object.keys(o);
  if (keys.length > 1) keys.sort();
  let out = '{';
  let first = true;
  for (let i = 0; i < keys.length; i++) {
    const v = o[keys[i]];
    if (v === undefined) continue;
    out += `${first ? '' : ','}${keyJson(keys[i])}:${canonicalJson(v)}`;
    first = false;
  }
  return `${out}}`;
}

// What JSON.stringify escapes in a string: the quote, the backslash, control characters, and surrogates when lone
// (any surrogate here, to stay simple). Text without them is quoted as it is, which is what JSON.stringify gives.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function stringJson(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

// Events of a type share their keys: each is quoted once. Bounded, so odd data cannot grow it without end.
const QUOTED_KEYS = new Map<string, string>();
const QUOTED_KEYS_LIMIT = 10_000;

function keyJson(key: string): string {
  let quoted = QUOTED_KEYS.get(key);
  if (quoted === undefined) {
    quoted = stringJson(key);
    if (QUOTED_KEYS.size < QUOTED_KEYS_LIMIT) QUOTED_KEYS.set(key, quoted);
  }
  return quoted;
}
