import type { ServiceDefinition } from '@ics2/platform';
import { AppModule } from './app.module';
import { ics2ErrorBody } from './doors/ics2-error-body';
import { serveOpenApi } from './openapi/openapi';
import { traderInterfaceConfig } from './service.config';

/** How the platform starts trader-interface: main.ts and the tests share it. */
export const definition: ServiceDefinition = {
  name: 'trader-interface',
  module: AppModule,
  config: traderInterfaceConfig,
  httpErrorBody: ics2ErrorBody,
  configureHttp: (app) => serveOpenApi(app),
};
