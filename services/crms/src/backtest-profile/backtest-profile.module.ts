import { Module } from '@nestjs/common';
import { CrmsCommands } from '../doors/crms-commands';
import { RiskAnalysisClient } from '../risk-analysis/risk-analysis.client';
import { BacktestProfileGrpcController } from './backtest-profile.grpc-controller';
import { BacktestProfileHandler } from './backtest-profile.handler';

@Module({ controllers: [BacktestProfileGrpcController], providers: [BacktestProfileHandler, CrmsCommands, RiskAnalysisClient] })
export class BacktestProfileModule {}
