/**
 * Risk events into analyses: one row per analysis, the risk units' queue and what GetAnalysis shows. A row records
 * the risk stream revision it reflects; an event applies once (a redelivery finds the revision passed).
 *
 * One statement per event, each change computed by PostgreSQL from the row as it stands (`revision < $3` is the
 * once-only rule): reading the row first and writing it back cost two round trips and TypeORM's query building,
 * which made this the slowest projection to replay.
 */
import type { RiskEvent } from '@ics2/contracts';
import type { RecordedEvent } from '@ics2/event-store';
import type { ReadModelTransaction } from '@ics2/platform';
import { RISK_ANALYSIS_SCHEMA } from '../../database/schema';

const TABLE = `${RISK_ANALYSIS_SCHEMA}.analyses`;

const hitKey = (criterionId: string, version: number, house?: string) => `${criterionId}@${version}@${house ?? ''}`;

/**
 * The SET clause and its parameters ($4 on) for a later event of an analysis; null for one that changes only the
 * revision. `rows` widens the rows it applies to beyond the analysis the event names.
 */
function changeOf(event: Exclude<RiskEvent, { type: 'RiskAnalysed' }>): { set: string; params: unknown[]; rows?: string } | null {
  switch (event.type) {
    case 'RiskAssessmentCompleted':
      return { set: `status = 'assessed'`, params: [] };
    case 'RiskAnalysisSuperseded':
      // A member unlinked: no analysis replaces it until the ENS completes again (risk.evolve.ts).
      return { set: event.data.outcome === 'awaiting-completion' ? `status = 'awaiting-completion'` : `status = 'superseded'`, params: [] };
    case 'DoNotLoadIssued':
      // Final for the consignment: every analysis of the ENS still open closes with the one it names (risk.evolve.ts).
      return { set: `status = 'do-not-load'`, params: [], rows: `status = 'awaiting-risk-unit'` };
    case 'ReferralRequested': {
      const { reference, kind, houseDocuments } = event.data;
      return { set: `referrals = referrals || jsonb_build_array($4::jsonb)`, params: [JSON.stringify({ reference, kind, status: 'open', houseDocuments: [...houseDocuments] })] };
    }
    case 'ReferralAnswered':
      return {
        set: `referrals = (SELECT coalesce(jsonb_agg(CASE WHEN r->>'reference' = $4 THEN r || '{"status":"answered"}'::jsonb ELSE r END ORDER BY o), '[]'::jsonb)
                             FROM jsonb_array_elements(referrals) WITH ORDINALITY AS x(r, o))`,
        params: [event.data.reference],
      };
    case 'RiskHitDismissed':
      return { set: `dismissed = array_append(dismissed, $4::text)`, params: [hitKey(event.data.criterionId, event.data.version, event.data.house)] };
    case 'RiskAnalysisEscalated':
      return { set: `escalated = true`, params: [] };
    case 'RiskMitigationAdded':
      return null;
    case 'RiskAssessmentOutdated':
      // Stays assessed, as its IE3N03 does: the decider alone needs to know its phase awaits the ENS's completion.
      return null;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

export async function projectAnalysis(recorded: RecordedEvent, tx: ReadModelTransaction): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as RiskEvent;
  const { mrn, analysisId } = event.data;
  if (event.type === 'RiskAnalysed') {
    const d = event.data;
    // The re-analysis takes the place of the phase's analysis still open or awaiting the ENS's completion
    // (risk.evolve.ts): other rows than the one inserted, so both in one statement. Only rows whose last applied event
    // is older (the once-only rule): delivered again, the event would otherwise supersede a later re-analysis open now.
    // A superseded row keeps its revision, as rows superseded so far have: nothing changes it again.
    await tx.query(
      `WITH superseded AS (
         UPDATE ${TABLE} SET status = 'superseded'
          WHERE mrn = $1 AND phase = $4 AND analysis_id <> $2 AND status IN ('awaiting-risk-unit', 'awaiting-completion') AND revision < $3)
       INSERT INTO ${TABLE} (mrn, analysis_id, revision, phase, status, responsible_member_state, involved_member_states, hits, total_score, criteria,
                             dismissed, referrals, analysed_at, due_at, escalated, manual_review)
       VALUES ($1, $2, $3, $4, 'awaiting-risk-unit', $5, $6::text[], $7::jsonb, $8, $9::jsonb, '{}', '[]', $10, $11, false, $12)
       ON CONFLICT (mrn, analysis_id) DO NOTHING`,
      [mrn, analysisId, recorded.revision, d.phase, d.responsibleMemberState, [...d.involvedMemberStates], JSON.stringify(d.hits), d.totalScore, JSON.stringify(d.criteria), d.analysedAt, d.dueAt, d.manualReview],
    );
    return;
  }
  const change = changeOf(event);
  const rows = change?.rows ? `(analysis_id = $2 OR ${change.rows})` : 'analysis_id = $2';
  await tx.query(`UPDATE ${TABLE} SET revision = $3${change ? `, ${change.set}` : ''} WHERE mrn = $1 AND ${rows} AND revision < $3`, [
    mrn,
    analysisId,
    recorded.revision,
    ...(change?.params ?? []),
  ]);
}
