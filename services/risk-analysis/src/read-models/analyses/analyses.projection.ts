/**
 * Risk events into analyses: one row per analysis, the risk units' queue and what GetAnalysis shows. A row records
 * the risk stream revision it reflects; an event applies once (a redelivery finds the revision passed).
 */
import type { RiskEvent } from '@ics2/contracts';
import type { RecordedEvent } from '@ics2/event-store';
import type { ReadModelTransaction } from '@ics2/platform';
import { AnalysisRow } from './analysis.row';

const hitKey = (criterionId: string, version: number, house?: string) => `${criterionId}@${version}@${house ?? ''}`;

export async function projectAnalysis(recorded: RecordedEvent, tx: ReadModelTransaction): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as RiskEvent;
  const rows = tx.manager.getRepository(AnalysisRow);
  const { mrn, analysisId } = event.data;
  if (event.type === 'RiskAnalysed') {
    const d = event.data;
    await rows
      .createQueryBuilder()
      .insert()
      .values(
        Object.assign(new AnalysisRow(), {
          mrn,
          analysisId,
          revision: recorded.revision,
          phase: d.phase,
          status: 'awaiting-risk-unit',
          responsibleMemberState: d.responsibleMemberState,
          involvedMemberStates: [...d.involvedMemberStates],
          hits: [...d.hits],
          totalScore: d.totalScore,
          criteria: [...d.criteria],
          dismissed: [],
          referrals: [],
          analysedAt: new Date(d.analysedAt),
          dueAt: new Date(d.dueAt),
          escalated: false,
        }),
      )
      .orIgnore()
      .execute();
    // The re-analysis takes the place of the phase's analysis still open (risk.evolve.ts).
    await rows
      .createQueryBuilder()
      .update()
      .set({ status: 'superseded' })
      .where('mrn = :mrn AND phase = :phase AND analysis_id <> :analysisId AND status = :open', { mrn, phase: d.phase, analysisId, open: 'awaiting-risk-unit' })
      .execute();
    return;
  }
  const row = await rows.findOneBy({ mrn, analysisId });
  if (!row || row.revision >= recorded.revision) return;
  const changes: Partial<AnalysisRow> = { revision: recorded.revision };
  switch (event.type) {
    case 'RiskAssessmentCompleted':
      changes.status = 'assessed';
      break;
    case 'DoNotLoadIssued':
      changes.status = 'do-not-load';
      break;
    case 'ReferralRequested':
      changes.referrals = [...row.referrals, { reference: event.data.reference, kind: event.data.kind, status: 'open', houseDocuments: [...event.data.houseDocuments] }];
      break;
    case 'ReferralAnswered':
      changes.referrals = row.referrals.map((r) => (r.reference === event.data.reference ? { ...r, status: 'answered' } : r));
      break;
    case 'RiskHitDismissed':
      changes.dismissed = [...row.dismissed, hitKey(event.data.criterionId, event.data.version, event.data.house)];
      break;
    case 'RiskAnalysisEscalated':
      changes.escalated = true;
      break;
    case 'RiskMitigationAdded':
      break;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
  await rows.update({ mrn, analysisId }, changes);
}
