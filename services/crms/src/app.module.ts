import { Module } from '@nestjs/common';
import { AuditSourceModule, auditableStream, EventSourcingModule, PlatformModule } from '@ics2/platform';
import { ActivateProfileModule } from './activate-profile/activate-profile.module';
import { BacktestProfileModule } from './backtest-profile/backtest-profile.module';
import { CloseRifModule } from './close-rif/close-rif.module';
import { ConsultCampaignModule } from './consult-campaign/consult-campaign.module';
import { ConsultRifsModule } from './consult-rifs/consult-rifs.module';
import { CRMS_SCHEMA } from './database/schema';
import { crisisAlertDecider } from './domain/crisis/crisis-alert.decider';
import { campaignDecider } from './domain/pca/campaign.decider';
import { rifDecider } from './domain/rif/rif.decider';
import { DraftRifModule } from './draft-rif/draft-rif.module';
import { ExpireRifModule } from './expire-rif/expire-rif.module';
import { IssueCampaignReportModule } from './issue-campaign-report/issue-campaign-report.module';
import { PublishCrisisAlertModule } from './publish-crisis-alert/publish-crisis-alert.module';
import { PublishRifModule } from './publish-rif/publish-rif.module';
import { CampaignRow } from './read-models/campaigns/campaign.row';
import { CrisisAlertRow } from './read-models/crisis-alerts/crisis-alert.row';
import { RifFeedbackRow } from './read-models/rifs/rif-feedback.row';
import { RifRow } from './read-models/rifs/rif.row';
import { RecordFeedbackModule } from './record-feedback/record-feedback.module';
import { StartCampaignModule } from './start-campaign/start-campaign.module';
import { SubscribeCrisisAlertsModule } from './subscribe-crisis-alerts/subscribe-crisis-alerts.module';
import { ReadModelsSubscription } from './subscriptions/read-models.subscription';

/** One module per ability; the platform gives health, metrics, auth, errors, the event store and read models. */
@Module({
  imports: [
    PlatformModule,
    EventSourcingModule.forService({ readModels: { schema: CRMS_SCHEMA, entities: [RifRow, RifFeedbackRow, CampaignRow, CrisisAlertRow] } }),
    DraftRifModule,
    PublishRifModule,
    RecordFeedbackModule,
    CloseRifModule,
    ExpireRifModule,
    ConsultRifsModule,
    BacktestProfileModule,
    ActivateProfileModule,
    StartCampaignModule,
    IssueCampaignReportModule,
    ConsultCampaignModule,
    PublishCrisisAlertModule,
    SubscribeCrisisAlertsModule,
    AuditSourceModule.forService({
      streams: { rif: auditableStream(rifDecider), pca: auditableStream(campaignDecider), crisis: auditableStream(crisisAlertDecider) },
    }),
  ],
  providers: [ReadModelsSubscription],
})
export class AppModule {}
