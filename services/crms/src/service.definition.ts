import { auditV1, crmsV1 } from '@ics2/contracts';
import type { ServiceDefinition } from '@ics2/platform';
import { AppModule } from './app.module';
import { crmsConfig } from './service.config';

/** How the platform starts crms: main.ts and the tests share it. */
export const definition: ServiceDefinition = {
  name: 'crms',
  module: AppModule,
  grpc: { packages: [crmsV1.CRMS_PACKAGE, auditV1.AUDIT_PACKAGE], protoPaths: [crmsV1.CRMS_PROTO, auditV1.AUDIT_SOURCE_PROTO] },
  config: crmsConfig,
};
