import { Module } from '@nestjs/common';
import { AccessLogHttpController } from './access-log/access-log.http-controller';
import { DecisionViewHttpController } from './decision-view/decision-view.http-controller';
import { EventLog } from './event-log/event-log';
import { BundleHttpController } from './integrity/bundle.http-controller';
import { VerificationHttpController } from './integrity/verification.http-controller';
import { AuditSources } from './sources/audit-sources';
import { StateHttpController } from './state/state.http-controller';
import { TimelineHttpController } from './timeline/timeline.http-controller';

@Module({
  controllers: [TimelineHttpController, StateHttpController, DecisionViewHttpController, VerificationHttpController, BundleHttpController, AccessLogHttpController],
  providers: [EventLog, AuditSources],
})
export class AuditModule {}
