/**
 * Every rule crms refuses by, as data: its stable code (the door's `CRMS.<rule>` error code) and the sentence the
 * caller reads. Tests assert the codes; the sentences may be reworded freely.
 */

export const PERMISSION_RULES = {
  RIF_NOT_AUTHOR: "only the author's Member State (the Commission for its own RIFs) may do this",
  RIF_AUTHOR_FEEDBACK: 'the author does not give feedback on its own RIF',
  RIF_COMMISSION_FEEDBACK: 'the Commission reads feedback; recipients give it',
  CRMS_NOT_PARTICIPANT: "the caller's Member State does not take part in CRMS",
  PCA_NOT_COMMISSION: 'priority control area campaigns are run by the Commission',
} as const;

/** Refused with CL723 code 92 (out of sequence). */
export const LIFECYCLE_RULES = {
  RIF_PUBLISHED: 'the RIF is published: its content is fixed',
  RIF_NOT_PUBLISHED: 'the RIF is not published yet',
  RIF_CLOSED: 'the RIF is closed',
  RIF_EXPIRED: 'the RIF expired',
  RIF_VALIDITY_ENDED: "the RIF's validity has ended",
  RIF_NO_PROFILE: 'the RIF carries no risk profile',
  RIF_NOT_BACKTESTED: 'the risk profile is activated only after a backtest',
  RIF_PROFILE_VALIDITY_ENDED: "the risk profile's own validity has ended: as a criterion it would apply to no filing",
  PCA_NOT_BEGUN: 'the campaign has not begun: no interim report yet',
  PCA_NOT_ENDED: 'the final report comes after the campaign period ended',
  PCA_FINAL_ISSUED: 'the final report was issued: the campaign is concluded',
} as const;

export const CONFLICT_RULES = {
  RIF_EXISTS: 'a RIF with this id exists',
  RIF_PROFILE_CHANGED: 'the risk profile changed while the backtest ran: backtest it again',
  PCA_EXISTS: 'a campaign with this id exists',
  CRISIS_EXISTS: 'a crisis alert with this id exists',
} as const;

/** Content rules: refused with CL723 code 12 (incorrect value), each at a JSON pointer. */
export const CONTENT_RULES = {
  RIF_CATEGORY: 'one of security, safety, financial, ipr, product-safety, cash, crisis',
  RIF_VALIDITY_RANGE: 'the validity ends after it begins',
  COUNTRY_CODE: 'an ISO 3166-1 alpha-2 country code',
  HS_CODE: 'an HS chapter, heading or code: 2, 4, 6, 8 or 10 digits of a chapter in use',
  EORI: 'an EORI: a country code and 1 to 15 upper-case letters or digits',
  RIF_GOODS_EMPTY: 'a goods entry gives an HS code or a description',
  RIF_OPERATOR_EMPTY: 'an operator entry gives a name or an EORI',
  PROFILE_ID: 'a RIF risk profile has the RIF id in lower case as its criterion id',
  PROFILE_VERSION: 'a RIF risk profile is version 1 of its criterion',
  PROFILE_OWNER: "a RIF risk profile is owned by the RIF's author (its Member State, or the EU)",
  PROFILE_ORIGIN: 'a RIF risk profile names this RIF as its origin',
  MEMBER_STATES_EMPTY: 'at least one Member State',
  MEMBER_STATE_UNKNOWN: 'a Member State taking part in CRMS (the 27, Norway, Switzerland)',
  MEMBER_STATE_DUPLICATE: 'each Member State once',
  RIF_RELEVANCE: 'one of high, medium, low, none',
  RIF_FEEDBACK_NOT_EVALUATED: 'measures and control results follow an evaluation: evaluated must be true',
  PERIOD_RANGE: 'the period ends after it begins',
  PERIOD_NOT_PAST: 'a backtest runs over a past period: it ends no later than now',
  PCA_CRITERIA_EMPTY: 'a campaign names at least one criterion',
  PCA_CRITERION_ID: 'a criterion id: lower-case words and digits joined by hyphens',
  PCA_CRITERION_VERSION: 'a criterion version is a whole number from 1 (or absent: every version)',
  PCA_CRITERION_DUPLICATE: 'each criterion (and version) once',
} as const;

export type PermissionRule = keyof typeof PERMISSION_RULES;
export type LifecycleRule = keyof typeof LIFECYCLE_RULES;
export type ConflictRule = keyof typeof CONFLICT_RULES;
export type ContentRule = keyof typeof CONTENT_RULES;
export type RefusalRule = PermissionRule | LifecycleRule | ConflictRule | ContentRule;

export const REFUSAL_TEXT: Readonly<Record<RefusalRule, string>> = { ...PERMISSION_RULES, ...LIFECYCLE_RULES, ...CONFLICT_RULES, ...CONTENT_RULES };
