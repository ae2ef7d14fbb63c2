/**
 * The JSON pointers at which two filings differ, leaf by leaf (an element added or removed counts at its own
 * pointer; an array that changed length also reports the array itself). Pure; used to tell what an amendment changed.
 */
type Json = unknown;

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

export function changedPointers(before: Json, after: Json, at = ''): string[] {
  if (Object.is(before, after)) return [];
  const bothArrays = Array.isArray(before) && Array.isArray(after);
  const bothObjects = isObject(before) && isObject(after);
  if (bothArrays) {
    const a = before as Json[];
    const b = after as Json[];
    const changes = a.length !== b.length ? [at] : [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) changes.push(...changedPointers(a[i], b[i], `${at}/${i}`));
    return changes;
  }
  if (bothObjects) {
    const a = before as Record<string, Json>;
    const b = after as Record<string, Json>;
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => changedPointers(a[k], b[k], `${at}/${escape(k)}`));
  }
  return [at];
}

function isObject(x: Json): x is Record<string, Json> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
