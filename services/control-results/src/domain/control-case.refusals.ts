/** Refusals that leave no trace: the same `not-found` for unknown cases and cases the caller is not concerned by. */
export type ControlRefusal =
  | { readonly kind: 'not-found' }
  | { readonly kind: 'permission'; readonly reason: string }
  | { readonly kind: 'lifecycle'; readonly code: '92' | '12'; readonly pointer: string; readonly reason: string };

export const controlNotFound: ControlRefusal = { kind: 'not-found' };
export const refuse = (code: '92' | '12', pointer: string, reason: string): ControlRefusal => ({ kind: 'lifecycle', code, pointer, reason });
