import { Module } from '@nestjs/common';
import { CrmsCommands } from '../doors/crms-commands';
import { StartCampaignGrpcController } from './start-campaign.grpc-controller';

@Module({ controllers: [StartCampaignGrpcController], providers: [CrmsCommands] })
export class StartCampaignModule {}
