/** Builders of risk events for given/when/then tests: only what a rule reads, plain defaults for the rest. */
import type {
  DoNotLoadIssued,
  MemberStateUser,
  ReferralAnswered,
  ReferralRequested,
  RiskAnalysed,
  RiskAnalysisPhase,
  RiskAnalysisSuperseded,
  RiskAssessmentCompleted,
  RiskAssessmentOutdated,
  RiskHit,
} from '@ics2/contracts';
import { DEFAULTS } from '../ens-events/ens-event-builders';

export const RISK_DEFAULTS = {
  rms: 'DE',
  personFiling: DEFAULTS.declarant,
  carrier: DEFAULTS.carrier,
  at: DEFAULTS.at,
  dueAt: '2026-12-01T10:30:00.000Z',
  user: { memberState: 'DE', userId: 'de-risk-1' } as MemberStateUser,
} as const;

export const hit = (o: { criterionId?: string; version?: number; house?: string; score?: number } = {}): RiskHit => ({
  criterionId: o.criterionId ?? 'eu-sec-001',
  version: o.version ?? 1,
  riskArea: 'security',
  ...(o.house ? { house: o.house } : {}),
  matched: [{ path: '/condition', kind: 'hsPrefix', values: ['360200'] }],
  score: o.score ?? 50,
  aeoReduced: false,
});

export interface AnalysedOptions {
  readonly mrn?: string;
  readonly phase?: RiskAnalysisPhase;
  readonly n?: number;
  readonly hits?: readonly RiskHit[];
  readonly manualReview?: boolean;
  readonly rms?: string;
  readonly ims?: readonly string[];
  readonly trigger?: RiskAnalysed['data']['trigger'];
  /** The ENS's filings, head first. Default: the head alone. */
  readonly members?: readonly string[];
  readonly dueAt?: string;
  /** The consignment's house documents. Default: none listed (as analyses recorded before the field). */
  readonly houseDocuments?: readonly string[];
  /** The active criteria versions the analysis used. Default: eu-sec-001 v1. */
  readonly criteria?: readonly { readonly id: string; readonly version: number }[];
  /** The person filing of each filing, head first, with its house documents. Default: none (as analyses recorded before the field). */
  readonly memberFilers?: RiskAnalysed['data']['memberFilers'];
}

/** The Analyse command's data for these options (what the engine and processor hand the decider). */
export function analysisData(o: AnalysedOptions = {}): Omit<RiskAnalysed['data'], 'analysisId'> {
  const hits = o.hits ?? [hit()];
  return {
    mrn: o.mrn ?? DEFAULTS.mrn,
    phase: o.phase ?? 'pre-loading',
    trigger: o.trigger ?? 'ens-complete',
    members: o.members ?? [o.mrn ?? DEFAULTS.mrn],
    responsibleMemberState: o.rms ?? RISK_DEFAULTS.rms,
    involvedMemberStates: o.ims ?? ['BE'],
    personFiling: RISK_DEFAULTS.personFiling,
    carrier: RISK_DEFAULTS.carrier,
    ...(o.houseDocuments ? { houseDocuments: o.houseDocuments } : {}),
    ...(o.memberFilers ? { memberFilers: o.memberFilers } : {}),
    criteria: o.criteria ?? [{ id: 'eu-sec-001', version: 1 }],
    hits,
    totalScore: hits.reduce((s, h) => s + h.score, 0),
    manualReview: o.manualReview ?? false,
    analysedAt: RISK_DEFAULTS.at,
    dueAt: o.dueAt ?? RISK_DEFAULTS.dueAt,
  };
}

export const analysed = (o: AnalysedOptions = {}): RiskAnalysed => ({
  type: 'RiskAnalysed',
  data: { ...analysisData(o), analysisId: `${o.phase ?? 'pre-loading'}-${o.n ?? 1}` },
});

/** The open analysis `n` of a phase superseded by its next one, `n + 1`. */
export const analysisSuperseded = (
  o: { phase?: RiskAnalysisPhase; n?: number; trigger?: RiskAnalysed['data']['trigger']; outcome?: 'awaiting-risk-unit' | 'assessed'; openReferrals?: readonly string[] } = {},
): RiskAnalysisSuperseded => ({
  type: 'RiskAnalysisSuperseded',
  data: {
    mrn: DEFAULTS.mrn,
    analysisId: `${o.phase ?? 'pre-loading'}-${o.n ?? 1}`,
    phase: o.phase ?? 'pre-loading',
    supersededBy: `${o.phase ?? 'pre-loading'}-${(o.n ?? 1) + 1}`,
    trigger: o.trigger ?? 'amendment',
    outcome: o.outcome ?? 'awaiting-risk-unit',
    openReferrals: o.openReferrals ?? [],
    supersededAt: RISK_DEFAULTS.at,
  },
});

