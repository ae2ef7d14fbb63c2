/**
 * For the notification inbox's int tests: a fresh migrated database, a test service with only the platform, the
 * read models and NotificationsModule (the real app module is not this ability's to change), an event store on
 * the same database to append events to, and HTTP helpers that call the inbox as a given operator.
 */
import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { arrivalStream, controlStream, ensStream, PostgresEventStore, riskStream, type RecordedEvent } from '@ics2/event-store';
import {
  CONTROL_SCHEMA_VERSIONS,
  ENS_SCHEMA_VERSIONS,
  RISK_SCHEMA_VERSIONS,
  type ArrivalRegistered,
  type EnsAmendmentRejected,
  type EnsFilingInvalidated,
  type EnsInvalidationRejected,
} from '@ics2/contracts';
import { EventSourcingModule, PlatformModule, ReadModelDatabase, type ServiceDefinition } from '@ics2/platform';
import { DEFAULTS, freshDatabase, mrnOf, startTestService, type FreshDatabase, type TestService } from '@ics2/testing';
import { Client } from 'pg';
import { TRADER_INTERFACE_SCHEMA } from './database/schema';
import { ics2ErrorBody } from './doors/ics2-error-body';
import { migrateTraderInterface } from './migrate';
import { serveOpenApi } from './openapi/openapi';
import { InboxListener } from './notifications/inbox-listener';
import type { InboxEvent } from './notifications/notification';
import { NOTIFICATIONS_ENTITIES, NotificationsModule } from './notifications/notifications.module';
import { projectNotifications } from './notifications/notifications.projection';
import { NotificationsSubscription } from './notifications/notifications.subscription';

@Module({
  imports: [
    PlatformModule,
    EventSourcingModule.forService({ readModels: { schema: TRADER_INTERFACE_SCHEMA, entities: NOTIFICATIONS_ENTITIES } }),
    NotificationsModule,
  ],
})
class NotificationsTestModule {}

/** With the OpenAPI document, so a test can read what the inbox's schema says (its message types). */
export const notificationsTestDefinition: ServiceDefinition = {
  name: 'trader-interface',
  module: NotificationsTestModule,
  httpErrorBody: ics2ErrorBody,
  configureHttp: (app) => serveOpenApi(app),
};

/** The inbox's tables, row by row, in a stable order: what the rebuild and double-delivery tests compare. */
export interface InboxSnapshot {
  readonly items: readonly Record<string, unknown>[];
  readonly filings: readonly Record<string, unknown>[];
  readonly sequences: readonly Record<string, unknown>[];
  readonly riskParties: readonly Record<string, unknown>[];
}

export interface HttpAnswer<B = unknown> {
  readonly status: number;
  readonly body: B;
}

