/**
 * `defineConfig({ GRPC_PORT: port({ default: 50051 }), ... })`: a typed view of the environment, validated once
 * at start. A bad value becomes ONE line naming the variable and what was expected, so an operator can fix it
 * without reading a stack trace.
 */
import type { ConfigField, FieldValue } from './config-fields';

export type ConfigSchema = Readonly<Record<string, ConfigField<unknown>>>;
export type ConfigOf<S extends ConfigSchema> = { readonly [K in keyof S]: FieldValue<S[K]> };

export interface ConfigIssue {
  readonly variable: string;
  /** A sentence that starts with the variable's name. */
  readonly message: string;
}

/** A rule across several variables, checked once every single variable is valid. */
// A method signature, so a definition of a service's own variables can stand where ServiceDefinition takes any.
export type ConfigRule<C> = { bivarianceHack(config: C): ConfigIssue | undefined }['bivarianceHack'];

export type ConfigResult<C> = { readonly ok: true; readonly config: C } | { readonly ok: false; readonly issues: readonly ConfigIssue[] };

/** The one error a wrong environment produces. `message` is the whole line printed before exit 1. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(formatIssues(issues));
  }
}

const SHOWN_CHARS = 60;

function shown(raw: string): string {
  const flat = raw.replace(/\s+/g, ' ');
  return JSON.stringify(flat.length > SHOWN_CHARS ? `${flat.slice(0, SHOWN_CHARS)}...` : flat);
}

function issueFor(name: string, f: ConfigField<unknown>, raw: string | undefined): ConfigIssue {
  if (raw === undefined || raw === '') return { variable: name, message: `${name} must be ${f.expected}, but it is not set` };
  const got = f.secret ? 'a value that is not (not shown: it may hold a secret)' : shown(raw);
  return { variable: name, message: `${name} must be ${f.expected}, got ${got}` };
}

/** One line for any number of issues: the first in full, the others by name, so nothing is hidden. */
export function formatIssues(issues: readonly ConfigIssue[]): string {
  const [first, ...rest] = issues;
  if (!first) return 'config error: unknown';
  const more = rest.length ? ` (also wrong: ${rest.map((i) => i.variable).join(', ')})` : '';
  return `config error: ${first.message}${more}`;
}

export interface ConfigDefinition<C> {
  readonly schema: ConfigSchema;
  readonly rules: readonly ConfigRule<C>[];
  /** Never throws; for tests and for callers that report issues themselves. */
  validate(env: Readonly<Record<string, string | undefined>>): ConfigResult<C>;
  /** Throws `ConfigError` carrying the one-line message. */
  parse(env: Readonly<Record<string, string | undefined>>): C;
}

export function defineConfig<S extends ConfigSchema>(schema: S, ...rules: ConfigRule<ConfigOf<S>>[]): ConfigDefinition<ConfigOf<S>> {
  return makeDefinition<ConfigOf<S>>(schema, rules);
}

/** The platform's variables plus a service's own, validated in one pass. */
export function mergeConfig<A, B>(a: ConfigDefinition<A>, b: ConfigDefinition<B>): ConfigDefinition<A & B> {
  const clash = Object.keys(b.schema).find((k) => k in a.schema);
  if (clash) throw new Error(`config variable ${clash} is defined twice`);
  return makeDefinition<A & B>({ ...a.schema, ...b.schema }, [
    ...(a.rules as ConfigRule<A & B>[]),
    ...(b.rules as ConfigRule<A & B>[]),
  ]);
}

function makeDefinition<C>(schema: ConfigSchema, rules: readonly ConfigRule<C>[]): ConfigDefinition<C> {
  const validate = (env: Readonly<Record<string, string | undefined>>): ConfigResult<C> => {
    const issues: ConfigIssue[] = [];
    const values: Record<string, unknown> = {};
    for (const [name, f] of Object.entries(schema)) {
      const raw = env[name]?.trim();
      if (raw === undefined || raw === '') {
        if (f.fallback) values[name] = f.fallback.value;
        else issues.push(issueFor(name, f, raw));
        continue;
      }
      const result = f.parse(raw);
      if (result.ok) values[name] = result.value;
      else issues.push(issueFor(name, f, raw));
    }
    if (issues.length) return { ok: false, issues };
    const config = values as C;
    for (const rule of rules) {
      const issue = rule(config);
      if (issue) issues.push(issue);
    }
    return issues.length ? { ok: false, issues } : { ok: true, config };
  };
  return {
    schema,
    rules,
    validate,
    parse(env) {
      const result = validate(env);
      if (!result.ok) throw new ConfigError(result.issues);
      return result.config;
    },
  };
}
