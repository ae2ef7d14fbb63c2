/**
 * A common risk criterion as data. The shape is the published language (libs/contracts risk/criterion.ts: CRMS
 * risk profiles carry criteria, criteria events carry them); the engine's files take it from here.
 * parseCriterion checks a criterion before the engine ever sees it.
 */
export {
  AEO_SCORE_FLOOR,
  CONDITION_KINDS,
  COUNTRY_WHERE,
  MAX_CONDITION_DEPTH,
  PARTY_ROLES,
  RISK_AREAS,
  RISK_PHASES,
  type AllCondition,
  type AnyCondition,
  type Condition,
  type ConditionKind,
  type CountryCondition,
  type CountryWhere,
  type Criterion,
  type CriterionOwner,
  type DescriptionTermsCondition,
  type HsPrefixCondition,
  type InconsistencyCondition,
  type MassAnomalyCondition,
  type MissingDataCondition,
  type NotCondition,
  type PackagesAnomalyCondition,
  type PartyCondition,
  type PartyRole,
  type RiskArea,
  type TransportMeansCondition,
} from '@ics2/contracts';
