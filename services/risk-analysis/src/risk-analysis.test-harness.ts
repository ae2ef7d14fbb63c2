/**
 * For this service's int tests: a fresh database with the event store, common-repository's and this service's
 * schemas (ENS events come from a real common-repository when a test needs one, or are appended directly), the
 * service started on it (timers off unless asked), a RiskAnalysisService client, and tokens.
 */
import { bearer, freshDatabase, grpcClient, startTestService, type FreshDatabase, type TestGrpcClient, type TestService, type UnaryResult } from '@ics2/testing';
import { riskAnalysisV1 } from '@ics2/contracts';
import type { Clock } from '@ics2/platform';
import { migrateRiskAnalysis } from './migrate';
import { definition } from './service.definition';

export interface RiskAnalysisHarness {
  readonly db: FreshDatabase;
  readonly service: TestService;
  readonly client: TestGrpcClient;
  asMemberState<R>(ms: string, method: string, request: object): Promise<UnaryResult<R>>;
  asTrader<R>(eori: string, method: string, request: object): Promise<UnaryResult<R>>;
  asAdmin<R>(method: string, request: object): Promise<UnaryResult<R>>;
  close(): Promise<void>;
}

export async function startRiskAnalysis(options: { env?: Record<string, string>; clock?: Clock; prefix?: string; db?: FreshDatabase } = {}): Promise<RiskAnalysisHarness> {
  const db = options.db ?? (await freshDatabase(options.prefix ?? 'ra', migrateRiskAnalysis));
  const service = await startTestService(definition, { databaseUrl: db.appUrl, clock: options.clock, env: { ESCALATION_INTERVAL_MS: '0', CRITERIA_REFRESH_MS: '200', ...options.env } });
  const client = grpcClient(riskAnalysisV1.RISK_ANALYSIS_PROTO, riskAnalysisV1.RISK_ANALYSIS_SERVICE, service.app.grpcAddress);
  const tokens = new Map<string, Promise<string>>();
  const token = (key: string, make: () => Promise<string>) => {
    if (!tokens.has(key)) tokens.set(key, make());
    return tokens.get(key) as Promise<string>;
  };
  return {
    db,
    service,
    client,
    asMemberState: async (ms, method, request) => client.call(method, request, bearer(await token(`ms:${ms}`, () => service.token({ role: 'member-state', ms, userId: `${ms.toLowerCase()}-risk-1` })))),
    asTrader: async (eori, method, request) => client.call(method, request, bearer(await token(`t:${eori}`, () => service.token({ role: 'trader', eori })))),
    asAdmin: async (method, request) => client.call(method, request, bearer(await token('admin', () => service.token({ role: 'admin', userId: 'commission-1' })))),
    async close() {
      client.close();
      await service.close();
      if (!options.db) await db.drop();
    },
  };
}
