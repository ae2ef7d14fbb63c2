import type { ServiceDefinition } from '@ics2/platform';
import { AppModule } from './app.module';

/** How the platform starts risk-analysis: main.ts and the boot test share it. */
export const definition: ServiceDefinition = {
  name: 'risk-analysis',
  module: AppModule,
};
