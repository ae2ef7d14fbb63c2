/**
 * What each Member State sees of a hit (issue 4, "The flow" 3; policy digest, section 5: share what the task needs).
 * The responsible Member State decides, so it sees each hit whole, the matched values too. An involved one adds
 * risk-mitigating information, never decides: it sees which criterion version hit, in which risk area, on which
 * house, with what score, but not the matched values (personal data, watchlist matches: restricted material) nor the
 * AEO reduction. The signal stream and GetAnalysis show hits through these two views alike (signal-payloads.ts says
 * more); an involved Member State that needs the data behind a hit reads the filing (GetFiling).
 */
import type { MatchedCondition, RiskHit } from '@ics2/contracts';

/** A hit as the responsible Member State sees it: whole. */
export interface HitForResponsible {
  readonly criterionId: string;
  readonly version: number;
  readonly riskArea: string;
  readonly house?: string;
  readonly score: number;
  readonly aeoReduced: boolean;
  readonly matched: readonly MatchedCondition[];
}

/** A hit as an involved Member State sees it: which criterion, where, how much; not what matched. */
export interface HitForInvolved {
  readonly criterionId: string;
  readonly version: number;
  readonly riskArea: string;
  readonly house?: string;
  readonly score: number;
}

const house = (h: RiskHit) => (h.house ? { house: h.house } : {});

export const hitForResponsible = (h: RiskHit): HitForResponsible => ({
  criterionId: h.criterionId,
  version: h.version,
  riskArea: h.riskArea,
  ...house(h),
  score: h.score,
  aeoReduced: h.aeoReduced,
  matched: h.matched.map((m) => ({
    path: m.path,
    kind: m.kind,
    values: [...m.values],
    ...(m.role ? { role: m.role } : {}),
    ...(m.listed !== undefined ? { listed: m.listed } : {}),
    ...(m.similarity !== undefined ? { similarity: m.similarity } : {}),
  })),
});

export const hitForInvolved = (h: RiskHit): HitForInvolved => ({ criterionId: h.criterionId, version: h.version, riskArea: h.riskArea, ...house(h), score: h.score });
