/**
 * RFC 6901 JSON pointers into the request body as sent: '' is the body itself, '/a/0/b' its member a, element 0,
 * member b. Every error of the trader door points with one of these.
 */

/** Escapes one reference token: '~' becomes '~0', then '/' becomes '~1' (RFC 6901 section 3). */
export function escapeSegment(segment: string | number): string {
  if (typeof segment === 'number') return String(segment);
  return segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;
}

/** The pointer of a child of `base`. */
export const childPointer = (base: string, segment: string | number): string => `${base}/${escapeSegment(segment)}`;

/** The pointer made of these reference tokens, from the body down. */
export const pointerOf = (...segments: readonly (string | number)[]): string =>
  segments.reduce<string>((pointer, segment) => childPointer(pointer, segment), '');

/** The reference tokens of a pointer, unescaped; undefined if the text is not a JSON pointer. */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/') || /~[^01]|~$/.test(pointer)) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const INDEX = /^(0|[1-9][0-9]*)$/;

/**
 * Pointer order: token by token, array indexes by number (so /goodsItem/2 comes before /goodsItem/10), a parent
 * before its children. It makes the order of an answer's errors deterministic and readable.
 */
export function comparePointers(a: string, b: string): number {
  if (a === b) return 0;
  const left = a.split('/');
  const right = b.split('/');
  const common = Math.min(left.length, right.length);
  for (let i = 0; i < common; i += 1) {
    const x = left[i];
    const y = right[i];
    if (x === y) continue;
    if (INDEX.test(x) && INDEX.test(y)) return Number(x) - Number(y) || (x < y ? -1 : 1);
    return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

/**
 * Where a node is, as a chain of keys up to the body: building one is a single small object, so the walks of
 * the structure guard, the shape layer and the character check make the pointer string only for an error.
 */
export type Path = { readonly parent: Path; readonly key: string | number } | undefined;

export const childPath = (parent: Path, key: string | number): Path => ({ parent, key });

export function pointerOfPath(path: Path): string {
  const keys: (string | number)[] = [];
  for (let node = path; node !== undefined; node = node.parent) keys.push(node.key);
  return keys.reverse().reduce<string>((pointer, key) => childPointer(pointer, key), '');
}
