/**
 * Every schema the local stack needs, as the owner: the event store's and each service's own. Each service also
 * ships its migrations as `dist/services/<name>/src/migrate.js`, which the Kubernetes init containers run.
 */
import { migrateEventStore } from '@ics2/event-store';
import { migrateAudit } from '../../services/audit/src/migrate';
import { migrateCommonRepository } from '../../services/common-repository/src/migrate';
import { migrateControlResults } from '../../services/control-results/src/migrate';
import { migrateCrms } from '../../services/crms/src/migrate';
import { migrateRiskAnalysis } from '../../services/risk-analysis/src/migrate';
import { migrateTraderInterface } from '../../services/trader-interface/src/migrate';

export async function migrateLocalStack(ownerUrl: string): Promise<void> {
  await migrateEventStore(ownerUrl);
  await migrateCommonRepository(ownerUrl);
  await migrateTraderInterface(ownerUrl);
  await migrateRiskAnalysis(ownerUrl);
  await migrateCrms(ownerUrl);
  await migrateAudit(ownerUrl);
  await migrateControlResults(ownerUrl);
}
