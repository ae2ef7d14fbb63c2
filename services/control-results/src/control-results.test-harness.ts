/**
 * For this service's int tests: a fresh database with the event store and this service's schema (risk events are
 * appended directly, as risk-analysis would write them), the service started on it, a ControlResultsService
 * client, and tokens.
 */
import { bearer, freshDatabase, grpcClient, startTestService, type FreshDatabase, type TestGrpcClient, type TestService, type UnaryResult } from '@ics2/testing';
import { controlResultsV1 } from '@ics2/contracts';
import type { Clock } from '@ics2/platform';
import { migrateControlResults } from './migrate';
import { definition } from './service.definition';

export interface ControlResultsHarness {
  readonly db: FreshDatabase;
  readonly service: TestService;
  readonly client: TestGrpcClient;
  asMemberState<R>(ms: string, method: string, request: object): Promise<UnaryResult<R>>;
  asTrader<R>(eori: string, method: string, request: object): Promise<UnaryResult<R>>;
  asAdmin<R>(method: string, request: object): Promise<UnaryResult<R>>;
  asAuditor<R>(method: string, request: object): Promise<UnaryResult<R>>;
  close(): Promise<void>;
}

export async function startControlResults(options: { env?: Record<string, string>; clock?: Clock; prefix?: string; db?: FreshDatabase } = {}): Promise<ControlResultsHarness> {
  const db = options.db ?? (await freshDatabase(options.prefix ?? 'cr', migrateControlResults));
  const service = await startTestService(definition, { databaseUrl: db.appUrl, clock: options.clock, env: { ...options.env } });
  const client = grpcClient(controlResultsV1.CONTROL_RESULTS_PROTO, controlResultsV1.CONTROL_RESULTS_SERVICE, service.app.grpcAddress);
  const tokens = new Map<string, Promise<string>>();
  const token = (key: string, make: () => Promise<string>) => {
    if (!tokens.has(key)) tokens.set(key, make());
    return tokens.get(key) as Promise<string>;
  };
  return {
    db,
    service,
    client,
    asMemberState: async (ms, method, request) => client.call(method, request, bearer(await token(`ms:${ms}`, () => service.token({ role: 'member-state', ms, userId: `${ms.toLowerCase()}-control-1` })))),
    asTrader: async (eori, method, request) => client.call(method, request, bearer(await token(`t:${eori}`, () => service.token({ role: 'trader', eori })))),
    asAdmin: async (method, request) => client.call(method, request, bearer(await token('admin', () => service.token({ role: 'admin', userId: 'commission-1' })))),
    asAuditor: async (method, request) => client.call(method, request, bearer(await token('auditor', () => service.token({ role: 'auditor', userId: 'olaf-1' })))),
    async close() {
      client.close();
      await service.close();
      if (!options.db) await db.drop();
    },
  };
}
