import { auditV1, commonRepositoryV1 } from '@ics2/contracts';
import type { ServiceDefinition } from '@ics2/platform';
import { AppModule } from './app.module';
import { commonRepositoryConfig } from './service.config';

/** How the platform starts common-repository: main.ts and the tests share it. */
export const definition: ServiceDefinition = {
  name: 'common-repository',
  module: AppModule,
  grpc: { packages: [commonRepositoryV1.COMMON_REPOSITORY_PACKAGE, auditV1.AUDIT_PACKAGE], protoPaths: [commonRepositoryV1.COMMON_REPOSITORY_PROTO, auditV1.AUDIT_SOURCE_PROTO] },
  config: commonRepositoryConfig,
};
