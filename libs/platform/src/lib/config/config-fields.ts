/**
 * Field kinds for `defineConfig`. A field turns one raw environment string into a typed value or says what it
 * expected; it never reads the environment itself, so the schema stays pure and unit-testable.
 */

export type FieldResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

export interface ConfigField<T> {
  /** Human phrase completing "X must be ...", e.g. `an integer 1-65535`. */
  readonly expected: string;
  /** Secret values (URLs with passwords, keys) are never echoed back in error lines. */
  readonly secret: boolean;
  /** Value used when the variable is unset or empty; `undefined` with `optional` makes the field optional. */
  readonly fallback: { readonly value: T } | undefined;
  parse(raw: string): FieldResult<T>;
}

export type FieldValue<F> = F extends ConfigField<infer T> ? T : never;

interface CommonOptions<T> {
  readonly default?: T;
  readonly secret?: boolean;
}

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const bad: FieldResult<never> = { ok: false };

function field<T>(expected: string, parse: (raw: string) => FieldResult<T>, options: CommonOptions<T> = {}): ConfigField<T> {
  return {
    expected,
    secret: options.secret ?? false,
    fallback: options.default === undefined ? undefined : { value: options.default },
    parse,
  };
}

/** An integer in [min, max]. */
export function integer(options: CommonOptions<number> & { readonly min?: number; readonly max?: number } = {}): ConfigField<number> {
  const min = options.min ?? Number.MIN_SAFE_INTEGER;
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  const range =
    options.min !== undefined && options.max !== undefined
      ? ` ${min}-${max}`
      : options.min !== undefined
        ? ` >= ${min}`
        : options.max !== undefined
          ? ` <= ${max}`
          : '';
  return field(
    `an integer${range}`,
    (raw) => {
      if (!/^-?\d+$/.test(raw)) return bad;
      const n = Number(raw);
      return Number.isSafeInteger(n) && n >= min && n <= max ? ok(n) : bad;
    },
    options,
  );
}

/** A TCP port; 0 lets the OS choose (useful in tests). */
export function port(options: CommonOptions<number> & { readonly allowZero?: boolean } = {}): ConfigField<number> {
  return integer({ ...options, min: options.allowZero ? 0 : 1, max: 65535 });
}

/** Any non-empty string, optionally matching a pattern described by `expected`. */
export function string(options: CommonOptions<string> & { readonly pattern?: RegExp; readonly expected?: string } = {}): ConfigField<string> {
  const { pattern } = options;
  return field(
    options.expected ?? 'a non-empty string',
    (raw) => (pattern && !pattern.test(raw) ? bad : ok(raw)),
    options,
  );
}

/** A URL whose protocol (with its colon, e.g. `https:`) is one of `protocols` when given. */
export function url(options: CommonOptions<string> & { readonly protocols?: readonly string[] } = {}): ConfigField<string> {
  const protocols = options.protocols;
  const expected = protocols ? `a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` : 'a URL';
  return field(
    expected,
    (raw) => {
      let parsed: URL;
      try {
        parsed = new URL(raw);
      } catch {
        return bad;
      }
      if (protocols && !protocols.includes(parsed.protocol)) return bad;
      return ok(raw);
    },
    options,
  );
}

/** One of a fixed set of words. */
export function oneOf<const V extends string>(values: readonly V[], options: CommonOptions<V> = {}): ConfigField<V> {
  return field(
    `one of ${values.join('|')}`,
    (raw) => ((values as readonly string[]).includes(raw) ? ok(raw as V) : bad),
    options,
  );
}

/** `true|false|1|0|yes|no`. */
export function boolean(options: CommonOptions<boolean> = {}): ConfigField<boolean> {
  return field(
    'true or false',
    (raw) => {
      const v = raw.toLowerCase();
      if (['true', '1', 'yes'].includes(v)) return ok(true);
      if (['false', '0', 'no'].includes(v)) return ok(false);
      return bad;
    },
    options,
  );
}

/** Makes a field optional: unset or empty gives `undefined` instead of an error. */
export function optional<T>(inner: ConfigField<T>): ConfigField<T | undefined> {
  return { ...inner, fallback: inner.fallback ?? { value: undefined } };
}
