/**
 * The published language of risk-analysis: the risk stream of an ENS, `risk-<mrn>` (the MRN of the filing that
 * heads the ENS), and the criteria streams, `criterion-<id>`. trader-interface projects the referrals and
 * assessments into the operators' inboxes; control-results consumes control recommendations; auditors read every
 * analysis with the exact criteria versions that produced it. Correlation id: the head MRN (the criterion id for
 * criteria events).
 */
import type { Event } from '@ics2/domain';
import type { RiskAnalysisPhase } from '../ens/ens-events';
import type { Criterion } from './criterion';
import type { RiskHit } from './risk-assessment';

/** Who acted for a Member State: its risk unit's user. */
export interface MemberStateUser {
  readonly memberState: string;
  readonly userId: string;
}

/** What a risk unit recommends when it completes an assessment (ics2-reference 11.3, RAT18). */
export interface ControlRecommendation {
  /** The project's list (README): documentary, scan, physical, sampling, other. */
  readonly controlType: string;
  /** Where: a customs office (an8), or a free-text place. */
  readonly place?: string;
  /** The Member State asked to control: of first entry, presentation or destination. */
  readonly memberState: string;
  readonly reason?: string;
}

/**
 * `ens-recompleted`: the ENS completed again with other members (a house invalidated and refiled).
 * `consistency-checked`: the common repository's consistency check of a linked ENS, recorded after the completion
 * the analysis started from, changed what the criteria find (an `inconsistency` condition now holds).
 */
export type RiskAnalysisTrigger = 'ens-complete' | 'ens-recompleted' | 'amendment' | 'criteria-changed' | 'consistency-checked';

/** An analysis ran: the active criteria versions it used and every hit. No hit and no manual review: assessed at once. */
export type RiskAnalysed = Event<
  'RiskAnalysed',
  {
    readonly mrn: string;
    /** `<phase>-<n>`: each analysis of a phase, first and re-analyses, has its own. */
    readonly analysisId: string;
    readonly phase: RiskAnalysisPhase;
    readonly trigger: RiskAnalysisTrigger;
    readonly members: readonly string[];
    readonly responsibleMemberState: string;
    readonly involvedMemberStates: readonly string[];
    /** The person filing the ENS head, and the carrier: who the referrals and IE3N03 go to. */
    readonly personFiling: string;
    readonly carrier?: string;
    /**
     * The person filing of each filing analysed (`members`, head first): an IE3N03 goes to each, about its own
     * filing (a house filer learns its house consignment was assessed); `houseDocuments`, the house transport documents
     * its filing declares: a referral naming only a house filer's houses goes to it. Absent from analyses recorded before it
     * (optional, so schema version 1 holds): their IE3N03 went to the head's person filing and the carrier only.
     */
    readonly memberFilers?: readonly { readonly mrn: string; readonly personFiling: string; readonly houseDocuments?: readonly string[] }[];
    /** Of the person filing and the carrier, those holding AEO status (an advance notice goes to them, IE3N09). */
    readonly aeoParties?: readonly string[];
    /**
     * The house transport document numbers of the consignment analysed, each once: the only ones a referral or a
     * do-not-load on it may name. Absent from analyses recorded before it (optional, so schema version 1 holds):
     * their decisions' house documents are not checked.
     */
    readonly houseDocuments?: readonly string[];
    /**
     * The criteria versions that applied: active, in force, of its phase, EU-wide or the responsible Member State's.
     * Analyses recorded before this rule list every active version: a criteria change may re-analyse them once.
     */
    readonly criteria: readonly { readonly id: string; readonly version: number }[];
    readonly hits: readonly RiskHit[];
    readonly totalScore: number;
    /** The responsible Member State reviews every filing itself (its policy), hits or not. */
    readonly manualReview: boolean;
    readonly analysedAt: string;
    /** When the analysis must be concluded; past it, an escalation goes to the risk unit. */
    readonly dueAt: string;
  }
>;

/**
 * Why an open analysis stopped being the one to decide on: a re-analysis (RiskAnalysisTrigger), or `member-unlinked`,
 * a member of the ENS it analysed left it (the common repository's EnsFilingUnlinked: the house invalidated, or
 * refusing its link), so the ENS is no longer complete and no analysis takes its place until it completes again.
 */
