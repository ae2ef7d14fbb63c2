/** What can be asked of an ENS's risk stream. Every input arrives as data: the clock, the user, the engine's result. */
import type { Command } from '@ics2/domain';
import type { ControlRecommendation, MemberStateUser, ReferralKind, RiskAnalysed, RiskAnalysisPhase } from '@ics2/contracts';

/** The engine's result for the ENS, with what the analysis processor gathered; the decider numbers the analysis. */
export type Analyse = Command<'Analyse', Omit<RiskAnalysed['data'], 'analysisId'>>;

export type RequestReferral = Command<
  'RequestReferral',
  {
    readonly analysisId: string;
    readonly kind: ReferralKind;
    readonly houseDocuments: readonly string[];
    readonly information?: string;
    readonly recommendedMethods?: readonly string[];
    readonly user: MemberStateUser;
    readonly at: string;
  }
>;

/** IE3R02, the answer to a request for information: information, documents or both. */
export interface InformationAnswer {
  readonly messageType: 'IE3R02';
  readonly information?: string;
  readonly documents?: readonly { readonly type: string; readonly referenceNumber: string }[];
}

/** IE3R03, the answer to a request for HRCM screening: the result, the methods used, optional additional information. */
export interface ScreeningAnswer {
  readonly messageType: 'IE3R03';
  readonly screening: { readonly result: string; readonly methods: readonly string[]; readonly additionalInformation?: string };
}

/** The operator says which answer it sends; whether that answer fits the referral is the decider's to say. */
export type AnswerReferral = Command<'AnswerReferral', { readonly reference: string; readonly by: string; readonly at: string } & (InformationAnswer | ScreeningAnswer)>;

export type IssueDoNotLoad = Command<
  'IssueDoNotLoad',
  { readonly analysisId: string; readonly houseDocuments: readonly string[]; readonly reason: string; readonly user: MemberStateUser; readonly at: string }
>;

export type CompleteAssessment = Command<
  'CompleteAssessment',
  { readonly analysisId: string; readonly controlRecommendation?: ControlRecommendation; readonly user: MemberStateUser; readonly at: string }
>;

export type DismissHit = Command<
  'DismissHit',
  { readonly analysisId: string; readonly criterionId: string; readonly version: number; readonly house?: string; readonly reason: string; readonly user: MemberStateUser; readonly at: string }
>;

export type AddMitigation = Command<'AddMitigation', { readonly analysisId: string; readonly information: string; readonly user: MemberStateUser; readonly at: string }>;

/**
 * The common repository released the link of `unlinkedMrn` from the ENS this stream analyses (EnsFilingUnlinked on
 * the head's stream): the ENS is no longer complete.
 */
export type NoteMemberUnlinked = Command<'NoteMemberUnlinked', { readonly unlinkedMrn: string; readonly at: string }>;

/** The deadline timer: `at` is its clock. */
export type Escalate = Command<'Escalate', { readonly at: string }>;

export type RiskCommand = Analyse | RequestReferral | AnswerReferral | IssueDoNotLoad | CompleteAssessment | DismissHit | AddMitigation | Escalate | NoteMemberUnlinked;

export type { RiskAnalysisPhase };
