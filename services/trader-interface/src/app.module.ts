import { Module } from '@nestjs/common';
import { AuditSourceModule, EventSourcingModule, PlatformModule } from '@ics2/platform';
import { AmendFilingModule } from './amend-filing/amend-filing.module';
import { AnswerReferralModule } from './answer-referral/answer-referral.module';
import { CommonRepositoryModule } from './common-repository/common-repository.module';
import { ConsultFilingModule } from './consult-filing/consult-filing.module';
import { TRADER_INTERFACE_SCHEMA } from './database/schema';
import { IdempotencyKeysModule } from './doors/idempotency-keys.module';
import { InvalidateFilingModule } from './invalidate-filing/invalidate-filing.module';
import { NOTIFICATIONS_ENTITIES, NotificationsModule } from './notifications/notifications.module';
import { INBOX_FEED } from './notifications/inbox-sequencer';
import { NotifyArrivalModule } from './notify-arrival/notify-arrival.module';
import { RegisterFilingModule } from './register-filing/register-filing.module';
import { RiskAnalysisModule } from './risk-analysis/risk-analysis.module';

/** One module per ability; the platform gives health, metrics, auth, errors, the event store and read models. */
@Module({
  imports: [
    PlatformModule,
    EventSourcingModule.forService({ readModels: { schema: TRADER_INTERFACE_SCHEMA, entities: [...NOTIFICATIONS_ENTITIES] } }),
    CommonRepositoryModule,
    IdempotencyKeysModule,
    RiskAnalysisModule,
    RegisterFilingModule,
    ConsultFilingModule,
    AmendFilingModule,
    InvalidateFilingModule,
    NotifyArrivalModule,
    AnswerReferralModule,
    NotificationsModule,
    AuditSourceModule.forService({ streams: {}, feeds: [{ feed: INBOX_FEED, kindColumn: 'message_type', mrnColumn: 'mrn', sourceEventColumn: 'source_event_id' }] }),
  ],
})
export class AppModule {}
