import { Module } from '@nestjs/common';
import { FilingCommands } from '../doors/filing-commands';
import { RecordPresentationGrpcController } from './record-presentation.grpc-controller';
import { RecordPresentationHandler } from './record-presentation.handler';

@Module({ controllers: [RecordPresentationGrpcController], providers: [FilingCommands, RecordPresentationHandler] })
export class RecordPresentationModule {}
