/**
 * Risk and control events into the facts the common risk criteria statistics count (issue 5, "Criteria
 * statistics"): every automated hit, then whether the risk unit dismissed it or confirmed it by concluding the
 * analysis (assessment or do-not-load) with it standing; and per criterion that led to a control, whether the
 * control was performed and found something. Hits and controls are kept by the responsible Member State.
 *
 * A control counts for every criterion of its case; its positive result counts for the criteria the findings
 * confirm, or for all of them when the findings name none. Only the current result counts: a correction replaces
 * the facts of the result it corrects. The quarter of a control is the one of its first result.
 */
import { POSITIVE_OUTCOMES, type ControlEvent, type ControlOutcome, type RiskEvent } from '@ics2/contracts';
import { normaliseMemberStateCode } from '@ics2/domain';
import { controlStream, type EventStore, type RecordedEvent } from '@ics2/event-store';
import type { ReadModelTransaction } from '@ics2/platform';
import { controlCaseDecider } from '../../domain/control-case.decider';
import { caseOf, effectiveResults } from '../../domain/control-case.state';
import { quarterOf } from './quarter';

const NOT_PERFORMED: readonly ControlOutcome[] = ['goods-not-presented', 'not-performed'];

export function statisticsFactsProjection(store: EventStore) {
  return async (recorded: RecordedEvent, tx: ReadModelTransaction): Promise<void> => {
    const event = { type: recorded.type, data: recorded.data } as RiskEvent | ControlEvent;
    switch (event.type) {
      case 'RiskAnalysed': {
        const d = event.data;
        if (d.hits.length === 0) return;
        const values = d.hits.map((_, i) => `($1, $2, $${i * 3 + 5}, $${i * 3 + 6}, $${i * 3 + 7}, $3, $4, 'pending')`).join(', ');
        // An older analysis may say EL for Greece: counted under GR, the code a Greek token and the control facts carry.
        await tx.manager.query(
          `INSERT INTO control_results.hit_facts (mrn, analysis_id, criterion_id, version, house, member_state, quarter, assessment) VALUES ${values} ON CONFLICT DO NOTHING`,
          [d.mrn, d.analysisId, normaliseMemberStateCode(d.responsibleMemberState), quarterOf(d.analysedAt), ...d.hits.flatMap((h) => [h.criterionId, h.version, h.house ?? ''])],
        );
        return;
      }
      case 'RiskHitDismissed': {
        const d = event.data;
        await tx.manager.query(
          `UPDATE control_results.hit_facts SET assessment = 'dismissed' WHERE mrn = $1 AND analysis_id = $2 AND criterion_id = $3 AND version = $4 AND house = $5`,
          [d.mrn, d.analysisId, d.criterionId, d.version, d.house ?? ''],
        );
        return;
      }
      case 'RiskAssessmentCompleted':
      case 'DoNotLoadIssued':
        if (event.type === 'RiskAssessmentCompleted' && event.data.by === 'automatic') return;
        await tx.manager.query(`UPDATE control_results.hit_facts SET assessment = 'confirmed' WHERE mrn = $1 AND analysis_id = $2 AND assessment = 'pending'`, [
          event.data.mrn,
          event.data.analysisId,
        ]);
        return;
      case 'ControlResultRecorded':
        await recordControlFacts(store, recorded, event.data.mrn, event.data.caseId, tx);
        return;
      default:
        return;
    }
  };
}

/** The case as of this result (the stream up to it), its current result, one fact row per criterion. */
async function recordControlFacts(store: EventStore, recorded: RecordedEvent, mrn: string, caseId: string, tx: ReadModelTransaction): Promise<void> {
  const history = await store.readStream(controlStream(mrn), { maxCount: recorded.revision + 1 });
  const state = history.reduce((s, e) => controlCaseDecider.evolve(s, { type: e.type, data: e.data } as ControlEvent), controlCaseDecider.initialState());
  const c = caseOf(state, caseId);
  const current = c ? effectiveResults(c)[0] : undefined;
  if (!c || !current) return;
  const confirmed = current.findings.confirmedCriteria ?? [];
  const positiveOutcome = POSITIVE_OUTCOMES.includes(current.outcome);
  const performed = !NOT_PERFORMED.includes(current.outcome);
  const quarter = quarterOf(c.results[0].recordedAt);
  // c.opened reads Greece EL as GR (the decider's evolve: member-states-as-iso.ts), as the hit facts do.
  for (const k of c.opened.criteria) {
    const positive = positiveOutcome && (confirmed.length === 0 || confirmed.some((x) => x.id === k.id && x.version === k.version));
    await tx.manager.query(
      `INSERT INTO control_results.control_facts (mrn, case_id, criterion_id, version, member_state, quarter, result_id, performed, positive)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (mrn, case_id, criterion_id, version) DO UPDATE SET result_id = EXCLUDED.result_id, performed = EXCLUDED.performed, positive = EXCLUDED.positive`,
      [mrn, caseId, k.id, k.version, c.opened.responsibleMemberState, quarter, current.resultId, performed, positive],
    );
  }
}
