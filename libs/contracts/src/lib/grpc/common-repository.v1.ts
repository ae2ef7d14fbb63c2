/**
 * Message types of proto/ics2/common_repository/v1/filing.proto, as proto-loader hands them to code (keepCase:
 * snake_case fields; defaults filled in). Written by hand, since no protoc runs here; the services' int tests call
 * through the real .proto with a grpc-js client, so a field missing on either side fails there.
 */
export interface ValidationIssue {
  validation_code: string;
  pointer: string;
  description: string;
}

export interface RegisterFilingRequest {
  filing_json: string;
}

export interface RegisterFilingReply {
  message_type: 'IE3R01' | 'IE3N01';
  mrn: string;
  lrn: string;
  registered_at: string;
  replayed: boolean;
  specific_circumstance_indicator: string;
  customs_office_of_first_entry: string;
  responsible_member_state: string;
  addressed_member_state: string;
  declarant: string;
  representative: string;
  carrier: string;
  errors: ValidationIssue[];
}

export interface AmendFilingRequest {
  mrn: string;
  filing_json: string;
  message_id: string;
}

export interface AmendFilingReply {
  message_type: 'IE3N10' | 'IE3N01';
  mrn: string;
  lrn: string;
  amended_at: string;
  changed: string[];
  replayed: boolean;
  errors: ValidationIssue[];
}

export interface InvalidateFilingRequest {
  mrn: string;
  message_id: string;
  reason: string;
}

export interface InvalidateFilingReply {
  message_type: 'IE3R07' | 'IE3N01';
  mrn: string;
  lrn: string;
  invalidated_at: string;
  replayed: boolean;
  errors: ValidationIssue[];
}

export interface NotifyArrivalRequest {
  arrival_json: string;
  message_id: string;
}

export interface ArrivalItem {
  mrn: string;
  message_type: '' | 'IE3N07';
  errors: ValidationIssue[];
}

export interface NotifyArrivalReply {
  message_type: 'IE3R04';
  arrival_mrn: string;
  registered_at: string;
  arrived: string[];
  incorrect_state: ArrivalItem[];
  replayed: boolean;
}

export interface ConsultFilingRequest {
  mrn: string;
}

export interface LinkedFiling {
  mrn: string;
  level: string;
  state: string;
  house_document: string;
  visible: boolean;
}

export interface ConsultFilingReply {
  message_type: 'IE3R08';
  mrn: string;
  lrn: string;
  state: string;
  specific_circumstance_indicator: string;
  level: string;
  registered_at: string;
  filing_json: string;
  linked: LinkedFiling[];
  missing_house_documents: string[];
  consistency: string;
  responsible_member_state: string;
  involved_member_states: string[];
  arrived_at: string;
  presented_at: string;
  invalidated_at: string;
  amended_at: string;
  revision: number;
  /** For a house, its presented master; for a master, its first presented house; '' when not. */
  ens_presented_mrn: string;
  ens_presented_at: string;
}

export interface FindFilingsRequest {
  transport_document: string;
}

export interface FilingSummary {
  mrn: string;
  lrn: string;
  state: string;
  specific_circumstance_indicator: string;
  level: string;
  registered_at: string;
  matched_document: string;
}

export interface FindFilingsReply {
  message_type: 'IE3R08';
  filings: FilingSummary[];
}

export interface RecordPresentationRequest {
  mrn: string;
  office: string;
  presented_at: string;
}

export interface RecordPresentationReply {
  mrn: string;
  state: string;
  presented_at: string;
  replayed: boolean;
  errors: ValidationIssue[];
}

export interface LinkFilingsRequest {
  master_mrn: string;
  house_mrn: string;
  house_document: string;
}

export interface LinkFilingsReply {
  master_mrn: string;
  house_mrn: string;
  master_state: string;
  errors: ValidationIssue[];
}

export interface ListLinkProposalsRequest {
  limit: number;
  master_mrn: string;
}

export interface LinkProposal {
  master_mrn: string;
  master_document: string;
  house_document: string;
  candidate_mrn: string;
  candidate_master_document: string;
  matched_on: string[];
  proposed_at: string;
  master_state: string;
  candidate_state: string;
}

export interface ListLinkProposalsReply {
  proposals: LinkProposal[];
}

export const FILING_SERVICE = 'ics2.common_repository.v1.FilingService';
export const COMMON_REPOSITORY_PROTO = 'ics2/common_repository/v1/filing.proto';
export const COMMON_REPOSITORY_PACKAGE = 'ics2.common_repository.v1';
