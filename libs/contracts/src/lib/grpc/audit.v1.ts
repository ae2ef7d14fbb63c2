/** Message types of proto/ics2/audit/v1/audit_source.proto as proto-loader hands them to code (keepCase). */
export const AUDIT_SOURCE_SERVICE = 'ics2.audit.v1.AuditSourceService';
export const AUDIT_SOURCE_PROTO = 'ics2/audit/v1/audit_source.proto';
export const AUDIT_PACKAGE = 'ics2.audit.v1';

export interface StateAsOfRequest {
  stream_id: string;
  as_of: string;
  before_revision: number;
}
export interface StateAsOfReply {
  stream_id: string;
  state_json: string;
  revision: number;
  events_applied: number;
  last_event_id: string;
  last_recorded_at: string;
}
export interface ListDeliveriesRequest {
  mrns: string[];
}
export interface Delivery {
  feed: string;
  recipient: string;
  seq: string;
  id: string;
  kind: string;
  mrn: string;
  created_at: string;
  source_event_id: string;
}
export interface ListDeliveriesReply {
  deliveries: Delivery[];
}
