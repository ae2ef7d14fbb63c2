import { Module } from '@nestjs/common';
import { ConsultRifsGrpcController } from './consult-rifs.grpc-controller';
import { ConsultRifsQuery } from './consult-rifs.query';

@Module({ controllers: [ConsultRifsGrpcController], providers: [ConsultRifsQuery] })
export class ConsultRifsModule {}
