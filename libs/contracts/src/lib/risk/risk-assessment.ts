/**
 * What the engine answers for one risk subject: every hit, each naming the criterion version that produced it, the
 * house consignment it concerns, the values that triggered it and its score. Plain JSON, so a RiskAssessed event
 * can carry it as it is and any past result can be explained by the exact criteria versions.
 */
import type { RiskAnalysisPhase } from '../ens/ens-events';
import type { ConditionKind, PartyRole, RiskArea } from './criterion';

/** One condition of the criterion that held, with the filing's values that made it hold. */
export interface MatchedCondition {
  /** JSON pointer to the condition inside the criterion: '/condition', '/condition/of/1', ... */
  readonly path: string;
  readonly kind: ConditionKind;
  /** The filing's values: HS codes, words, countries, the party name as filed, 'grossMassKg=0.04', markers... */
  readonly values: readonly string[];
  /** Party conditions: the role of the party that matched. */
  readonly role?: PartyRole;
  /** Party names: the watchlist name it matched, and the similarity (name-similarity.ts). */
  readonly listed?: string;
  readonly similarity?: number;
}

export interface RiskHit {
  readonly criterionId: string;
  readonly version: number;
  readonly riskArea: RiskArea;
  /** The house consignment's transport document, when the hit concerns one that has one. */
  readonly house?: string;
  readonly matched: readonly MatchedCondition[];
  /** After AEO reduction. */
  readonly score: number;
  readonly aeoReduced: boolean;
}

export interface RiskAssessment {
  readonly mrn: string;
  readonly phase: RiskAnalysisPhase;
  readonly responsibleMemberState: string;
  /** In criterion order (id, then version), then house order; ENS-level hits first within a criterion. */
  readonly hits: readonly RiskHit[];
  /** The sum of the hits' scores (0 without hits). */
  readonly totalScore: number;
}
