import { Module } from '@nestjs/common';
import { CrmsCommands } from '../doors/crms-commands';
import { PublishRifGrpcController } from './publish-rif.grpc-controller';

@Module({ controllers: [PublishRifGrpcController], providers: [CrmsCommands] })
export class PublishRifModule {}
