/**
 * The audit door's sources against a real service's AuditSource door (risk-analysis here, standing in for both
 * delivering services): a family larger than one ListDeliveries takes is asked in several calls, not refused.
 */
import { accessStream, PostgresEventStore } from '@ics2/event-store';
import { LIST_DELIVERIES_MAX, PURPOSE_HEADER } from '@ics2/platform';
import { mrnOf } from '@ics2/testing';
import { startRiskAnalysis, type RiskAnalysisHarness } from '../../services/risk-analysis/src/risk-analysis.test-harness';
import type { AuditConfig } from '../../services/audit/src/service.config';
import { AuditSources } from '../../services/audit/src/sources/audit-sources';

describe('AuditSources', () => {
  let source: RiskAnalysisHarness;
  let store: PostgresEventStore;
  let sources: AuditSources;

  beforeAll(async () => {
    source = await startRiskAnalysis({ prefix: 'audit_sources' });
    store = new PostgresEventStore({ connectionString: source.db.appUrl });
    const address = source.service.app.grpcAddress;
    sources = new AuditSources({ TRADER_INTERFACE_GRPC_URL: address, RISK_ANALYSIS_GRPC_URL: address } as AuditConfig);
  }, 30_000);
  afterAll(async () => {
    sources?.onModuleDestroy();
    await store?.close();
    await source?.close();
  });

  it(`asks for the deliveries of more than ${LIST_DELIVERIES_MAX} MRNs in calls of at most that many, each MRN once per service`, async () => {
    const mrns = Array.from({ length: LIST_DELIVERIES_MAX + 5 }, (_, i) => mrnOf(90_000 + i));
    const authorization = `Bearer ${await source.service.token({ role: 'auditor', userId: 'eca-1' })}`;
    await expect(sources.deliveries(mrns, { authorization, metadata: { [PURPOSE_HEADER]: 'audit sources spec' } })).resolves.toEqual([]);
    // Each source records the reads it answered: the first and the last MRN were each asked of both services, once.
    for (const mrn of [mrns[0], mrns[mrns.length - 1]]) {
      expect((await store.readStream(accessStream(mrn))).map((e) => (e.data as { resource: string }).resource)).toEqual(['deliveries', 'deliveries']);
    }
  }, 30_000);
});
