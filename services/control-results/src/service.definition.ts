import { auditV1, controlResultsV1 } from '@ics2/contracts';
import type { ServiceDefinition } from '@ics2/platform';
import { AppModule } from './app.module';
import { controlResultsConfig } from './service.config';

/** How the platform starts control-results: main.ts and the tests share it. */
export const definition: ServiceDefinition = {
  name: 'control-results',
  module: AppModule,
  grpc: { packages: [controlResultsV1.CONTROL_RESULTS_PACKAGE, auditV1.AUDIT_PACKAGE], protoPaths: [controlResultsV1.CONTROL_RESULTS_PROTO, auditV1.AUDIT_SOURCE_PROTO] },
  config: controlResultsConfig,
};
