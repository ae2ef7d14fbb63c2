import { Module } from '@nestjs/common';
import { ConsultFilingGrpcController } from './consult-filing.grpc-controller';
import { ConsultFilingQuery } from './consult-filing.query';

@Module({ controllers: [ConsultFilingGrpcController], providers: [ConsultFilingQuery] })
export class ConsultFilingModule {}
