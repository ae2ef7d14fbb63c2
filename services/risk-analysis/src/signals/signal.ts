/**
 * The words of the Member State signal streams: which signals there are, what the projection knows of an analysis
 * when an event does not say whom it concerns, and what one signal is before it gets its place in a Member State's
 * stream.
 */
import type { ControlEvent, RiskEvent } from '@ics2/contracts';
import type { SignalPayload } from './signal-payloads';

/** Every event the signals subscription reads (the `risk` and `control` categories). */
export type SignalEvent = RiskEvent | ControlEvent;
export type SignalEventType = SignalEvent['type'];
export type SignalEventData<T extends SignalEventType> = Extract<SignalEvent, { type: T }>['data'];

/** The signal kinds (the proto's Signal.kind). */
export type SignalKind =
  | 'analysis' // hits or manual review, to the responsible Member State
  | 'involved' // the same analysis, to each involved Member State
  | 'referral-answered' // the person filing answered a referral, to the responsible Member State
  | 'escalation' // the analysis is past its deadline, to the responsible Member State
  | 'superseded' // a re-analysis took the analysis's place (and may have assessed it at once), or a member left its ENS (none yet), to its responsible and involved Member States
  | 'mitigation' // an involved Member State added risk-mitigating information, to the responsible one
  | 'closed' // assessment complete or do not load, to the involved Member States
  | 'control-decision' // the Member State of control decided whether and how, to the responsible one that recommended it
  | 'control-result'; // the control's result (or its correction), to the responsible Member State: closes the case

/**
 * What the signals projection keeps of an analysis (signal_analyses, from its RiskAnalysed on the same risk stream,
 * so always there before the analysis's later events).
 */
export interface AnalysisFacts {
  readonly mrn: string;
  readonly analysisId: string;
  readonly phase: string;
  readonly responsibleMemberState: string;
  readonly involvedMemberStates: readonly string[];
  /** Hits or manual review: the analysis went to the risk unit, and its involved Member States were told. */
  readonly referred: boolean;
}

/** One recipient of one signal kind: a Member State code. */
export type MemberState = string;

/** A signal the rules derived from one event, before the projection gives it the Member State's next cursor. */
export interface SignalDraft {
  /** Name-based from (source event id, kind, Member State): the same event always gives the same id. */
  readonly id: string;
  readonly memberState: MemberState;
  readonly kind: SignalKind;
  readonly mrn: string;
  readonly analysisId: string;
  readonly phase: string;
  readonly payload: SignalPayload;
}
