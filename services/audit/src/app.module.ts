import { Module } from '@nestjs/common';
import { EventSourcingModule, PlatformModule } from '@ics2/platform';
import { AuditModule } from './audit.module';

/** The auditors' door: read-only, over the event store itself; the platform gives auth, errors, health, metrics. */
@Module({ imports: [PlatformModule, EventSourcingModule.forService(), AuditModule] })
export class AppModule {}
