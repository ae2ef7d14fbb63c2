import { Module } from '@nestjs/common';
import { CrmsCommands } from '../doors/crms-commands';
import { RiskAnalysisClient } from '../risk-analysis/risk-analysis.client';
import { DraftRifGrpcController } from './draft-rif.grpc-controller';
import { DraftRifHandler } from './draft-rif.handler';

@Module({ controllers: [DraftRifGrpcController], providers: [DraftRifHandler, CrmsCommands, RiskAnalysisClient] })
export class DraftRifModule {}
