/**
 * Risk events into the Member State signal streams, inside the subscription's transaction: an analysis's
 * RiskAnalysed into signal_analyses (insert-or-ignore: who it concerns, whether it went to a risk unit), then the
 * rules table's signals into the feed's sequencer, which numbers and writes them just before the transaction
 * commits. The later events of an analysis find its Member States in signal_analyses: events of one risk stream
 * arrive in order (one partition), so its RiskAnalysed is always there first. This projection's own table, not
 * `analyses` (another subscription's, which may lag or be rebuilt on its own).
 *
 * Idempotent: the analysis row is inserted once, and signal ids are name-based (source event, kind, Member State),
 * so a redelivered or replayed event adds nothing. Across partitions a Member State's signals are numbered in
 * commit order, so a rebuild (empty tables, replay) gives the same signals and ids but may number them otherwise:
 * units then start again from the first cursor (the Signal message carries no id yet to recognise them by).
 */
import type { RecordedEvent } from '@ics2/event-store';
import type { ReadModelTransaction } from '@ics2/platform';
import { RISK_ANALYSIS_SCHEMA } from '../database/schema';
import type { AnalysisFacts, SignalEvent, SignalEventType } from './signal';
import { draftSignals, factsOf } from './signal-drafts';
import { SIGNAL_RULES } from './signal-rules.table';
import { signalsSequencer } from './signals.feed';

const ANALYSES = `${RISK_ANALYSIS_SCHEMA}.signal_analyses`;

async function recordAnalysis(tx: ReadModelTransaction, a: AnalysisFacts): Promise<void> {
  await tx.query(
    `INSERT INTO ${ANALYSES} (mrn, analysis_id, phase, responsible_member_state, involved_member_states, referred)
     VALUES ($1, $2, $3, $4, $5::text[], $6) ON CONFLICT (mrn, analysis_id) DO NOTHING`,
    [a.mrn, a.analysisId, a.phase, a.responsibleMemberState, [...a.involvedMemberStates], a.referred],
  );
}

async function analysisFacts(tx: ReadModelTransaction, mrn: string, analysisId: string): Promise<AnalysisFacts | undefined> {
  const [row] = await tx.query<{ phase: string; responsible_member_state: string; involved_member_states: string[]; referred: boolean }>(
    `SELECT phase, responsible_member_state, involved_member_states, referred FROM ${ANALYSES} WHERE mrn = $1 AND analysis_id = $2`,
    [mrn, analysisId],
  );
  return row ? { mrn, analysisId, phase: row.phase, responsibleMemberState: row.responsible_member_state, involvedMemberStates: row.involved_member_states, referred: row.referred } : undefined;
}

export async function projectSignals(recorded: RecordedEvent, tx: ReadModelTransaction): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as SignalEvent;
  // An event type this version does not know (a newer producer) has no row and signals nobody.
  if (!Object.hasOwn(SIGNAL_RULES, event.type)) return;
  let analysis: AnalysisFacts | undefined;
  if (event.type === 'RiskAnalysed') {
    analysis = factsOf(event.data);
    await recordAnalysis(tx, analysis);
  } else if (SIGNAL_RULES[event.type as SignalEventType].length > 0) {
    analysis = await analysisFacts(tx, event.data.mrn, event.data.analysisId);
  }
  const drafts = draftSignals(recorded.id, event, analysis);
  if (drafts.length === 0) return;
  signalsSequencer.enqueue(
    tx,
    drafts.map((d) => ({ ...d, createdAt: recorded.recordedAt, sourceEventId: recorded.id })),
  );
}
