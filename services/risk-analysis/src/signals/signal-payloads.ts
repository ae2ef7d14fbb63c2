/**
 * What each signal carries (Signal.payload_json), named field by field so nothing an event gains later leaks into a
 * stream by itself. Who sees what (issue 4, "The flow" 3; policy digest, section 5: data protection by design,
 * purpose limitation, share what the task needs):
 *
 * - The responsible Member State decides, so it sees each hit whole: criterion id and version, risk area, house,
 *   score, whether the operator's AEO status lowered it, and the matched values (the filing's values that made the
 *   condition hold: HS codes, words, countries, party names as filed, the watchlist name matched and how similar).
 * - Involved Member States are told so they can add risk-mitigating information, never decide: they see which
 *   criterion versions hit, in which risk area, on which house, with what score, but not the matched values nor the
 *   AEO reduction. The matched values are where personal data sits (names and addresses of natural persons in B2C
 *   e-commerce, fuzzy matches against a Member State's or the EU's watchlists, which are restricted material), and
 *   an involved Member State that needs the data behind a hit reads the filing itself (GetFiling, which it may),
 *   under its own access rules: the criterion version and the filing say what matched without the stream copying it.
 *   The two views are domain/risk/hit-views.ts's, which GetAnalysis shows too.
 * - A referral's answer goes to the responsible Member State only (it asked); risk-mitigating information from one
 *   Member State goes to the responsible one only (it decides; the other involved ones learn the outcome); an
 *   outcome goes to the involved Member States with the control recommendation itself only for the Member State it
 *   asks to control (RAT19), the others learn only that one was made.
 */
import type { ControlRecommendation, ReferralKind, RiskAnalysisTrigger, RiskSupersessionTrigger } from '@ics2/contracts';
import { hitForInvolved, hitForResponsible, type HitForInvolved, type HitForResponsible } from '../domain/risk/hit-views';
import type { MemberState, SignalEventData } from './signal';

export interface AnalysisPayload {
  readonly phase: string;
  readonly trigger: RiskAnalysisTrigger;
  readonly members: readonly string[];
  readonly involvedMemberStates: readonly string[];
  readonly manualReview: boolean;
  readonly hits: readonly HitForResponsible[];
  readonly totalScore: number;
  readonly analysedAt: string;
  readonly dueAt: string;
}

export interface InvolvedPayload {
  readonly phase: string;
  readonly members: readonly string[];
  readonly responsibleMemberState: string;
  readonly manualReview: boolean;
  readonly hits: readonly HitForInvolved[];
  readonly totalScore: number;
  readonly analysedAt: string;
  readonly dueAt: string;
}

export interface ReferralAnsweredPayload {
  readonly reference: string;
  /** The referral's kind: RFI (answer IE3R02) or RFS (answer IE3R03). */
  readonly kind: ReferralKind;
  readonly answeredBy: string;
  readonly answeredAt: string;
  readonly answer: {
    readonly information?: string;
    readonly documents?: readonly { readonly type: string; readonly referenceNumber: string }[];
    readonly screening?: { readonly result: string; readonly methods: readonly string[]; readonly additionalInformation?: string };
  };
}

export interface EscalationPayload {
  readonly phase: string;
  readonly dueAt: string;
  readonly escalatedAt: string;
}

/**
 * The analysis that took its place, and what became of it: waiting for the risk unit, or assessed at once (IE3N03);
 * or none yet (`awaiting-completion`, trigger `member-unlinked`): a member left the ENS (`unlinkedMrn`), which is
 * analysed again when it completes again.
 */
export interface SupersededPayload {
  readonly phase: string;
  readonly supersededBy?: string;
  readonly trigger: RiskSupersessionTrigger;
  readonly outcome: 'awaiting-risk-unit' | 'assessed' | 'awaiting-completion';
  readonly unlinkedMrn?: string;
  /** Its referrals still unanswered, closed with it. */
  readonly openReferrals: readonly string[];
  readonly supersededAt: string;
}

export interface MitigationPayload {
  readonly information: string;
  /** The Member State that added it (its officer's user id stays with that Member State). */
  readonly addedBy: string;
  readonly addedAt: string;
}

export type ClosedPayload =
  | {
      readonly outcome: 'assessed';
      readonly by: 'automatic' | 'risk-unit';
      readonly completedAt: string;
      readonly controlRecommended: boolean;
      /** Only for the Member State the recommendation asks to control. */
      readonly controlRecommendation?: ControlRecommendation;
    }
  | {
      readonly outcome: 'do-not-load';
      readonly houseDocuments: readonly string[];
      readonly reason: string;
      readonly issuedAt: string;
    };

/** To the risk unit that recommended the control: what the Member State of control decided. */
export interface ControlDecisionPayload {
  readonly caseId: string;
  readonly control: boolean;
  readonly controlType?: string;
  readonly office?: string;
  readonly scheduledAt?: string;
  readonly reason?: string;
  readonly memberStateOfControl: string;
  readonly decidedAt: string;
}

