import { VALIDATION_CODES } from '@ics2/contracts';
import fc from 'fast-check';
import { MAX_ERRORS } from './error-list';
import { comparePointers, parsePointer } from './json-pointer';
import { Validation } from './validation-result';

/**
 * What every answer of the validation must be, whatever the body: the invariants the property specs check, and
 * the arbitraries they build bodies with. Test support only (`*.test-harness.ts` stays out of the build).
 */

const INDEX = /^(0|[1-9][0-9]*)$/;
const own = (container: object, key: string) => Object.prototype.hasOwnProperty.call(container, key);
const isContainer = (value: unknown): value is object => typeof value === 'object' && value !== null;

/**
 * True if the pointer is a JSON pointer into `body`: every token but the last names an existing member or
 * element, and the last one names an existing element or one that could be there (its parent exists).
 */
export function pointsInto(body: unknown, pointer: string): boolean {
  const tokens = parsePointer(pointer);
  if (tokens === undefined) return false;
  let current: unknown = body;
  for (const [position, token] of tokens.entries()) {
    if (!isContainer(current)) return false;
    const last = position === tokens.length - 1;
    if (Array.isArray(current)) {
      if (!INDEX.test(token)) return false;
      if (Number(token) >= current.length) return last;
      current = current[Number(token)];
      continue;
    }
    if (!own(current, token)) return last;
    current = (current as Record<string, unknown>)[token];
  }
  return true;
}

/** Throws (for fast-check) unless the answer is a well-formed Validation for `body`. */
export function expectWellFormedAnswer(body: unknown, result: Validation<unknown>): void {
  if (result.ok) return;
  if (result.errors.length === 0) throw new Error('a refusal without errors');
  if (result.errors.length > MAX_ERRORS) throw new Error(`${result.errors.length} errors, more than the cap`);
  for (const error of result.errors) {
    if (!(error.code in VALIDATION_CODES)) throw new Error(`unknown code ${error.code}`);
    if (typeof error.description !== 'string' || error.description.length === 0) throw new Error('no description');
    if (!pointsInto(body, error.pointer)) throw new Error(`pointer ${JSON.stringify(error.pointer)} is not into the body`);
  }
  for (let i = 1; i < result.errors.length; i += 1) {
    if (comparePointers(result.errors[i - 1].pointer, result.errors[i].pointer) > 0) throw new Error('errors not sorted by pointer');
  }
}

/** Values that break things: JSON of every type, non-JSON JavaScript values, hostile strings and keys. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
  }),
  fc.constantFrom<unknown>(
    null,
    undefined,
    '',
    '   ',
    "'; DROP TABLE filings; --",
    '<script>alert(1)</script>',
    '蓝牙耳机',
    'headphones 🎧',
    'gift',
    'a'.repeat(5_000),
    -1,
    0,
    1.5,
    1e21,
    Number.NaN,
    '12',
    [],
    {},
    [[[[[[[[[[[[[[]]]]]]]]]]]]]],
  ),
);

export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'a/b', '~0', '~1', '', 'x'.repeat(100)),
);

/** Arrays and plain objects: the nodes a mutation may go into (not boxed strings, Maps, typed arrays...). */
function isJsonContainer(value: unknown): value is object {
  if (Array.isArray(value)) return true;
  if (!isContainer(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

/** Every pointer (as tokens) to a node of a JSON value, the body itself excluded. */
export function pathsOf(value: unknown): string[][] {
  const paths: string[][] = [];
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: node, path } = stack.pop() as { value: unknown; path: string[] };
    if (path.length > 0) paths.push(path);
    if (isJsonContainer(node)) for (const [key, child] of Object.entries(node)) stack.push({ value: child, path: [...path, key] });
  }
  return paths.sort((a, b) => comparePointers(`/${a.join('/')}`, `/${b.join('/')}`));
}

export type Mutation =
  | { readonly kind: 'set'; readonly at: number; readonly value: unknown }
  | { readonly kind: 'delete'; readonly at: number }
  | { readonly kind: 'add'; readonly at: number; readonly key: string; readonly value: unknown };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: junk }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: hostileKey, value: junk }),
);

/** Mutations with JSON values only: they pass the structure guard more often, so they test the later layers. */
export const jsonMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: fc.string({ maxLength: 8 }), value: fc.jsonValue({ maxDepth: 2 }) }),
);

/**
 * A copy of the arrays and plain objects in `value` (the nodes a mutation may change), other values shared.
 * Generated values are not the body's to change: fast-check hands the same constant (`{}`, `[]`) to many runs,
 * and a later mutation adding into it could make it contain itself.
 */
function copyContainers(value: unknown): unknown {
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    for (const [index, element] of Object.entries(value)) copy[Number(index)] = copyContainers(element);
    return copy;
  }
  if (!isJsonContainer(value)) return value;
  const copy = Object.create(Object.getPrototypeOf(value)) as Record<string, unknown>;
  for (const [key, element] of Object.entries(value)) define(copy, key, copyContainers(element));
  return copy;
}

/** Applies the mutation to `body` in place, at a node chosen by `at` (modulo the number of nodes). */
export function applyMutation(body: Record<string, unknown>, original: Mutation): void {
  const change = original.kind === 'delete' ? original : { ...original, value: copyContainers(original.value) };
  const paths = pathsOf(body);
  const path = paths.length > 0 ? paths[change.at % paths.length] : [];
  let parent: unknown = body;
  for (const token of path.slice(0, -1)) parent = (parent as Record<string, unknown>)[token];
  const last = path[path.length - 1];
  if (!isJsonContainer(parent) || last === undefined) return;
  const target = parent as Record<string, unknown>;
  if (change.kind === 'set') define(target, last, change.value);
  else if (change.kind === 'delete') {
    if (Array.isArray(target)) target.splice(Number(last), 1);
    else delete target[last];
  } else {
    const node = target[last];
    const into = isJsonContainer(node) && !Array.isArray(node) ? (node as Record<string, unknown>) : target;
    // JSON gives an array elements only: a named member ('constructor', 'length'...) on one is no body a client
    // can send, and it breaks the array's own methods in this harness. An add there appends.
    if (Array.isArray(into)) into.push(change.value);
    else define(into, change.key, change.value);
  }
}

/** An own, enumerable member, even for '__proto__' (plain assignment would set the prototype instead). */
const define = (target: object, key: string, value: unknown) =>
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
