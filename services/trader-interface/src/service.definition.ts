import type { ServiceDefinition } from '@ics2/platform';
import { AppModule } from './app.module';

/** How the platform starts trader-interface: main.ts and the boot test share it. */
export const definition: ServiceDefinition = {
  name: 'trader-interface',
  module: AppModule,
};
