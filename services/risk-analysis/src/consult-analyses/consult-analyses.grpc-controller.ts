import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { RISK_PHASES, riskAnalysisV1, type RiskAnalysisPhase } from '@ics2/contracts';
import { AccessLog, Caller, CLOCK, PlatformError, Purpose, Roles, type Clock, type Principal } from '@ics2/platform';
import { isMrn } from '@ics2/domain';
import { analysisNotFound, invalid, memberStateUserOf, namesAnalysis } from '../doors/door-answers';
import { hitForInvolved, hitForResponsible } from '../domain/risk/hit-views';
import { isHeldRow } from '../read-models/analyses/analysis.row';
import { ConsultAnalysesQuery, QUEUE_DEFAULT_LIMIT, QUEUE_MAX_LIMIT } from './consult-analyses.query';

const S = riskAnalysisV1.RISK_ANALYSIS_SERVICE;

/**
 * ListOpenAnalyses, GetAnalysis, GetFiling: the risk unit's queue and what it decides on. Reading an analysis or
 * the filings is recorded in the access log (the caller's stated purpose, else the risk unit's task).
 */
@Controller()
export class ConsultAnalysesGrpcController {
  constructor(
    private readonly query: ConsultAnalysesQuery,
    private readonly accessLog: AccessLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @GrpcMethod(S, 'ListOpenAnalyses')
  @Roles('member-state')
  async listOpenAnalyses(@Payload() r: riskAnalysisV1.ListOpenAnalysesRequest, @Caller() caller: Principal): Promise<riskAnalysisV1.ListOpenAnalysesReply> {
    const { memberState } = memberStateUserOf(caller);
    if (r.phase && !RISK_PHASES.includes(r.phase as RiskAnalysisPhase)) throw invalid('/phase', `one of ${RISK_PHASES.join(', ')}, or empty for both`);
    // Out of range is refused, not bent: -1 gave one analysis, and 5,000 a thousand as if that were the whole queue.
    if (r.limit < 0 || r.limit > QUEUE_MAX_LIMIT) throw invalid('/limit', `1 to ${QUEUE_MAX_LIMIT} analyses, or 0 for ${QUEUE_DEFAULT_LIMIT}`);
    const now = this.clock.now().getTime();
    const rows = await this.query.openAnalyses(memberState, r.limit, (r.phase || undefined) as RiskAnalysisPhase | undefined);
    return {
      analyses: rows.map((a) => ({
        mrn: a.mrn,
        analysis_id: a.analysisId,
        phase: a.phase,
        hits: a.hits.length,
        total_score: a.totalScore,
        analysed_at: a.analysedAt.toISOString(),
        due_at: a.dueAt.toISOString(),
        age_seconds: String(Math.max(0, Math.floor((now - a.analysedAt.getTime()) / 1000))),
        escalated: a.escalated,
        open_referrals: a.referrals.filter((x) => x.status === 'open').length,
        // In the queue so the unit sees the ENS's pre-arrival state, marked: not its to decide.
        held: isHeldRow(a),
      })),
    };
  }

  @GrpcMethod(S, 'GetAnalysis')
  @Roles('member-state')
  async getAnalysis(@Payload() r: riskAnalysisV1.GetAnalysisRequest, @Caller() caller: Principal, @Purpose() purpose: string | undefined): Promise<riskAnalysisV1.AnalysisView> {
    const { memberState } = memberStateUserOf(caller);
    const a = namesAnalysis(r.mrn, r.analysis_id) ? await this.query.analysis(r.mrn, r.analysis_id, memberState) : null;
    if (!a) throw analysisNotFound(r.mrn);
    await this.accessLog.record(caller, { resource: 'risk-analysis', id: a.analysisId, mrn: a.mrn, purpose, defaultPurpose: 'risk assessment', door: `${S} GetAnalysis` });
    return {
      mrn: a.mrn,
      analysis_id: a.analysisId,
      phase: a.phase,
      status: a.status,
      responsible_member_state: a.responsibleMemberState,
      involved_member_states: a.involvedMemberStates,
      // An involved Member State sees no matched values nor AEO reduction, here as on its signal stream.
      hits_json: JSON.stringify(a.hits.map(a.responsibleMemberState === memberState ? hitForResponsible : hitForInvolved)),
      dismissed: a.dismissed,
      referrals_json: JSON.stringify(a.referrals.map((x) => ({ reference: x.reference, kind: x.kind, status: x.status, houseDocuments: x.houseDocuments }))),
      criteria_json: JSON.stringify(a.criteria.map((c) => ({ id: c.id, version: c.version }))),
      analysed_at: a.analysedAt.toISOString(),
      due_at: a.dueAt.toISOString(),
      escalated: a.escalated,
    };
  }

  @GrpcMethod(S, 'GetFiling')
  @Roles('member-state')
  async getFiling(@Payload() r: riskAnalysisV1.GetFilingRequest, @Caller() caller: Principal, @Purpose() purpose: string | undefined): Promise<riskAnalysisV1.GetFilingReply> {
    const { memberState } = memberStateUserOf(caller);
    // Not an MRN: no filing of anyone's, answered as an unknown one, before the read model sees it.
    const found = isMrn(r.mrn) ? await this.query.filings(r.mrn, memberState) : null;
    if (!found) throw new PlatformError('not-found', 'RISK.NOT_FOUND', `no filing ${r.mrn} for this caller`);
    await this.accessLog.record(caller, { resource: 'ens-filing', id: found.head.mrn, mrn: found.head.mrn, purpose, defaultPurpose: 'risk assessment', door: `${S} GetFiling` });
    return {
      mrn: found.head.mrn,
      members: found.members.map((m) => m.mrn),
      filings_json: JSON.stringify(Object.fromEntries(found.members.map((m) => [m.mrn, m.filing]))),
      responsible_member_state: found.head.responsibleMemberState ?? '',
      involved_member_states: found.head.involvedMemberStates,
    };
  }
}
