import { ErrorList } from './error-list';
import { childPath, Path, pointerOfPath } from './json-pointer';
import {
  ARRAY_LIMITS,
  DEFAULT_ARRAY_LIMIT,
  FORBIDDEN_KEYS,
  MAX_DEPTH,
  MAX_KEY_LENGTH,
  MAX_MEMBERS,
  MAX_STRING_LENGTH,
} from './structure-limits.table';

/** A JSON value as the later layers see it: plain objects and arrays, strings, finite numbers, booleans. */
export type JsonValue = string | number | boolean | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A string that is not plain printable ASCII, found on the way: the character-set rule checks only these. */
export interface NonAsciiText {
  readonly path: Path;
  /** The element the string is the value of (for an array of strings, the array's name). */
  readonly element: string;
  readonly value: string;
}

export interface GuardedMessage {
  /** A copy of the body: plain data, no getter or prototype can change it under the later layers. */
  readonly body: JsonObject;
  readonly texts: readonly NonAsciiText[];
}

/**
 * Layer a: the body must be plain JSON data of a bounded size before any other code reads it.
 *
 * - The body is a JSON object (X06 at '').
 * - Keys `__proto__`, `constructor`, `prototype` and the other Object.prototype names are refused (X07), as are
 *   keys longer than any element name (X07 at their object) and objects with more members than any message
 *   object has (X07).
 * - Nesting deeper than MAX_DEPTH (X06), a string longer than MAX_STRING_LENGTH (12: too long for every element),
 *   an array longer than the specs allow for its element name (X05).
 * - Anything that JSON.parse cannot produce (undefined, functions, symbols, bigint, NaN, Infinity, Date, Map,
 *   class instances, array holes) is X06; reading a value that throws (a getter, a Proxy) is X06 too.
 * - A member whose value is `null` is taken as absent (serialisers commonly write absent optional members as
 *   null; ICS2's XML has no null); a null array element is X06, since dropping it would shift the indexes.
 *
 * The walk is iterative with an explicit stack and a depth bound, so 100,000-deep junk costs 13 levels, and
 * makes a pointer string only for an error.
 */
export function guardStructure(body: unknown, errors: ErrorList): GuardedMessage | undefined {
  if (!isPlainObject(body)) {
    errors.add('X06', '', 'the message must be a JSON object');
    return undefined;
  }
  const walk = new Walk(errors);
  const root: JsonObject = {};
  walk.stack.push({ source: body, copy: root, path: undefined, depth: 1, name: '' });
  while (walk.stack.length > 0 && !errors.full) {
    const frame = walk.stack.pop() as Frame;
    if (Array.isArray(frame.source)) walk.copyArray(frame as ArrayFrame);
    else walk.copyObject(frame as ObjectFrame);
  }
  return errors.empty ? { body: root, texts: walk.texts } : undefined;
}

/** One container to copy: its source, its (empty) copy, where it is, its depth (the body is 1), its element name. */
interface ObjectFrame {
  readonly source: object;
  readonly copy: JsonObject;
  readonly path: Path;
  readonly depth: number;
  readonly name: string;
}
interface ArrayFrame {
  readonly source: unknown[];
  readonly copy: JsonValue[];
  readonly path: Path;
  readonly depth: number;
  readonly name: string;
}
type Frame = ObjectFrame | ArrayFrame;

const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/**
 * A plain object: its prototype is null or a root prototype (Object.prototype of this or another realm, as
 * structuredClone or a worker makes). Dates, Maps, boxed primitives and class instances have a longer chain.
 */
function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  try {
    const prototype: unknown = Object.getPrototypeOf(value);
    return prototype === Object.prototype || prototype === null || Object.getPrototypeOf(prototype) === null;
  } catch {
    return false;
  }
}

class Walk {
  readonly stack: Frame[] = [];
  readonly texts: NonAsciiText[] = [];

  constructor(private readonly errors: ErrorList) {}

