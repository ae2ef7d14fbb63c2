import { Module } from '@nestjs/common';
import { CrmsCommands } from '../doors/crms-commands';
import { RecordFeedbackGrpcController } from './record-feedback.grpc-controller';

@Module({ controllers: [RecordFeedbackGrpcController], providers: [CrmsCommands] })
export class RecordFeedbackModule {}
