import { Module } from '@nestjs/common';
import { FilingCommands } from '../doors/filing-commands';
import { RecordPresentationGrpcController } from './record-presentation.grpc-controller';

@Module({ controllers: [RecordPresentationGrpcController], providers: [FilingCommands] })
export class RecordPresentationModule {}
