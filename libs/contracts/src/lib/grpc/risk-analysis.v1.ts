/**
 * Message types of proto/ics2/risk_analysis/v1/risk.proto as proto-loader hands them to code (keepCase; defaults
 * filled in). Written by hand: no protoc runs here; int tests call through the real .proto with a grpc-js client.
 */
import type { ValidationIssue } from './common-repository.v1';

export const RISK_ANALYSIS_SERVICE = 'ics2.risk_analysis.v1.RiskAnalysisService';
export const RISK_ANALYSIS_PROTO = 'ics2/risk_analysis/v1/risk.proto';
export const RISK_ANALYSIS_PACKAGE = 'ics2.risk_analysis.v1';

export interface SubscribeSignalsRequest {
  after: string;
}
export interface Signal {
  cursor: string;
  kind: string;
  mrn: string;
  analysis_id: string;
  phase: string;
  created_at: string;
  payload_json: string;
  id: string;
  source_event_id: string;
}
export interface ListOpenAnalysesRequest {
  limit: number;
  /** 'pre-loading' or 'pre-arrival'; '' for both. */
  phase: string;
}
export interface OpenAnalysis {
  mrn: string;
  analysis_id: string;
  phase: string;
  hits: number;
  total_score: number;
  analysed_at: string;
  due_at: string;
  age_seconds: string;
  escalated: boolean;
  open_referrals: number;
  held: boolean;
}
export interface ListOpenAnalysesReply {
  analyses: OpenAnalysis[];
}
export interface GetAnalysisRequest {
  mrn: string;
  analysis_id: string;
}
export interface AnalysisView {
  mrn: string;
  analysis_id: string;
  phase: string;
  status: string;
  responsible_member_state: string;
  involved_member_states: string[];
  hits_json: string;
  dismissed: string[];
  referrals_json: string;
  criteria_json: string;
  analysed_at: string;
  due_at: string;
  escalated: boolean;
}
export interface GetFilingRequest {
  mrn: string;
}
export interface GetFilingReply {
  mrn: string;
  members: string[];
  filings_json: string;
  responsible_member_state: string;
  involved_member_states: string[];
}
export interface RequestInformationRequest {
  mrn: string;
  analysis_id: string;
  house_documents: string[];
  information: string;
}
export interface RequestScreeningRequest {
  mrn: string;
  analysis_id: string;
  house_documents: string[];
  recommended_methods: string[];
}
export interface IssueDoNotLoadRequest {
  mrn: string;
  analysis_id: string;
  house_documents: string[];
  reason: string;
}
export interface ControlRecommendation {
  control_type: string;
  place: string;
  member_state: string;
  reason: string;
}
export interface CompleteAssessmentRequest {
  mrn: string;
  analysis_id: string;
  control_recommendation: ControlRecommendation | null;
}
export interface DismissHitRequest {
  mrn: string;
  analysis_id: string;
  criterion_id: string;
  version: number;
  house: string;
  reason: string;
}
export interface AddRiskMitigationRequest {
  mrn: string;
  analysis_id: string;
  information: string;
}
export interface DecisionReply {
  mrn: string;
  analysis_id: string;
  status: string;
  reference: string;
  replayed: boolean;
}
export interface ReferralDocument {
  type: string;
  reference_number: string;
}
export interface AnswerReferralRequest {
  reference: string;
  message_id: string;
  information: string;
  documents: ReferralDocument[];
  screening_result: string;
  screening_methods: string[];
  /** 'IE3R02' | 'IE3R03'; a string on the wire, so the receiving door checks it (empty when the sender left it out). */
  message_type: string;
  additional_information: string;
}
export interface AnswerReferralReply {
  message_type: 'IE3R02' | 'IE3R03';
  mrn: string;
  reference: string;
  answered_at: string;
  replayed: boolean;
}
export interface CriterionSummary {
  id: string;
  version: number;
  title: string;
  risk_area: string;
  active: boolean;
  owner: string;
  versions: number[];
}
export interface ListCriteriaReply {
  criteria: CriterionSummary[];
}
export interface CriterionVersionRequest {
  criterion_json: string;
}
export interface CriterionRefRequest {
  id: string;
  version: number;
  reason: string;
}
export interface CriterionReply {
  id: string;
  version: number;
  active: boolean;
  errors: ValidationIssue[];
}
export interface ValidateCriterionRequest {
  criterion_json: string;
}
export interface ValidateCriterionReply {
  valid: boolean;
  errors: ValidationIssue[];
}
export interface BacktestCriterionRequest {
  criterion_json: string;
  from: string;
  to: string;
}
export interface BacktestCriterionReply {
  filings: number;
  hit: number;
  sample_mrns: string[];
}
