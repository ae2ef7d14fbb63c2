/**
 * Which signals each risk event becomes, and which Member States' streams receive each (issue 4, "The flow" 3-6;
 * ics2-reference 9, 11.1). The projection reads this table and nothing else decides: a new signal is a new row.
 *
 * Every risk event type has a row (the compiler insists: a mapped type here, a never check in phaseOf), an empty
 * one when it signals nobody, so a new event type in contracts is a decision here rather than a silent gap.
 * `analysis` is what the projection knows of the event's analysis (signal_analyses, from its RiskAnalysed): the
 * later events do not name the responsible and involved Member States themselves.
 *
 * Two principles behind the rows:
 * - A signal tells a Member State what happened or what someone else did, never echoes its own act: the risk unit
 *   that asked for information, dismissed a hit, completed or stopped the analysis has its DecisionReply.
 * - Only analyses that went to a risk unit (hits, or the responsible Member State's manual review) make signals:
 *   a no-hit filing assessed at once (or held for its pre-loading analysis) is nobody's work, and at ICS2 volumes
 *   telling the involved Member States of each would bury the few that matter.
 */
import type { AnalysisFacts, MemberState, SignalEvent, SignalEventData, SignalEventType, SignalKind } from './signal';
import {
  toAnalysis,
  toAssessed,
  toControlDecision,
  toControlResult,
  toDoNotLoad,
  toEscalation,
  toInvolved,
  toMitigation,
  toReferralAnswered,
  toSuperseded,
  type SignalPayload,
} from './signal-payloads';

export interface SignalRule<T extends SignalEventType> {
  readonly kind: SignalKind;
  /** The Member States whose streams get it; none when the event concerns nobody's risk unit. */
  readonly to: (data: SignalEventData<T>, analysis: AnalysisFacts | undefined) => readonly MemberState[];
  /** What the signal carries for one Member State, named field by field (signal-payloads.ts). */
  readonly payload: (data: SignalEventData<T>, to: MemberState) => SignalPayload;
}

export type SignalRules = { readonly [T in SignalEventType]: readonly SignalRule<T>[] };

/** The stream categories the table reads (the subscription's filter). */
export const SIGNAL_CATEGORIES: readonly string[] = ['risk', 'control'];

// Recipients ----------------------------------------------------------------------------------------------------

/** An analysis goes to a risk unit when it hit, or when the responsible Member State reviews every filing. */
export const isReferred = (d: SignalEventData<'RiskAnalysed'>): boolean => d.hits.length > 0 || d.manualReview;

/** The involved Member States other than the responsible one, each once. */
const othersInvolved = (rms: string, ims: readonly string[]): MemberState[] => [...new Set(ims)].filter((ms) => ms !== rms);

const responsibleOfReferred = (d: SignalEventData<'RiskAnalysed'>): MemberState[] => (isReferred(d) ? [d.responsibleMemberState] : []);

const involvedOfReferred = (d: SignalEventData<'RiskAnalysed'>): MemberState[] => (isReferred(d) ? othersInvolved(d.responsibleMemberState, d.involvedMemberStates) : []);

/** The responsible Member State of a referred analysis. */
const responsible = (_d: unknown, a: AnalysisFacts | undefined): MemberState[] => (a?.referred ? [a.responsibleMemberState] : []);

/** The responsible and the other involved Member States of a referred analysis: every Member State it was told to. */
const responsibleAndInvolved = (_d: unknown, a: AnalysisFacts | undefined): MemberState[] =>
  a?.referred ? [a.responsibleMemberState, ...othersInvolved(a.responsibleMemberState, a.involvedMemberStates)] : [];

/** The responsible Member State, unless it added the information itself. */
const responsibleUnlessAuthor = (d: SignalEventData<'RiskMitigationAdded'>, a: AnalysisFacts | undefined): MemberState[] =>
  responsible(d, a).filter((ms) => ms !== d.user.memberState);