  copyObject(frame: ObjectFrame): void {
    const { errors } = this;
    let keys: string[];
    try {
      keys = Object.keys(frame.source);
    } catch {
      errors.add('X06', pointerOfPath(frame.path), 'the object cannot be read as JSON');
      return;
    }
    if (keys.length > MAX_MEMBERS) {
      errors.add('X07', pointerOfPath(frame.path), `an object of this message has at most ${MAX_MEMBERS} elements`);
      return;
    }
    const containers: Frame[] = [];
    for (const key of keys) {
      if (key.length > MAX_KEY_LENGTH) {
        errors.add('X07', pointerOfPath(frame.path), `an element name is longer than ${MAX_KEY_LENGTH} characters`);
        continue;
      }
      if (FORBIDDEN_KEYS.has(key)) {
        errors.add('X07', pointerOfPath(childPath(frame.path, key)), 'this element name is not allowed');
        continue;
      }
      let value: unknown;
      try {
        value = (frame.source as Record<string, unknown>)[key];
      } catch {
        errors.add('X06', pointerOfPath(childPath(frame.path, key)), 'the element cannot be read as JSON');
        continue;
      }
      if (value === null) continue; // absent
      const copied = this.copyValue(value, frame.path, key, frame.depth, key, containers);
      if (copied !== undefined) frame.copy[key] = copied;
    }
    this.push(containers);
  }

  copyArray(frame: ArrayFrame): void {
    const { errors } = this;
    const source = frame.source;
    const limit = ARRAY_LIMITS[frame.name] ?? DEFAULT_ARRAY_LIMIT;
    let length: number;
    try {
      length = source.length;
    } catch {
      errors.add('X06', pointerOfPath(frame.path), 'the array cannot be read as JSON');
      return;
    }
    if (length > limit) {
      errors.add('X05', pointerOfPath(frame.path), `at most ${limit.toLocaleString('en')} occurrences are allowed`);
      return;
    }
    const containers: Frame[] = [];
    for (let i = 0; i < length && !errors.full; i += 1) {
      let value: unknown;
      try {
        value = i in source ? source[i] : undefined;
      } catch {
        errors.add('X06', pointerOfPath(childPath(frame.path, i)), 'the element cannot be read as JSON');
        continue;
      }
      if (value === null) {
        errors.add('X06', pointerOfPath(childPath(frame.path, i)), 'null is not a value of this element');
        continue;
      }
      // Arrays in arrays have no element name of their own: they get the default limit.
      const copied = this.copyValue(value, frame.path, i, frame.depth, frame.name, containers);
      if (copied !== undefined) frame.copy.push(copied);
    }
    this.push(containers);
  }

  /** Containers of one parent go on the stack so that they pop in document order. */
  private push(containers: readonly Frame[]): void {
    for (let i = containers.length - 1; i >= 0; i -= 1) this.stack.push(containers[i]);
  }

  /** Copies a leaf, or makes an empty container and queues the frame that fills it. */
  private copyValue(
    value: unknown,
    parent: Path,
    key: string | number,
    parentDepth: number,
    name: string,
    containers: Frame[],
  ): JsonValue | undefined {
    const { errors } = this;
    switch (typeof value) {
      case 'string':
        if (value.length > MAX_STRING_LENGTH) {
          const limit = MAX_STRING_LENGTH.toLocaleString('en');
          errors.add('12', pointerOfPath(childPath(parent, key)), `the value is longer than ${limit} characters`);
          return undefined;
        }
        if (!PLAIN_ASCII.test(value)) this.texts.push({ path: childPath(parent, key), element: name, value });
        return value;
      case 'number':
        if (!Number.isFinite(value)) {
          errors.add('X06', pointerOfPath(childPath(parent, key)), 'the number is not finite');
          return undefined;
        }
        return value;
      case 'boolean':
        return value;
      case 'object': {
        const isArray = Array.isArray(value);
        if (!isArray && !isPlainObject(value)) break;
        const path = childPath(parent, key);
        if (parentDepth + 1 > MAX_DEPTH) {
          errors.add('X06', pointerOfPath(path), `the message is nested deeper than ${MAX_DEPTH} levels`);
          return undefined;
        }
        const depth = parentDepth + 1;
        const childName = isArray && typeof key === 'string' ? name : '';
        if (isArray) {
          const copy: JsonValue[] = [];
          containers.push({ source: value as unknown[], copy, path, depth, name: childName });
          return copy;
        }
        const copy: JsonObject = {};
        containers.push({ source: value as object, copy, path, depth, name: childName });
        return copy;
      }
      default:
        break;
    }
    errors.add('X06', pointerOfPath(childPath(parent, key)), 'the value is not JSON data');
    return undefined;
  }
}
