/** audit's own settings: where the services that own each stream category answer AuditSourceService. */
import { defineConfig, string, type ConfigOf } from '@ics2/platform';

const address = (fallback: string) => string({ default: fallback, pattern: /^[A-Za-z0-9.:/_-]+$/, expected: 'host:port or dns:///name:port' });

const schema = {
  COMMON_REPOSITORY_GRPC_URL: address('127.0.0.1:50052'),
  RISK_ANALYSIS_GRPC_URL: address('127.0.0.1:50053'),
  CONTROL_RESULTS_GRPC_URL: address('127.0.0.1:50054'),
  CRMS_GRPC_URL: address('127.0.0.1:50055'),
  TRADER_INTERFACE_GRPC_URL: address('127.0.0.1:50051'),
};

export const auditConfig = defineConfig(schema);
export type AuditConfig = ConfigOf<typeof schema>;
