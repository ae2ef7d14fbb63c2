/** crms's own settings, validated with the platform's at start (one line and exit 1 when wrong). */
import { defineConfig, integer, optional, string, type ConfigOf } from '@ics2/platform';

const GRPC_ADDRESS = { pattern: /^[\w.:/\-[\]]+$/, expected: 'host:port or dns:///host:port' } as const;

const schema = {
  /** risk-analysis's gRPC door: a RIF's profile is validated and backtested there (ValidateCriterion, BacktestCriterion). */
  RISK_ANALYSIS_GRPC_URL: string({ default: '127.0.0.1:50053', ...GRPC_ADDRESS }),
  /** control-results's gRPC door: campaign reports read its criteria statistics (GetCriteriaStatistics). */
  CONTROL_RESULTS_GRPC_URL: string({ default: '127.0.0.1:50054', ...GRPC_ADDRESS }),
  /** How often the expiry processor looks for published RIFs past their validity; 0 turns it off (tests run it). */
  RIF_EXPIRY_INTERVAL_MS: integer({ min: 0, max: 86_400_000, default: 60_000 }),
  /** Partitions of the RIF projection: its replicas share them. */
  RIF_VIEW_PARTITIONS: integer({ min: 1, max: 64, default: 4 }),
  /** Opt-in parking: after this many failed attempts a projection parks the event it keeps failing on; unset: retries forever. */
  PROJECTION_MAX_ATTEMPTS: optional(integer({ min: 1, max: 1_000 })),
  /** A crisis-alert stream looks again this often even without a notification (one lost while LISTEN reconnected). */
  CRISIS_ALERTS_POLL_MS: integer({ min: 100, max: 600_000, default: 5_000 }),
};

export const crmsConfig = defineConfig(schema);
export type CrmsConfig = ConfigOf<typeof schema>;
