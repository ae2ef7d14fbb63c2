import type { ServiceDefinition } from '@ics2/platform';
import { AppModule } from './app.module';

/** How the platform starts common-repository: main.ts and the boot test share it. */
export const definition: ServiceDefinition = {
  name: 'common-repository',
  module: AppModule,
};
