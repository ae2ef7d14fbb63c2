import { Module } from '@nestjs/common';
import { PlatformModule } from '@ics2/platform';

// Health, metrics, gRPC health, auth and errors come from the platform; abilities are added here as they arrive.
@Module({ imports: [PlatformModule] })
export class AppModule {}
