/** Applies the rules table to one risk event: pure, so the table is tested without a database. */
import { feedItemId } from '@ics2/platform';
import type { AnalysisFacts, SignalDraft, SignalEvent, SignalEventType } from './signal';
import { isReferred, phaseOf, SIGNAL_RULES, type SignalRule } from './signal-rules.table';

/** The signals' own namespace (a random v4 UUID, fixed forever: changing it changes every signal id). */
export const SIGNAL_ID_NAMESPACE = '8d7a0f3e-5c21-4e9b-b6d4-1a2f9c3e7b50';

export const signalId = (sourceEventId: string, kind: string, memberState: string): string => feedItemId(SIGNAL_ID_NAMESPACE, [sourceEventId, kind, memberState]);

/** What the projection keeps of an analysis, from its RiskAnalysed. */
export function factsOf(d: Extract<SignalEvent, { type: 'RiskAnalysed' }>['data']): AnalysisFacts {
  return {
    mrn: d.mrn,
    analysisId: d.analysisId,
    phase: d.phase,
    responsibleMemberState: d.responsibleMemberState,
    involvedMemberStates: [...d.involvedMemberStates],
    referred: isReferred(d),
  };
}

/**
 * The signals `event` (recorded under `eventId`) gives, in table order; ids are unique within the result.
 * `analysis` is what the projection knows of the event's analysis (for a RiskAnalysed, the event itself).
 */
export function draftSignals(eventId: string, event: SignalEvent, analysis: AnalysisFacts | undefined): SignalDraft[] {
  // Correlated by `type`: the row for event.type takes event.data. An unknown type (a newer producer) has no row.
  const rules = (SIGNAL_RULES[event.type] ?? []) as readonly SignalRule<SignalEventType>[];
  const phase = rules.length ? phaseOf(event, analysis) : undefined;
  const drafts = new Map<string, SignalDraft>();
  for (const rule of rules) {
    for (const memberState of rule.to(event.data, analysis)) {
      const id = signalId(eventId, rule.kind, memberState);
      if (drafts.has(id)) continue;
      drafts.set(id, { id, memberState, kind: rule.kind, mrn: event.data.mrn, analysisId: event.data.analysisId, phase: phase ?? '', payload: rule.payload(event.data, memberState) });
    }
  }
  return [...drafts.values()];
}
