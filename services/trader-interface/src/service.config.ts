/** trader-interface's own settings, validated with the platform's at start. */
import { defineConfig, integer, optional, string, type ConfigOf } from '@ics2/platform';

const GRPC_ADDRESS = { pattern: /^[\w.:/\-[\]]+$/, expected: 'host:port or dns:///host:port' } as const;

const schema = {
  /** Where common-repository's gRPC door is: `host:port`, or `dns:///name:port` to balance over a headless Service. */
  COMMON_REPOSITORY_GRPC_URL: string({ default: '127.0.0.1:50052', ...GRPC_ADDRESS }),
  /** Where risk-analysis's gRPC door is (referral answers), in the same form. */
  RISK_ANALYSIS_GRPC_URL: string({ default: '127.0.0.1:50053', ...GRPC_ADDRESS }),
  /** Opt-in parking: after this many failed attempts a projection parks the event it keeps failing on; unset: retries forever. */
  PROJECTION_MAX_ATTEMPTS: optional(integer({ min: 1, max: 1_000 })),
};

export const traderInterfaceConfig = defineConfig(schema);
export type TraderInterfaceConfig = ConfigOf<typeof schema>;
