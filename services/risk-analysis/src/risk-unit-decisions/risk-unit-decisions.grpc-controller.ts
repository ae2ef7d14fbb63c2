/**
 * The risk unit's decisions on an analysis (issue 4, "The flow", 4): each request becomes one command on the ENS's
 * risk stream, decided there against the current state; this door maps and holds no rule. Only the responsible
 * Member State decides (an involved one gets PERMISSION_DENIED, any other NOT_FOUND).
 */
import { randomUUID } from 'node:crypto';
import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { CONTROL_TYPES, isCodeOf, isCriterionId, MAX_SCREENING_METHODS, riskAnalysisV1, SCREENING_METHODS, type MemberStateUser } from '@ics2/contracts';
import { ics2TerritoryOf } from '@ics2/domain';
import { Caller, CLOCK, Roles, type Clock, type Principal } from '@ics2/platform';
import { analysisNotFound, invalid, memberStateUserOf, namesAnalysis, optionalTextOf, riskRefusalError, textOf } from '../doors/door-answers';
import { RiskCommands } from '../doors/risk-commands';
import type { RiskCommand } from '../domain/risk/risk.commands';

const S = riskAnalysisV1.RISK_ANALYSIS_SERVICE;

/**
 * The house documents an IE3Q02, IE3Q03 or IE3Q01 names: each a reference number, each once (12 at its pointer). A
 * blank one or one named twice is a malformed message, whatever the analysis; whether each is a house of the ENS is
 * the decider's rule (foreignHouseDocument).
 */
function houseDocumentsOf(documents: readonly string[]): readonly string[] {
  const seen = new Set<string>();
  documents.forEach((d, i) => {
    if (!d.trim()) throw invalid(`/houseDocuments/${i}`, 'a house document reference number');
    if (seen.has(d)) throw invalid(`/houseDocuments/${i}`, 'a house document named once');
    seen.add(d);
  });
  return documents;
}

