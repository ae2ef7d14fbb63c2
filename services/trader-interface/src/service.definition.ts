import { auditV1 } from '@ics2/contracts';
import type { ServiceDefinition } from '@ics2/platform';
import { AppModule } from './app.module';
import { ics2ErrorBody } from './doors/ics2-error-body';
import { serveOpenApi } from './openapi/openapi';
import { traderInterfaceConfig } from './service.config';

/** How the platform starts trader-interface: main.ts and the tests share it. */
export const definition: ServiceDefinition = {
  name: 'trader-interface',
  module: AppModule,
  // gRPC only for the audit door's source (its inbox's deliveries); operators use HTTP.
  grpc: { packages: [auditV1.AUDIT_PACKAGE], protoPaths: [auditV1.AUDIT_SOURCE_PROTO] },
  config: traderInterfaceConfig,
  httpErrorBody: ics2ErrorBody,
  configureHttp: (app) => serveOpenApi(app),
};
