/**
 * Message types of proto/ics2/crms/v1/crms.proto as proto-loader hands them to code (keepCase; defaults filled in,
 * so an absent string is '' and an absent list []). Written by hand: no protoc runs here; int tests call through the
 * real .proto with a grpc-js client.
 */
export const CRMS_SERVICE = 'ics2.crms.v1.CrmsService';
export const CRMS_PROTO = 'ics2/crms/v1/crms.proto';
export const CRMS_PACKAGE = 'ics2.crms.v1';

export interface RifGoods {
  hs_code: string;
  description: string;
}
export interface RifCountries {
  origin: string[];
  routing: string[];
  destination: string[];
}
export interface RifOperator {
  name: string;
  eori: string;
  country: string;
}
export interface RifAttachment {
  reference: string;
  title: string;
}
export interface RifContent {
  category: string;
  title: string;
  risk_description: string;
  modus_operandi: string;
  goods: RifGoods[];
  /** Absent (null) when the request left it out. */
  countries: RifCountries | null;
  operators: RifOperator[];
  recommended_measures: string;
  valid_from: string;
  valid_to: string;
  attachments: RifAttachment[];
  risk_profile_json: string;
}
export interface DraftRifRequest {
  message_id: string;
  content: RifContent | null;
}
export interface EditRifRequest {
  rif_id: string;
  message_id: string;
  content: RifContent | null;
}
export interface PublishRifRequest {
  rif_id: string;
  message_id: string;
  all_member_states: boolean;
  member_states: string[];
}
export interface RifFeedback {
  evaluated: boolean;
  measures_taken: string;
  control_results: string;
  relevance: string;
}
export interface RecordFeedbackRequest {
  rif_id: string;
  message_id: string;
  feedback: RifFeedback | null;
}
export interface CloseRifRequest {
  rif_id: string;
  message_id: string;
  reason: string;
}
export interface RifReply {
  rif_id: string;
  status: string;
  replayed: boolean;
}
export interface GetRifRequest {
  rif_id: string;
}
export interface FeedbackView {
  member_state: string;
  user_id: string;
  feedback: RifFeedback;
  recorded_at: string;
  updates: number;
}
export interface BacktestView {
  from: string;
  to: string;
  filings: number;
  hit: number;
  sample_mrns: string[];
  backtested_at: string;
}
export interface RifView {
  rif_id: string;
  status: string;
  author_kind: string;
  author_member_state: string;
  author_user_id: string;
  content: RifContent;
  all_member_states: boolean;
  member_states: string[];
  drafted_at: string;
  published_at: string;
  closed_at: string;
  close_reason: string;
  expired_at: string;
  backtest: BacktestView | null;
  profile_active: boolean;
  feedback: FeedbackView[];
  revision: number;
}
export interface ListRifsRequest {
  status: string;
  category: string;
  limit: number;
}
export interface RifSummary {
  rif_id: string;
  status: string;
  category: string;
  title: string;
  author_kind: string;
  author_member_state: string;
  valid_from: string;
  valid_to: string;
  published_at: string;
  profile_active: boolean;
}
export interface ListRifsReply {
  rifs: RifSummary[];
}
export interface BacktestProfileRequest {
  rif_id: string;
  message_id: string;
  from: string;
  to: string;
}
export interface BacktestProfileReply {
  rif_id: string;
  filings: number;
  hit: number;
  sample_mrns: string[];
  replayed: boolean;
}
export interface ProfileRequest {
  rif_id: string;
  message_id: string;
}
export interface ProfileReply {
  rif_id: string;
  criterion_id: string;
  version: number;
  active: boolean;
  replayed: boolean;
}
export interface CampaignCriterion {
  id: string;
  version: number;
}
export interface StartCampaignRequest {
  message_id: string;
  title: string;
  from: string;
  to: string;
  member_states: string[];
  criteria: CampaignCriterion[];
}
export interface CampaignReply {
  campaign_id: string;
  replayed: boolean;
}
export interface IssueCampaignReportRequest {
  campaign_id: string;
  message_id: string;
  kind: string;
}
export interface CampaignReportReply {
  campaign_id: string;
  kind: string;
  report_json: string;
  issued_at: string;
  replayed: boolean;
}
export interface GetCampaignRequest {
  campaign_id: string;
}
export interface CampaignReportView {
  kind: string;
  issued_at: string;
  issued_by: string;
  report_json: string;
}
export interface CampaignView {
  campaign_id: string;
  title: string;
  from: string;
  to: string;
  member_states: string[];
  criteria: CampaignCriterion[];
  status: string;
  started_by: string;
  started_at: string;
  reports: CampaignReportView[];
}
export interface PublishCrisisAlertRequest {
  message_id: string;
  title: string;
  description: string;
  all_member_states: boolean;
  member_states: string[];
  rif_id: string;
}
export interface PublishCrisisAlertReply {
  alert_id: string;
  replayed: boolean;
}
export interface SubscribeCrisisAlertsRequest {
  after: string;
}
export interface CrisisAlert {
  cursor: string;
  alert_id: string;
  title: string;
  description: string;
  all_member_states: boolean;
  member_states: string[];
  rif_id: string;
  published_by: string;
  published_at: string;
}