export type RiskSupersessionTrigger = RiskAnalysisTrigger | 'member-unlinked';

/**
 * An analysis still open when a re-analysis of its phase (an amendment, a criteria change) took its place, or when a
 * member of its ENS was unlinked: from now on it refuses decisions. Recorded just before the RiskAnalysed that
 * replaces it, so the risk unit holding it is told. `outcome`: the replacing analysis awaits the risk unit, or was
 * assessed at once (no hit: IE3N03), or none replaces it yet (`awaiting-completion`: trigger `member-unlinked`, no
 * `supersededBy`; the ENS completing again analyses it anew). `openReferrals`: its referrals still unanswered, which
 * close with it (an answer to them is refused). Analyses superseded before this event existed have none: their
 * RiskAnalysed successor alone says so. `awaiting-completion`, `member-unlinked` and `unlinkedMrn` came later and
 * only widen the shape (`supersededBy` is there whenever a re-analysis replaced it), so schema version 1 holds.
 */
export type RiskAnalysisSuperseded = Event<
  'RiskAnalysisSuperseded',
  {
    readonly mrn: string;
    readonly analysisId: string;
    readonly phase: RiskAnalysisPhase;
    /** The analysis that replaced it; absent while none does (`awaiting-completion`). */
    readonly supersededBy?: string;
    readonly trigger: RiskSupersessionTrigger;
    readonly outcome: 'awaiting-risk-unit' | 'assessed' | 'awaiting-completion';
    /** `member-unlinked`: the member that left the ENS (an MRN the analysis named). */
    readonly unlinkedMrn?: string;
    readonly openReferrals: readonly string[];
    readonly supersededAt: string;
  }
>;

/**
 * An assessed analysis (its IE3N03 sent) no longer stands for its phase: a member of the ENS it assessed left it
 * (`member-unlinked`: the common repository's EnsFilingUnlinked, the house invalidated or refusing its link). The
 * assessment stays as recorded (IE3N03 is not withdrawn), but the ENS it covered is gone: the phase awaits the ENS's
 * completion, which analyses it anew (`ens-recompleted`, even with the same members), and while the pre-loading
 * analysis is outdated no pre-arrival analysis is assessed (a no-hit one is held). Added with no change to the other
 * events, so their schema versions hold and streams recorded before it replay as they did.
 */
export type RiskAssessmentOutdated = Event<
  'RiskAssessmentOutdated',
  {
    readonly mrn: string;
    readonly analysisId: string;
    readonly phase: RiskAnalysisPhase;
    readonly trigger: 'member-unlinked';
    /** The member that left the ENS (an MRN the analysis named). */
    readonly unlinkedMrn: string;
    readonly outdatedAt: string;
  }
>;

/** IE3N03: assessment complete, automatically (no hit) or by the risk unit, with or without a control recommendation. */
export type RiskAssessmentCompleted = Event<
  'RiskAssessmentCompleted',
  {
    readonly mrn: string;
    readonly analysisId: string;
    readonly phase: RiskAnalysisPhase;
    readonly by: 'automatic' | 'risk-unit';
    readonly user?: MemberStateUser;
    readonly responsibleMemberState: string;
    readonly controlRecommendation?: ControlRecommendation;
    readonly completedAt: string;
  }
>;

/** An involved Member State (or the responsible one) adds risk-mitigating information to an analysis. */
export type RiskMitigationAdded = Event<
  'RiskMitigationAdded',
  { readonly mrn: string; readonly analysisId: string; readonly user: MemberStateUser; readonly information: string; readonly addedAt: string }
>;

export type ReferralKind = 'RFI' | 'RFS';

/** IE3Q02 (RFI) or IE3Q03 (RFS, HRCM screening) to the person filing; IE3N04 / IE3N05 to the carrier. */
export type ReferralRequested = Event<
  'ReferralRequested',
  {
    readonly mrn: string;
    readonly analysisId: string;
    readonly reference: string;
    readonly kind: ReferralKind;
    readonly houseDocuments: readonly string[];
    /** RFI: what is asked for. */
    readonly information?: string;
    /** RFS: recommended HRCM screening methods (CL724 as the project lists them), 0..9: absent when it recommends none. */
    readonly recommendedMethods?: readonly string[];
    readonly personFiling: string;
    readonly carrier?: string;
    readonly user: MemberStateUser;
    readonly requestedAt: string;
  }
