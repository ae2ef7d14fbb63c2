/** What the engine answers (RiskHit, RiskAssessment): the published shapes of libs/contracts risk/risk-assessment.ts. */
export type { MatchedCondition, RiskAssessment, RiskHit } from '@ics2/contracts';
