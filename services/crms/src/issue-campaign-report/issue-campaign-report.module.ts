import { Module } from '@nestjs/common';
import { ControlResultsClient } from '../control-results/control-results.client';
import { CrmsCommands } from '../doors/crms-commands';
import { IssueCampaignReportGrpcController } from './issue-campaign-report.grpc-controller';
import { IssueCampaignReportHandler } from './issue-campaign-report.handler';

@Module({ controllers: [IssueCampaignReportGrpcController], providers: [IssueCampaignReportHandler, CrmsCommands, ControlResultsClient] })
export class IssueCampaignReportModule {}
