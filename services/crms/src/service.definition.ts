import type { ServiceDefinition } from '@ics2/platform';
import { AppModule } from './app.module';

/** How the platform starts crms: main.ts and the boot test share it. */
export const definition: ServiceDefinition = {
  name: 'crms',
  module: AppModule,
};
