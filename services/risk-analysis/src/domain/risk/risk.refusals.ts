/**
 * Refusals that leave no trace. `not-found`: what an unknown MRN, analysis or referral and one the caller may not see
 * all get. `permission`: a Member State that may see the analysis but not decide on it (an involved one).
 * `lifecycle`: the analysis is not in a state for that decision (code 92), or the decision does not fit it (12);
 * `pointer` names the element that does not fit, when one does (the whole message otherwise).
 */
export type RiskRefusal =
  | { readonly kind: 'not-found' }
  | { readonly kind: 'permission'; readonly reason: string }
  | { readonly kind: 'lifecycle'; readonly code: '92' | '12'; readonly reason: string; readonly pointer?: string };

export const riskNotFound: RiskRefusal = { kind: 'not-found' };
export const outOfSequence = (reason: string): RiskRefusal => ({ kind: 'lifecycle', code: '92', reason });