>;

/** IE3R02 (information) or IE3R03 (screening result) from the person filing. */
export type ReferralAnswered = Event<
  'ReferralAnswered',
  {
    readonly mrn: string;
    readonly analysisId: string;
    readonly reference: string;
    readonly kind: ReferralKind;
    readonly answeredBy: string;
    readonly information?: string;
    readonly documents?: readonly { readonly type: string; readonly referenceNumber: string }[];
    /**
     * An IE3R03's result, methods and additional information. `additionalInformation` came later and is optional, so
     * schema version 1 still holds: events recorded before it simply lack it.
     */
    readonly screening?: { readonly result: string; readonly methods: readonly string[]; readonly additionalInformation?: string };
    readonly answeredAt: string;
  }
>;

/** IE3Q01 to the carrier: the goods must not be loaded. Final for that consignment. */
export type DoNotLoadIssued = Event<
  'DoNotLoadIssued',
  {
    readonly mrn: string;
    readonly analysisId: string;
    readonly houseDocuments: readonly string[];
    readonly reason: string;
    readonly carrier?: string;
    readonly personFiling: string;
    readonly user: MemberStateUser;
    readonly issuedAt: string;
  }
>;

/** The risk unit judged a hit a false positive (criteria statistics count these). */
export type RiskHitDismissed = Event<
  'RiskHitDismissed',
  {
    readonly mrn: string;
    readonly analysisId: string;
    readonly criterionId: string;
    readonly version: number;
    readonly house?: string;
    readonly reason: string;
    readonly user: MemberStateUser;
    readonly dismissedAt: string;
  }
>;

/** An analysis still open at its deadline: the risk unit is told. */
export type RiskAnalysisEscalated = Event<
  'RiskAnalysisEscalated',
  { readonly mrn: string; readonly analysisId: string; readonly phase: RiskAnalysisPhase; readonly dueAt: string; readonly escalatedAt: string }
>;

export type RiskEvent =
  | RiskAnalysed
  | RiskAnalysisSuperseded
  | RiskAssessmentCompleted
  | RiskAssessmentOutdated
  | RiskMitigationAdded
  | ReferralRequested
  | ReferralAnswered
  | DoNotLoadIssued
  | RiskHitDismissed
  | RiskAnalysisEscalated;

/** A criterion version as recorded (from a file at start, over gRPC, or from a RIF's risk profile). */
export type CriterionVersionRecorded = Event<
  'CriterionVersionRecorded',
  { readonly criterion: Criterion; readonly source: 'file' | 'grpc' | 'rif'; readonly recordedBy: string; readonly recordedAt: string }
>;

export type CriterionActivated = Event<
  'CriterionActivated',
  { readonly id: string; readonly version: number; readonly activatedBy: string; readonly activatedAt: string; readonly origin?: { readonly rifId: string } }
>;

export type CriterionDeactivated = Event<
  'CriterionDeactivated',
  { readonly id: string; readonly version: number; readonly deactivatedBy: string; readonly deactivatedAt: string; readonly reason?: string }
>;

export type CriterionEvent = CriterionVersionRecorded | CriterionActivated | CriterionDeactivated;

export const RISK_SCHEMA_VERSIONS: Readonly<Record<RiskEvent['type'] | CriterionEvent['type'], number>> = {
  RiskAnalysed: 1,
  RiskAnalysisSuperseded: 1,
  RiskAssessmentCompleted: 1,
  RiskAssessmentOutdated: 1,
  RiskMitigationAdded: 1,
  ReferralRequested: 1,
  ReferralAnswered: 1,
  DoNotLoadIssued: 1,
  RiskHitDismissed: 1,
  RiskAnalysisEscalated: 1,
  CriterionVersionRecorded: 1,
  CriterionActivated: 1,
  CriterionDeactivated: 1,
};
