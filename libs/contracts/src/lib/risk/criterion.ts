/**
 * A common risk criterion as data (issue 4, "Common risk criteria engine"): what it looks for, in which risk
 * area, for which analysis phase, while it is valid, who owns it and how much a hit weighs. A criterion is plain
 * JSON: it is stored one file per version (criteria-files.ts), carried in events, and checked by parseCriterion
 * before the engine ever sees it. The engine (criteria-engine.ts) gives each condition kind the meaning written
 * on its type below.
 */
import type { RiskAnalysisPhase } from '../ens/ens-events';

/** CRMS2 risk areas (ics2-reference 12): security and safety, the financial and commercial ones, cash controls. */
export const RISK_AREAS = ['security', 'safety', 'financial', 'product-safety', 'ipr', 'health', 'environment', 'cash'] as const;
export type RiskArea = (typeof RISK_AREAS)[number];

export const RISK_PHASES: readonly RiskAnalysisPhase[] = ['pre-loading', 'pre-arrival'];

/** The parties a filing names (ics2-reference 7). `notify` is the notify party. */
export const PARTY_ROLES = ['consignor', 'consignee', 'declarant', 'representative', 'carrier', 'notify', 'buyer', 'seller'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/**
 * Where a country is looked for. `routing`: countries of routing of the means of transport and of the
 * consignment; `acceptance` and `delivery`: the places of acceptance and delivery (house, and master level where
 * given; the consignor's and consignee's address countries when the filing gives no such place, as PLACI data
 * do not); `loading` and `unloading`: the master-level places; `any`: all of these.
 */
export const COUNTRY_WHERE = ['routing', 'acceptance', 'loading', 'unloading', 'delivery', 'any'] as const;
export type CountryWhere = (typeof COUNTRY_WHERE)[number];

/** The kinds of condition; parseCriterion refuses any other. */
export const CONDITION_KINDS = [
  'hsPrefix',
  'descriptionTerms',
  'country',
  'party',
  'transportMeans',
  'massAnomaly',
  'packagesAnomaly',
  'inconsistency',
  'missingData',
  'all',
  'any',
  'not',
] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];

/** A goods item's HS code (6 to 10 digits) starts with one of `prefixes` (2 to 10 digits each). */
export interface HsPrefixCondition {
  readonly kind: 'hsPrefix';
  readonly prefixes: readonly string[];
}

/**
 * The goods descriptions contain the terms, as whole normalised words: a term of several words is a phrase,
 * matched word for word inside one goods item's description. `any`: one term is enough; `all`: every term, each
 * in any goods item of the consignment.
 */
export interface DescriptionTermsCondition {
  readonly kind: 'descriptionTerms';
  readonly terms: readonly string[];
  readonly match: 'any' | 'all';
}

/** One of the countries (ISO 3166-1 alpha-2) appears `where` (see CountryWhere). */
export interface CountryCondition {
  readonly kind: 'country';
  readonly where: CountryWhere;
  readonly countries: readonly string[];
}

/**
 * One party (of `role`, or of any role) meets every facet given, at least one of: `names` (fuzzy, the party name
 * scores at least `threshold`, default 0.9, against one of the names: name-similarity.ts), `eoris` (its EORI is one
 * of them, exactly), `addressTerms` (its street, city or postcode contains one of the terms, as whole normalised
 * words, like descriptionTerms).
 */
export interface PartyCondition {
  readonly kind: 'party';
  readonly role?: PartyRole;
  readonly names?: readonly string[];
  readonly eoris?: readonly string[];
  readonly addressTerms?: readonly string[];
  readonly threshold?: number;
}

/**
 * The active means of transport meets every facet given: `identifications` (its identification number or its
 * conveyance reference, i.e. flight or voyage number, compared upper case without spaces or hyphens), `modes`
 * (CL018: 1 maritime, 2 rail, 3 road, 4 air, 5 postal, 7 fixed installation, 8 inland waterway), `nationalities`.
 */
export interface TransportMeansCondition {
  readonly kind: 'transportMeans';
  readonly identifications?: readonly string[];
  readonly modes?: readonly string[];
  readonly nationalities?: readonly string[];
}