/** The open analysis `n` of a phase left awaiting the ENS's completion: `unlinkedMrn` left the ENS, none replaces it yet. */
export const analysisAwaitingCompletion = (o: { phase?: RiskAnalysisPhase; n?: number; unlinkedMrn: string; openReferrals?: readonly string[] }): RiskAnalysisSuperseded => ({
  type: 'RiskAnalysisSuperseded',
  data: {
    mrn: DEFAULTS.mrn,
    analysisId: `${o.phase ?? 'pre-loading'}-${o.n ?? 1}`,
    phase: o.phase ?? 'pre-loading',
    trigger: 'member-unlinked',
    outcome: 'awaiting-completion',
    unlinkedMrn: o.unlinkedMrn,
    openReferrals: o.openReferrals ?? [],
    supersededAt: RISK_DEFAULTS.at,
  },
});

/** The assessed analysis `n` of a phase outdated: `unlinkedMrn` left the ENS it assessed. */
export const assessmentOutdated = (o: { phase?: RiskAnalysisPhase; n?: number; unlinkedMrn: string }): RiskAssessmentOutdated => ({
  type: 'RiskAssessmentOutdated',
  data: {
    mrn: DEFAULTS.mrn,
    analysisId: `${o.phase ?? 'pre-loading'}-${o.n ?? 1}`,
    phase: o.phase ?? 'pre-loading',
    trigger: 'member-unlinked',
    unlinkedMrn: o.unlinkedMrn,
    outdatedAt: RISK_DEFAULTS.at,
  },
});

export const assessmentCompleted = (o: { analysisId?: string; by?: 'automatic' | 'risk-unit'; phase?: RiskAnalysisPhase } = {}): RiskAssessmentCompleted => ({
  type: 'RiskAssessmentCompleted',
  data: {
    mrn: DEFAULTS.mrn,
    analysisId: o.analysisId ?? 'pre-loading-1',
    phase: o.phase ?? 'pre-loading',
    by: o.by ?? 'risk-unit',
    ...(o.by === 'automatic' ? {} : { user: RISK_DEFAULTS.user }),
    responsibleMemberState: RISK_DEFAULTS.rms,
    completedAt: RISK_DEFAULTS.at,
  },
});

/** An RFS's recommended methods: none recommended, the element is absent. */
const recommended = (methods: readonly string[]) => (methods.length ? { recommendedMethods: methods } : {});

/** `recommendedMethods`: an RFS's (default XRY). */
export const referralRequested = (o: { reference?: string; kind?: 'RFI' | 'RFS'; analysisId?: string; recommendedMethods?: readonly string[]; personFiling?: string; houseDocuments?: readonly string[] } = {}): ReferralRequested => ({
  type: 'ReferralRequested',
  data: {
    mrn: DEFAULTS.mrn,
    analysisId: o.analysisId ?? 'pre-loading-1',
    reference: o.reference ?? 'REF-1',
    kind: o.kind ?? 'RFI',
    houseDocuments: o.houseDocuments ?? ['HAWB-1'],
    ...((o.kind ?? 'RFI') === 'RFI' ? { information: 'commercial invoice' } : recommended(o.recommendedMethods ?? ['XRY'])),
    personFiling: o.personFiling ?? RISK_DEFAULTS.personFiling,
    carrier: RISK_DEFAULTS.carrier,
    user: RISK_DEFAULTS.user,
    requestedAt: RISK_DEFAULTS.at,
  },
});

/** `additionalInformation`: an RFS's IE3R03 that carried some. */
export const referralAnswered = (o: { reference?: string; kind?: 'RFI' | 'RFS'; analysisId?: string; additionalInformation?: string } = {}): ReferralAnswered => ({
  type: 'ReferralAnswered',
  data: {
    mrn: DEFAULTS.mrn,
    analysisId: o.analysisId ?? 'pre-loading-1',
    reference: o.reference ?? 'REF-1',
    kind: o.kind ?? 'RFI',
    answeredBy: RISK_DEFAULTS.personFiling,
    ...((o.kind ?? 'RFI') === 'RFI'
      ? { information: 'invoice attached' }
      : { screening: { result: 'clear', methods: ['XRY'], ...(o.additionalInformation ? { additionalInformation: o.additionalInformation } : {}) } }),
    answeredAt: RISK_DEFAULTS.at,
  },
});

export const doNotLoadIssued = (o: { analysisId?: string } = {}): DoNotLoadIssued => ({
  type: 'DoNotLoadIssued',
  data: {
    mrn: DEFAULTS.mrn,
    analysisId: o.analysisId ?? 'pre-loading-1',
    houseDocuments: ['HAWB-1'],
    reason: 'improvised explosive device suspected',
    carrier: RISK_DEFAULTS.carrier,
    personFiling: RISK_DEFAULTS.personFiling,
    user: RISK_DEFAULTS.user,
    issuedAt: RISK_DEFAULTS.at,
  },
});
