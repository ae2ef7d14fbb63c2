import { Module } from '@nestjs/common';
import { RiskCommands } from '../doors/risk-commands';
import { CriterionBacktest } from './criterion-backtest';
import { ManageCriteriaGrpcController } from './manage-criteria.grpc-controller';

@Module({ controllers: [ManageCriteriaGrpcController], providers: [CriterionBacktest, RiskCommands] })
export class ManageCriteriaModule {}