export interface NotificationsHarness {
  readonly db: FreshDatabase;
  readonly service: TestService;
  readonly store: PostgresEventStore;
  readonly listener: InboxListener;
  /** Appends `events` (one stream, `ens-<mrn>`, `arrival-<mrn>`, `risk-<mrn>` or `control-<mrn>` from the first event) and returns them as recorded. */
  append(...events: InboxEvent[]): Promise<RecordedEvent[]>;
  /** Resolves once the inbox projected everything appended so far. */
  caughtUp(): Promise<void>;
  /** GET `path` as the trader `eori` (undefined: no token). */
  get<B = unknown>(eori: string | undefined, path: string, init?: { headers?: Record<string, string>; signal?: AbortSignal }): Promise<HttpAnswer<B>>;
  /** A raw fetch as the trader, for streams. */
  fetchAs(eori: string, path: string, init?: { headers?: Record<string, string>; signal?: AbortSignal }): Promise<Response>;
  /** How many events the store holds on `streamId`, counted in SQL. */
  eventsIn(streamId: string): Promise<number>;
  snapshot(): Promise<InboxSnapshot>;
  /** Empties the inbox's tables (as the schema owner). */
  truncate(): Promise<void>;
  /** Runs the projection over `events` directly, `batch` events per read-model transaction. */
  project(events: readonly RecordedEvent[], batch?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startNotifications(prefix = 'ti_inbox'): Promise<NotificationsHarness> {
  const db = await freshDatabase(prefix, migrateTraderInterface);
  const service = await startTestService(notificationsTestDefinition, { databaseUrl: db.appUrl });
  const store = new PostgresEventStore({ connectionString: db.appUrl });
  const admin = new Client({ connectionString: db.adminUrl });
  await admin.connect();
  const app = service.app.app;
  const tokens = new Map<string, Promise<string>>();
  const token = (eori: string) => {
    if (!tokens.has(eori)) tokens.set(eori, service.token({ role: 'trader', eori }));
    return tokens.get(eori) as Promise<string>;
  };
  const fetchAs = async (eori: string | undefined, path: string, init: { headers?: Record<string, string>; signal?: AbortSignal } = {}) =>
    fetch(`${service.app.httpUrl}${path}`, {
      headers: { ...(eori ? { authorization: `Bearer ${await token(eori)}` } : {}), ...init.headers },
      signal: init.signal,
    });
  const rows = async (sql: string) => (await admin.query(sql)).rows as Record<string, unknown>[];

  return {
    db,
    service,
    store,
    listener: app.get(InboxListener),
    async append(...events) {
      const first = events[0];
      const streamId =
        first.type === 'ArrivalRegistered'
          ? arrivalStream(first.data.arrivalMrn)
          : first.type in RISK_SCHEMA_VERSIONS
            ? riskStream(first.data.mrn)
            : first.type in CONTROL_SCHEMA_VERSIONS
              ? controlStream(first.data.mrn)
              : ensStream(first.data.mrn);
      const schemaVersions: Readonly<Record<string, number>> = { ...ENS_SCHEMA_VERSIONS, ...RISK_SCHEMA_VERSIONS, ...CONTROL_SCHEMA_VERSIONS };
      const toAppend = events.map((e) => ({
        id: randomUUID(),
        type: e.type,
        data: e.data,
        metadata: { schemaVersion: schemaVersions[e.type], occurredAt: DEFAULTS.at, correlationId: streamId.slice(streamId.indexOf('-') + 1), causationId: null, actor: { kind: 'system', component: 'test' } as const },
      }));
      const result = await store.append(streamId, toAppend, 'any');
      return (await store.readStream(streamId, { fromRevision: result.firstRevision })).slice(0, events.length);
    },
    caughtUp: () => app.get(NotificationsSubscription).caughtUp(),
    async get<B>(eori: string | undefined, path: string, init?: { headers?: Record<string, string>; signal?: AbortSignal }) {
      const res = await fetchAs(eori, path, init);
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : undefined) as B };
    },
    fetchAs,
    async eventsIn(streamId) {
      return Number((await admin.query<{ count: string }>('SELECT count(*) FROM event_store.events WHERE stream_id = $1', [streamId])).rows[0].count);
    },
    async snapshot() {
      return {
        items: await rows(`SELECT recipient, seq::text, id::text, message_type, mrn, lrn, created_at, payload, source_event_id::text FROM ${TRADER_INTERFACE_SCHEMA}.notification_items ORDER BY recipient, seq`),
        filings: await rows(`SELECT * FROM ${TRADER_INTERFACE_SCHEMA}.filing_index ORDER BY mrn`),
        sequences: await rows(`SELECT recipient, last_seq::text FROM ${TRADER_INTERFACE_SCHEMA}.inbox_sequences ORDER BY recipient`),
        riskParties: await rows(`SELECT * FROM ${TRADER_INTERFACE_SCHEMA}.risk_parties ORDER BY mrn, analysis_id`),
      };
    },
    async truncate() {
      await admin.query(`TRUNCATE ${TRADER_INTERFACE_SCHEMA}.notification_items, ${TRADER_INTERFACE_SCHEMA}.filing_index, ${TRADER_INTERFACE_SCHEMA}.inbox_sequences, ${TRADER_INTERFACE_SCHEMA}.risk_parties`);
    },
    async project(events, batch = 100) {
      const readModels = app.get(ReadModelDatabase);
      for (let i = 0; i < events.length; i += batch) {
        await readModels.inTransaction(async (tx) => {
          for (const event of events.slice(i, i + batch)) await projectNotifications(event, tx, store);
        });
      }
    },
    async close() {
      await store.close();
      await admin.end();
      await service.close();
      await db.drop();
    },
  };
}

// Builders for the events libs/testing has none for yet (same defaults as its ens-event-builders).

export const amendmentRejected = (o: { mrn?: string; by: string; messageId?: string; at?: string }): EnsAmendmentRejected => ({
  type: 'EnsAmendmentRejected',
  data: {
    mrn: o.mrn ?? DEFAULTS.mrn,
    messageId: o.messageId ?? 'amd-2',
    errors: [{ code: '92', pointer: '/', description: 'the goods were presented' }],
    rejectedAt: o.at ?? DEFAULTS.at,
    requestedBy: o.by,
  },
});

export const invalidationRejected = (o: { mrn?: string; by: string; messageId?: string; at?: string }): EnsInvalidationRejected => ({
  type: 'EnsInvalidationRejected',
  data: {
    mrn: o.mrn ?? DEFAULTS.mrn,
    messageId: o.messageId ?? 'inv-1',
    errors: [{ code: '92', pointer: '/', description: 'the goods were presented' }],
    rejectedAt: o.at ?? DEFAULTS.at,
    requestedBy: o.by,
  },
});

export const invalidatedOnRequest = (o: { mrn?: string; by: string; messageId?: string; at?: string }): EnsFilingInvalidated => ({
  type: 'EnsFilingInvalidated',
  data: { mrn: o.mrn ?? DEFAULTS.mrn, reason: 'requested', messageId: o.messageId ?? 'inv-2', invalidatedAt: o.at ?? DEFAULTS.at, requestedBy: o.by },
});

export const arrivalRegistered = (o: {
  arrivalMrn?: string;
  by?: string;
  arrived?: string[];
  refused?: { mrn: string; code?: string }[];
  messageId?: string;
  at?: string;
}): ArrivalRegistered => ({
  type: 'ArrivalRegistered',
  data: {
    arrivalMrn: o.arrivalMrn ?? mrnOf(9, true),
    messageId: o.messageId ?? 'arr-1',
    notifiedBy: o.by ?? DEFAULTS.carrier,
    officeOfArrival: DEFAULTS.office,
    arrivedAt: o.at ?? DEFAULTS.at,
    arrived: o.arrived ?? [],
    refused: (o.refused ?? []).map((r) => ({ mrn: r.mrn, errors: [{ code: r.code ?? '92', pointer: '', description: 'the filing cannot become arrived' }] })),
    registeredAt: o.at ?? DEFAULTS.at,
  },
});
