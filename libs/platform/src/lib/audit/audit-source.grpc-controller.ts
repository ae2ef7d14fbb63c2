/**
 * The audit door's source in every event-sourced service (proto/ics2/audit/v1/audit_source.proto): the state of a
 * stream it owns as it stood at an instant, folded by the service's own deciders, and the deliveries its feeds
 * derived from an ENS's events. Auditors only; each call is recorded in the access log with its stated purpose.
 */
import { Controller, Inject } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { auditV1 } from '@ics2/contracts';
import { isMrn } from '@ics2/domain';
import { categoryOf, streamIdProblem, type EventStore } from '@ics2/event-store';
import { Caller, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { PlatformError } from '../errors/platform-error';
import { EVENT_STORE } from '../event-sourcing/event-sourcing.tokens';
import { ReadModelDatabase } from '../read-models/read-model-database';
import { AccessLog } from './access-log';
import { AUDIT_SOURCE_OPTIONS, LIST_DELIVERIES_MAX, type AuditSourceOptions } from './audit-source';
import { Purpose } from './purpose';

const S = auditV1.AUDIT_SOURCE_SERVICE;
/**
 * Longer than any stream a service names (criterion-<64 characters> is the longest) and than the audit door passes on
 * (a category and up to 200 characters); some thousands of characters are more than the store's index on stream ids
 * holds, so the access stream's append (access-stream-state-<stream id>) failed.
 */
const MAX_STREAM_ID_LENGTH = 256;
const invalid = (pointer: string, description: string) => new PlatformError('validation', 'AUDIT.INVALID_REQUEST', description, [{ validationCode: '12', pointer, description }]);

@Controller()
export class AuditSourceGrpcController {
  constructor(
    @Inject(AUDIT_SOURCE_OPTIONS) private readonly options: AuditSourceOptions,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly accessLog: AccessLog,
    private readonly modules: ModuleRef,
  ) {}

  @GrpcMethod(S, 'StateAsOf')
  @Roles('auditor')
  async stateAsOf(@Payload() r: auditV1.StateAsOfRequest, @Caller() caller: Principal, @Purpose() purpose: string | undefined): Promise<auditV1.StateAsOfReply> {
    const fold = this.options.streams[categoryOf(r.stream_id)];
    if (!fold) throw new PlatformError('not-found', 'AUDIT.UNKNOWN_STREAM', `this service keeps no stream ${r.stream_id || '(none)'}`);
    // Before the access is recorded: an id the store cannot hold names no data (and no access stream either).
    const problem = streamIdProblem(r.stream_id);
    if (problem) throw invalid('/streamId', `the stream id ${problem}`);
    if (r.stream_id.length > MAX_STREAM_ID_LENGTH) throw invalid('/streamId', `a stream id of at most ${MAX_STREAM_ID_LENGTH} characters`);
    const asOf = r.as_of ? new Date(r.as_of) : undefined;
    if (asOf && (Number.isNaN(asOf.getTime()) || !r.as_of.includes('T'))) throw invalid('/asOf', 'an ISO-8601 instant');
    if (r.before_revision < 0) throw invalid('/beforeRevision', 'a revision (0 for no limit)');
    // A stream of one consignment (ens-, risk-, control-<mrn>) is filed under its MRN, where auditors list who read it.
    const suffix = r.stream_id.slice(categoryOf(r.stream_id).length + 1);
    const mrn = isMrn(suffix) ? suffix : undefined;
    await this.accessLog.record(caller, { resource: 'stream-state', id: r.stream_id, ...(mrn ? { mrn } : {}), purpose, door: `${S} StateAsOf` });
    const events = (await this.store.readStream(r.stream_id, asOf ? { asOf } : {})).filter((e) => r.before_revision === 0 || e.revision < r.before_revision);
    const evolve = fold.evolve as (s: unknown, e: unknown) => unknown;
    const state = events.reduce((s, e) => evolve(s, { type: e.type, data: e.data }), fold.initialState());
    const last = events[events.length - 1];
    return {
      stream_id: r.stream_id,
      state_json: JSON.stringify(state, (_k, v: unknown) => (v instanceof Set ? [...v] : v instanceof Map ? Object.fromEntries(v) : v)),
      revision: last ? last.revision : -1,
      events_applied: events.length,
      last_event_id: last?.id ?? '',
      last_recorded_at: last?.recordedAt ?? '',
    };
  }

  @GrpcMethod(S, 'ListDeliveries')
  @Roles('auditor')
  async listDeliveries(@Payload() r: auditV1.ListDeliveriesRequest, @Caller() caller: Principal, @Purpose() purpose: string | undefined): Promise<auditV1.ListDeliveriesReply> {
    if (r.mrns.length === 0 || r.mrns.length > LIST_DELIVERIES_MAX) throw invalid('/mrns', `1 to ${LIST_DELIVERIES_MAX} MRNs`);
    // Each read is recorded on access-<mrn>, and feeds file deliveries under MRNs: anything else names no delivery,
    // and one the store cannot hold (a space, a control character, thousands of characters) failed the recording.
    const notMrn = r.mrns.findIndex((mrn) => !isMrn(mrn));
    if (notMrn >= 0) throw invalid(`/mrns/${notMrn}`, 'an MRN (18 characters, valid check digit)');
    this.accessLog.purposeOf(caller, { purpose });
    await this.accessLog.recordAll(caller, r.mrns.map((mrn) => ({ resource: 'deliveries', id: mrn, mrn, purpose, door: `${S} ListDeliveries` })));
    const feeds = this.options.feeds ?? [];
    if (feeds.length === 0) return { deliveries: [] };
    const db = this.modules.get(ReadModelDatabase, { strict: false });
    const deliveries: auditV1.Delivery[] = [];
    for (const f of feeds) {
      const d = f.feed;
        // Feeds keep the source event's recordedAt as created_at; names come from checked feed definitions.
      const rows: Record<string, unknown>[] = await db.manager.query(
        `SELECT ${d.keyColumn} AS recipient, seq::text AS seq, id::text AS id, ${f.kindColumn} AS kind, ${f.mrnColumn} AS mrn, created_at, ${f.sourceEventColumn}::text AS source_event_id
           FROM ${d.schema}.${d.itemsTable} WHERE ${f.mrnColumn} = ANY($1) ORDER BY created_at, ${d.keyColumn}, seq`,
        [r.mrns],
      );
      for (const row of rows) {
        deliveries.push({
          feed: d.name,
          recipient: String(row['recipient']),
          seq: String(row['seq']),
          id: String(row['id']),
          kind: String(row['kind']),
          mrn: String(row['mrn']),
          created_at: row['created_at'] instanceof Date ? row['created_at'].toISOString() : String(row['created_at']),
          source_event_id: String(row['source_event_id']),
        });
      }
    }
    return { deliveries };
  }
}