@Controller()
export class RiskUnitDecisionsGrpcController {
  constructor(
    private readonly commands: RiskCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @GrpcMethod(S, 'RequestInformation')
  @Roles('member-state')
  requestInformation(@Payload() r: riskAnalysisV1.RequestInformationRequest, @Caller() caller: Principal) {
    return this.decide(r, caller, (user, at) => ({ type: 'RequestReferral', data: { analysisId: r.analysis_id, kind: 'RFI', houseDocuments: houseDocumentsOf(r.house_documents), information: textOf(r.information, '/information'), user, at } }));
  }

  @GrpcMethod(S, 'RequestScreening')
  @Roles('member-state')
  requestScreening(@Payload() r: riskAnalysisV1.RequestScreeningRequest, @Caller() caller: Principal) {
    // IE3Q03 names the house documents to screen: mandatory (ics2-reference 9), so a request without one is malformed.
    if (r.house_documents.length === 0) throw invalid('/houseDocuments', 'an IE3Q03 names at least one house document', 'X01');
    const houseDocuments = houseDocumentsOf(r.house_documents);
    // recommendedHRCMScreeningMethod is 0..9 (ics2-reference 9): optional, but from the list and at most 9.
    if (r.recommended_methods.length > MAX_SCREENING_METHODS) throw invalid('/recommendedMethods', `at most ${MAX_SCREENING_METHODS} recommended methods`, 'X05');
    const unknown = r.recommended_methods.findIndex((m) => !isCodeOf(SCREENING_METHODS, m));
    if (unknown >= 0) throw invalid(`/recommendedMethods/${unknown}`, `one of ${Object.keys(SCREENING_METHODS).join(', ')}`);
    const recommended = r.recommended_methods.length ? { recommendedMethods: r.recommended_methods } : {};
    return this.decide(r, caller, (user, at) => ({ type: 'RequestReferral', data: { analysisId: r.analysis_id, kind: 'RFS', houseDocuments, ...recommended, user, at } }));
  }

  @GrpcMethod(S, 'IssueDoNotLoad')
  @Roles('member-state')
  issueDoNotLoad(@Payload() r: riskAnalysisV1.IssueDoNotLoadRequest, @Caller() caller: Principal) {
    return this.decide(r, caller, (user, at) => ({ type: 'IssueDoNotLoad', data: { analysisId: r.analysis_id, houseDocuments: houseDocumentsOf(r.house_documents), reason: textOf(r.reason, '/reason'), user, at } }));
  }

  @GrpcMethod(S, 'CompleteAssessment')
  @Roles('member-state')
  completeAssessment(@Payload() r: riskAnalysisV1.CompleteAssessmentRequest, @Caller() caller: Principal) {
    const c = r.control_recommendation;
    // A recommendation names its control type and Member State: missing, X01; off the list, 12.
    if (c && !isCodeOf(CONTROL_TYPES, c.control_type)) throw invalid('/controlRecommendation/controlType', `one of ${Object.keys(CONTROL_TYPES).join(', ')}`, c.control_type ? '12' : 'X01');
    // Greece as EL is GR, the code the Member State of control's token and its control cases carry.
    const memberState = c ? ics2TerritoryOf(c.member_state) : null;
    if (c && !memberState) throw invalid('/controlRecommendation/memberState', 'a Member State running ICS2 (the 27, XI, NO, CH; Greece GR or EL)', c.member_state ? '12' : 'X01');
    const place = c ? optionalTextOf(c.place, '/controlRecommendation/place') : undefined;
    const reason = c ? optionalTextOf(c.reason, '/controlRecommendation/reason') : undefined;
    return this.decide(r, caller, (user, at) => ({
      type: 'CompleteAssessment',
      data: {
        analysisId: r.analysis_id,
        ...(c && memberState ? { controlRecommendation: { controlType: c.control_type, memberState, ...(place ? { place } : {}), ...(reason ? { reason } : {}) } } : {}),
        user,
        at,
      },
    }));
  }

  @GrpcMethod(S, 'DismissHit')
  @Roles('member-state')
  dismissHit(@Payload() r: riskAnalysisV1.DismissHitRequest, @Caller() caller: Principal) {
    // The hit is named by its criterion version (and house): a missing or malformed one is no hit of any analysis.
    if (!r.criterion_id) throw invalid('/criterionId', 'the criterion of the hit', 'X01');
    if (!isCriterionId(r.criterion_id)) throw invalid('/criterionId', 'a criterion id: lower-case words and digits joined by hyphens');
    if (r.version < 1) throw invalid('/version', 'the criterion version of the hit, from 1', r.version === 0 ? 'X01' : '12');
    return this.decide(r, caller, (user, at) => ({
      type: 'DismissHit',
      data: { analysisId: r.analysis_id, criterionId: r.criterion_id, version: r.version, ...(r.house ? { house: r.house } : {}), reason: textOf(r.reason, '/reason'), user, at },
    }));
  }

  @GrpcMethod(S, 'AddRiskMitigation')
  @Roles('member-state')
  addRiskMitigation(@Payload() r: riskAnalysisV1.AddRiskMitigationRequest, @Caller() caller: Principal) {
    return this.decide(r, caller, (user, at) => ({ type: 'AddMitigation', data: { analysisId: r.analysis_id, information: textOf(r.information, '/information'), user, at } }));
  }

  private async decide(r: { mrn: string; analysis_id: string }, caller: Principal, command: (user: MemberStateUser, at: string) => RiskCommand): Promise<riskAnalysisV1.DecisionReply> {
    const user = memberStateUserOf(caller);
    if (!namesAnalysis(r.mrn, r.analysis_id)) throw analysisNotFound(r.mrn);
    const now = this.clock.now();
    const outcome = await this.commands.risk(r.mrn, command(user, now.toISOString()), randomUUID(), { kind: 'member-state', ...user }, now);
    if (outcome.kind === 'refused') throw riskRefusalError(outcome.refusal, r.mrn);
    const state = outcome.state;
    const analysis = state.status === 'analysed' ? state.analyses.find((a) => a.analysisId === r.analysis_id) : undefined;
    const requested = outcome.kind === 'appended' ? outcome.events.find((e) => e.type === 'ReferralRequested') : undefined;
    return {
      mrn: r.mrn,
      analysis_id: r.analysis_id,
      status: analysis?.status ?? '',
      reference: requested?.type === 'ReferralRequested' ? requested.data.reference : '',
      replayed: outcome.kind !== 'appended',
    };
  }
}
