import { Module } from '@nestjs/common';
import { CrmsCommands } from '../doors/crms-commands';
import { CloseRifGrpcController } from './close-rif.grpc-controller';

@Module({ controllers: [CloseRifGrpcController], providers: [CrmsCommands] })
export class CloseRifModule {}
