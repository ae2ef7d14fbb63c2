/**
 * For the backtest int test only: the real risk-analysis service (its own definition, migrations and criteria
 * engine) on the same database and signing keys as crms, so crms's BacktestCriterion and ValidateCriterion calls,
 * carrying the caller's own token, are answered by the real peer. Test code reaching into another service is the
 * one exception to the services' walls, taken because issue 5 asks for the backtest count against the real engine;
 * production code of crms never imports risk-analysis.
 */
import type { Clock } from '@ics2/platform';
import { startTestService, type TestKeys, type TestService } from '@ics2/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test only: a real risk-analysis peer (see the header)
import { migrateRiskAnalysis } from '../../../risk-analysis/src/migrate';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test only: a real risk-analysis peer (see the header)
import { definition as riskAnalysis } from '../../../risk-analysis/src/service.definition';

export { migrateRiskAnalysis };

export function startRiskAnalysisPeer(databaseUrl: string, keys: TestKeys, clock?: Clock): Promise<TestService> {
  return startTestService(riskAnalysis, { databaseUrl, keys, clock, env: { ESCALATION_INTERVAL_MS: '0', CRITERIA_REFRESH_MS: '200' } });
}
