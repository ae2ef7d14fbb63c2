import { Module } from '@nestjs/common';
import { ConsultAnalysesGrpcController } from './consult-analyses.grpc-controller';
import { ConsultAnalysesQuery } from './consult-analyses.query';

@Module({ controllers: [ConsultAnalysesGrpcController], providers: [ConsultAnalysesQuery] })
export class ConsultAnalysesModule {}
