/**
 * Refusals that leave no trace (STYLE "Refusals"): never events. `not-found` is what an unknown MRN and one the
 * caller may not see both get, so a stranger learns nothing. `lifecycle` is for Member State commands, whose
 * errors ICS2 notifies nobody of; `not-applicable` for processor commands that no longer apply.
 */
import type { Ics2Error } from '@ics2/contracts';

export type FilingRefusal =
  | { readonly kind: 'not-found' }
  | { readonly kind: 'lifecycle'; readonly errors: readonly Ics2Error[] }
  | { readonly kind: 'not-applicable'; readonly reason: string };

export const notFound: FilingRefusal = { kind: 'not-found' };
export const notApplicable = (reason: string): FilingRefusal => ({ kind: 'not-applicable', reason });
