/** Message types of proto/ics2/control_results/v1/control.proto as proto-loader hands them to code (keepCase). */
export const CONTROL_RESULTS_SERVICE = 'ics2.control_results.v1.ControlResultsService';
export const CONTROL_RESULTS_PROTO = 'ics2/control_results/v1/control.proto';
export const CONTROL_RESULTS_PACKAGE = 'ics2.control_results.v1';

export interface ListCasesRequest {
  limit: number;
}
export interface ControlResult {
  result_id: string;
  outcome: string;
  findings_json: string;
  released: boolean;
  corrects: string;
  recorded_at: string;
  recorded_by: string;
}
export interface ControlCase {
  mrn: string;
  case_id: string;
  status: string;
  member_state_of_control: string;
  responsible_member_state: string;
  involved_member_states: string[];
  recommendation_json: string;
  decision_json: string;
  results: ControlResult[];
  opened_at: string;
}
export interface ListCasesReply {
  cases: ControlCase[];
}
export interface GetCaseRequest {
  mrn: string;
  case_id: string;
}
export interface DecideControlRequest {
  mrn: string;
  case_id: string;
  control: boolean;
  control_type: string;
  office: string;
  place: string;
  scheduled_at: string;
  reason: string;
}
export interface RecordResultRequest {
  mrn: string;
  case_id: string;
  outcome: string;
  goods: string;
  quantities: string;
  confirmed_criteria: { id: string; version: number }[];
  notes: string;
  released: boolean;
  corrects: string;
  message_id: string;
}
export interface CriteriaStatisticsRequest {
  from_quarter: string;
  to_quarter: string;
  criterion_id: string;
  member_state: string;
}
export interface CriteriaStatisticsRow {
  criterion_id: string;
  version: number;
  member_state: string;
  quarter: string;
  automated_hits: number;
  confirmed_hits: number;
  dismissed_hits: number;
  controls: number;
  positive_results: number;
  hit_rate: number;
}
export interface CriteriaStatisticsReply {
  rows: CriteriaStatisticsRow[];
}
export interface CsvReply {
  csv: string;
}
