/**
 * The risk state of one ENS (stream `risk-<head mrn>`): its analyses, each with its hits, referrals and outcome.
 * Built by `evolve` from the events alone. A phase's current analysis is its latest; earlier ones stay as history,
 * an open one superseded by it.
 */
import type { ControlRecommendation, ReferralKind, RiskAnalysed, RiskAnalysisPhase, RiskHit } from '@ics2/contracts';

/**
 * 'superseded': still open when a re-analysis of its phase (an amendment, new criteria) took its place.
 * 'awaiting-completion': still open when a member of its ENS was unlinked (the house invalidated): it refuses
 * decisions, and the ENS completing again re-analyses it (superseded then).
 */
export type AnalysisStatus = 'awaiting-risk-unit' | 'assessed' | 'do-not-load' | 'superseded' | 'awaiting-completion';

export interface Referral {
  readonly reference: string;
  readonly kind: ReferralKind;
  readonly houseDocuments: readonly string[];
  readonly status: 'open' | 'answered';
  /** Whom it was sent to, who alone may answer it. */
  readonly personFiling: string;
}

export interface Analysis {
  readonly analysisId: string;
  readonly phase: RiskAnalysisPhase;
  readonly status: AnalysisStatus;
  readonly members: readonly string[];
  readonly responsibleMemberState: string;
  readonly involvedMemberStates: readonly string[];
  readonly personFiling: string;
  readonly carrier?: string;
  /** The consignment's house documents as analysed; undefined for analyses recorded before RiskAnalysed had them. */
  readonly houseDocuments?: readonly string[];
  /** The person filing of each filing analysed, with the house documents it declares (RiskAnalysed.memberFilers). */
  readonly memberFilers?: RiskAnalysed['data']['memberFilers'];
  /** The active criteria versions it was made with, `id@version`, sorted. */
  readonly criteria: readonly string[];
  readonly hits: readonly RiskHit[];
  /** `criterionId@version@house`. */
  readonly dismissed: readonly string[];
  readonly referrals: readonly Referral[];
  readonly manualReview: boolean;
  readonly dueAt: string;
  readonly escalated: boolean;
  readonly controlRecommendation?: ControlRecommendation;
  /** Assessed, then a member of its ENS left it (RiskAssessmentOutdated): the assessment no longer stands for its phase. */
  readonly outdated: boolean;
}

export type RiskState = { readonly status: 'none' } | { readonly status: 'analysed'; readonly mrn: string; readonly analyses: readonly Analysis[] };

export const initialRiskState = (): RiskState => ({ status: 'none' });

/** A set of criteria versions as `id@version`, sorted, so two sets compare element by element. */
export const criteriaKeys = (criteria: readonly { readonly id: string; readonly version: number }[]): readonly string[] => criteria.map((c) => `${c.id}@${c.version}`).sort();

export const hitKey = (criterionId: string, version: number, house?: string) => `${criterionId}@${version}@${house ?? ''}`;

export function analysisOf(state: RiskState, analysisId: string): Analysis | undefined {
  return state.status === 'none' ? undefined : state.analyses.find((a) => a.analysisId === analysisId);
}

/**
 * Whether criteria changes reach this analysis now: it is open (an assessed one is not reopened) and no referral of
 * it is open (the operator may be answering it, and a re-analysis would supersede the referral with it). One that
 * does not is caught up once its last referral is answered (the criteria catch-up).
 */
export const takesCriteriaChanges = (analysis: Analysis | undefined): analysis is Analysis =>
  analysis?.status === 'awaiting-risk-unit' && !analysis.referrals.some((r) => r.status === 'open');

/**
 * Whether the analysis waits for its ENS to complete again before anything analyses its phase: a member left the ENS
 * it analysed, while it was open ('awaiting-completion') or after it was assessed (outdated).
 */
export const awaitsCompletion = (analysis: Analysis | undefined): boolean =>
  analysis?.status === 'awaiting-completion' || (analysis?.status === 'assessed' && analysis.outdated);

/** The latest analysis of a phase. */
export function currentAnalysis(state: RiskState, phase: RiskAnalysisPhase): Analysis | undefined {
  if (state.status === 'none') return undefined;
  for (let i = state.analyses.length - 1; i >= 0; i--) if (state.analyses[i].phase === phase) return state.analyses[i];
  return undefined;
}