/** The involved Member States of a referred analysis, but not the one that decided the outcome. */
const involvedExceptDecider = (d: { readonly user?: { readonly memberState: string } }, a: AnalysisFacts | undefined): MemberState[] =>
  a?.referred ? othersInvolved(a.responsibleMemberState, a.involvedMemberStates).filter((ms) => ms !== d.user?.memberState) : [];

// The table -----------------------------------------------------------------------------------------------------

export const SIGNAL_RULES: SignalRules = {
  // Hits or manual review: the responsible risk unit decides (hits whole), the involved are told (no matched values).
  // Without either the analysis is assessed at once (IE3N03 through the operators' inbox): no signal.
  RiskAnalysed: [
    { kind: 'analysis', to: responsibleOfReferred, payload: toAnalysis },
    { kind: 'involved', to: involvedOfReferred, payload: toInvolved },
  ],
  // The answer goes back to the risk unit that asked (issue 4, "The flow" 5): analysis can loop.
  ReferralAnswered: [{ kind: 'referral-answered', to: responsible, payload: toReferralAnswered }],
  // A re-analysis (amendment, criteria change) took the place of an analysis a risk unit holds, maybe assessing the
  // ENS at once: the unit must stop deciding on it, and the involved Member States stop adding to it.
  RiskAnalysisSuperseded: [{ kind: 'superseded', to: responsibleAndInvolved, payload: toSuperseded }],
  // Past its deadline (issue 4, "The flow" 6).
  RiskAnalysisEscalated: [{ kind: 'escalation', to: responsible, payload: toEscalation }],
  // To the deciding risk unit only: the other involved Member States learn the outcome (`closed`).
  RiskMitigationAdded: [{ kind: 'mitigation', to: responsibleUnlessAuthor, payload: toMitigation }],
  // The outcome, so the involved Member States know; nothing to the deciding one.
  RiskAssessmentCompleted: [{ kind: 'closed', to: involvedExceptDecider, payload: toAssessed }],
  DoNotLoadIssued: [{ kind: 'closed', to: involvedExceptDecider, payload: toDoNotLoad }],
  // The responsible risk unit's own acts: it has its DecisionReply.
  ReferralRequested: [],
  RiskHitDismissed: [],
  // [U] Nothing to decide on an assessed analysis: the re-analysis, when the ENS completes again, is signalled as any.
  RiskAssessmentOutdated: [],

  // Control results (issue 5): the risk unit that recommended the control is told the decision and the result,
  // closing its case. Always told, even when its own Member State controls: the risk unit is not the customs office
  // that decided or controlled. The events name the responsible Member State themselves (another stream, another
  // partition: signal_analyses may not have its RiskAnalysed yet).
  ControlCaseOpened: [],
  ControlDecided: [{ kind: 'control-decision', to: (d) => [d.responsibleMemberState], payload: toControlDecision }],
  ControlResultRecorded: [{ kind: 'control-result', to: (d) => [d.responsibleMemberState], payload: toControlResult }],
};

/**
 * Where a signal's phase comes from: the event when it names one, else its analysis. A switch with a never check,
 * like the table's mapped type: a new risk event type does not compile until it is placed here too.
 */
export function phaseOf(event: SignalEvent, analysis: AnalysisFacts | undefined): string | undefined {
  switch (event.type) {
    case 'RiskAnalysed':
    case 'RiskAnalysisSuperseded':
    case 'RiskAssessmentCompleted':
    case 'RiskAssessmentOutdated':
    case 'RiskAnalysisEscalated':
    case 'ControlCaseOpened':
    case 'ControlDecided':
    case 'ControlResultRecorded':
      return event.data.phase;
    case 'ReferralRequested':
    case 'ReferralAnswered':
    case 'RiskMitigationAdded':
    case 'DoNotLoadIssued':
    case 'RiskHitDismissed':
      return analysis?.phase;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
