/** audit's own settings: where the services that own each stream category answer AuditSourceService. */
import { defineConfig, integer, optional, string, type ConfigOf } from '@ics2/platform';

const address = (fallback: string) => string({ default: fallback, pattern: /^[A-Za-z0-9.:/_-]+$/, expected: 'host:port or dns:///name:port' });

const schema = {
  COMMON_REPOSITORY_GRPC_URL: address('127.0.0.1:50052'),
  RISK_ANALYSIS_GRPC_URL: address('127.0.0.1:50053'),
  CONTROL_RESULTS_GRPC_URL: address('127.0.0.1:50054'),
  CRMS_GRPC_URL: address('127.0.0.1:50055'),
  TRADER_INTERFACE_GRPC_URL: address('127.0.0.1:50051'),
  // Whole-store verification: events recorded longer ago than this must be under a signed checkpoint, and the newest
  // signed checkpoint may be no older (the signer heartbeats every CHECKPOINT_HEARTBEAT_MS, by default 5 intervals).
  // Default (maxUncoveredMs): ten of the signer's CHECKPOINT_INTERVAL_MS, so a checkpointer that missed a few turns
  // is not reported, while checkpoints removed to hide a rewrite are.
  AUDIT_MAX_UNCOVERED_MS: optional(integer({ min: 1_000, max: 2_592_000_000 })),
};

/** How old an uncovered event may be before verification reports it (AUDIT_MAX_UNCOVERED_MS, else 10 intervals). */
export function maxUncoveredMs(config: AuditConfig, checkpointIntervalMs: number): number {
  return config.AUDIT_MAX_UNCOVERED_MS ?? 10 * checkpointIntervalMs;
}

export const auditConfig = defineConfig(schema);
export type AuditConfig = ConfigOf<typeof schema>;