/** To the same risk unit: the result, the feedback its targeting learns from (findings name the criteria confirmed). */
export interface ControlResultPayload {
  readonly caseId: string;
  readonly resultId: string;
  readonly outcome: string;
  readonly released: boolean;
  readonly confirmedCriteria: readonly { readonly id: string; readonly version: number }[];
  readonly corrects?: string;
  readonly memberStateOfControl: string;
  readonly recordedAt: string;
}

export type SignalPayload = AnalysisPayload | InvolvedPayload | ReferralAnsweredPayload | EscalationPayload | SupersededPayload | MitigationPayload | ClosedPayload | ControlDecisionPayload | ControlResultPayload;

export const toAnalysis = (d: SignalEventData<'RiskAnalysed'>): AnalysisPayload => ({
  phase: d.phase,
  trigger: d.trigger,
  members: [...d.members],
  involvedMemberStates: [...d.involvedMemberStates],
  manualReview: d.manualReview,
  hits: d.hits.map(hitForResponsible),
  totalScore: d.totalScore,
  analysedAt: d.analysedAt,
  dueAt: d.dueAt,
});

export const toInvolved = (d: SignalEventData<'RiskAnalysed'>): InvolvedPayload => ({
  phase: d.phase,
  members: [...d.members],
  responsibleMemberState: d.responsibleMemberState,
  manualReview: d.manualReview,
  hits: d.hits.map(hitForInvolved),
  totalScore: d.totalScore,
  analysedAt: d.analysedAt,
  dueAt: d.dueAt,
});

export const toReferralAnswered = (d: SignalEventData<'ReferralAnswered'>): ReferralAnsweredPayload => ({
  reference: d.reference,
  kind: d.kind,
  answeredBy: d.answeredBy,
  answeredAt: d.answeredAt,
  answer: {
    ...(d.information !== undefined ? { information: d.information } : {}),
    ...(d.documents ? { documents: d.documents.map((x) => ({ type: x.type, referenceNumber: x.referenceNumber })) } : {}),
    ...(d.screening
      ? {
          screening: {
            result: d.screening.result,
            methods: [...d.screening.methods],
            ...(d.screening.additionalInformation !== undefined ? { additionalInformation: d.screening.additionalInformation } : {}),
          },
        }
      : {}),
  },
});

export const toEscalation = (d: SignalEventData<'RiskAnalysisEscalated'>): EscalationPayload => ({ phase: d.phase, dueAt: d.dueAt, escalatedAt: d.escalatedAt });

export const toSuperseded = (d: SignalEventData<'RiskAnalysisSuperseded'>): SupersededPayload => ({
  phase: d.phase,
  ...(d.supersededBy ? { supersededBy: d.supersededBy } : {}),
  trigger: d.trigger,
  outcome: d.outcome,
  ...(d.unlinkedMrn ? { unlinkedMrn: d.unlinkedMrn } : {}),
  openReferrals: [...d.openReferrals],
  supersededAt: d.supersededAt,
});

export const toMitigation = (d: SignalEventData<'RiskMitigationAdded'>): MitigationPayload => ({ information: d.information, addedBy: d.user.memberState, addedAt: d.addedAt });

export const toAssessed = (d: SignalEventData<'RiskAssessmentCompleted'>, to: MemberState): ClosedPayload => {
  const c = d.controlRecommendation;
  return {
    outcome: 'assessed',
    by: d.by,
    completedAt: d.completedAt,
    controlRecommended: !!c,
    ...(c && c.memberState === to
      ? { controlRecommendation: { controlType: c.controlType, memberState: c.memberState, ...(c.place ? { place: c.place } : {}), ...(c.reason ? { reason: c.reason } : {}) } }
      : {}),
  };
};

export const toDoNotLoad = (d: SignalEventData<'DoNotLoadIssued'>): ClosedPayload => ({ outcome: 'do-not-load', houseDocuments: [...d.houseDocuments], reason: d.reason, issuedAt: d.issuedAt });

export const toControlDecision = (d: SignalEventData<'ControlDecided'>): ControlDecisionPayload => ({
  caseId: d.caseId,
  control: d.control,
  ...(d.controlType ? { controlType: d.controlType } : {}),
  ...(d.office ? { office: d.office } : {}),
  ...(d.scheduledAt ? { scheduledAt: d.scheduledAt } : {}),
  ...(d.reason ? { reason: d.reason } : {}),
  memberStateOfControl: d.user.memberState,
  decidedAt: d.decidedAt,
});

// Goods and quantities stay with the case (GetCase): the signal says what the risk unit's targeting needs.
export const toControlResult = (d: SignalEventData<'ControlResultRecorded'>): ControlResultPayload => ({
  caseId: d.caseId,
  resultId: d.resultId,
  outcome: d.outcome,
  released: d.released,
  confirmedCriteria: (d.findings.confirmedCriteria ?? []).map((k) => ({ id: k.id, version: k.version })),
  ...(d.corrects ? { corrects: d.corrects } : {}),
  memberStateOfControl: d.memberStateOfControl,
  recordedAt: d.recordedAt,
});
