import { Module } from '@nestjs/common';
import { CriteriaStatisticsGrpcController } from './criteria-statistics.grpc-controller';
import { CriteriaStatisticsQuery } from './criteria-statistics.query';

@Module({ controllers: [CriteriaStatisticsGrpcController], providers: [CriteriaStatisticsQuery] })
export class CriteriaStatisticsModule {}
