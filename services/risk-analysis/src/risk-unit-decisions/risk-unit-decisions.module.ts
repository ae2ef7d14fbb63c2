import { Module } from '@nestjs/common';
import { RiskCommands } from '../doors/risk-commands';
import { RiskUnitDecisionsGrpcController } from './risk-unit-decisions.grpc-controller';

@Module({ controllers: [RiskUnitDecisionsGrpcController], providers: [RiskCommands] })
export class RiskUnitDecisionsModule {}
