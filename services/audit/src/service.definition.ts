import type { ServiceDefinition } from '@ics2/platform';
import { AppModule } from './app.module';
import { serveOpenApi } from './openapi/openapi';
import { auditConfig } from './service.config';

/** How the platform starts audit: main.ts and the tests share it. */
export const definition: ServiceDefinition = {
  name: 'audit',
  module: AppModule,
  config: auditConfig,
  configureHttp: (app) => serveOpenApi(app),
};
