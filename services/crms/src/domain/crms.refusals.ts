/**
 * Refusals that leave no trace (STYLE "Refusals"): values, never events, and never thrown. Each names a stable rule
 * (refusal-rules.table.ts gives its text), so tests and callers branch on codes, never on wording.
 *
 * - `not-found`: an unknown id and one the caller may not see get exactly the same answer.
 * - `permission`: the caller sees the RIF (campaign) but may not do this.
 * - `lifecycle`: the state does not allow it now (CL723 code 92 at the door).
 * - `invalid`: the content breaks a rule; every problem with its JSON pointer into the command's data.
 * - `conflict`: the id is taken, or what the command was decided on changed meanwhile.
 */
import type { ConflictRule, ContentRule, LifecycleRule, PermissionRule } from './refusal-rules.table';

export interface ContentError {
  /** CL723-style: 12 a wrong value. */
  readonly code: '12';
  /** Into the command's data, which mirrors the request: `/content/goods/0/hsCode`. */
  readonly pointer: string;
  readonly rule: ContentRule;
}

export type CrmsRefusal =
  | { readonly kind: 'not-found' }
  | { readonly kind: 'permission'; readonly rule: PermissionRule }
  | { readonly kind: 'lifecycle'; readonly rule: LifecycleRule }
  | { readonly kind: 'invalid'; readonly errors: readonly ContentError[] }
  | { readonly kind: 'conflict'; readonly rule: ConflictRule };

export const notFound: CrmsRefusal = { kind: 'not-found' };
export const denied = (rule: PermissionRule): CrmsRefusal => ({ kind: 'permission', rule });
export const outOfSequence = (rule: LifecycleRule): CrmsRefusal => ({ kind: 'lifecycle', rule });
export const invalid = (errors: readonly ContentError[]): CrmsRefusal => ({ kind: 'invalid', errors });
export const conflict = (rule: ConflictRule): CrmsRefusal => ({ kind: 'conflict', rule });
export const wrong = (pointer: string, rule: ContentRule): ContentError => ({ code: '12', pointer, rule });

/** What a rule check gives back: the thing checked, or the refusal. */
export const isRefusal = <T extends object>(x: T | CrmsRefusal): x is CrmsRefusal => !Array.isArray(x) && 'kind' in x && REFUSAL_KINDS.has((x as { kind: unknown }).kind as string);

const REFUSAL_KINDS: ReadonlySet<string> = new Set(['not-found', 'permission', 'lifecycle', 'invalid', 'conflict']);
