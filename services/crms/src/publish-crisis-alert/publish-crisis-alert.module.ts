import { Module } from '@nestjs/common';
import { CrmsCommands } from '../doors/crms-commands';
import { PublishCrisisAlertGrpcController } from './publish-crisis-alert.grpc-controller';

@Module({ controllers: [PublishCrisisAlertGrpcController], providers: [CrmsCommands] })
export class PublishCrisisAlertModule {}
