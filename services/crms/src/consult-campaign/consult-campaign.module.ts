import { Module } from '@nestjs/common';
import { ConsultCampaignGrpcController } from './consult-campaign.grpc-controller';

@Module({ controllers: [ConsultCampaignGrpcController] })
export class ConsultCampaignModule {}
