import { childPath, comparePointers, escapeSegment, parsePointer, pointerOf, pointerOfPath } from './json-pointer';

describe('json-pointer (RFC 6901)', () => {
  it('escapes ~ as ~0 and / as ~1, in that order', () => {
    expect(escapeSegment('a/b~c')).toBe('a~1b~0c');
    expect(escapeSegment('~1')).toBe('~01');
    expect(pointerOf('goodsItem', 2, 'x/y')).toBe('/goodsItem/2/x~1y');
  });

  it('parses a pointer back into its tokens, and refuses what is not one', () => {
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('/a~1b/~0/0')).toEqual(['a/b', '~', '0']);
    expect(parsePointer('/')).toEqual(['']);
    expect(parsePointer('a')).toBeUndefined();
    expect(parsePointer('/a~2')).toBeUndefined();
    expect(parsePointer('/a~')).toBeUndefined();
  });

  it('builds the same pointer from a path', () => {
    expect(pointerOfPath(childPath(childPath(childPath(undefined, 'a/b'), 3), '~'))).toBe('/a~1b/3/~0');
    expect(pointerOfPath(undefined)).toBe('');
  });

  it('orders array indexes by number and a parent before its children', () => {
    const sorted = ['/goodsItem/10', '/goodsItem/2/x', '', '/goodsItem/2', '/b', '/a'].sort(comparePointers);
    expect(sorted).toEqual(['', '/a', '/b', '/goodsItem/2', '/goodsItem/2/x', '/goodsItem/10']);
  });
});
