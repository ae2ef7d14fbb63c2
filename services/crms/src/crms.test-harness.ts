/**
 * For this service's int tests: a fresh database with the event store's and crms's schemas (or one given), crms
 * started on it (the expiry timer off unless asked), a CrmsService client over the real .proto, tokens per caller,
 * the store's event count (to show that a refusal wrote nothing), and crisis-alert streams.
 */
import { join } from 'node:path';
import { credentials, loadPackageDefinition, type ClientReadableStream, type Metadata, type ServiceClientConstructor, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { crmsV1 } from '@ics2/contracts';
import { PostgresEventStore, type RecordedEvent } from '@ics2/event-store';
import { protoRoot, type Clock } from '@ics2/platform';
import { bearer, freshDatabase, grpcClient, startTestService, type FreshDatabase, type TestGrpcClient, type TestKeys, type TestService, type UnaryResult } from '@ics2/testing';
import { Client } from 'pg';
import { migrateCrms } from './migrate';
import { definition } from './service.definition';

/** A Member State's risk unit (`DE`, or `DE/de-risk-2` for another user of it), or `EU`: the Commission. */
export type Caller = string;

export interface AlertStream {
  readonly received: crmsV1.CrisisAlert[];
  /** Resolves when the stream ends: with the status and error code when it failed. */
  readonly ended: Promise<{ readonly code: number; readonly errorCode: string; readonly details: unknown[] }>;
  close(): void;
}

export interface CrmsHarness {
  readonly db: FreshDatabase;
  readonly service: TestService;
  readonly client: TestGrpcClient;
  readonly store: PostgresEventStore;
  as<R>(caller: Caller, method: string, request: object): Promise<UnaryResult<R>>;
  /** Every event in the store: a refused request leaves it where it was. */
  eventCount(): Promise<number>;
  events(stream: string): Promise<RecordedEvent[]>;
  subscribeAlerts(caller: Caller, after?: string): Promise<AlertStream>;
  /** Rows of a crms table as the schema owner sees them, ordered by `order`. */
  rows(table: string, order: string): Promise<Record<string, unknown>[]>;
  admin<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface CrmsHarnessOptions {
  readonly env?: Record<string, string>;
  readonly clock?: Clock;
  readonly prefix?: string;
  readonly db?: FreshDatabase;
  readonly keys?: TestKeys;
}

type StreamingClient = { SubscribeCrisisAlerts(request: object, metadata: Metadata): ClientReadableStream<crmsV1.CrisisAlert>; close(): void };

export async function startCrms(options: CrmsHarnessOptions = {}): Promise<CrmsHarness> {
  const db = options.db ?? (await freshDatabase(options.prefix ?? 'crms', migrateCrms));
  const service = await startTestService(definition, {
    databaseUrl: db.appUrl,
    clock: options.clock,
    keys: options.keys,
    env: { RIF_EXPIRY_INTERVAL_MS: '0', CRISIS_ALERTS_POLL_MS: '1000', RISK_ANALYSIS_GRPC_URL: '127.0.0.1:1', CONTROL_RESULTS_GRPC_URL: '127.0.0.1:1', ...options.env },
  });
  const client = grpcClient(crmsV1.CRMS_PROTO, crmsV1.CRMS_SERVICE, service.app.grpcAddress);
  const store = new PostgresEventStore({ connectionString: db.appUrl });
  const tokens = new Map<string, Promise<string>>();
  const tokenOf = (caller: Caller): Promise<string> => {
    if (!tokens.has(caller)) {
      const [ms, user] = caller.split('/');
      tokens.set(caller, caller === 'EU' ? service.token({ role: 'admin', userId: 'taxud-1' }) : service.token({ role: 'member-state', ms, userId: user ?? `${ms.toLowerCase()}-risk-1` }));
    }
    return tokens.get(caller) as Promise<string>;
  };
  const definitionOfProto = loadSync(join(protoRoot(), crmsV1.CRMS_PROTO), { keepCase: true, enums: String, longs: String, defaults: true, oneofs: true, includeDirs: [protoRoot()] });
  let node: unknown = loadPackageDefinition(definitionOfProto);
  for (const part of crmsV1.CRMS_SERVICE.split('.')) node = (node as Record<string, unknown>)[part];
  const streaming = new (node as ServiceClientConstructor)(service.app.grpcAddress, credentials.createInsecure()) as unknown as StreamingClient;
  const open = new Set<ClientReadableStream<crmsV1.CrisisAlert>>();
  const admin = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const c = new Client({ connectionString: db.adminUrl });
    await c.connect();
    try {
      return (await c.query(sql, params)).rows as T[];
    } finally {
      await c.end();
    }
  };
  return {
    db,
    service,
    client,
    store,
    as: async (caller, method, request) => client.call(method, request, bearer(await tokenOf(caller))),
    eventCount: async () => Number((await admin<{ n: string }>('SELECT count(*) AS n FROM event_store.events'))[0].n),
    events: (stream) => store.readStream(stream),
    async subscribeAlerts(caller, after = '') {
      const call = streaming.SubscribeCrisisAlerts({ after }, bearer(await tokenOf(caller)));
      open.add(call);
      const received: crmsV1.CrisisAlert[] = [];
      call.on('data', (a: crmsV1.CrisisAlert) => received.push(a));
      const ended = new Promise<{ code: number; errorCode: string; details: unknown[] }>((resolve) => {
        call.on('error', (e: ServiceError) => {
          const raw = e.metadata?.get('ics2-error-details-bin')[0];
          resolve({ code: e.code, errorCode: String(e.metadata?.get('ics2-error-code')[0] ?? ''), details: raw ? (JSON.parse(String(raw)) as unknown[]) : [] });
        });
        call.on('end', () => resolve({ code: 0, errorCode: '', details: [] }));
      });
      return {
        received,
        ended,
        close: () => {
          call.cancel();
          open.delete(call);
        },
      };
    },
    rows: (table, order) => admin(`SELECT * FROM crms.${table} ORDER BY ${order}`),
    admin,
    async close() {
      open.forEach((c) => c.cancel());
      streaming.close();
      client.close();
      await store.close();
      await service.close();
      if (!options.db) await db.drop();
    },
  };
}

/** A RIF's content as a request carries it; the defaults are a complete, valid RIF. */
export function rifContent(overrides: Partial<crmsV1.RifContent> = {}): crmsV1.RifContent {
  return {
    category: 'security',
    title: 'Detonators declared as toys',
    risk_description: 'Electric detonators shipped by air as toy parts, split over several parcels.',
    modus_operandi: 'declared as HS 9503, consignee a private address',
    goods: [{ hs_code: '3603', description: 'electric detonators' }],
    countries: { origin: ['CN'], routing: ['AE'], destination: [] },
    operators: [{ name: 'Bright Toys Trading', eori: '', country: 'CN' }],
    recommended_measures: 'X-ray parcels of chapter 95 from CN via AE',
    valid_from: '2026-12-01T00:00:00Z',
    valid_to: '2027-06-01T00:00:00Z',
    attachments: [{ reference: 'CRMS-DOC-2026-0042', title: 'seizure photos' }],
    risk_profile_json: '',
    ...overrides,
  };
}
