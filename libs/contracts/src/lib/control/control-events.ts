/**
 * The published language of control-results: one control case per recommended control, on `control-<mrn>` (the ENS
 * head's MRN). The trader inbox projects decisions to control (IE3N08, IE3N09 to AEOs); risk-analysis closes the
 * case on its signal stream when a result comes; common-repository stops amendments once a control is decided.
 * Correlation id: the MRN.
 */
import type { Event } from '@ics2/domain';
import type { RiskAnalysisPhase } from '../ens/ens-events';
import type { ControlRecommendation, MemberStateUser } from '../risk/risk-events';

/**
 * Control outcomes (ICS2 publishes no list, ics2-reference 11.3: NCTS/AES codes must not be assumed). The project's
 * list: what a control found, or why none was done.
 */
export const CONTROL_OUTCOMES = {
  'no-irregularity': 'controlled, nothing irregular found',
  'irregularity-found': 'controlled, an irregularity found (described in the findings)',
  seizure: 'controlled, goods seized or detained',
  'goods-not-presented': 'the goods were not presented for control',
  'not-performed': 'the control was not performed (reason given)',
} as const;
export type ControlOutcome = keyof typeof CONTROL_OUTCOMES;

/** Outcomes that count as a positive result for the criteria statistics. */
export const POSITIVE_OUTCOMES: readonly ControlOutcome[] = ['irregularity-found', 'seizure'];

/** A recommended control opens a case for the Member State of control. */
export type ControlCaseOpened = Event<
  'ControlCaseOpened',
  {
    readonly mrn: string;
    readonly caseId: string;
    readonly analysisId: string;
    readonly phase: RiskAnalysisPhase;
    /** The ENS's filings (head first): a decision to control stops amendments on each. */
    readonly members: readonly string[];
    readonly recommendation: ControlRecommendation;
    readonly responsibleMemberState: string;
    readonly involvedMemberStates: readonly string[];
    readonly memberStateOfControl: string;
    readonly personFiling: string;
    readonly carrier?: string;
    /** Parties holding AEO status: a decision to control gives them an advance notice (IE3N09). */
    readonly aeoParties: readonly string[];
    /** The hits of the analysis that led to the recommendation: the criteria the control may confirm. */
    readonly criteria: readonly { readonly id: string; readonly version: number }[];
    readonly openedAt: string;
  }
>;

/** The Member State of control decides whether and how (IE3N08 when it controls; IE3N09 advance notice to AEOs). */
export type ControlDecided = Event<
  'ControlDecided',
  {
    readonly mrn: string;
    readonly caseId: string;
    /** The analysis that recommended the control, its phase and its responsible Member State (whose risk unit is told). */
    readonly analysisId: string;
    readonly phase: RiskAnalysisPhase;
    readonly responsibleMemberState: string;
    readonly control: boolean;
    readonly controlType?: string;
    readonly office?: string;
    readonly place?: string;
    readonly scheduledAt?: string;
    readonly reason?: string;
    /** The ENS's filings (head first): as the common repository held them at the decision when `memberFilers` is set. */
    readonly members: readonly string[];
    readonly personFiling: string;
    readonly carrier?: string;
    readonly aeoParties: readonly string[];
    /**
     * The person filing of each filing of the ENS as the common repository held it at the decision (head first; a
     * house invalidated since the analysis is gone, its refiling in; empty once the head ended). Absent in decisions
     * recorded before, or when the repository's stream was not found: the analysis's `members` and `personFiling`.
     */
    readonly memberFilers?: readonly { readonly mrn: string; readonly personFiling: string }[];
    readonly user: MemberStateUser;
    readonly decidedAt: string;
  }
>;

export interface ControlFindings {
  readonly goods?: string;
  readonly quantities?: string;
  /** The criteria the result confirms (a positive result for them). */
  readonly confirmedCriteria?: readonly { readonly id: string; readonly version: number }[];
  readonly notes?: string;
}

/** A control result; a correction is a new result naming the one it corrects (history is never rewritten). */
export type ControlResultRecorded = Event<
  'ControlResultRecorded',
  {
    readonly mrn: string;
    readonly caseId: string;
    readonly analysisId: string;
    readonly phase: RiskAnalysisPhase;
    readonly memberStateOfControl: string;
    readonly resultId: string;
    readonly outcome: ControlOutcome;
    readonly findings: ControlFindings;
    readonly released: boolean;
    readonly corrects?: string;
    readonly responsibleMemberState: string;
    readonly involvedMemberStates: readonly string[];
    readonly user: MemberStateUser;
    readonly recordedAt: string;
  }
>;

export type ControlEvent = ControlCaseOpened | ControlDecided | ControlResultRecorded;

export const CONTROL_SCHEMA_VERSIONS: Readonly<Record<ControlEvent['type'], number>> = {
  ControlCaseOpened: 1,
  ControlDecided: 1,
  ControlResultRecorded: 1,
};