/**
 * The bounds describe the anomaly: the condition holds when every measure given lies inside its bounds
 * (inclusive). Mass per package is taken per goods item (its gross mass over its packages) and holds if one item
 * is in range; where no item gives both, the consignment's gross mass over its packages. Gross mass is the
 * consignment's (house) total. "Less than 0.05 kg a package" is `{ maxMassPerPackageKg: 0.05 }`; a band of
 * plausible values is `not` of a massAnomaly, or `any` of two.
 */
export interface MassAnomalyCondition {
  readonly kind: 'massAnomaly';
  readonly minMassPerPackageKg?: number;
  readonly maxMassPerPackageKg?: number;
  readonly minGrossMassKg?: number;
  readonly maxGrossMassKg?: number;
}

/** The consignment's number of packages (all goods items) lies inside the bounds, inclusive. */
export interface PackagesAnomalyCondition {
  readonly kind: 'packagesAnomaly';
  readonly min?: number;
  readonly max?: number;
}

/**
 * The common repository's consistency check (EnsConsistencyChecked, PET11) flagged a difference for this
 * consignment (or for the whole ENS) in one of `elements` ('grossMass', 'numberOfPackages', 'consignor/name',
 * 'consignee/name', ...), or in any element when `elements` is not given.
 */
export interface InconsistencyCondition {
  readonly kind: 'inconsistency';
  readonly elements?: readonly string[];
}

/** The consignment carries one of the missing or low-quality data markers (missing-data.table.ts). */
export interface MissingDataCondition {
  readonly kind: 'missingData';
  readonly markers: readonly string[];
}

export interface AllCondition {
  readonly kind: 'all';
  readonly of: readonly Condition[];
}

export interface AnyCondition {
  readonly kind: 'any';
  readonly of: readonly Condition[];
}

export interface NotCondition {
  readonly kind: 'not';
  readonly of: Condition;
}

export type Condition =
  | HsPrefixCondition
  | DescriptionTermsCondition
  | CountryCondition
  | PartyCondition
  | TransportMeansCondition
  | MassAnomalyCondition
  | PackagesAnomalyCondition
  | InconsistencyCondition
  | MissingDataCondition
  | AllCondition
  | AnyCondition
  | NotCondition;

/** The longest criterion id. */
export const CRITERION_ID_MAX_LENGTH = 64;
const CRITERION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A criterion id as Criterion.id describes it: lower-case words and digits joined by hyphens, up to 64 characters. */
export const isCriterionId = (value: string): boolean => value.length <= CRITERION_ID_MAX_LENGTH && CRITERION_ID.test(value);

export type CriterionOwner = { readonly kind: 'eu' } | { readonly kind: 'member-state'; readonly memberState: string };

export interface Criterion {
  /** Lower-case words and digits joined by hyphens, e.g. 'eu-sec-001'; one id across all its versions. */
  readonly id: string;
  /** 1, 2, 3... without gaps (criteria-files.ts). */
  readonly version: number;
  readonly title: string;
  /** Free text: sources, caveats ("illustrative list, not intelligence"). */
  readonly notes?: string;
  readonly riskArea: RiskArea;
  readonly phases: readonly RiskAnalysisPhase[];
  /** ISO-8601 UTC instants; valid from `validFrom` (inclusive) to `validTo` (exclusive), open-ended without it. */
  readonly validFrom: string;
  readonly validTo?: string;
  readonly owner: CriterionOwner;
  /** Weight of one hit, an integer 1 to 100. */
  readonly score: number;
  /**
   * Fraction of the score removed when the declarant or the carrier is an AEO (0 to 1). The reduced score never
   * falls below AEO_SCORE_FLOOR and the hit is always kept: AEO status never exempts a filing from analysis.
   */
  readonly aeoReduction?: number;
  readonly condition: Condition;
  /** The CRMS2 risk information form the criterion implements, when there is one. */
  readonly origin?: { readonly rifId: string };
}

/** A hit's score after AEO reduction is never lower than this. */
export const AEO_SCORE_FLOOR = 1;

/** Nesting limit of all/any/not: the top condition is depth 1. */
export const MAX_CONDITION_DEPTH = 8;
