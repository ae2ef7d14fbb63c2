/** History is fact: evolve accepts every recorded event as it is, never validates, throws or mutates. */
import type { RiskEvent } from '@ics2/contracts';
import { criteriaKeys, hitKey, type Analysis, type RiskState } from './risk.state';

function update(state: RiskState, analysisId: string, change: (a: Analysis) => Analysis): RiskState {
  if (state.status === 'none') return state;
  return { ...state, analyses: state.analyses.map((a) => (a.analysisId === analysisId ? change(a) : a)) };
}

export function evolveRisk(state: RiskState, event: RiskEvent): RiskState {
  switch (event.type) {
    case 'RiskAnalysed': {
      const d = event.data;
      const analysis: Analysis = {
        analysisId: d.analysisId,
        phase: d.phase,
        status: 'awaiting-risk-unit',
        members: d.members,
        responsibleMemberState: d.responsibleMemberState,
        involvedMemberStates: d.involvedMemberStates,
        personFiling: d.personFiling,
        ...(d.carrier ? { carrier: d.carrier } : {}),
        ...(d.houseDocuments ? { houseDocuments: d.houseDocuments } : {}),
        ...(d.memberFilers ? { memberFilers: d.memberFilers } : {}),
        criteria: criteriaKeys(d.criteria),
        hits: d.hits,
        dismissed: [],
        referrals: [],
        manualReview: d.manualReview,
        dueAt: d.dueAt,
        escalated: false,
        outdated: false,
      };
      // Streams from before RiskAnalysisSuperseded say it only here; after it, the analysis is superseded already. One
      // awaiting the ENS's completion is superseded now: this is the analysis it awaited.
      const replaced = (a: Analysis) => a.phase === d.phase && (a.status === 'awaiting-risk-unit' || a.status === 'awaiting-completion');
      const analyses = (state.status === 'none' ? [] : state.analyses).map((a) => (replaced(a) ? { ...a, status: 'superseded' as const } : a));
      return { status: 'analysed', mrn: d.mrn, analyses: [...analyses, analysis] };
    }
    case 'RiskAnalysisSuperseded':
      return update(state, event.data.analysisId, (a) => ({ ...a, status: event.data.outcome === 'awaiting-completion' ? 'awaiting-completion' : 'superseded' }));
    case 'RiskAssessmentCompleted':
      return update(state, event.data.analysisId, (a) => ({
        ...a,
        status: 'assessed',
        ...(event.data.controlRecommendation ? { controlRecommendation: event.data.controlRecommendation } : {}),
      }));
    case 'RiskAssessmentOutdated':
      // Stays assessed (its IE3N03 was sent); its phase awaits the ENS's completion.
      return update(state, event.data.analysisId, (a) => ({ ...a, outdated: true }));
    case 'RiskMitigationAdded':
      return state;
    case 'ReferralRequested': {
      const d = event.data;
      return update(state, d.analysisId, (a) => ({ ...a, referrals: [...a.referrals, { reference: d.reference, kind: d.kind, houseDocuments: d.houseDocuments, status: 'open', personFiling: d.personFiling }] }));
    }
    case 'ReferralAnswered':
      return update(state, event.data.analysisId, (a) => ({
        ...a,
        referrals: a.referrals.map((r) => (r.reference === event.data.reference ? { ...r, status: 'answered' } : r)),
      }));
    case 'DoNotLoadIssued':
      // Final for the consignment: the analysis it was decided in, and any other still open (a pre-arrival one), close.
      if (state.status === 'none') return state;
      return {
        ...state,
        analyses: state.analyses.map((a) => (a.analysisId === event.data.analysisId || a.status === 'awaiting-risk-unit' ? { ...a, status: 'do-not-load' as const } : a)),
      };
    case 'RiskHitDismissed': {
      const d = event.data;
      return update(state, d.analysisId, (a) => ({ ...a, dismissed: [...a.dismissed, hitKey(d.criterionId, d.version, d.house)] }));
    }
    case 'RiskAnalysisEscalated':
      return update(state, event.data.analysisId, (a) => ({ ...a, escalated: true }));
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
