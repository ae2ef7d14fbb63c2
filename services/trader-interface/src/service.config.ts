/** trader-interface's own settings, validated with the platform's at start. */
import { defineConfig, string, type ConfigOf } from '@ics2/platform';

const schema = {
  /** Where common-repository's gRPC door is: `host:port`, or `dns:///name:port` to balance over a headless Service. */
  COMMON_REPOSITORY_GRPC_URL: string({ default: '127.0.0.1:50052', pattern: /^[\w.:/\-[\]]+$/, expected: 'host:port or dns:///host:port' }),
};

export const traderInterfaceConfig = defineConfig(schema);
export type TraderInterfaceConfig = ConfigOf<typeof schema>;
