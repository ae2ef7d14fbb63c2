import { changedPointers } from './json-changes';

describe('changedPointers', () => {
  it('names each changed leaf by its JSON pointer', () => {
    expect(changedPointers({ a: 1, b: { c: 'x', d: [1, 2] } }, { a: 1, b: { c: 'y', d: [1, 3] } })).toEqual(['/b/c', '/b/d/1']);
  });
  it('reports added and removed elements, and an array whose length changed', () => {
    expect(changedPointers({ a: [1] }, { a: [1, 2], b: true })).toEqual(['/a', '/a/1', '/b']);
    expect(changedPointers({ a: 1, z: 2 }, { z: 2 })).toEqual(['/a']);
  });
  it('escapes ~ and / in keys (RFC 6901)', () => {
    expect(changedPointers({ 'a/b': 1, 'c~d': 1 }, { 'a/b': 2, 'c~d': 2 })).toEqual(['/a~1b', '/c~0d']);
  });
  it('finds nothing between equal trees', () => expect(changedPointers({ a: [{ b: null }] }, { a: [{ b: null }] })).toEqual([]));
});
